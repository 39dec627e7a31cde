import { afterEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startVersionedApp, type VersionedApp } from '../../helpers/versioned-app.js';
import { drillConfig, runRollback } from './run.js';

let app: VersionedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('rollback stage: bad input and the runbook', () => {
  it('a version endpoint answering HTML is a finding naming the endpoint and what it returned; the drill does not run', async () => {
    app = await startVersionedApp({ release: 'v1.5.0', versionMode: 'html' });
    const { stage, rules } = await runRollback(app.dir, drillConfig(app));
    const finding = stage.findings.find((f) => f.ruleId === 'rollback-version-unreadable')!;
    expect(finding.title).toBe(
      `The version endpoint ${app.url}/version answered HTML (text/html): "<!doctype html><html><head><title>Acme</title></head><body>N…"; it needs to return JSON {"version": "…"} or {"sha": "…"}, or set versionHeader / versionPattern; the drill did not run`,
    );
    expect(finding.location).toEqual({ url: `${app.url}/version` });
    expect(rules).not.toContain('rollback-command-failed');
    expect(stage.summary).toContain('drill not run: the served release is unknown');
    expect(app.served()).toBe('v1.5.0');
  });

  it('a version endpoint without a version is named too', async () => {
    app = await startVersionedApp({ release: 'v1.5.0', versionMode: 'no-version' });
    const { stage } = await runRollback(app.dir, drillConfig(app));
    expect(stage.findings.find((f) => f.ruleId === 'rollback-version-unreadable')?.title).toContain('answered JSON without a version: "{"status":"ok"}"');
  });

  it('the release can come from a header; the drill then passes', async () => {
    app = await startVersionedApp({ release: 'v1.5.0', versionMode: 'header' });
    const config = drillConfig(app).replace(/ {2}versionUrl: .*\n/, `  versionUrl: ${app.url}/version\n  versionHeader: x-release\n`);
    const { stage } = await runRollback(app.dir, config);
    expect(stage.metrics).toMatchObject({ currentRelease: 'v1.5.0', restored: true, rollbackSeconds: expect.any(Number) });
  });

  it('an unreachable URL is a blocker smoke finding, not a crash', async () => {
    const gone = await startVersionedApp({ release: 'v1.5.0' });
    const url = gone.url;
    await gone.close();
    app = await startVersionedApp({ release: 'unused' });
    const { stage } = await runRollback(app.dir, `rollback:\n  url: ${url}\n  previousRelease: v1.4.2\n  retry: { attempts: 2, backoffMs: 10 }\n`);
    expect(stage.status).toBe('fail');
    const finding = stage.findings.find((f) => f.ruleId === 'rollback-smoke-unreachable')!;
    expect(finding).toMatchObject({ severity: 'blocker', location: { url: `${url}/` } });
    expect(finding.title).toMatch(/^Smoke check \/ got no answer from .*: .*\(2 attempts\)$/);
    expect(stage.metrics.smoke).toEqual([{ url: `${url}/`, ok: false, status: null, ms: null }]);
  });

  it('no runbook is medium; ROLLBACK.md or a README section on rolling back is enough', async () => {
    app = await startVersionedApp({ release: 'v1.5.0' });
    const config = `rollback:\n  url: ${app.url}\n  previousRelease: v1.4.2\n`;
    const none = await runRollback(app.dir, config);
    expect(none.stage.findings.find((f) => f.ruleId === 'rollback-no-runbook')).toMatchObject({ severity: 'medium' });

    writeFileSync(join(app.dir, 'README.md'), '# Acme\n\n## Deploying\n\nPush to main.\n\n## Rolling back\n\n`vercel rollback`\n');
    const readme = await runRollback(app.dir, config);
    expect(readme.rules).not.toContain('rollback-no-runbook');
    expect(readme.stage.metrics.runbook).toBe('README.md#Rolling back');

    mkdirSync(join(app.dir, 'docs'));
    writeFileSync(join(app.dir, 'docs', 'ROLLBACK.md'), '# Rollback\n');
    expect((await runRollback(app.dir, config)).stage.metrics.runbook).toBe('docs/ROLLBACK.md');
  });
});

describe('rollback stage: where the drill runs', () => {
  it('does not run the drill on a pull_request event (the commands would come from the PR), but still smokes', async () => {
    app = await startVersionedApp({ release: 'v1.5.0' });
    const marker = join(app.dir, 'ran');
    const config = drillConfig(app).replace(/rollbackCommand: .*/, `rollbackCommand: ${JSON.stringify(`touch '${marker}'`)}`);
    for (const event of ['pull_request', 'pull_request_target']) {
      const { stage } = await runRollback(app.dir, config, { env: { GITHUB_EVENT_NAME: event } });
      expect(stage.summary).toContain(`drill not run: drills do not run on ${event} events`);
      expect((stage.metrics.smoke as unknown[]).length).toBe(3);
    }
    expect(existsSync(marker)).toBe(false);
    // Negative control: on workflow_dispatch it runs.
    await runRollback(app.dir, config, { env: { GITHUB_EVENT_NAME: 'workflow_dispatch' } });
    expect(existsSync(marker)).toBe(true);
  });

  it('a versionUrl path resolves against url (a preview URL given with --url keeps working)', async () => {
    app = await startVersionedApp({ release: 'v1.5.0' });
    const config = drillConfig(app).replace(/ {2}versionUrl: .*\n/, '  versionUrl: /version\n');
    const { stage } = await runRollback(app.dir, config);
    expect(stage.metrics).toMatchObject({ currentRelease: 'v1.5.0', restored: true });
  });
});

describe('rollback stage: critical paths', () => {
  it('"deploy" is checked only by a whole drill; "homepage" by a smoke check of /', async () => {
    app = await startVersionedApp({ release: 'v1.5.0' });
    const drilled = await runRollback(app.dir, drillConfig(app));
    const pathOf = (run: typeof drilled, id: string) => run.outcome.result.criticalPaths.find((p) => p.id === id);
    expect(pathOf(drilled, 'deploy')).toMatchObject({ ok: true, checkedBy: ['rollback'] });
    expect(pathOf(drilled, 'homepage')).toMatchObject({ ok: true, checkedBy: ['rollback'] });
    // Smoke only (with a runbook, so no finding names deploy): the rollback path is not proven, so deploy is "not checked", not "yes".
    writeFileSync(join(app.dir, 'ROLLBACK.md'), '# Rollback\n');
    const smokeOnly = await runRollback(app.dir, `rollback:\n  url: ${app.url}\n  previousRelease: v1.4.2\n`);
    expect(pathOf(smokeOnly, 'deploy')).toMatchObject({ ok: false, checkedBy: [] });
    expect(pathOf(smokeOnly, 'homepage')).toMatchObject({ ok: true });
  });
});
