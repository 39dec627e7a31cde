import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, type GateResult } from '../../src/core/result.js';
import { COMMENT_MARKER } from '../../src/report/markdown.js';
import { usePrCommentDouble } from './pr-comments.js';
import { pullRequestEvent, pushEvent, readOutputs, ROOT, run, runnerFolder, STACK_TRACE } from './runner.js';

/**
 * The root action end to end, as the runner runs it: `node dist/action.js` with the runner's
 * variables, hyphenated INPUT_* names, and GITHUB_API_URL pointing at the OpenAPI-checked github.double.
 * `stages: burst` gives a deterministic gate whatever the other stages' state (run `npm run build` first).
 */
describe('root action (dist/action.js)', () => {
  let dir: string;
  const github = usePrCommentDouble();
  const inputs = {
    'INPUT_GITHUB-TOKEN': 'ghs_roottoken',
    INPUT_CONFIG: 'launch-ready.yml',
    INPUT_STAGES: 'burst',
    'INPUT_FAIL-ON': 'blocker',
    INPUT_COMMENT: 'true',
  };

  const runAction = async (name: string, event: { name: string; payload: unknown }, extra: Record<string, string> = {}) => {
    const folder = runnerFolder(dir, name);
    const outcome = await run(
      process.execPath,
      [join(ROOT, 'dist/action.js')],
      folder.env(event, github.double.url, { ...inputs, ...extra }),
      folder.workspace,
    );
    const outputs = readOutputs(folder.output);
    const result = outputs.report ? (JSON.parse(readFileSync(outputs.report, 'utf8')) as GateResult) : undefined;
    return { ...outcome, outputs, result, summary: readFileSync(folder.summary, 'utf8'), log: outcome.stdout + outcome.stderr };
  };
  const ours = (pr: number) => github.store.on(pr).filter((c) => c.body.startsWith(COMMENT_MARKER));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lr-action-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates exactly one comment on the first run and updates it on the second', async () => {
    const first = await runAction('first', pullRequestEvent(12));
    expect(first.result).toBeDefined();
    expect(first.code).toBe(EXIT[first.result!.status]);
    expect(first.outputs).toMatchObject({ status: first.result!.status, blockers: '0' });
    expect(ours(12)).toHaveLength(1);
    const id = ours(12)[0]!.id;
    expect(first.summary).toContain('## launch-ready:');
    expect(first.log).not.toMatch(STACK_TRACE);
    expect(first.log).not.toContain('ghs_roottoken');

    const second = await runAction('second', pullRequestEvent(12));
    expect(second.code).toBe(first.code);
    expect(ours(12).map((c) => c.id)).toEqual([id]);
    expect(github.double.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(1);
    expect(github.double.requests.some((r) => r.operationId === 'issues/update-comment')).toBe(true);
    expect(github.double.requests.every((r) => r.headers.authorization === 'Bearer ghs_roottoken')).toBe(true);
    expect(github.double.violations).toEqual([]);
  });

  it('finds and updates its comment when 120 other comments come first', async () => {
    github.store.seed(13, 120);
    await runAction('paged-1', pullRequestEvent(13));
    github.store.seed(13, 5);
    await runAction('paged-2', pullRequestEvent(13));
    expect(ours(13)).toHaveLength(1);
    expect(github.store.on(13)).toHaveLength(126);
    expect(github.double.requests.filter((r) => r.operationId === 'issues/create-comment')).toHaveLength(1);
    expect(github.double.violations).toEqual([]);
  });

  it('with a read-only token (fork PR) warns once, still writes the summary and applies the gate', async () => {
    github.store.readOnly = true;
    const out = await runAction('fork', pullRequestEvent(14));
    expect(out.code).toBe(EXIT[out.result!.status]);
    expect(out.log.match(/::warning::launch-ready: PR comment not written/g)).toHaveLength(1);
    expect(out.log).toContain('HTTP 403: Resource not accessible by integration');
    expect(out.summary).toContain('## launch-ready:');
    expect(out.summary).toContain('PR comment not written');
    expect(out.log).not.toMatch(STACK_TRACE);
    expect(github.double.violations).toEqual([]);
  });

  it('skips the comment on push and still writes the summary and outputs', async () => {
    const out = await runAction('push', pushEvent);
    expect(github.double.requests).toHaveLength(0);
    expect(out.log).toContain('no pull request for this push event: PR comment skipped');
    expect(out.summary).toContain('## launch-ready:');
    expect(out.outputs.report).toBe(join(dir, 'push', 'runner-temp', 'launch-ready', 'result.json'));
    expect(out.code).toBe(EXIT[out.result!.status]);
  });

  it('with comment: false writes no comment on a pull request, and still the summary', async () => {
    const out = await runAction('no-comment', pullRequestEvent(15), { INPUT_COMMENT: 'false' });
    expect(github.double.requests).toHaveLength(0);
    expect(out.summary).toContain('## launch-ready:');
    expect(out.code).toBe(EXIT[out.result!.status]);
  });

  it.each([
    ['fail-on', { 'INPUT_FAIL-ON': 'blockers' }, 'input fail-on: "blockers" is not a severity; did you mean "blocker"?'],
    ['stages', { INPUT_STAGES: 'secrets,trsut' }, 'input stages: unknown stage "trsut"; did you mean "trust"?'],
    ['comment', { INPUT_COMMENT: 'yes' }, 'input comment: "yes" is not true or false; write comment: true or comment: false'],
    [
      'config',
      { INPUT_CONFIG: 'missing.yml' },
      'input config: missing.yml: no such file in the workspace; check out the repository first (actions/checkout) or fix the path',
    ],
  ])('a bad %s input is exit 2 with one clear error', async (_name, extra, message) => {
    const out = await runAction(`bad-${_name}`, pushEvent, extra);
    expect(out.code).toBe(EXIT.usage);
    expect(out.log).toContain(`::error::launch-ready: ${message}`);
    expect(out.log).not.toMatch(STACK_TRACE);
  });
});
