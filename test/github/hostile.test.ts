import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FindingInput } from '../../src/core/findings.js';
import { SecretRegistry } from '../../src/core/redaction.js';
import { EXIT, type GateResult, type RunIdentity } from '../../src/core/result.js';
import { renderReport } from '../../src/report/index.js';
import { COMMENT_MARKER } from '../../src/report/markdown.js';
import { gateOf, stageOf } from '../report/fixtures.js';
import { readAction, runCompositeStep, runnerPath } from './composite.js';
import { usePrCommentDouble } from './pr-comments.js';
import { HEAD_SHA, MERGE_SHA, pullRequestEvent, pushEvent, readOutputs, ROOT, run, runnerFolder, STACK_TRACE } from './runner.js';

/**
 * The table of issue #9, row by row: what a hostile pull request could do to the gate, run end to
 * end as the runner runs the actions (composite steps under bash, the root action's bundle), against
 * the OpenAPI-checked GitHub double. Each hostile case sits next to the friendly case that still passes.
 * Run `npm run build` first.
 */

// Each test runs several action processes in a row; a loaded machine needs more than the default 30 s.
jest.setTimeout(120_000);

type Event = { name: string; payload: unknown };

/** Workflow commands the runner would execute from a log, honouring `::stop-commands::`. */
export function executedCommands(log: string): string[] {
  const commands: string[] = [];
  let stoppedUntil: string | undefined;
  for (const line of log.split('\n')) {
    if (stoppedUntil !== undefined) {
      if (line === `::${stoppedUntil}::`) stoppedUntil = undefined;
      continue;
    }
    // As the runner reads them: the command, its properties up to the first `::`, then the message.
    const match = /^::([a-z-]+)(?: (.*?))?::(.*)$/.exec(line);
    if (!match) continue;
    if (match[1] === 'stop-commands') stoppedUntil = match[3];
    else commands.push(line);
  }
  return commands;
}

