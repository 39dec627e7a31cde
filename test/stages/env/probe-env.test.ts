/**
 * The probe runs a command from the repository under review: it must not see the workflow token,
 * the action's inputs or the runner's tokens, neither in its own environment nor in its parent's.
 * End to end: the built CLI started with those variables set, as the action's step would be.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { makeProject } from './project.js';

const token = 'ghs_' + 'Zq9'.repeat(12);
const runnerEnv = {
  'INPUT_GITHUB-TOKEN': token,
  INPUT_GITHUB_TOKEN: token,
  GITHUB_TOKEN: token,
  GH_TOKEN: token,
  ACTIONS_RUNTIME_TOKEN: token,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
  ACTIONS_ID_TOKEN_REQUEST_URL: `https://pipelines.example.test/${token}`,
  ACTIONS_RUNTIME_URL: `https://runtime.example.test/${token}`,
  ACTIONS_CACHE_URL: `https://cache.example.test/${token}`,
  LAUNCH_READY_SECRET_PROBE: token,
  NODE_OPTIONS_FOR_APP: '--max-old-space-size=256',
  UNNAMED_JOB_VARIABLE: 'not passed',
};

let project: ReturnType<typeof makeProject>;
let seen: string;
let code: number;

beforeAll(() => {
  project = makeProject();
  // Prints what it sees, then fails fast naming the variable so the probe's verdict stays clean.
  const probe = `{ env; echo ---parent---; tr '\\\\0' '\\\\n' < /proc/$PPID/environ; } > probe-seen.txt; echo "missing STRIPE_SECRET_KEY" >&2; exit 1`;
  const config = [
    'env:',
    '  environments:',
    '    production: { files: [envs/.env.production] }',
    `  probe: { command: ${JSON.stringify(probe)}, timeoutSeconds: 10, variables: 1, passEnv: [NODE_OPTIONS_FOR_APP, GITHUB_TOKEN, INPUT_GITHUB_TOKEN, ACTIONS_RUNTIME_TOKEN] }`,
    '',
  ].join('\n');
  writeFileSync(join(project.dir, 'launch-ready.yml'), config);
  const run = runCli(['env', '--format', 'json'], { cwd: project.dir, env: runnerEnv });
  code = run.code;
  seen = readFileSync(join(project.dir, 'probe-seen.txt'), 'utf8');
});
afterAll(() => project.cleanup());

describe('env probe environment', () => {
  it("ran the probe and saw the base variables, the passed one and the target's values (positive control)", () => {
    expect(code).toBe(1); // the fixture app has blockers; the point here is what the probe saw
    const [own, parent] = seen.split('---parent---\n');
    expect(own).toMatch(/^PATH=/m);
    expect(own).toContain('NODE_OPTIONS_FOR_APP=--max-old-space-size=256');
    expect(own).toMatch(/^STRIPE_SECRET_KEY=sk_live_/m); // from envs/.env.production (DATABASE_URL is the one probed)
    expect(parent).toMatch(/^PATH=/m);
  });

  it('never shows a token, an action input or a runner variable, even when passEnv names it', () => {
    expect(seen).not.toContain(token);
    expect(seen).not.toMatch(/^(INPUT_|ACTIONS_|GITHUB_TOKEN|GH_TOKEN|LAUNCH_READY_)/m);
    expect(seen).not.toContain('UNNAMED_JOB_VARIABLE');
  });
});
