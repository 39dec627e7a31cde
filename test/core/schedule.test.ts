import { describe, expect, it } from '@jest/globals';
import { runLaunchReady } from '../../src/core/run.js';
import type { StageContext, StageDefinition, StageOutcome, StagePhase } from '../../src/core/stage.js';
import type { StageId } from '../../src/core/findings.js';
import { sleep } from '../../src/core/wait.js';
import { tempProject } from '../helpers/cli.js';

function stage(id: StageId, phase: StagePhase, run: (ctx: StageContext) => Promise<StageOutcome>, extra: Partial<StageDefinition> = {}): StageDefinition {
  return {
    id,
    phase,
    title: `The ${id} stage`,
    description: id,
    built: true,
    checks: { paths: ['deploy'] },
    configSchema: { properties: {} },
    flags: [],
    run,
    ...extra,
  };
}

async function gate(stages: StageDefinition[], options: { yaml?: string; signal?: AbortSignal } = {}) {
  const project = tempProject({ 'launch-ready.yml': options.yaml ?? '' });
  try {
    return await runLaunchReady(
      { command: 'check', overrides: [], format: 'json', cwd: project.dir },
      { stages, version: '9.9.9', env: {}, ...(options.signal ? { signal: options.signal } : {}) },
    );
  } finally {
    project.cleanup();
  }
}

describe('the schedule', () => {
  it('runs passive stages together, then each load stage alone, then each change stage; results in that order', async () => {
    const events: string[] = [];
    const timed = (id: StageId, ms: number) => async (): Promise<StageOutcome> => {
      events.push(`${id} start`);
      await sleep(ms);
      events.push(`${id} end`);
      return { summary: id, findings: [] };
    };
    // Listed change first, load second: the schedule, not the list order, decides.
    const outcome = await gate([
      stage('rollback', 'change', timed('rollback', 5)),
      stage('burst', 'load', timed('burst', 5)),
      stage('secrets', 'passive', timed('secrets', 40)),
      stage('env', 'passive', timed('env', 5)),
    ]);
    expect(events).toEqual(['secrets start', 'env start', 'env end', 'secrets end', 'burst start', 'burst end', 'rollback start', 'rollback end']);
    expect(outcome.result.stages.map((s) => [s.id, s.phase, s.title])).toEqual([
      ['secrets', 'passive', 'The secrets stage'],
      ['env', 'passive', 'The env stage'],
      ['burst', 'load', 'The burst stage'],
      ['rollback', 'change', 'The rollback stage'],
    ]);
  });

  it('gives a stage stopped at its deadline its grace period: its cleanup runs and its partial outcome is reported', async () => {
    let cleanedUp = false;
    const drill = stage(
      'rollback',
      'change',
      async (ctx) => {
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
        await sleep(30); // rolls forward
        cleanedUp = true;
        return {
          summary: 'rolled back, then forward again',
          findings: [
            { ruleId: 'drill-stopped', severity: 'high', title: 'The drill was stopped before the smoke checks', fix: 'give it more time', paths: ['deploy'] },
          ],
        };
      },
      { graceSeconds: 5 },
    );
    const outcome = await gate([drill], { yaml: 'rollback:\n  maxMinutes: 0.001\n' });
    expect(cleanedUp).toBe(true);
    const [result] = outcome.result.stages;
    expect(result).toMatchObject({ id: 'rollback', summary: 'rolled back, then forward again (did not finish within 0.001 min and was stopped)' });
    expect(result!.findings.map((f) => f.ruleId)).toEqual(['drill-stopped']);
    expect(result!.errors).toEqual([expect.objectContaining({ part: 'rollback', message: 'did not finish within 0.001 min and was stopped' })]);
  });

  it('on a cancelled run, stops the running stage within its grace and starts no load or change stage', async () => {
    const controller = new AbortController();
    let rollbackStarted = false;
    const passive = stage('secrets', 'passive', async (ctx) => {
      setTimeout(() => controller.abort(), 10);
      await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
      return { summary: 'scanned half of the history', findings: [] };
    });
    const rollback = stage('rollback', 'change', async () => {
      rollbackStarted = true;
      return { summary: 'rolled back', findings: [] };
    });
    const outcome = await gate([passive, rollback], { signal: controller.signal });
    expect(rollbackStarted).toBe(false);
    expect(outcome.result.stages.map((s) => [s.id, s.status])).toEqual([
      ['secrets', 'error'],
      ['rollback', 'error'],
    ]);
    expect(outcome.result.stages[0]!.summary).toBe('scanned half of the history (stopped: the run was cancelled (SIGINT or SIGTERM))');
    expect(outcome.result.stages[1]!.summary).toBe('The rollback stage: not started: the run was cancelled before its turn');
  });

  it('abandons a stage that ignores its signal once the grace period is over', async () => {
    const hung = stage('burst', 'load', () => new Promise<StageOutcome>(() => {}), { graceSeconds: 0.05 });
    const outcome = await gate([hung, stage('rollback', 'change', async () => ({ summary: 'fine', findings: [] }))], { yaml: 'burst:\n  maxMinutes: 0.001\n' });
    expect(outcome.result.stages.map((s) => [s.id, s.status, s.summary])).toEqual([
      ['burst', 'error', 'The burst stage could not run: did not finish within 0.001 min and was stopped'],
      ['rollback', 'pass', 'fine'],
    ]);
  });
});