describe('the gate holds against the pull request it checks', () => {
  let dir: string;
  const github = usePrCommentDouble();
  const RUN: RunIdentity = { repository: 'acme/shop', runId: 777, runAttempt: 1, sha: HEAD_SHA };

  const outcomeOf = (folder: ReturnType<typeof runnerFolder>, out: { code: number; stdout: string; stderr: string }) => {
    const outputs = readOutputs(folder.output);
    const result = outputs.report ? (JSON.parse(readFileSync(outputs.report, 'utf8')) as GateResult) : undefined;
    return {
      ...out,
      outputs,
      result,
      summary: readFileSync(folder.summary, 'utf8'),
      log: out.stdout + out.stderr,
      findings: result?.stages.flatMap((s) => s.findings) ?? [],
    };
  };
  /** A composite action's step, in its own job folder (or `workspace`, a prepared checkout). */
  const step = async (action: string, name: string, event: Event, given: Record<string, string> = {}, workspace?: string) => {
    const folder = runnerFolder(dir, name);
    if (workspace) folder.workspace = workspace;
    const env = folder.env(event, github.double.url, { PATH: runnerPath(), GITHUB_WORKSPACE: folder.workspace });
    const out = await runCompositeStep(readAction(action), { 'github-token': 'ghs_workflowtoken', ...given }, env, folder.workspace, folder.dir);
    return outcomeOf(folder, out);
  };
  /** The root action's bundle with hyphenated INPUT_* names. */
  const root = async (name: string, event: Event, inputs: Record<string, string>, workspace?: string) => {
    const folder = runnerFolder(dir, name);
    if (workspace) folder.workspace = workspace;
    const env = folder.env(event, github.double.url, {
      'INPUT_GITHUB-TOKEN': 'ghs_workflowtoken',
      INPUT_CONFIG: 'launch-ready.yml',
      INPUT_STAGES: '',
      'INPUT_FAIL-ON': 'blocker',
      INPUT_COMMENT: 'true',
      GITHUB_WORKSPACE: folder.workspace,
      ...inputs,
    });
    return outcomeOf(folder, await run(process.execPath, [join(ROOT, 'dist/action.js')], env, folder.workspace));
  };
  const ours = (pr: number) => github.store.on(pr).filter((c) => c.body.startsWith(COMMENT_MARKER));

  /** A stage result as a stage job of this run writes it (or stamped otherwise, or not at all). */
  const stageFile = (path: string, id: 'secrets' | 'trust', inputs: FindingInput[], stamp: RunIdentity | null = RUN) => {
    mkdirSync(dirname(path), { recursive: true });
    const result = {
      ...gateOf([stageOf(id, inputs, { durationMs: 5, checkedPaths: ['signup', 'checkout', 'login', 'email', 'homepage', 'deploy'] })]),
      ...(stamp ? { run: stamp } : {}),
    };
    writeFileSync(path, renderReport(result, 'json', { secrets: new SecretRegistry() }));
  };

  /** A git checkout: a base commit, then the pull request's commit on top; returns both shas. */
  const checkout = (name: string, base: Record<string, string>, head: Record<string, string>) => {
    const repo = join(dir, name);
    mkdirSync(repo, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', '-c', 'init.defaultBranch=main', ...args], {
        cwd: repo,
        encoding: 'utf8',
      }).trim();
    const commit = (files: Record<string, string>, message: string) => {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(repo, path)), { recursive: true });
        writeFileSync(join(repo, path), text);
      }
      git('add', '-A');
      git('commit', '-qm', message, '--allow-empty');
      return git('rev-parse', 'HEAD');
    };
    git('init', '-q', '.');
    const baseSha = commit({ 'README.md': '# shop\n', ...base }, 'base');
    const headSha = commit(head, 'pull request');
    return { repo, baseSha, headSha };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lr-hostile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('1. a stage job that died before writing its result', () => {
    it('hostile: the report names the missing stage as an error (exit 3), not "no blockers found"', async () => {
      const from = join(dir, 'row1-hostile');
      stageFile(join(from, 'launch-ready-trust', 'trust.json'), 'trust', []);
      const out = await step('report', 'row1-hostile-job', pullRequestEvent(101), { from, stages: 'secrets,trust' });
      expect(out.code).toBe(EXIT.error);
      expect(out.outputs.status).toBe('error');
      expect(out.result!.stages.map((s) => [s.id, s.status])).toEqual([
        ['secrets', 'error'],
        ['trust', 'pass'],
      ]);
      expect(out.log).toContain('no result from the `secrets` job: it failed, was cancelled or did not upload its artifact');
      const body = ours(101)[0]!.body;
      expect(body).toContain('## launch-ready: 💥 a stage could not run');
      expect(body).toContain('no result from the `secrets` job');
      expect(body).not.toMatch(/✅ (ready to launch|no blockers found)/);
      expect(github.double.violations).toEqual([]);
    });

    it('hostile: without a stages input, the stages launch-ready.yml enables are the ones expected', async () => {
      const from = join(dir, 'row1-config');
      stageFile(join(from, 'trust.json'), 'trust', []);
      const folder = join(dir, 'row1-config-workspace');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'launch-ready.yml'), 'env: {enabled: false}\nburst: {enabled: false}\nrollback: {enabled: false}\n');
      const out = await step('report', 'row1-config-job', pushEvent, { from }, folder);
      expect(out.result!.stages.find((s) => s.id === 'secrets')?.status).toBe('error');
      expect(out.code).toBe(EXIT.error);
    });

    it('friendly: every expected result is there: the gate passes', async () => {
      const from = join(dir, 'row1-friendly');
      stageFile(join(from, 'launch-ready-secrets', 'secrets.json'), 'secrets', []);
      stageFile(join(from, 'launch-ready-trust', 'trust.json'), 'trust', []);
      const out = await step('report', 'row1-friendly-job', pullRequestEvent(102), { from, stages: 'secrets,trust' });
      expect(out.code).toBe(EXIT.pass);
      expect(out.result!.stages.map((s) => [s.id, s.status])).toEqual([
        ['secrets', 'pass'],
        ['trust', 'pass'],
      ]);
      expect(ours(102)[0]!.body).toMatch(/^## launch-ready: ✅ ready to launch$/m);
    });
  });

  describe('2. a result file committed in the pull request', () => {
    const blocker: FindingInput = {
      ruleId: 'dmarc-missing',
      severity: 'blocker',
      title: 'No DMARC record',
      fix: 'Publish DMARC',
      paths: ['email'],
      location: { host: 'example.com' },
    };

    it('hostile: a forged trust.json in the workspace is not merged; the report names it and trust is an error', async () => {
      const workspace = join(dir, 'row2-workspace');
      stageFile(join(workspace, 'results', 'trust.json'), 'trust', [], null);
      stageFile(join(workspace, 'results', 'stale', 'secrets.json'), 'secrets', [], { ...RUN, sha: 'b'.repeat(40) });
      const out = await step('report', 'row2-hostile-job', pullRequestEvent(103), { from: 'results', stages: 'secrets,trust' }, workspace);
      expect(out.code).toBe(EXIT.error);
      expect(out.result!.stages.map((s) => [s.id, s.status])).toEqual([
        ['secrets', 'error'],
        ['trust', 'error'],
      ]);
      expect(out.log).toMatch(/::warning::launch-ready: report: .*results\/trust\.json not merged: it carries no run stamp/);
      expect(out.log).toMatch(/::warning::launch-ready: report: .*results\/stale\/secrets\.json not merged: it was written for commit bbbbbbbbbbbb/);
      expect(out.summary).toContain('trust.json not merged');
      expect(out.result!.criticalPaths.every((p) => !p.ok)).toBe(true);
    });

    it("friendly: the same result written by this run's stage job is merged and its blocker fails the gate", async () => {
      const from = join(dir, 'row2-friendly');
      stageFile(join(from, 'launch-ready-trust', 'trust.json'), 'trust', [blocker]);
      const out = await step('report', 'row2-friendly-job', pullRequestEvent(104), { from, stages: 'trust' });
      expect(out.code).toBe(EXIT.fail);
      expect(out.result!.stages[0]!.findings.map((f) => f.ruleId)).toEqual(['dmarc-missing']);
      expect(out.log).not.toContain('not merged');
    });
  });

  describe("3. the pull request weakens launch-ready's own config", () => {
    it('hostile: failOn: never and a new .gitleaksignore entry fail the secrets job, and the comment shows the change', async () => {
      const { repo, baseSha } = checkout(
        'row3-stage',
        { 'launch-ready.yml': 'failOn: blocker\n' },
        { 'launch-ready.yml': 'failOn: never\n', '.gitleaksignore': 'abc123:src/config.ts:github-pat:4\n' },
      );
      const out = await step('secrets', 'row3-stage-job', pullRequestEvent(105, { base: baseSha }), { history: 'false' }, repo);
      expect(out.code).toBe(EXIT.fail);
      expect(out.result!.failOn).toBe('blocker');
      expect(out.findings.map((f) => [f.ruleId, f.severity, f.evidence])).toEqual(
        expect.arrayContaining([
          ['config-fail-on-raised', 'blocker', 'failOn: blocker → never'],
          ['config-suppression-added', 'blocker', '+ abc123:src/config.ts:github-pat:4'],
        ]),
      );
      const body = ours(105)[0]!.body;
      expect(body).toContain('failOn: blocker → never');
      expect(body).toContain('.gitleaksignore');
      expect(github.double.violations).toEqual([]);
    });

    it('friendly: a pull request that leaves the config alone passes the same job', async () => {
      const { repo, baseSha } = checkout('row3-stage-ok', { 'launch-ready.yml': 'failOn: blocker\n' }, { 'README.md': '# shop\n\nNow with docs.\n' });
      const out = await step('secrets', 'row3-stage-ok-job', pullRequestEvent(106, { base: baseSha }), { history: 'false' }, repo);
      expect(out.findings.filter((f) => f.ruleId.startsWith('config-'))).toEqual([]);
      expect(out.code).toBe(EXIT.pass);
    });

    it('hostile: secrets: {enabled: false} in the root action is a blocker under the secrets stage', async () => {
      const { repo, baseSha } = checkout(
        'row3-root',
        { 'launch-ready.yml': 'env: {enabled: false}\n' },
        { 'launch-ready.yml': 'env: {enabled: false}\nsecrets: {enabled: false}\n' },
      );
      const out = await root('row3-root-job', pullRequestEvent(107, { base: baseSha }), {}, repo);
      expect(out.code).toBe(EXIT.fail);
      const secrets = out.result!.stages.find((s) => s.id === 'secrets')!;
      expect(secrets.summary).toBe('Secrets: not run: this pull request turns it off');
      expect(secrets.findings.map((f) => [f.ruleId, f.severity, f.evidence])).toEqual([['config-stage-disabled', 'blocker', 'secrets.enabled: true → false']]);
      expect(out.log).not.toMatch(STACK_TRACE);
    });

    it("friendly: the workflow's stages input wins over the file, so the same change weakens nothing", async () => {
      const { repo, baseSha } = checkout('row3-root-ok', {}, { 'launch-ready.yml': 'secrets: {enabled: false}\n' });
      const out = await root('row3-root-ok-job', pullRequestEvent(108, { base: baseSha }), { INPUT_STAGES: 'secrets', 'INPUT_FAIL-ON': 'blocker' }, repo);
      expect(out.result!.stages.map((s) => s.id)).toEqual(['secrets']);
      expect(out.findings.filter((f) => f.ruleId.startsWith('config-'))).toEqual([]);
      expect(out.code).toBe(EXIT[out.result!.status]);
    });

    it('a base that cannot be fetched is an error with the fix, not "unchanged"; config-changes: report makes it a note', async () => {
      const { repo } = checkout('row3-shallow', {}, { 'launch-ready.yml': 'failOn: never\n' });
      const missing = '0123456789abcdef0123456789abcdef01234567';
      const blocked = await step('secrets', 'row3-shallow-job', pullRequestEvent(109, { base: missing }), { history: 'false' }, repo);
      expect(blocked.code).toBe(EXIT.error);
      expect(blocked.log).toContain(
        "could not compare launch-ready's config with the pull request's base: the pull request's base commit 0123456789ab is not in the checkout",
      );
      const noted = await step(
        'secrets',
        'row3-shallow-report',
        pullRequestEvent(110, { base: missing }),
        { history: 'false', 'config-changes': 'report' },
        repo,
      );
      expect(noted.findings.map((f) => [f.ruleId, f.severity])).toEqual([['config-base-unavailable', 'info']]);
      expect(noted.code).toBe(EXIT.pass);
    });

    it('config-changes: report shows the change without failing; the report job blocks a raised failOn by default', async () => {
      const { repo, baseSha } = checkout('row3-modes', {}, { 'launch-ready.yml': 'failOn: never\n' });
      const reported = await step(
        'secrets',
        'row3-modes-report',
        pullRequestEvent(111, { base: baseSha }),
        { history: 'false', 'config-changes': 'report' },
        repo,
      );
      expect(reported.findings.map((f) => [f.ruleId, f.severity])).toEqual([['config-fail-on-raised', 'info']]);
      expect(reported.code).toBe(EXIT.pass);
      const from = join(dir, 'row3-modes-results');
      stageFile(join(from, 'secrets.json'), 'secrets', []);
      const merged = await step('report', 'row3-modes-merge', pullRequestEvent(111, { base: baseSha }), { from, stages: 'secrets' }, repo);
      expect(merged.code).toBe(EXIT.fail);
      expect(merged.findings.map((f) => f.ruleId)).toEqual(['config-fail-on-raised']);
    });
  });

  describe('5. a file name that carries a workflow command', () => {
    const injected: FindingInput = {
      ruleId: 'github-pat',
      severity: 'blocker',
      title: 'A token\n::warning::forged warning',
      fix: 'Revoke it',
      paths: ['deploy'],
      location: { file: 'src/a\n::notice::injected from a file name\n.ts', line: 3 },
      evidence: 'x\n::add-mask::nothing',
    };

    it('the runner-command parser of this test sees a bare command (negative control)', () => {
      expect(executedCommands('text\n::notice::injected\n')).toEqual(['::notice::injected']);
      expect(executedCommands('::stop-commands::t1\n::notice::inside\n::t1::\n::notice::after\n')).toEqual(['::notice::after']);
    });

    it('hostile: the text report in the log never starts a workflow command; annotations are escaped', async () => {
      const from = join(dir, 'row5');
      stageFile(join(from, 'secrets.json'), 'secrets', [injected], { ...RUN, sha: MERGE_SHA });
      const out = await step('report', 'row5-job', pushEvent, { from, stages: 'secrets' });
      expect(out.stdout).toContain('::notice::injected from a file name');
      const commands = executedCommands(out.stdout);
      expect(commands.filter((c) => /injected|forged|add-mask/.test(c))).toEqual([]);
      expect(commands).toContain('::error::launch-ready: the gate failed; see the job summary');
    });

    it('hostile: a stage job annotating that finding escapes the newline (no command of its own)', async () => {
      const { repo } = checkout(
        'row5-stage',
        {},
        { 'src/a\n::notice::injected from a file name\n.env': 'GITHUB_TOKEN=ghp_R8x2Kq9Lm4Np7Vt1Wz3Yb6Cd5Ef0Gh2Jk4Mn\n' },
      );
      const out = await step('secrets', 'row5-stage-job', pushEvent, { history: 'false' }, repo);
      expect(out.findings.map((f) => f.location?.file)).toEqual(['src/a\n::notice::injected from a file name\n.env']);
      const commands = executedCommands(out.stdout);
      expect(commands.filter((c) => /^::notice/.test(c))).toEqual([]);
      expect(commands.filter((c) => /^::(error|warning) .*file=src\/a%0A%3A%3Anotice%3A%3Ainjected from a file name%0A\.env/.test(c))).toHaveLength(1);
    });
  });

  describe('6. a comment by someone else that starts with the marker', () => {
    it('hostile: is never edited; the action writes its own comment', async () => {
      const forged = github.store.post(112, `${COMMENT_MARKER}\n## launch-ready: ✅ ready to launch\n`, 'mallory');
      const out = await root('row6-hostile', pullRequestEvent(112), { INPUT_STAGES: 'burst' });
      expect(out.code).toBe(EXIT[out.result!.status]);
      expect(github.store.on(112).find((c) => c.id === forged.id)!.body).toBe(`${COMMENT_MARKER}\n## launch-ready: ✅ ready to launch\n`);
      expect(ours(112).map((c) => c.author)).toEqual(['mallory', 'github-actions[bot]']);
      expect(github.double.requests.filter((r) => r.operationId === 'issues/update-comment')).toEqual([]);
    });

    it("friendly: its own comment is updated; an app token updates the app's comment with comment-author", async () => {
      await root('row6-first', pullRequestEvent(113), { INPUT_STAGES: 'burst' });
      await root('row6-second', pullRequestEvent(113), { INPUT_STAGES: 'burst' });
      expect(ours(113).map((c) => c.author)).toEqual(['github-actions[bot]']);
      github.store.identities.ghs_apptoken = 'launch-app[bot]';
      const app = { 'INPUT_GITHUB-TOKEN': 'ghs_apptoken', 'INPUT_COMMENT-AUTHOR': 'launch-app[bot]', INPUT_STAGES: 'burst' };
      await root('row6-app-1', pullRequestEvent(113), app);
      await root('row6-app-2', pullRequestEvent(113), app);
      expect(ours(113).map((c) => c.author)).toEqual(['github-actions[bot]', 'launch-app[bot]']);
      expect(github.double.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(2);
    });
  });

  describe('7. two gates on one pull request', () => {
    it('hostile without a key, friendly with one: comment-key keeps one comment per gate', async () => {
      await root('row7-staging', pullRequestEvent(114), { INPUT_STAGES: 'burst', 'INPUT_COMMENT-KEY': 'staging' });
      await root('row7-production', pullRequestEvent(114), { INPUT_STAGES: 'burst', 'INPUT_COMMENT-KEY': 'production' });
      await root('row7-staging-again', pullRequestEvent(114), { INPUT_STAGES: 'burst', 'INPUT_COMMENT-KEY': 'staging' });
      const bodies = ours(114).map((c) => c.body.split('\n')[1]);
      expect(bodies).toEqual(['<!-- launch-ready-key: staging -->', '<!-- launch-ready-key: production -->']);
      expect(github.double.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(2);
      await root('row7-default', pullRequestEvent(114), { INPUT_STAGES: 'burst' });
      expect(ours(114)).toHaveLength(3);
    });

    it('a comment-key with other characters is a usage error naming the input', async () => {
      const out = await root('row7-bad-key', pushEvent, { 'INPUT_COMMENT-KEY': 'a key -->' });
      expect(out.code).toBe(EXIT.usage);
      expect(out.log).toContain('::error::launch-ready: input comment-key: "a key -->" has characters other than');
    });
  });

  describe('8. errors still leave a trace', () => {
    it('a usage error writes the job summary and status=error', async () => {
      const out = await root('row8-usage', pushEvent, { 'INPUT_FAIL-ON': 'blockers' });
      expect(out.code).toBe(EXIT.usage);
      expect(out.outputs.status).toBe('error');
      expect(out.summary).toContain('## launch-ready: could not run');
      expect(out.summary).toContain('input fail-on: "blockers" is not a severity');
      const composite = await step('secrets', 'row8-usage-stage', pushEvent, { history: 'maybe' });
      expect(composite.code).toBe(EXIT.usage);
      expect(composite.outputs.status).toBe('error');
      expect(composite.summary).toContain('input history: "maybe" is not true or false');
    });
  });
});
