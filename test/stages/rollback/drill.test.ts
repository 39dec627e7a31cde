import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport } from '../../../src/report/index.js';
import { startVersionedApp, type VersionedApp, type VersionedAppOptions } from '../../helpers/versioned-app.js';
import { drillConfig, runRollback } from './run.js';

let app: VersionedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(options: Partial<VersionedAppOptions> = {}): Promise<VersionedApp> {
  app = await startVersionedApp({ release: 'v1.5.0', lagMs: 150, ...options });
  return app;
}

type Leg = { name: string; startSeconds: number; seconds: number; ok: boolean; note?: string };

describe('rollback drill on a versioned app on loopback', () => {
  it('passes a drill that really switches the release back and forth, timing each leg', async () => {
    const site = await start();
    const { stage, rules, outcome } = await runRollback(site.dir, drillConfig(site), { env: {} });
    expect(rules.filter((r) => r !== 'rollback-no-runbook')).toEqual([]);
    expect(outcome.exitCode).toBe(0);
    const m = stage.metrics as Record<string, unknown>;
    expect(m).toMatchObject({
      previousRelease: 'v1.4.2',
      previousReleaseSource: 'config',
      currentRelease: 'v1.5.0',
      drill: 'ran',
      restored: true,
      interrupted: null,
    });
    expect(m.rollbackSeconds).toEqual(expect.any(Number));
    expect(m.rollForwardSeconds).toEqual(expect.any(Number));
    // The lag means the drill had to poll: each switch took at least the lag.
    expect(m.rollbackSeconds as number).toBeGreaterThanOrEqual(0.15);
    expect(m.rollForwardSeconds as number).toBeGreaterThanOrEqual(0.15);
    const legs = m.legs as Leg[];
    expect(legs.map((l) => l.name)).toEqual([
      'rollback',
      'wait for previous release',
      'smoke after rollback',
      'roll forward',
      'wait for current release',
      'smoke after roll forward',
    ]);
    expect(legs.every((l) => l.ok)).toBe(true);
    for (let i = 1; i < legs.length; i++) expect(legs[i]!.startSeconds).toBeGreaterThanOrEqual(legs[i - 1]!.startSeconds);
    expect(legs[1]!.note).toBe('serves v1.4.2');
    expect(m.smoke).toEqual([
      { url: `${site.url}/`, ok: true, status: 200, ms: expect.any(Number) },
      { url: `${site.url}/healthz`, ok: true, status: 200, ms: expect.any(Number) },
      { url: `${site.url}/api/login`, ok: true, status: 422, ms: expect.any(Number) },
    ]);
    expect((m.smokeAfterRollback as unknown[]).length).toBe(3);
    expect(site.served()).toBe('v1.5.0');
    const timeline = stage.blocks?.find((b) => b.kind === 'timeline');
    expect(timeline).toMatchObject({ kind: 'timeline', budgetSeconds: 120, title: 'Rollback drill' });
    // The PR section shows the timeline against the budget.
    const markdown = renderReport(outcome.result, 'markdown', { secrets: outcome.secrets });
    expect(markdown).toMatch(/Rollback drill.* of a 120 s budget/);
    expect(markdown).toMatch(/\| wait for previous release \| [\d.]+ s \| [\d.]+ s \| yes \| serves v1\.4\.2 \|/);
    expect(timeline?.kind === 'timeline' && timeline.steps.map((s) => [s.name, s.ok])).toEqual(legs.map((l) => [l.name, true]));
    const table = stage.blocks?.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`)).toEqual([
      'current / 200',
      'current /healthz 200',
      'current POST /api/login 422',
      'after rollback / 200',
      'after rollback /healthz 200',
      'after rollback POST /api/login 422',
      'after roll forward / 200',
      'after roll forward /healthz 200',
      'after roll forward POST /api/login 422',
    ]);
    expect(stage.summary).toMatch(
      /^smoke 3\/3 passed; previous release v1\.4\.2 \(config\); drill [\d.]+ s of 120 s budget: back in [\d.]+ s, forward in [\d.]+ s$/,
    );
  });

  it('a failing rollback command is a blocker with its exit code and last lines; nothing changed, so no roll forward', async () => {
    const site = await start();
    const config = drillConfig(site).replace(/rollbackCommand: .*/, 'rollbackCommand: "echo deploying; echo \'Error: no previous deployment\' >&2; exit 3"');
    const { stage, rules } = await runRollback(site.dir, config);
    const finding = stage.findings.find((f) => f.ruleId === 'rollback-command-failed')!;
    expect(finding).toMatchObject({ severity: 'blocker', title: 'The rollback command failed: exited with code 3' });
    expect(finding.evidence).toBe('deploying\nError: no previous deployment');
    expect(rules).not.toContain('rollback-roll-forward-failed');
    expect((stage.metrics.legs as Leg[]).map((l) => l.name)).toEqual(['rollback']);
    expect(stage.status).toBe('fail');
  });

  it('a rollback that exits 0 but changes nothing: "reported success but the site still serves" the current release', async () => {
    const site = await start();
    const config = drillConfig(site)
      .replace(/rollbackCommand: .*/, 'rollbackCommand: "echo rolled back"')
      .replace('waitSeconds: 3', 'waitSeconds: 0.5');
    const { stage } = await runRollback(site.dir, config);
    expect(stage.findings.find((f) => f.ruleId === 'rollback-version-unchanged')).toMatchObject({
      severity: 'blocker',
      title: 'The rollback reported success but the site still serves v1.5.0 after 0.5 s',
    });
    // It still rolls forward (the switch might land late) and ends on the current release.
    expect(stage.metrics).toMatchObject({ restored: true, rollbackSeconds: null });
  });

  it('a rollback to some other release than the known-good one is a blocker', async () => {
    const site = await start();
    const config = drillConfig(site)
      .replace(/rollbackCommand: .*/, `rollbackCommand: ${JSON.stringify(`printf v1.3.0 > '${site.stateFile}'`)}`)
      .replace('waitSeconds: 3', 'waitSeconds: 0.6');
    const { stage } = await runRollback(site.dir, config);
    expect(stage.findings.find((f) => f.ruleId === 'rollback-wrong-release')?.title).toBe(
      'The rollback landed on v1.3.0, not the known-good release v1.4.2 (waited 0.6 s)',
    );
    expect(site.served()).toBe('v1.5.0');
  });

  it('smoke failing on the rolled-back release is a blocker; the drill still rolls forward and smokes again', async () => {
    const site = await start({ broken: ['v1.4.2'] });
    const { stage } = await runRollback(site.dir, drillConfig(site));
    const finding = stage.findings.find((f) => f.ruleId === 'rollback-smoke-after-rollback')!;
    expect(finding.severity).toBe('blocker');
    expect(finding.title).toContain('/: answered 500, expected 200; the body does not contain "Book a call"');
    expect(stage.metrics).toMatchObject({ restored: true });
    expect((stage.metrics.smokeAfterRollForward as { ok: boolean }[]).every((s) => s.ok)).toBe(true);
  });

  it('a failing roll forward is a loud blocker with the exact manual command', async () => {
    const site = await start();
    const config = drillConfig(site)
      .replace(/rollForwardCommand: .*/, 'rollForwardCommand: "vercel promote $LAUNCH_READY_CURRENT_RELEASE || exit 1"')
      .replace('waitSeconds: 3', 'waitSeconds: 0.5');
    const { stage } = await runRollback(site.dir, config);
    const finding = stage.findings.find((f) => f.ruleId === 'rollback-roll-forward-failed')!;
    const manual =
      'export LAUNCH_READY_CURRENT_RELEASE=v1.5.0; export LAUNCH_READY_PREVIOUS_RELEASE=v1.4.2; vercel promote $LAUNCH_READY_CURRENT_RELEASE || exit 1';
    expect(finding.severity).toBe('blocker');
    expect(finding.title).toBe(`ROLL FORWARD FAILED: the command exited with code 1; the site serves v1.4.2, not v1.5.0. Restore it by hand now: ${manual}`);
    expect(finding.evidence).toMatch(/vercel: (command )?not found/);
    expect(stage.metrics).toMatchObject({ restored: false, rollForwardSeconds: null });
    expect(site.served()).toBe('v1.4.2');
  });

  it('a roll-forward command that fails while the release still comes back is a blocker, without the "restore by hand" alarm', async () => {
    const site = await start();
    const config = drillConfig(site).replace(
      /rollForwardCommand: .*/,
      `rollForwardCommand: ${JSON.stringify(`${site.switchTo('LAUNCH_READY_CURRENT_RELEASE')}; echo 'warning: alias update failed' >&2; exit 4`)}`,
    );
    const { stage } = await runRollback(site.dir, config);
    const finding = stage.findings.find((f) => f.ruleId === 'rollback-roll-forward-failed')!;
    expect(finding).toMatchObject({
      severity: 'blocker',
      title: 'The roll-forward command failed (exited with code 4), though the site serves v1.5.0 again',
      evidence: 'warning: alias update failed',
    });
    expect(stage.metrics).toMatchObject({ restored: true });
  });

  it('a drill over its budget is a blocker', async () => {
    const site = await start();
    const { stage } = await runRollback(site.dir, drillConfig(site).replace('budgetSeconds: 120', 'budgetSeconds: 0.1'));
    expect(stage.findings.find((f) => f.ruleId === 'rollback-over-budget')).toMatchObject({
      severity: 'blocker',
      title: expect.stringMatching(/^The rollback drill took [\d.]+ s, over its budget of 0\.1 s$/),
    });
  });

  it('a command that never exits is killed at its limit (its whole process group) and reported', async () => {
    const site = await start();
    const marker = join(site.dir, 'grandchild-alive');
    const hang = `(sleep 3; touch '${marker}') & sleep 30`;
    const config = drillConfig(site)
      .replace(/rollbackCommand: .*/, `rollbackCommand: ${JSON.stringify(hang)}`)
      .replace('commandTimeoutSeconds: 10', 'commandTimeoutSeconds: 0.5');
    const { stage } = await runRollback(site.dir, config);
    expect(stage.findings.find((f) => f.ruleId === 'rollback-command-failed')?.title).toBe(
      'The rollback command failed: still running after 0.5 s and was killed',
    );
    await new Promise((r) => setTimeout(r, 3500));
    expect(existsSync(marker)).toBe(false);
  });

  it('--dry-run (dryRun: true) runs smoke and discovery but no command', async () => {
    const site = await start();
    const marker = join(site.dir, 'ran');
    const config = drillConfig(site)
      .replace(/rollbackCommand: .*/, `rollbackCommand: ${JSON.stringify(`touch '${marker}'`)}`)
      .replace('  drill:', '  dryRun: true\n  drill:');
    const { stage } = await runRollback(site.dir, config);
    expect(existsSync(marker)).toBe(false);
    expect(stage.metrics).toMatchObject({ drill: 'dry-run', rollbackSeconds: null, previousRelease: 'v1.4.2' });
    expect(stage.summary).toContain('drill: dry run, no commands run');
    expect(site.requests.filter((r) => r === 'GET /version').length).toBe(1);
  });

  it('does not drill a site whose smoke checks already fail', async () => {
    const site = await start({ broken: ['v1.5.0'] });
    const marker = join(site.dir, 'ran');
    const config = drillConfig(site).replace(/rollbackCommand: .*/, `rollbackCommand: ${JSON.stringify(`touch '${marker}'`)}`);
    const { stage, rules } = await runRollback(site.dir, config);
    expect(rules).toContain('rollback-smoke-failed');
    expect(existsSync(marker)).toBe(false);
    expect(stage.summary).toContain('drill not run: 1 smoke check(s) fail on the current deployment');
  });

  it('stopped between legs by the stage signal, it rolls forward before returning and says so', async () => {
    const site = await start({ lagMs: 400 });
    const controller = new AbortController();
    // Abort while the drill waits for the previous release to be served.
    const watcher = setInterval(() => {
      if (readFileSync(site.stateFile, 'utf8') === 'v1.4.2') {
        clearInterval(watcher);
        controller.abort(new Error('stopped by SIGTERM'));
      }
    }, 10);
    const { stage } = await runRollback(site.dir, drillConfig(site), { signal: controller.signal });
    clearInterval(watcher);
    expect(site.served()).toBe('v1.5.0');
    expect(stage.metrics).toMatchObject({
      restored: true,
      interrupted: {
        afterLeg: expect.stringMatching(/^(rollback|wait for previous release)$/),
        reason: 'the stage was stopped: its deadline passed, or SIGTERM/SIGINT',
      },
    });
    expect(stage.findings.find((f) => f.ruleId === 'rollback-drill-interrupted')?.title).toMatch(/it rolled forward first and the site serves v1\.5\.0 again$/);
    expect(stage.summary).toContain('drill interrupted; rolled forward to v1.5.0');
    const legs = (stage.metrics.legs as Leg[]).map((l) => l.name);
    expect(legs.slice(-2)).toEqual(['roll forward', 'wait for current release']);
    expect(legs).not.toContain('smoke after rollback');
  });
});
