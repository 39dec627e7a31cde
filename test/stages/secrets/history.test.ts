import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { StageOutcome } from '../../../src/core/stage.js';
import { checksummed, stripeKey } from './fakes.js';
import { allPlaces, ofRule, runSecrets, TempRepo } from './helpers.js';
import { PatchParser } from '../../../src/stages/secrets/sources/history.js';

describe('secrets in git history', () => {
  const repo = new TempRepo();
  const deleted = checksummed('ghp_');
  const first = checksummed('ghp_');
  const rewritten = checksummed('ghp_');
  const onBranch = stripeKey();
  const renamed = checksummed('npm_');
  const afterRename = checksummed('npm_');
  const commits: Record<string, string> = {};
  let outcome: StageOutcome;

  beforeAll(async () => {
    repo.write('README.md', '# app\n');
    repo.write('deploy/old.env', `# old deploy settings\nGITHUB_TOKEN=${deleted}\n`);
    repo.write('src/config.ts', `export const config = {\n  name: 'app',\n  token: '${first}',\n};\n`);
    repo.write('notes/a.txt', `line one\nnpm token ${renamed}\n`);
    commits.first = repo.commit('initial');
    repo.git('rm', '-q', 'deploy/old.env');
    repo.write('src/config.ts', `export const config = {\n  name: 'app',\n  token: '${rewritten}',\n};\n`);
    commits.second = repo.commit('rotate token, drop old env');
    repo.git('mv', 'notes/a.txt', 'notes/b.txt');
    commits.rename = repo.commit('rename notes');
    repo.write('notes/b.txt', `line one\nnpm token ${renamed}\nline three\nline four\nnext ${afterRename}\n`);
    commits.afterRename = repo.commit('more notes');
    repo.write('src/config.ts', "export const config = {\n  name: 'app',\n  token: process.env.TOKEN,\n};\n");
    commits.clean = repo.commit('read the token from the environment');
    repo.git('checkout', '-q', '-b', 'feature/payments');
    repo.write('src/pay.ts', `const stripe = '${onBranch}';\n`);
    commits.branch = repo.commit('wip payments');
    repo.git('checkout', '-q', 'main');
    repo.write('assets/logo.bin', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(checksummed('ghp_'))]));
    repo.commit('binary asset');
    outcome = await runSecrets({ repo: repo.dir }, repo.dir);
  });
  afterAll(() => repo.remove());

  const at = (secret: string) =>
    allPlaces(outcome)
      .filter((p) => p.secret === secret && p.commit)
      .map(({ secret: _s, ...p }) => p);

  it('finds a secret in a file deleted since, at its commit and line', () => {
    expect(at(deleted)).toEqual([{ file: 'deploy/old.env', line: 2, commit: commits.first, ref: 'refs/heads/main' }]);
  });

  it('attributes each version of a rewritten line to the commit that wrote it', () => {
    expect(at(first)).toEqual([{ file: 'src/config.ts', line: 3, commit: commits.first, ref: 'refs/heads/main' }]);
    expect(at(rewritten)).toEqual([{ file: 'src/config.ts', line: 3, commit: commits.second, ref: 'refs/heads/main' }]);
  });

  it('finds a secret only on an unmerged branch, naming the branch', () => {
    expect(at(onBranch)).toEqual([{ file: 'src/pay.ts', line: 1, commit: commits.branch, ref: 'refs/heads/feature/payments' }]);
  });

  it("keeps a renamed file's secret at its original path and reports later additions at the new path", () => {
    expect(at(renamed)).toEqual([{ file: 'notes/a.txt', line: 2, commit: commits.first, ref: 'refs/heads/main' }]);
    expect(at(afterRename)).toEqual([{ file: 'notes/b.txt', line: 5, commit: commits.afterRename, ref: 'refs/heads/main' }]);
  });

  it('skips binary diffs', () => {
    expect(outcome.findings.filter((f) => f.location?.file === 'assets/logo.bin')).toEqual([]);
  });

  it('reports history findings as blockers with the rotate-first fix and a gitleaks fingerprint', () => {
    const [finding] = ofRule(outcome, 'stripe-access-token');
    expect(finding).toMatchObject({ severity: 'blocker', paths: ['deploy', 'checkout'], fingerprint: `${commits.branch}:src/pay.ts:stripe-access-token:1` });
    expect(finding!.fix).toBe('Rotate it at Stripe: https://dashboard.stripe.com/apikeys; a history purge helps only after that');
    expect(finding!.title).not.toContain(onBranch);
  });

  it('counts commits and refs in the metrics', () => {
    expect(outcome.metrics).toMatchObject({ commits: 7, refs: 2 });
    expect(outcome.errors).toBeUndefined();
    expect(outcome.summary).toMatch(/^scanned 7 commits on 2 refs/);
  });
});

