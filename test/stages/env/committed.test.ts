import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { committedEnvFileFindings, committedEnvFileSeverity, findCommittedEnvFiles } from '../../../src/stages/env/committed.js';

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'lr-env-git-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  mkdirSync(join(repo, 'api'));
  writeFileSync(join(repo, '.env.example'), 'DATABASE_URL=\n');
  writeFileSync(join(repo, '.env.production'), 'DATABASE_URL=postgres://prod\n');
  git('add', '.');
  git('commit', '-qm', 'add env files');
  git('rm', '-q', '--cached', '.env.production');
  writeFileSync(join(repo, '.gitignore'), '.env.production\n');
  writeFileSync(join(repo, 'api', '.env'), 'TOKEN=tok_9f8e7d6c5b4a39281706\n');
  writeFileSync(join(repo, '.env.test'), 'X=sk_test_51Habcdefghijklmnop\n');
  git('add', '.');
  git('commit', '-qm', 'stop tracking production env; add api/.env');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('env: dotenv files committed to git', () => {
  it('finds files tracked now and files only in history, with the commit that added them', async () => {
    const files = await findCommittedEnvFiles(repo, true);
    const added = git('log', '--format=%H', '--diff-filter=A', '--', '.env.production').trim();
    expect(files!.map(({ path, commit }) => ({ path, ...(commit ? { commit } : {}) }))).toEqual(
      expect.arrayContaining([{ path: '.env.example' }, { path: '.env.test' }, { path: 'api/.env' }, { path: '.env.production', commit: added }]),
    );
    expect(files).toHaveLength(4);
  });

  it('turns them into findings: blocker for .env and .env.production, medium for .env.test, none for the example', async () => {
    const findings = committedEnvFileFindings((await findCommittedEnvFiles(repo, true))!);
    const rows = findings.map((f) => [f.location?.file, f.severity, f.location?.commit !== undefined]).sort();
    expect(rows).toEqual([
      ['.env.production', 'blocker', true],
      ['.env.test', 'medium', false],
      ['api/.env', 'blocker', false],
    ]);
    expect(findings.find((f) => f.location?.file === 'api/.env')?.title).toBe('api/.env is tracked in git: every clone has its values');
  });

  it('skips history when asked', async () => {
    // The tracked files are still found (an empty list would pass a "no commit" check vacuously)...
    const files = (await findCommittedEnvFiles(repo, false))!;
    expect(files.map((f) => f.path).sort()).toEqual(['.env.example', '.env.test', 'api/.env']);
    // ...but none from history only, and none carries a commit.
    expect(files.filter((f) => f.commit !== undefined)).toEqual([]);
  });

  it('reports paths relative to a sub-folder when the app lives in one', async () => {
    const files = await findCommittedEnvFiles(join(repo, 'api'), true);
    expect(files!.map((f) => f.path)).toEqual(['.env']);
  });

  it('returns nothing for a folder that is not a git work tree', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'lr-env-nogit-'));
    try {
      expect(await findCommittedEnvFiles(plain, true)).toBeUndefined();
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it.each([
    ['.env', 'blocker'],
    ['.env.local', 'blocker'],
    ['.env.production', 'blocker'],
    ['.env.staging', 'blocker'],
    ['deploy/.env.prod', 'blocker'],
    ['.env.development', 'medium'],
    ['.env.test', 'medium'],
    ['.env.example', undefined],
    ['.env.sample', undefined],
    ['.env.schema', undefined],
    ['.env.vault', undefined],
    ['.envrc', undefined],
    ['src/env.ts', undefined],
  ])('%s → %s', (path, severity) => {
    expect(committedEnvFileSeverity(path)).toBe(severity);
  });
});
