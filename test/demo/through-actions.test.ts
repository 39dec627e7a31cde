import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, type GateResult } from '../../src/core/result.js';
import { startDemoLaunch, type DemoLaunch } from '../../src/demo/launch.js';
import { readStageSections } from '../../src/report/markdown-data.js';
import { COMMENT_MARKER } from '../../src/report/markdown.js';
import { readAction, runCompositeStep, runnerPath, STAGE_ACTIONS } from '../github/composite.js';
import { usePrCommentDouble } from '../github/pr-comments.js';
import { pullRequestEvent, readOutputs, ROOT, run, runnerFolder, STACK_TRACE } from '../github/runner.js';

/**
 * The whole gate against the demo launch through the GitHub surface, as the runner runs it: the
 * root action, then the six composite actions and `actions/report` as steps of one job, then the
 * stages as parallel jobs (burst split in two shards) and a report job, all against the
 * OpenAPI-checked GitHub double. Run `npm run build` first.
 */
jest.setTimeout(240_000);

describe('the demo launch through the actions', () => {
  let launch: DemoLaunch;
  let dir: string;
  const github = usePrCommentDouble();
  const ours = (pr: number) => github.store.on(pr).filter((c) => c.body.startsWith(COMMENT_MARKER));
  const noSecretIn = (text: string) => launch.plantedSecrets.filter((secret) => text.includes(secret));

  beforeAll(async () => {
    launch = await startDemoLaunch(false);
    dir = mkdtempSync(join(tmpdir(), 'lr-demo-actions-'));
  }, 60_000);
  afterAll(async () => {
    await launch?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stepEnv = (name: string, pr: number, shared?: { temp: string }) => {
    const folder = runnerFolder(dir, name);
    if (shared) folder.temp = shared.temp;
    const env = folder.env(pullRequestEvent(pr), github.double.url, {
      PATH: runnerPath(),
      GITHUB_WORKSPACE: launch.dir,
      ...(shared ? { RUNNER_TEMP: shared.temp } : {}),
    });
    return { folder, env };
  };
  const composite = async (action: string, name: string, pr: number, given: Record<string, string>, shared?: { temp: string }) => {
    const { folder, env } = stepEnv(name, pr, shared);
    const out = await runCompositeStep(
      readAction(action),
      { 'github-token': 'ghs_stagetoken', config: launch.configFile, ...given },
      env,
      launch.dir,
      folder.dir,
    );
    return { ...out, outputs: readOutputs(folder.output), summary: readFileSync(folder.summary, 'utf8'), log: out.stdout + out.stderr, folder };
  };

  it('the root action fails the gate on the planted faults and posts one comment with every stage', async () => {
    const { folder, env } = stepEnv('root', 41);
    const inputs = { 'INPUT_GITHUB-TOKEN': 'ghs_roottoken', INPUT_CONFIG: launch.configFile, 'INPUT_FAIL-ON': 'blocker', INPUT_COMMENT: 'true' };
    const out = await run(process.execPath, [join(ROOT, 'dist/action.js')], { ...env, ...inputs }, launch.dir);
    const outputs = readOutputs(folder.output);
    const result = JSON.parse(readFileSync(outputs.report!, 'utf8')) as GateResult;
    expect(out.code).toBe(EXIT.fail);
    expect(outputs.status).toBe('fail');
    expect(Number(outputs.blockers)).toBeGreaterThanOrEqual(5);
    // In schedule order: the passive stages, then burst alone, then the rollback drill last.
    expect(result.stages.map((s) => [s.id, s.status])).toEqual([
      ['secrets', 'fail'],
      ['env', 'fail'],
      ['trust', 'fail'],
      ['readiness', 'warn'],
      ['burst', 'fail'],
      ['rollback', 'pass'],
    ]);
    const [comment] = ours(41);
    expect(ours(41)).toHaveLength(1);
    expect(
      readStageSections(comment!.body)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...STAGE_ACTIONS].sort());
    expect(comment!.body).toContain('### Launch blockers, most urgent first');
    expect(comment!.body).toMatch(/\| \*\*F1\*\* \| 🔴 blocker/);
    expect(comment!.body).toContain('### Critical paths');
    const all = out.stdout + out.stderr + comment!.body + readFileSync(folder.summary, 'utf8') + readFileSync(outputs.report!, 'utf8');
    expect(noSecretIn(all)).toEqual([]);
    expect(all).toContain('sk_l…(32 chars)');
    expect(out.stdout + out.stderr).not.toMatch(STACK_TRACE);
    expect(github.double.violations).toEqual([]);
  });

  it('the six stage actions as steps of one job, then actions/report: one comment, no section lost', async () => {
    const shared = { temp: join(dir, 'one-job-temp') };
    for (const stage of STAGE_ACTIONS) {
      const out = await composite(stage, `step-${stage}`, 42, {}, shared);
      expect([stage, out.log]).not.toEqual([stage, expect.stringMatching(STACK_TRACE)]);
      expect([stage, out.outputs.status]).toEqual([stage, expect.stringMatching(/^(pass|fail|error)$/)]);
    }
    const report = await composite('report', 'step-report', 42, {}, shared);
    expect(report.code).toBe(EXIT.fail);
    expect(report.outputs.status).toBe('fail');
    expect(ours(42)).toHaveLength(1);
    expect(
      readStageSections(ours(42)[0]!.body)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...STAGE_ACTIONS].sort());
    expect(noSecretIn(ours(42)[0]!.body + report.summary + report.log)).toEqual([]);
    expect(github.double.violations).toEqual([]);
  });

  it('stages as parallel jobs, burst in two shards, then a report job that merges the shards exactly', async () => {
    const jobs = [
      ...STAGE_ACTIONS.filter((s) => s !== 'burst').map((stage) => ({ stage, name: `job-${stage}`, given: {} as Record<string, string> })),
      { stage: 'burst' as const, name: 'job-burst-1', given: { shard: '1/2' } },
      { stage: 'burst' as const, name: 'job-burst-2', given: { shard: '2/2' } },
    ];
    const outs = await Promise.all(jobs.map((j) => composite(j.stage, j.name, 43, j.given)));
    for (const [i, out] of outs.entries()) expect([jobs[i]!.name, out.log]).not.toEqual([jobs[i]!.name, expect.stringMatching(STACK_TRACE)]);
    // Each job's result file, as actions/download-artifact lays them out: one folder per artifact.
    const from = outs.map((o) => join(o.folder.temp, 'launch-ready')).join('\n');
    const report = await composite('report', 'job-report', 43, { from });
    const result = JSON.parse(readFileSync(report.outputs.report!, 'utf8')) as GateResult;
    const burst = result.stages.find((s) => s.id === 'burst')!;
    const shards = outs.slice(-2).map((o) => JSON.parse(readFileSync(join(o.folder.temp, 'launch-ready', 'burst.json'), 'utf8')) as GateResult);
    const shardRequests = shards.map((g) => Number(g.stages[0]!.metrics.requests));
    expect(burst.metrics).toMatchObject({ requests: shardRequests[0]! + shardRequests[1]!, shard: { merged: 2, of: 2 } });
    expect(ours(43)).toHaveLength(1);
    expect(
      readStageSections(ours(43)[0]!.body)
        .map((s) => s.id)
        .sort(),
    ).toEqual([...STAGE_ACTIONS].sort());
    expect(report.code).toBe(EXIT.fail);
    expect(readdirSync(join(outs[0]!.folder.temp, 'launch-ready'))).toEqual([`${jobs[0]!.stage}.json`]);
    expect(github.double.violations).toEqual([]);
  });
});
