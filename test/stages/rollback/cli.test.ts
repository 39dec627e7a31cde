import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, runCliAsync } from '../../helpers/cli.js';
import { startVersionedApp, type VersionedApp } from '../../helpers/versioned-app.js';
import { drillConfig } from './run.js';

// The built bundle, as users run it (npm test builds it first).
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
});

let app: VersionedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// As on a developer's machine, also when the tests themselves run in a pull request's CI job.
const CLEAN_ENV = { GITHUB_TOKEN: '', GH_TOKEN: '', GITHUB_REPOSITORY: '', GITHUB_ACTIONS: '', GITHUB_SHA: '', GITHUB_EVENT_NAME: '' };

describe('launch-ready rollback (the CLI)', () => {
  it('--dry-run runs the smoke checks and shows the plan without running a command', async () => {
    app = await startVersionedApp({ release: 'v1.5.0' });
    const marker = join(app.dir, 'ran');
    writeFileSync(
      join(app.dir, 'launch-ready.yml'),
      drillConfig(app).replace(
        /rollbackCommand: .*/,
        `rollbackCommand: ${JSON.stringify(`touch '${marker}'; ${app.switchTo('LAUNCH_READY_PREVIOUS_RELEASE')}`)}`,
      ),
    );
    const run = await runCliAsync(['rollback', '--dry-run', '--format', 'json'], { cwd: app.dir, env: CLEAN_ENV });
    expect(run.stderr).toBe('');
    const stage = JSON.parse(run.stdout).stages[0];
    expect(stage.metrics).toMatchObject({ drill: 'dry-run', previousRelease: 'v1.4.2', currentRelease: 'v1.5.0' });
    expect(existsSync(marker)).toBe(false);
    expect(run.code).toBe(0);
    // Negative control: the same config without --dry-run does run the command.
    await runCliAsync(['rollback', '--format', 'json'], { cwd: app.dir, env: CLEAN_ENV });
    expect(existsSync(marker)).toBe(true);
  });

  it('the commands get a stripped environment from the real CLI too: not even their parent process holds the tokens', async () => {
    app = await startVersionedApp({ release: 'v1.5.0' });
    const seen = join(app.dir, 'seen.env');
    const parent = join(app.dir, 'parent.env');
    const rollback = `env > '${seen}'; tr '\\0' '\\n' < /proc/$PPID/environ > '${parent}'; ${app.switchTo('LAUNCH_READY_PREVIOUS_RELEASE')}`;
    writeFileSync(
      join(app.dir, 'launch-ready.yml'),
      drillConfig(app).replace(/rollbackCommand: .*/, `rollbackCommand: ${JSON.stringify(rollback)}`) + '    passEnv: [DEPLOY_TOKEN, GITHUB_TOKEN]\n',
    );
    const tokens = {
      GITHUB_TOKEN: 'ghs_cliworkflowtoken0123456789abcdef',
      'INPUT_GITHUB-TOKEN': 'ghs_cliinputtoken0123456789abcdef',
      ACTIONS_RUNTIME_TOKEN: 'eyJ.cli.runtime',
      DEPLOY_TOKEN: 'dpl_cli0123456789abcdef',
    };
    const run = await runCliAsync(['rollback', '--format', 'json'], { cwd: app.dir, env: { ...CLEAN_ENV, ...tokens } });
    expect(JSON.parse(run.stdout).stages[0].metrics).toMatchObject({ restored: true });
    for (const file of [seen, parent]) {
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('DEPLOY_TOKEN=dpl_cli0123456789abcdef');
      for (const name of ['GITHUB_TOKEN', 'INPUT_GITHUB-TOKEN', 'ACTIONS_RUNTIME_TOKEN']) expect(text).not.toContain(tokens[name as keyof typeof tokens]);
    }
  });

  it('waitSeconds 0 is a usage error: exit 2, one line naming the key', async () => {
    app = await startVersionedApp({ release: 'v1.5.0' });
    writeFileSync(join(app.dir, 'launch-ready.yml'), drillConfig(app).replace('waitSeconds: 3', 'waitSeconds: 0'));
    const run = await runCliAsync(['rollback'], { cwd: app.dir, env: CLEAN_ENV });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^launch-ready: launch-ready\.yml:\d+:\d+: rollback\.drill\.waitSeconds: expected seconds above 0 and at most 3600; e\.g\. 300\n$/,
    );
  });

  it('SIGTERM mid-drill: it rolls forward first, says so, and the site serves the current release again', async () => {
    app = await startVersionedApp({ release: 'v1.5.0', lagMs: 1500 });
    const site = app;
    writeFileSync(join(site.dir, 'launch-ready.yml'), drillConfig(site).replace('waitSeconds: 3', 'waitSeconds: 10'));
    const child = spawn(process.execPath, ['--', CLI, 'rollback', '--format', 'text'], {
      cwd: site.dir,
      env: { ...process.env, NO_COLOR: '1', ...CLEAN_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The rollback command has run (the state file names the previous release); the site has not switched yet (lag).
    let sent = false;
    for (let i = 0; i < 200 && !sent; i++) {
      await new Promise((r) => setTimeout(r, 25));
      if (readFileSync(site.stateFile, 'utf8') === 'v1.4.2') {
        child.kill('SIGTERM');
        sent = true;
      }
    }
    expect(sent).toBe(true);
    const code = await exited;
    expect(readFileSync(site.stateFile, 'utf8')).toBe('v1.5.0');
    expect(site.served()).toBe('v1.5.0');
    expect(stdout).toContain('drill interrupted; rolled forward to v1.5.0');
    expect(stdout).toMatch(
      /The rollback drill was interrupted after "(rollback|wait for previous release)" .*it rolled forward first and the site serves v1\.5\.0 again/,
    );
    expect(code).toBe(3);
  });
});
