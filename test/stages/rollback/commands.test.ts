import { afterEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS } from '../../../src/core/request.js';
import { renderReport } from '../../../src/report/index.js';
import { startVersionedApp, type VersionedApp } from '../../helpers/versioned-app.js';
import { drillConfig, runRollback } from './run.js';

let app: VersionedApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const DEPLOY_TOKEN = 'dpl_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const GATE_ENV = {
  GITHUB_TOKEN: 'ghs_workflowtoken0123456789abcdefABCDEF',
  GH_TOKEN: 'gho_cli0123456789abcdefABCDEF0123456789',
  'INPUT_GITHUB-TOKEN': 'ghs_inputtoken0123456789abcdefABCDEF',
  INPUT_FAIL_ON: 'blocker',
  ACTIONS_RUNTIME_TOKEN: 'eyJhbGciOiJSUzI1NiJ9.runtime',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'eyJhbGciOiJSUzI1NiJ9.oidc',
  LAUNCH_READY_DEBUG: '1',
  UNRELATED_JOB_VARIABLE: 'not for the command',
  DEPLOY_TOKEN,
};

describe("the drill's commands", () => {
  it("see only the base environment, passEnv and the drill's own variables, never the workflow or runner tokens even when named", async () => {
    app = await startVersionedApp({ release: 'v1.5.0' });
    const envFile = join(app.dir, 'command.env');
    const rollback = `env > '${envFile}'; ${app.switchTo('LAUNCH_READY_PREVIOUS_RELEASE')}`;
    const config =
      drillConfig(app).replace(/rollbackCommand: .*/, `rollbackCommand: ${JSON.stringify(rollback)}`) +
      '    passEnv: [DEPLOY_TOKEN, GITHUB_TOKEN, INPUT_FAIL_ON, ACTIONS_RUNTIME_TOKEN]\n';
    const { stage } = await runRollback(app.dir, config, { env: GATE_ENV });
    expect(stage.metrics).toMatchObject({ restored: true });
    const seen = Object.fromEntries(
      readFileSync(envFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(seen.DEPLOY_TOKEN).toBe(DEPLOY_TOKEN);
    expect(seen).toMatchObject({ LAUNCH_READY_CURRENT_RELEASE: 'v1.5.0', LAUNCH_READY_PREVIOUS_RELEASE: 'v1.4.2' });
    for (const name of [
      'GITHUB_TOKEN',
      'GH_TOKEN',
      'INPUT_GITHUB-TOKEN',
      'INPUT_FAIL_ON',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'LAUNCH_READY_DEBUG',
      'UNRELATED_JOB_VARIABLE',
    ]) {
      expect(seen[name]).toBeUndefined();
    }
    // Nothing beyond the base set, the named variable and what sh adds itself.
    const allowed = new Set(['PATH', 'HOME', 'DEPLOY_TOKEN', 'LAUNCH_READY_CURRENT_RELEASE', 'LAUNCH_READY_PREVIOUS_RELEASE', 'PWD', 'SHLVL', '_', 'OLDPWD']);
    expect(Object.keys(seen).filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('have their output redacted: a passEnv secret the command echoes never appears whole in any format', async () => {
    app = await startVersionedApp({ release: 'v1.5.0' });
    const rollback = 'echo "authenticating with $DEPLOY_TOKEN"; echo "token=$DEPLOY_TOKEN rejected" >&2; exit 1';
    const config = drillConfig(app).replace(/rollbackCommand: .*/, `rollbackCommand: ${JSON.stringify(rollback)}`) + '    passEnv: [DEPLOY_TOKEN]\n';
    const { stage, outcome } = await runRollback(app.dir, config, { env: GATE_ENV });
    const finding = stage.findings.find((f) => f.ruleId === 'rollback-command-failed')!;
    // The command did print it, redacted: its first characters and its length.
    expect(finding.evidence).toBe('authenticating with dpl_…(36 chars)\ntoken=dpl_…(36 chars) rejected');
    expect(JSON.stringify(outcome.result)).not.toContain(DEPLOY_TOKEN);
    for (const format of FORMATS) {
      const text = renderReport(outcome.result, format, { secrets: outcome.secrets });
      expect(text).toContain('dpl_…(36 chars)');
      expect(text).not.toContain(DEPLOY_TOKEN);
    }
  });
});
