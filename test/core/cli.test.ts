import { afterAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, runCli, tempProject } from '../helpers/cli.js';

// Every stage is built now: a stage that cannot run is trust with a DNS server that refuses (loopback port 9).
const CANNOT_RUN = 'trust:\n  hostnames: [app.example.test]\nnetwork:\n  resolvers: ["127.0.0.1:9"]\n';
const project = tempProject({
  'launch-ready.yml': 'failOn: blocker\n',
  'broken.yml': 'failOn: high\ncriticalPaths:\n  - id: signup\n    url: [x]\n',
  'cannot-run.yml': CANNOT_RUN,
});
afterAll(() => project.cleanup());

/** A usage error: exit 2, one line naming the thing and the fix, no stack trace, nothing on stdout. */
function expectUsageError(args: string[], message: string): void {
  const run = runCli(args, { cwd: project.dir });
  expect(run.stderr).toBe(`launch-ready: ${message}\n`);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
}

describe('launch-ready command line', () => {
  it('rejects an unknown command and suggests the close one', () => {
    expectUsageError(['chek'], 'unknown command "chek"; did you mean "check"? (see launch-ready --help)');
  });

  it('rejects an unknown flag and suggests the close one', () => {
    expectUsageError(['check', '--formt', 'json'], '--formt: unknown flag for "launch-ready check"; did you mean --format?');
  });

  it('rejects a flag that belongs to another command', () => {
    expectUsageError(['env', '--bundles', 'dist/**'], '--bundles: unknown flag for "launch-ready env"; see launch-ready env --help');
  });

  it('rejects an unknown stage in --stages', () => {
    expectUsageError(['check', '--stages', 'secrets,dns'], '--stages: unknown stage "dns"; expected one of secrets, env, trust, burst, rollback, readiness');
  });

  it('rejects an empty --stages', () => {
    expectUsageError(['check', '--stages', ''], '--stages: no stage given; e.g. --stages secrets,env');
  });

  it('says a --config that is a folder cannot be read', () => {
    expectUsageError(['check', '--config', '.'], '--config: . is a folder; give the path of a launch-ready.yml file');
  });

  it('points at tab indentation in the config', () => {
    const tabs = tempProject({ 'launch-ready.yml': 'trust:\n\thostnames: [a.example]\n' });
    const run = runCli(['check'], { cwd: tabs.dir });
    tabs.cleanup();
    expect(run.stderr).toBe(
      'launch-ready: launch-ready.yml:2:1: YAML syntax: Tabs are not allowed as indentation; fix the YAML (indentation, quotes, a missing colon)\n',
    );
    expect(run.code).toBe(2);
  });

  it('rejects a bad --format and a bad --fail-on with the allowed values', () => {
    expectUsageError(['check', '--format', 'xml'], '--format: "xml" is not a format; expected one of text, json, markdown, sarif, html');
    expectUsageError(['check', '--fail-on', 'critical'], '--fail-on: "critical" is not a severity; expected one of blocker, high, medium, low, never');
  });

  it('rejects a stray argument and shows a flag of that command to put it after', () => {
    expectUsageError(
      ['check', 'extra'],
      'unexpected argument "extra" for "launch-ready check"; values go after their flag, e.g. --config extra (see launch-ready check --help)',
    );
    expectUsageError(
      ['secrets', 'dist/'],
      'unexpected argument "dist/" for "launch-ready secrets"; values go after their flag, e.g. --repo dist/ (see launch-ready secrets --help)',
    );
  });

  it('asks for the value of a flag given without one', () => {
    expectUsageError(['check', '--config'], '--config: needs a value; e.g. --config FILE');
  });

  it('rejects a number flag given a word', () => {
    expectUsageError(['burst', '--vus', 'many'], '--vus: "many" is not a number; e.g. --vus 10');
  });

  it('reports a config problem with file:line:col and exit 2', () => {
    expectUsageError(['check', '--config', 'broken.yml'], 'broken.yml:4:5: criticalPaths[0].url: unknown key; did you mean "urls"?');
  });

  it('has --help on every command', () => {
    for (const command of ['check', 'secrets', 'env', 'trust', 'burst', 'rollback', 'demo']) {
      const run = runCli([command, '--help'], { cwd: project.dir });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: launch-ready ${command} [flags]`);
      expect(run.stdout).toContain('--fail-on SEV');
    }
    const main = runCli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('Exit codes: 0 gate passed, 1 gate failed, 2 usage or configuration error, 3 a stage could not run.');
  });

  it('prints its version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(runCli(['--version']).stdout).toBe(`${pkg.version}\n`);
  });

  // A stage that cannot run: burst cannot write its k6 export (no such folder), so it loads nothing.
  const cannotRun = tempProject({
    'launch-ready.yml': 'burst:\n  target: http://127.0.0.1:9\n  vus: 1\n  duration: 1s\n  exportK6: no-such-folder/burst.k6.js\n',
  });
  afterAll(() => cannotRun.cleanup());

  it('exits 3 when a stage asked for by name cannot run, and still writes the JSON result', () => {
    const run = runCli(['check', '--stages', 'burst', '--format', 'json', '--output', 'result.json'], { cwd: cannotRun.dir });
    expect(run.code).toBe(3);
    const result = JSON.parse(readFileSync(join(cannotRun.dir, 'result.json'), 'utf8'));
    expect(result).toMatchObject({ version: 1, tool: { name: 'launch-ready' }, status: 'error', stages: [{ id: 'burst', status: 'error' }] });
    expect(run.stdout).toMatch(/burst +error/);
  });

  it('prints the JSON Schema of launch-ready.yml, the same one the package ships', () => {
    const run = runCli(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync('launch-ready.schema.json', 'utf8')));
  });
});

describe('--output', () => {
  it('creates the folder of the report file', () => {
    const run = runCli(['check', '--stages', 'burst', '--format', 'sarif', '--output', 'reports/deep/result.sarif'], { cwd: project.dir });
    expect(run.code).toBe(0); // burst without a target is skipped
    expect(JSON.parse(readFileSync(join(project.dir, 'reports/deep/result.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('names --output when the path cannot be written, with exit 2', () => {
    const run = runCli(['check', '--stages', 'rollback', '--output', 'launch-ready.yml/inside.txt'], { cwd: project.dir });
    expect(run.stderr).toMatch(/^launch-ready: --output: cannot write launch-ready\.yml\/inside\.txt \(E[A-Z]+\); give a writable file path\n$/);
    expect(run.code).toBe(2);
  });
});

describe('flags Node would otherwise take for itself', () => {
  it('gives --env-file to launch-ready, not to Node, when run through the shebang', () => {
    const run = spawnSync(CLI, ['env', '--env-file', 'missing.env'], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toMatch(/^launch-ready: .*missing\.env/);
    expect(run.stderr).not.toMatch(/^node: /);
    expect(run.status).toBe(2);
  });
});

describe('a closed pipe', () => {
  it('stops quietly when the reader goes away early (launch-ready ... | head)', () => {
    // `head -c 0` exits before the CLI writes, so every write hits a closed pipe.
    const run = spawnSync('bash', ['-c', `"${process.execPath}" -- "${CLI}" schema | head -c 0; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(run.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(run.status).toBe(0);
  });
});
