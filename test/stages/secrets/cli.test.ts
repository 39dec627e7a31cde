import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checksummed } from './fakes.js';
import { TempRepo } from './helpers.js';

const ROOT = resolve(import.meta.dirname ?? '.', '../../..');
const CLI = join(ROOT, 'dist/cli.js');

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('launch-ready secrets (built CLI)', () => {
  const repos: TempRepo[] = [];
  const plain = mkdtempSync(join(tmpdir(), 'lr-not-git-'));
  const newRepo = () => {
    const r = new TempRepo();
    repos.push(r);
    return r;
  };
  afterAll(() => {
    repos.forEach((r) => r.remove());
    rmSync(plain, { recursive: true, force: true });
  });

  it('exits 2 naming the folder when the current folder is not a git repository and no --repo is given', () => {
    const run = cli(['secrets'], plain);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `launch-ready: secrets.repo: ${plain} is not a git repository; pass the folder of a git clone (git clone URL, or git init there first) (or run launch-ready inside your clone, or set secrets: {enabled: false} to leave this stage out)\n`,
    );
  });

  it('leaves the secrets stage out of the check when another stage is asked for outside a repository', () => {
    // trust with a DNS server that refuses (loopback port 9) cannot run: exit 3, and secrets is not even tried.
    writeFileSync(join(plain, 'cannot-run.yml'), 'trust:\n  hostnames: [app.example.test]\nnetwork:\n  resolvers: ["127.0.0.1:9"]\n');
    const run = cli(['check', '--config', 'cannot-run.yml', '--stages', 'trust', '--format', 'json'], plain);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { stages: { id: string }[] }).stages.map((s) => s.id)).toEqual(['trust']);
  });

  it('exits 2 naming the folder when --repo is not a git repository', () => {
    const run = cli(['secrets', '--repo', plain], plain);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--repo: ${plain} is not a git repository`);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  (process.getuid?.() === 0 ? it : it.skip)('exits 2 with the safe.directory fix when git refuses a folder another user owns', () => {
    const repo = newRepo();
    execFileSync('chown', ['-R', '65534:65534', repo.dir]);
    const run = cli(['secrets', '--repo', repo.dir], tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--repo: git refuses ${repo.dir}: it is owned by another user; run git config --global --add safe.directory ${repo.dir}`);
  });

  it('exits 2 with file:line:col for a .gitleaks.toml that does not parse', () => {
    const repo = newRepo();
    repo.write('.gitleaks.toml', 'title = "x"\n[allowlist\npaths = []\n');
    repo.commit('bad toml');
    const run = cli(['secrets', '--repo', repo.dir], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.gitleaks\.toml:2:\d+: .*fix the TOML syntax/);
  });

  it('exits 2 with file:line for a .gitleaks.toml regex that does not compile', () => {
    const repo = newRepo();
    repo.write('.gitleaks.toml', "[[rules]]\nid = 'x'\n\nregex = '''acme_([a-z]{16}'''\n");
    repo.commit('bad regex');
    const run = cli(['secrets', '--repo', repo.dir], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.gitleaks\.toml:4: rules\[0\]\.regex: invalid regular expression/);
  });

  it('exits 2 for a baseline that is not a JSON report', () => {
    const repo = newRepo();
    repo.commit('empty');
    writeFileSync(join(repo.dir, 'base.json'), 'not json');
    const run = cli(['secrets', '--repo', repo.dir, '--baseline', 'base.json'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('base.json: not JSON');
  });

  it('exits 1 with the JSON result contract when a live secret is found, evidence redacted', () => {
    const repo = newRepo();
    const token = checksummed('ghp_');
    repo.write('build.txt', `token ${token}\n`);
    repo.write('.gitignore', 'build.txt\n');
    repo.write('dist/app.js', `var t="${checksummed('npm_')}";`);
    repo.commit('app');
    const run = cli(['secrets', '--repo', repo.dir, '--no-history', '--bundles', 'dist/**', '--logs', 'build.txt', '--format', 'json'], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain(token);
    const result = JSON.parse(run.stdout) as { stages: { id: string; status: string; findings: { ruleId: string; evidence: string; location: unknown }[] }[] };
    const stage = result.stages.find((s) => s.id === 'secrets')!;
    expect(stage.status).toBe('fail');
    expect(stage.findings.map((f) => [f.ruleId, f.location])).toEqual(
      expect.arrayContaining([
        ['github-pat', { file: 'build.txt', line: 1 }],
        ['npm-access-token', { file: 'dist/app.js', line: 1, column: 8 }],
      ]),
    );
    expect(stage.findings.find((f) => f.ruleId === 'github-pat')!.evidence).toBe('ghp_…(40 chars)');
  });

  // As root every file is readable, so run the CLI as `nobody` on a repository that user owns.
  (process.getuid?.() === 0 ? it : it.skip)('skips and counts a file it may not read', () => {
    const repo = newRepo();
    repo.write('locked.env', `T=${checksummed('ghp_')}\n`);
    repo.write('open.txt', 'hello\n');
    repo.commit('files');
    execFileSync('chown', ['-R', '65534:65534', repo.dir]);
    chmodSync(join(repo.dir, 'locked.env'), 0);
    const run = spawnSync(process.execPath, [CLI, 'secrets', '--repo', repo.dir, '--no-history', '--format', 'json'], {
      uid: 65534,
      gid: 65534,
      encoding: 'utf8',
      env: { ...process.env, HOME: tmpdir() },
    });
    expect(run.status).toBe(0);
    const stage = (JSON.parse(run.stdout) as { stages: { metrics: Record<string, unknown>; findings: unknown[] }[] }).stages[0]!;
    expect(stage.metrics).toMatchObject({ files: 1, unreadableFiles: 1 });
    expect(stage.findings).toEqual([]);
  });

  it('exits 3 for a shallow clone with no secret: history is an error with the fetch-depth fix', () => {
    const origin = newRepo();
    origin.write('a.txt', '1\n');
    origin.commit('one');
    origin.write('a.txt', '2\n');
    origin.commit('two');
    const holder = newRepo();
    holder.git('clone', '-q', '--depth', '1', `file://${origin.dir}`, 'c');
    const run = cli(['secrets', '--repo', join(holder.dir, 'c'), '--format', 'json'], holder.dir);
    expect(run.code).toBe(3);
    const stage = (JSON.parse(run.stdout) as { stages: { errors: unknown[] }[] }).stages[0]!;
    expect(stage.errors).toEqual([expect.objectContaining({ part: 'history', fix: 'fetch-depth: 0' })]);
  });
});
