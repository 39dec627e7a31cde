import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLaunchReady, type RunOutcome } from '../../../src/core/run.js';
import { FORMATS } from '../../../src/core/request.js';
import { renderReport } from '../../../src/report/index.js';
import { envStage } from '../../../src/stages/env/index.js';
import { makeProject, VALUES } from './project.js';

let project: ReturnType<typeof makeProject>;
let outcome: RunOutcome;

const CONFIG = `env:
  environments:
    production: { files: [envs/.env.production] }
    staging: { files: [envs/.env.staging] }
  probe: { command: "node src/server.js", timeoutSeconds: 5, variables: 2 }
`;

async function run(config: string, env: Record<string, string> = {}): Promise<RunOutcome> {
  writeFileSync(join(project.dir, 'launch-ready.yml'), config);
  return runLaunchReady(
    { command: 'env', stages: ['env'], overrides: [], format: 'json', cwd: project.dir },
    { stages: [envStage], version: '0.0.0-test', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } },
  );
}

beforeAll(async () => {
  project = makeProject();
  outcome = await run(CONFIG);
});
afterAll(() => project.cleanup());

const stage = () => outcome.result.stages[0]!;
const rules = () => stage().findings.map((f) => f.ruleId);

describe('env stage on a real app repository', () => {
  it('fails the gate and reports every kind of finding the app has', () => {
    expect(stage().status).toBe('fail');
    expect(new Set(rules())).toEqual(
      new Set([
        'env-required-missing', // THEME_COLOR
        'env-secret-in-client-bundle', // NEXT_PUBLIC_STRIPE_SECRET_KEY
        'env-shared-secret-value', // STRIPE_SECRET_KEY in production and staging
        'env-malformed-line', // envs/.env.production:5
        'env-undeclared', // THEME_COLOR, NEXT_PUBLIC_STRIPE_SECRET_KEY
        'env-declared-unused', // LEGACY_UNUSED
        'env-declared-empty', // LEGACY_UNUSED= in the example, not set in production
        'env-dynamic-access', // process.env[name]
        'env-file-committed', // .env
      ]),
    );
    expect(stage().findings.find((f) => f.ruleId === 'env-file-committed')).toMatchObject({ severity: 'blocker', location: { file: '.env' } });
    expect(stage().findings.find((f) => f.ruleId === 'env-malformed-line')).toMatchObject({ location: { file: 'envs/.env.production', line: 5 } });
  });

  it('skips vendored folders, build output, binary files and git-ignored files', () => {
    const text = JSON.stringify(outcome.result);
    for (const name of ['VENDORED_ONLY', 'VENDORED_RUBY', 'VENV_ONLY', 'BUILD_OUTPUT_ONLY', 'BINARY_ONLY', 'GITIGNORED_ONLY']) expect(text).not.toContain(name);
    expect(stage().metrics).toMatchObject({ listing: 'git', skippedBinary: 1 });
  });

  it('probes the app without its server secrets first (not client-prefixed ones); an app that names the variable passes', () => {
    expect(stage().metrics.probe).toEqual([
      expect.objectContaining({ variable: 'DATABASE_URL', outcome: 'fails-fast', exitCode: 1 }),
      expect.objectContaining({ variable: 'SESSION_SECRET', outcome: 'fails-fast', exitCode: 1 }),
    ]);
    expect(rules().filter((r) => r.startsWith('env-probe'))).toEqual([]);
  });

  it('never puts a value in a finding, a summary or a metric (before any scrubbing)', () => {
    const raw = JSON.stringify(outcome.result);
    for (const value of Object.values(VALUES)) expect(raw).not.toContain(value);
    expect(raw).not.toContain('v4lue');
  });

  it.each(FORMATS)('prints no value from any env file in %s', (format) => {
    const out = renderReport(outcome.result, format, { secrets: outcome.secrets });
    expect(out.length).toBeGreaterThan(200);
    for (const value of Object.values(VALUES)) expect(out).not.toContain(value);
    expect(out).not.toContain('v4lue');
  });

  it('a probe command that does not exist is a finding with the error; the rest of the stage still reports', async () => {
    const missing = await run(CONFIG.replace('node src/server.js', 'no-such-start-command-lr'));
    const findings = missing.result.stages[0]!.findings;
    expect(findings.find((f) => f.ruleId === 'env-probe-command-failed')?.title).toMatch(
      /^The probe command could not run: .*no-such-start-command-lr.*not found/,
    );
    expect(findings.some((f) => f.ruleId === 'env-shared-secret-value')).toBe(true);
  });

  it('takes the target from the job environment with from: process', async () => {
    const fromProcess = await run('env:\n  target: production\n  environments:\n    production: { from: process }\n', {
      STRIPE_SECRET_KEY: VALUES.stripe,
      DATABASE_URL: VALUES.database,
    });
    const missing = fromProcess.result.stages[0]!.findings.filter((f) => f.ruleId === 'env-required-missing').map((f) => f.title.split(' ')[0]);
    expect(missing).toEqual(['NEXT_PUBLIC_STRIPE_SECRET_KEY', 'SESSION_SECRET', 'THEME_COLOR']);
    expect(fromProcess.result.stages[0]!.summary).toContain('production: 3 of 5 required missing');
  });

  it('leaves out the files env.exclude names, and only those', async () => {
    writeFileSync(join(project.dir, 'src/fixture-reader.js'), 'process.env.FIXTURE_ONLY;\n');
    const all = await run('env: {}\n');
    expect(JSON.stringify(all.result)).toContain('FIXTURE_ONLY');
    const excluded = await run('env:\n  exclude: ["src/fixture-*.js"]\n');
    expect(JSON.stringify(excluded.result)).not.toContain('FIXTURE_ONLY');
    expect(JSON.stringify(excluded.result)).toContain('THEME_COLOR');
  });

  it('says the target was not compared when nothing provides it', async () => {
    const bare = await run('env: {}\n');
    expect(bare.result.stages[0]!.summary).toContain('production: not compared');
    expect(bare.result.stages[0]!.findings.some((f) => f.ruleId === 'env-required-missing')).toBe(false);
  });
});
