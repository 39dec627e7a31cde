import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksummed } from './fakes.js';
import { allPlaces, runSecrets, TempRepo } from './helpers.js';

describe('bundle globs', () => {
  const repo = new TempRepo();
  const outside = mkdtempSync(join(tmpdir(), 'lr-out-'));
  const inRepo = checksummed('ghp_');
  const inOutside = checksummed('ghp_');
  beforeAll(() => {
    repo.write('README.md', '# app\n');
    repo.commit('init');
    repo.write('dist/app.js', `var t="${inRepo}";`);
    mkdirSync(join(outside, 'out', 'static'), { recursive: true });
    writeFileSync(join(outside, 'out', 'static', 'main.js'), `var t="${inOutside}";`);
  });
  afterAll(() => {
    repo.remove();
    rmSync(outside, { recursive: true, force: true });
  });

  it('accepts an absolute glob into the repository (${{ github.workspace }}/dist/**) and shows the path relative to it', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, bundles: [`${repo.dir}/dist/**`] }, repo.dir);
    expect(outcome.errors).toBeUndefined();
    expect(allPlaces(outcome).map((p) => [p.secret === inRepo, p.file])).toEqual([[true, 'dist/app.js']]);
  });

  it('accepts a build folder outside the repository ($RUNNER_TEMP/out/**) and shows its absolute path', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, bundles: [`${outside}/out/**/*.js`] }, repo.dir);
    expect(outcome.errors).toBeUndefined();
    expect(allPlaces(outcome).map((p) => [p.secret === inOutside, p.file])).toEqual([[true, join(outside, 'out', 'static', 'main.js')]]);
  });

  it('still reads a relative glob under --repo, and says so when it matches nothing', async () => {
    const found = await runSecrets({ repo: repo.dir, history: false, bundles: ['dist/*.js'] }, repo.dir);
    expect(found.metrics).toMatchObject({ bundles: 1 });
    const none = await runSecrets({ repo: repo.dir, history: false, bundles: [`${outside}/missing/**`] }, repo.dir);
    expect(none.errors).toEqual([expect.objectContaining({ part: 'bundles', message: expect.stringContaining(`${outside}/missing/**`) })]);
  });
});

describe('a scanned subfolder', () => {
  const repo = new TempRepo();
  const token = checksummed('ghp_');
  beforeAll(() => {
    repo.write('apps/web/config.js', `export const token = '${token}';\n`);
    repo.write('apps/api/index.js', 'export {};\n');
    repo.commit('web config');
    repo.write('apps/web/ci/build.log', `echo TOKEN=${checksummed('ghp_')}\n`);
  });
  afterAll(() => repo.remove());

  it('reports tree and history findings in one path form, relative to the workspace', async () => {
    const outcome = await runSecrets({ repo: join(repo.dir, 'apps/web') }, repo.dir);
    const places = allPlaces(outcome).filter((p) => p.secret === token);
    expect(places.map((p) => [p.file, p.commit === undefined ? 'tree' : 'history']).sort()).toEqual([
      ['apps/web/config.js', 'history'],
      ['apps/web/config.js', 'tree'],
    ]);
  });

  it('shows a log path relative to the workspace, given relative to the subfolder or absolute', async () => {
    const relative = await runSecrets({ repo: join(repo.dir, 'apps/web'), history: false, logs: ['ci/build.log'] }, repo.dir);
    const absolute = await runSecrets({ repo: join(repo.dir, 'apps/web'), history: false, logs: [join(repo.dir, 'apps/web/ci/build.log')] }, repo.dir);
    for (const outcome of [relative, absolute])
      expect(
        allPlaces(outcome)
          .filter((p) => p.file?.endsWith('build.log'))
          .map((p) => p.file),
      ).toEqual(['apps/web/ci/build.log']);
  });

  it('shows a log outside the workspace by its absolute path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-log-'));
    try {
      writeFileSync(join(dir, 'deploy.log'), `TOKEN=${checksummed('ghp_')}\n`);
      const outcome = await runSecrets({ repo: repo.dir, history: false, logs: [join(dir, 'deploy.log')] }, repo.dir);
      expect(
        allPlaces(outcome)
          .filter((p) => p.file?.endsWith('deploy.log'))
          .map((p) => p.file),
      ).toEqual([join(dir, 'deploy.log')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
