import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLaunchReady } from '../../../src/core/run.js';
import { committedEnvFileFindings, findCommittedEnvFiles } from '../../../src/stages/env/committed.js';
import { envStage } from '../../../src/stages/env/index.js';

let repo: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'lr-env-harmless-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  writeFileSync(join(repo, '.env.example'), 'DATABASE_URL=\nSTRIPE_SECRET_KEY=\n');
  symlinkSync('.env.example', join(repo, '.env'));
  writeFileSync(join(repo, '.env.patch'), '--- a/.env\n+++ b/.env\n+STRIPE_SECRET_KEY=\n');
  writeFileSync(join(repo, '.env.local'), 'DATABASE_URL=postgres://app:app@localhost:5432/app\nSTRIPE_SECRET_KEY=\nDEBUG=true\nAPI_TOKEN=changeme\n');
  writeFileSync(join(repo, '.env.production'), 'STRIPE_SECRET_KEY=sk_live_9f8e7d6c5b4a3928170655\n');
  writeFileSync(join(repo, '.env.staging'), 'DATABASE_URL=postgres://app:s3cr3t-pw@db.internal:5432/app\n');
  writeFileSync(join(repo, 'server.js'), 'const db = process.env.DATABASE_URL;\n');
  git('add', '.');
  git('commit', '-qm', 'env files of every kind');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const bySeverity = async () =>
  Object.fromEntries(committedEnvFileFindings((await findCommittedEnvFiles(repo, true))!).map((f) => [f.location!.file, f.severity]));

describe('env: committed dotenv files that hold nothing real are low, saying what they hold', () => {
  it('ok: a symlink to the example, a diff, a file of only empty/placeholder/localhost values are low', async () => {
    const findings = committedEnvFileFindings((await findCommittedEnvFiles(repo, true))!);
    const low = findings
      .filter((f) => f.severity === 'low')
      .map((f) => f.title)
      .sort();
    expect(low).toEqual([
      '.env is tracked in git: it holds a symbolic link to .env.example, not values of its own',
      '.env.local is tracked in git: it holds only empty, placeholder or localhost values',
      '.env.patch is tracked in git: it holds a diff, not a dotenv file the app loads',
    ]);
  });

  it('ng: a file with a real-looking value stays a blocker', async () => {
    expect(await bySeverity()).toMatchObject({ '.env.production': 'blocker', '.env.staging': 'blocker' });
  });

  it('env.exclude and env.ignore silence committed-file findings too', async () => {
    writeFileSync(join(repo, 'launch-ready.yml'), 'env:\n  exclude: [".env.production"]\n  ignore: [".env.staging"]\n');
    const outcome = await runLaunchReady(
      { command: 'env', stages: ['env'], overrides: [], format: 'json', cwd: repo },
      { stages: [envStage], version: '0.0.0-test', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } },
    );
    const committed = outcome.result.stages[0]!.findings.filter((f) => f.ruleId === 'env-file-committed')
      .map((f) => f.location?.file)
      .sort();
    expect(committed).toEqual(['.env', '.env.local', '.env.patch']);
  });
});
