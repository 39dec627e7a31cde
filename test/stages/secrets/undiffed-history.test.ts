import { afterAll, describe, expect, it } from '@jest/globals';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UNDIFFED_HISTORY_PATTERNS } from '../../../src/stages/secrets/sources/history.js';
import { checksummed } from './fakes.js';
import { allPlaces, runSecrets, TempRepo } from './helpers.js';

/**
 * Lockfiles and images are not diffed in history (gitleaks' default config skips them everywhere):
 * their churn is a large part of git's work. What is in them today is still scanned.
 */
describe('history skips lockfile and image diffs, the working tree does not', () => {
  const repos: TempRepo[] = [];
  afterAll(() => repos.forEach((r) => r.remove()));

  /** A repository whose lockfile held one token in a past commit and holds another now, beside a normal file's leak. */
  function repoWithLockfileLeaks(attributes?: string) {
    const repo = new TempRepo();
    repos.push(repo);
    const past = checksummed('ghp_');
    const now = checksummed('ghp_');
    const inCode = checksummed('ghp_');
    if (attributes) repo.write('.gitattributes', attributes);
    repo.write('pnpm-lock.yaml', `lockfileVersion: '9.0'\nregistry: https://x-access-token:${past}@npm.pkg.github.com/\n`);
    repo.write('src/config.js', `export const token = '${inCode}';\n`);
    const first = repo.commit('add lockfile and config');
    repo.write('pnpm-lock.yaml', `lockfileVersion: '9.0'\nregistry: https://x-access-token:${now}@npm.pkg.github.com/\n`);
    repo.write('src/config.js', 'export const token = process.env.TOKEN;\n');
    repo.commit('rotate');
    return { repo, past, now, inCode, first };
  }

  it('finds the lockfile token of today and a normal file leak in history, not the lockfile token of the past', async () => {
    const { repo, past, now, inCode, first } = repoWithLockfileLeaks();
    const places = allPlaces(await runSecrets({}, repo.dir));
    const secrets = new Set(places.map((p) => p.secret));
    expect(secrets.has(now)).toBe(true);
    expect(places).toContainEqual(expect.objectContaining({ secret: inCode, commit: first, file: 'src/config.js' }));
    expect(secrets.has(past)).toBe(false);
  });

  it("diffs the lockfile's history when the repository's own .gitattributes asks for it (negative control)", async () => {
    const { repo, past, first } = repoWithLockfileLeaks('pnpm-lock.yaml diff\n');
    const places = allPlaces(await runSecrets({}, repo.dir));
    expect(places).toContainEqual(expect.objectContaining({ secret: past, commit: first, file: 'pnpm-lock.yaml' }));
  });

  it('cannot be switched off by a file another process planted in the temp folder', async () => {
    const { repo, inCode, first } = repoWithLockfileLeaks();
    // What a command the gate runs (the env probe runs beside this scan) could write, at the shared name an older build read.
    const sharedName = `launch-ready-history-${UNDIFFED_HISTORY_PATTERNS.map((p) => `${p} -diff\n`)
      .join('')
      .length.toString(36)}-v1.gitattributes`;
    const planted = join(tmpdir(), sharedName);
    writeFileSync(planted, '* -diff\n');
    try {
      const places = allPlaces(await runSecrets({}, repo.dir));
      expect(places).toContainEqual(expect.objectContaining({ secret: inCode, commit: first, file: 'src/config.js' }));
    } finally {
      rmSync(planted, { force: true });
    }
  });
});
