import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeProject } from './project.js';

// Node (20 and 24) reads a `--env-file` argument even after the script path (nodejs/node#54232)
// and exits 9 when the file is missing; `node -- script` stops that, so the CLI is run that way.
const CLI = resolve('dist/cli.js');
function cli(args: string[], cwd: string, node = process.execPath): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(node, ['--', CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let project: ReturnType<typeof makeProject>;
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('build first: npm run -s build');
  project = makeProject();
});
afterAll(() => project.cleanup());

const config = (text: string) => writeFileSync(join(project.dir, 'launch-ready.yml'), text);

describe('launch-ready env: bad input exits 2 with one message naming what to fix', () => {
  it('an env file named in launch-ready.yml that does not exist', () => {
    config('env:\n  environments:\n    production:\n      files: [envs/.env.prod]\n');
    const run = cli(['env'], project.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('launch-ready.yml:4:15: env.environments.production.files[0]: envs/.env.prod: no such env file; create it or fix the path');
  });

  it('an --env-file that does not exist', () => {
    config('');
    const run = cli(['env', '--env-file', 'envs/.env.production', '--env-file', 'missing.env'], project.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--env-file: missing.env: no such env file');
  });

  it('an --env-file that is a folder, not a file', () => {
    config('');
    const run = cli(['env', '--env-file', 'envs'], project.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--env-file: envs: is not a file; give the path of a dotenv file');
  });

  it('a --repo folder that does not exist', () => {
    config('');
    const run = cli(['env', '--repo', 'no-such-app'], project.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--repo: no-such-app: no such folder');
  });

  it('a probe timeout that is not a positive number', () => {
    config('env:\n  probe:\n    command: npm start\n    timeoutSeconds: -1\n');
    const run = cli(['env'], project.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('launch-ready.yml:4:21: env.probe.timeoutSeconds: expected seconds between 0 and 300; e.g. 10');
  });
});

describe('launch-ready env: flags', () => {
  it('--env-file provides the target; a missing required variable fails the gate (exit 1)', () => {
    config('');
    const run = cli(['env', '--env-file', 'envs/.env.production', '--format', 'json'], project.dir);
    expect(run.code).toBe(1);
    const stage = JSON.parse(run.stdout).stages[0];
    expect(stage.findings.filter((f: { ruleId: string }) => f.ruleId === 'env-required-missing').map((f: { title: string }) => f.title)).toEqual([
      'THEME_COLOR is required but not set in production',
    ]);
  });

  it('--environment picks the target the env files are compared with', () => {
    config('');
    const run = cli(['env', '--environment', 'staging', '--env-file', 'envs/.env.staging', '--format', 'json'], project.dir);
    const titles = JSON.parse(run.stdout).stages[0].findings.map((f: { title: string }) => f.title);
    expect(titles).toContain('DATABASE_URL is required but not set in staging (a secret)');
  });

  it('--probe runs the start command; one that does not exist is reported, not a crash', () => {
    config('');
    const run = cli(['env', '--env-file', 'envs/.env.production', '--probe', 'no-such-start-command-lr', '--format', 'json'], project.dir);
    expect(run.code).toBe(1);
    const finding = JSON.parse(run.stdout).stages[0].findings.find((f: { ruleId: string }) => f.ruleId === 'env-probe-command-failed');
    expect(finding.title).toMatch(/no-such-start-command-lr.*not found/);
  });

  it("runs on the machine's Node 20 too", () => {
    config('');
    const run = cli(['env', '--env-file', 'envs/.env.production'], project.dir, 'node');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('THEME_COLOR is required but not set in production');
  });
});

describe('launch-ready env --list: the inventory a user reads to see why', () => {
  it('lists every variable with why it is required, where it is read, whether it is declared and set', () => {
    config('env:\n  environments:\n    production: { files: [envs/.env.production] }\n');
    const listed = cli(['env', '--list', '--format', 'json'], project.dir);
    const stage = JSON.parse(listed.stdout).stages[0];
    const session = stage.metrics.variables.find((v: { name: string }) => v.name === 'SESSION_SECRET');
    expect(session).toMatchObject({ required: true, declared: true, inTarget: true, reads: expect.arrayContaining(['src/server.js:7']) });
    expect(session.why).toContain('src/server.js:7');
    expect(stage.metrics.variableCount).toBe(stage.metrics.variables.length);
    // Without --list, the report table holds only the variables that matter; the JSON inventory is whole either way.
    const plain = JSON.parse(cli(['env', '--format', 'json'], project.dir).stdout).stages[0];
    expect(plain.metrics.variables.length).toBe(stage.metrics.variables.length);
    expect(stage.blocks[0].rows.length).toBe(stage.metrics.variables.length);
    expect(plain.blocks[0].rows.length).toBeLessThan(stage.metrics.variables.length);
    // The terminal shows every row with --list.
    const text = cli(['env', '--list'], project.dir).stdout;
    for (const v of stage.metrics.variables as { name: string }[]) expect(text).toContain(v.name);
  });
});
