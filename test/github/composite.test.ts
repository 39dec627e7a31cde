import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FindingInput } from '../../src/core/findings.js';
import { SecretRegistry } from '../../src/core/redaction.js';
import { EXIT, type GateResult } from '../../src/core/result.js';
import { renderReport } from '../../src/report/index.js';
import { readStageSections } from '../../src/report/markdown-data.js';
import { COMMENT_MARKER } from '../../src/report/markdown.js';
import { gateOf, stageOf } from '../report/fixtures.js';
import { readAction, runCompositeStep, runnerPath, STAGE_ACTIONS } from './composite.js';
import { usePrCommentDouble } from './pr-comments.js';
import { HEAD_SHA, pullRequestEvent, pushEvent, readOutputs, runnerFolder, STACK_TRACE } from './runner.js';

/** The run the runner folder describes, as a stage job stamps its result. */
const RUN = { repository: 'acme/shop', runId: 777, runAttempt: 1, sha: HEAD_SHA };

/**
 * The composite actions run for real: their step script under bash, the bundle on the runner's own
 * node (Node 20 here), against the OpenAPI-checked github.double. Run `npm run build` first.
 */
// Each test runs several action processes in a row; a loaded machine needs more than the default 30 s.
jest.setTimeout(120_000);

describe('composite actions end to end', () => {
  let dir: string;
  const github = usePrCommentDouble();

  /** One step; steps of one job share `shared` (the runner temp folder and the workspace). */
  const job = async (
    action: string,
    name: string,
    event: { name: string; payload: unknown },
    given: Record<string, string> = {},
    shared?: { temp: string; workspace: string },
  ) => {
    const folder = runnerFolder(dir, name);
    if (shared) Object.assign(folder, shared);
    const env = folder.env(event, github.double.url, {
      PATH: runnerPath(),
      ...(shared ? { RUNNER_TEMP: shared.temp, GITHUB_WORKSPACE: shared.workspace } : {}),
    });
    const out = await runCompositeStep(readAction(action), { 'github-token': 'ghs_stagetoken', ...given }, env, folder.workspace, folder.dir);
    const outputs = readOutputs(folder.output);
    const result = outputs.report ? (JSON.parse(readFileSync(outputs.report, 'utf8')) as GateResult) : undefined;
    return { ...out, folder, outputs, result, summary: readFileSync(folder.summary, 'utf8'), log: out.stdout + out.stderr };
  };
  const ours = (pr: number) => github.store.on(pr).filter((c) => c.body.startsWith(COMMENT_MARKER));

  /** A stage's result file as a stage job writes it, in a downloaded-artifact folder. */
  const artifact = (root: string, id: 'secrets' | 'trust', inputs: FindingInput[]) => {
    const folder = join(root, `launch-ready-${id}`);
    mkdirSync(folder, { recursive: true });
    const result = { ...gateOf([stageOf(id, inputs, { durationMs: 5 })]), run: RUN };
    writeFileSync(join(folder, `${id}.json`), renderReport(result, 'json', { secrets: new SecretRegistry() }));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lr-composite-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('two stage jobs in parallel each write their result file and their own section of one comment', async () => {
    const [trust, burst] = await Promise.all([job('trust', 'trust-job', pullRequestEvent(21)), job('burst', 'burst-job', pullRequestEvent(21))]);
    for (const [id, out] of [
      ['trust', trust],
      ['burst', burst],
    ] as const) {
      expect(out.outputs.report).toBe(join(out.folder.temp, 'launch-ready', `${id}.json`));
      expect(out.result!.stages.map((s) => s.id)).toEqual([id]);
      expect(out.code).toBe(EXIT[out.result!.status]);
      expect(out.outputs.status).toBe(out.result!.status);
      expect(out.log).not.toMatch(STACK_TRACE);
      expect(out.log).not.toContain('ghs_stagetoken');
    }
    expect(ours(21)).toHaveLength(1);
    expect(readStageSections(ours(21)[0]!.body).map((s) => s.id)).toEqual(['trust', 'burst']);
    expect(github.double.requests.every((r) => r.headers.authorization === 'Bearer ghs_stagetoken')).toBe(true);
    expect(github.double.violations).toEqual([]);
  });

  it('every stage as a step of one job, then report from the runner temp folder: one comment with every section', async () => {
    const { temp, workspace } = runnerFolder(dir, 'one-job');
    const shared = { temp, workspace };
    execFileSync('git', ['init', '-q', '.'], { cwd: shared.workspace });
    writeFileSync(join(shared.workspace, 'README.md'), '# shop\n');
    execFileSync('git', ['add', '.'], { cwd: shared.workspace });
    execFileSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-qm', 'init'], { cwd: shared.workspace });
    for (const id of STAGE_ACTIONS) {
      const out = await job(id, `one-job-${id}`, pullRequestEvent(24), {}, shared);
      expect([id, out.code]).not.toEqual([id, EXIT.usage]);
      expect([id, out.code]).toEqual([id, EXIT[out.result!.status]]);
      expect(out.log).not.toMatch(STACK_TRACE);
    }
    const report = await job('report', 'one-job-report', pullRequestEvent(24), {}, shared);
    expect(report.result!.stages.map((s) => s.id)).toEqual([...STAGE_ACTIONS]);
    expect(report.code).toBe(EXIT[report.result!.status]);
    expect(ours(24)).toHaveLength(1);
    expect(readStageSections(ours(24)[0]!.body).map((s) => s.id)).toEqual([...STAGE_ACTIONS]);
    expect(github.double.violations).toEqual([]);
    // Six steps in a row, each a node process: a loaded machine needs more than the default 30 s.
  }, 180_000);

  it('report merges downloaded artifacts, replaces the comment and fails the gate, without annotating again', async () => {
    const artifacts = join(dir, 'artifacts');
    const many = (n: number, severity: 'blocker' | 'medium'): FindingInput[] =>
      Array.from({ length: n }, (_, i) => ({
        ruleId: `${severity}-rule`,
        severity,
        title: `${severity} finding ${i}`,
        fix: 'fix it',
        paths: ['signup'],
        location: { file: `src/${severity}-${i}.ts`, line: i + 1 },
      }));
    artifact(artifacts, 'secrets', many(25, 'blocker'));
    artifact(artifacts, 'trust', [
      ...many(15, 'medium'),
      { ruleId: 'dmarc-missing', severity: 'blocker', title: 'No DMARC', fix: 'Publish DMARC', paths: ['email'], location: { host: 'example.com' } },
    ]);
    github.store.seed(22, 3);
    const out = await job('report', 'report-job', pullRequestEvent(22), { from: artifacts, stages: 'secrets,trust' });
    expect(out.code).toBe(EXIT.fail);
    expect(out.outputs).toMatchObject({ status: 'fail', blockers: '26' });
    expect(out.result!.stages.map((s) => s.id)).toEqual(['secrets', 'trust']);
    expect(out.result!.run).toEqual(RUN);
    // The stage jobs annotated their findings in their own logs; once is enough.
    expect(out.log).not.toMatch(/^::(error|warning) title=launch-ready F/m);
    expect(out.summary).not.toContain('annotations were not added');
    expect(out.log).toContain('::error::launch-ready: the gate failed');
    const body = ours(22)[0]!.body;
    expect(ours(22)).toHaveLength(1);
    expect(body).toMatch(/\| Sign-up \/ booking \| ❌ no \| F1, /);
    expect(readStageSections(body).map((s) => s.id)).toEqual(['secrets', 'trust']);
    expect(github.double.violations).toEqual([]);
  });

  it('a stage job with a read-only token warns once, writes the summary and keeps the exit code', async () => {
    github.store.readOnly = true;
    const out = await job('trust', 'fork-job', pullRequestEvent(23));
    expect(out.code).toBe(EXIT[out.result!.status]);
    expect(out.log.match(/::warning::launch-ready: PR comment not written/g)).toHaveLength(1);
    // A 403 without Retry-After or a rate-limit header is a permission answer: asked once, not retried.
    expect(github.double.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(1);
    expect(out.summary).toContain('PR comment not written');
    expect(out.log).not.toMatch(STACK_TRACE);
  });

  it("an env file that does not exist is launch-ready's exit 2 naming it, not Node's own --env-file error", async () => {
    const out = await job('env', 'env-missing-file', pushEvent, { 'env-files': 'missing.env' });
    expect(out.code).toBe(EXIT.usage);
    expect(out.log).toMatch(/::error::launch-ready: .*missing\.env/);
    expect(out.log).not.toContain('node: missing.env: not found');
  });

  it('report on push skips the comment; a folder without results is an error for each stage it expected', async () => {
    const empty = join(dir, 'no-artifacts');
    mkdirSync(empty, { recursive: true });
    const out = await job('report', 'report-empty', pushEvent, { from: empty, stages: 'secrets,trust' });
    expect(out.code).toBe(EXIT.error);
    expect(out.result!.stages.map((s) => [s.id, s.status])).toEqual([
      ['secrets', 'error'],
      ['trust', 'error'],
    ]);
    expect(out.log).toContain('no result from the `secrets` job: it failed, was cancelled or did not upload its artifact');
    expect(out.log).toContain('::error::launch-ready: a stage could not run');
    expect(out.log).not.toMatch(STACK_TRACE);
    expect(github.double.requests).toHaveLength(0);
  });
});