describe('history edge cases', () => {
  const repos: TempRepo[] = [];
  afterAll(() => repos.forEach((r) => r.remove()));
  const newRepo = () => {
    const r = new TempRepo();
    repos.push(r);
    return r;
  };

  it('scans an empty repository without error', async () => {
    const repo = newRepo();
    const outcome = await runSecrets({ repo: repo.dir }, repo.dir);
    expect(outcome.errors).toBeUndefined();
    expect(outcome.findings).toEqual([]);
    expect(outcome.metrics).toMatchObject({ commits: 0, refs: 0 });
  });

  it("skips one commit's added text over maxFileBytes and counts it", async () => {
    const repo = newRepo();
    repo.write('big.txt', `token ${checksummed('ghp_')}\n${'x'.repeat(5000)}\n`);
    repo.write('small.txt', `token ${checksummed('ghp_')}\n`);
    repo.commit('big and small');
    const outcome = await runSecrets({ repo: repo.dir, maxFileBytes: 2000 }, repo.dir);
    expect(
      allPlaces(outcome)
        .map((p) => p.file)
        .sort(),
    ).toEqual(['small.txt', 'small.txt']);
    expect(outcome.findings).toHaveLength(1);
    expect(outcome.metrics).toMatchObject({ skippedLargeFiles: 2 });
  });

  it('finds a secret in a non-UTF-8 (Latin-1) file', async () => {
    const repo = newRepo();
    const token = checksummed('ghp_');
    repo.write('legacy.txt', Buffer.concat([Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'), Buffer.from(`token=${token}\n`)]));
    repo.commit('latin1');
    const outcome = await runSecrets({ repo: repo.dir }, repo.dir);
    expect(
      allPlaces(outcome)
        .filter((p) => p.secret === token)
        .map((p) => p.line),
    ).toEqual([2, 2]);
  });

  it('reports a shallow clone as a history error with the fetch-depth fix, and still scans the tree', async () => {
    const origin = newRepo();
    for (let i = 0; i < 3; i++) {
      origin.write(`f${i}.txt`, `${i}\n`);
      origin.commit(`c${i}`);
    }
    const token = checksummed('ghp_');
    origin.write('secret.txt', `t=${token}\n`);
    origin.commit('leak');
    const clone = new TempRepo(false);
    repos.push(clone);
    clone.git('clone', '-q', '--depth', '1', `file://${origin.dir}`, 'c');
    const dir = `${clone.dir}/c`;
    const outcome = await runSecrets({ repo: dir }, dir);
    expect(outcome.errors).toEqual([expect.objectContaining({ part: 'history', fix: 'fetch-depth: 0', message: expect.stringMatching(/shallow/) })]);
    expect(outcome.findings.some((f) => f.location?.file === 'secret.txt' && f.location.commit === undefined)).toBe(true);
  });

  it('reports unusual file names as written: spaces, accents, quotes', async () => {
    const repo = newRepo();
    repo.write('café notes.txt', `t=${checksummed('ghp_')}\n`);
    repo.write('we"ird\tname.txt', `t=${checksummed('ghp_')}\n`);
    repo.commit('odd names');
    const outcome = await runSecrets({ repo: repo.dir }, repo.dir);
    const files = allPlaces(outcome)
      .filter((p) => p.commit)
      .map((p) => p.file)
      .sort();
    expect(files).toEqual(['café notes.txt', 'we"ird\tname.txt']);
  });

  it('with history off, scans only the working tree', async () => {
    const repo = newRepo();
    repo.write('a.txt', `t=${checksummed('ghp_')}\n`);
    repo.commit('one');
    const outcome = await runSecrets({ repo: repo.dir, history: false }, repo.dir);
    expect(outcome.findings.map((f) => f.location)).toEqual([{ file: 'a.txt', line: 1 }]);
    expect(outcome.metrics).toMatchObject({ commits: 0 });
  });
});

describe('reading git output as bytes', () => {
  const patch = Buffer.from(
    '\x01' +
      'b'.repeat(40) +
      ' 2026-01-10T12:00:00Z refs/heads/main\n' +
      'diff --git a/café.env b/café.env\n--- a/café.env\n+++ b/café.env\n@@ -1 +1,2 @@\n-OLD=1\n+NAME=Zoë\n+TOKEN=x\n',
  );

  it('keeps a UTF-8 character whole when a chunk boundary splits it, at every boundary', () => {
    const whole: string[] = [];
    const parse = (pieces: Buffer[]): string[] => {
      const texts: string[] = [];
      const parser = new PatchParser(1 << 20, (block) => texts.push(`${block.file}:${block.lines.join(',')}:${block.text}`));
      for (const piece of pieces) parser.push(piece);
      parser.end();
      return texts;
    };
    whole.push(...parse([patch]));
    expect(whole).toEqual(['café.env:1,2:NAME=Zoë\nTOKEN=x']);
    for (let cut = 1; cut < patch.length; cut++) expect(parse([patch.subarray(0, cut), patch.subarray(cut)])).toEqual(whole);
  });
});
