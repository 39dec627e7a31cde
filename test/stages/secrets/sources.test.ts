import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { alnum, checksummed, jwt, stripeKey } from './fakes.js';
import { runSecrets, TempRepo } from './helpers.js';

describe('working tree', () => {
  const repo = new TempRepo();
  const tracked = checksummed('ghp_');
  const untracked = checksummed('ghp_');
  const ignored = checksummed('ghp_');
  beforeAll(() => {
    repo.write('.gitignore', 'secrets.local\n');
    repo.write('app/settings.py', `DEBUG = False\nGITHUB_TOKEN = "${tracked}"\n`);
    repo.commit('app');
    symlinkSync('does-not-exist', `${repo.dir}/dangling`);
    repo.write('huge.txt', `t=${checksummed('ghp_')}\n${'y'.repeat(3000)}`);
    repo.git('add', 'dangling', 'huge.txt');
    repo.commit('link and huge file');
    repo.write('scratch.txt', `t=${untracked}\n`);
    repo.write('secrets.local', `t=${ignored}\n`);
  });
  afterAll(() => repo.remove());

  it('scans tracked files and reports path and line', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, maxFileBytes: 2000 }, repo.dir);
    expect(outcome.findings.map((f) => [f.secret === tracked, f.location])).toEqual([[true, { file: 'app/settings.py', line: 2 }]]);
  });

  it('skips broken symlinks and files over maxFileBytes, and counts them', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, maxFileBytes: 2000 }, repo.dir);
    expect(outcome.metrics).toMatchObject({ brokenSymlinks: 1, skippedLargeFiles: 1 });
  });

  it('scans untracked, not ignored files only with the untracked flag', async () => {
    const without = await runSecrets({ repo: repo.dir, history: false }, repo.dir);
    const withFlag = await runSecrets({ repo: repo.dir, history: false, untracked: true }, repo.dir);
    expect(without.findings.some((f) => f.secret === untracked)).toBe(false);
    expect(withFlag.findings.filter((f) => f.secret === untracked).map((f) => f.location)).toEqual([{ file: 'scratch.txt', line: 1 }]);
    expect(withFlag.findings.some((f) => f.secret === ignored)).toBe(false);
  });

  (process.getuid?.() === 0 ? it.skip : it)('counts unreadable files (not testable as root)', async () => {
    chmodSync(`${repo.dir}/app/settings.py`, 0);
    try {
      const outcome = await runSecrets({ repo: repo.dir, history: false }, repo.dir);
      expect(outcome.metrics).toMatchObject({ unreadableFiles: 1 });
    } finally {
      chmodSync(`${repo.dir}/app/settings.py`, 0o644);
    }
  });
});

describe('built bundles and source maps', () => {
  const repo = new TempRepo();
  const inMinified = stripeKey();
  const inMap = checksummed('ghp_');
  const serviceRole = jwt({ iss: 'supabase', role: 'service_role' });
  const adminPassword = alnum(20);
  let filler = '';
  beforeAll(() => {
    repo.write('src/index.ts', 'export {};\n');
    repo.commit('src');
    filler = 'function a(e){return e&&e.__esModule?e:{default:e}}'.repeat(20000);
    repo.write('dist/app.min.js', `${filler};var k="${inMinified}";${filler}`);
    repo.write(
      'dist/app.min.js.map',
      JSON.stringify({
        version: 3,
        sources: ['webpack://app/src/api.ts'],
        sourcesContent: [`import x from 'y';\n\nconst token = '${inMap}';\n`],
        mappings: '',
      }),
    );
    repo.write(
      'dist/env.js',
      `const e={NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY:"${serviceRole}",NEXT_PUBLIC_SITE_NAME:"Acme",VITE_ADMIN_PASSWORD:"${adminPassword}"};`,
    );
    repo.write('other/ignored.js', `var k="${stripeKey()}";`);
  });
  afterAll(() => repo.remove());

  it('finds a secret deep in a megabyte-long minified line, with its column', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, bundles: ['dist/**'] }, repo.dir);
    const [found] = outcome.findings.filter((f) => f.secret === inMinified);
    expect(found?.location).toEqual({ file: 'dist/app.min.js', line: 1, column: filler.length + ';var k="'.length + 1 });
    expect(found?.severity).toBe('blocker');
  });

  it("scans a source map's sourcesContent with the original source's line", async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, bundles: ['dist/**'] }, repo.dir);
    const [found] = outcome.findings.filter((f) => f.secret === inMap);
    expect(found?.location).toMatchObject({ file: 'dist/app.min.js.map', line: 3 });
    expect(found?.title).toContain('webpack://app/src/api.ts');
  });

  it('flags a server secret behind a public-env prefix as a blocker', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, bundles: ['dist/*.js'] }, repo.dir);
    const found = outcome.findings.filter((f) => f.secret === serviceRole);
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['supabase-service-role-key', 'blocker']]);
    const exposed = outcome.findings.filter((f) => f.secret === adminPassword);
    expect(exposed.map((f) => [f.ruleId, f.severity])).toEqual([['public-env-secret', 'blocker']]);
    expect(outcome.findings.some((f) => f.title.includes('Acme'))).toBe(false);
  });

  it('scans only files the globs match', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, bundles: ['dist/**'] }, repo.dir);
    expect(outcome.findings.some((f) => f.location?.file?.startsWith('other/'))).toBe(false);
    expect(outcome.metrics).toMatchObject({ bundles: 3 });
  });

  it('takes a plain folder name as everything in it, and a single file as itself', async () => {
    const folder = await runSecrets({ repo: repo.dir, history: false, bundles: ['dist'] }, repo.dir);
    const single = await runSecrets({ repo: repo.dir, history: false, bundles: ['./dist/env.js'] }, repo.dir);
    expect(folder.metrics).toMatchObject({ bundles: 3 });
    expect(single.metrics).toMatchObject({ bundles: 1 });
  });

  it('reports a glob that matches nothing as a bundles error', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, bundles: ['build/**'] }, repo.dir);
    expect(outcome.errors).toEqual([expect.objectContaining({ part: 'bundles', message: expect.stringContaining('build/**') })]);
  });
});

describe('build logs', () => {
  const repo = new TempRepo();
  const echoed = checksummed('npm_');
  const bearer = alnum(48);
  const dumped = alnum(32);
  beforeAll(() => {
    repo.commit('empty');
    repo.write(
      'ci/build.txt',
      [
        '> npm ci',
        `npm notice using token ${echoed}`,
        '> curl -H "Authorization: Bearer $TOKEN" https://api.example.com',
        `< request headers: Authorization: Bearer ${bearer}`,
        'env dump:',
        `SESSION_SECRET=${dumped}`,
        'done',
      ].join('\n'),
    );
  });
  afterAll(() => repo.remove());

  it('finds echoed tokens, Authorization headers and KEY=value dumps with their lines', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, logs: ['ci/build.txt'] }, repo.dir);
    const found = outcome.findings.map((f) => [f.ruleId, f.location?.file, f.location?.line]);
    expect(found).toEqual([
      ['npm-access-token', 'ci/build.txt', 2],
      ['authorization-header', 'ci/build.txt', 4],
      ['generic-api-key', 'ci/build.txt', 6],
    ]);
  });

  it('reports a missing log as a logs error and still runs the rest', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, logs: ['nope.txt'] }, repo.dir);
    expect(outcome.errors).toEqual([expect.objectContaining({ part: 'logs', message: expect.stringContaining('nope.txt') })]);
  });
});

describe('the live site', () => {
  const repo = new TempRepo();
  const inScript = stripeKey();
  const inMap = checksummed('ghp_');
  const inPage = checksummed('gho_');
  let site: Server;
  let elsewhere: Server;
  let elsewhereHits = 0;
  let base = '';
  let port = 0;
  const hostHeaders: string[] = [];
  const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

  beforeAll(async () => {
    repo.commit('empty');
    elsewhere = createServer((_req, res) => {
      elsewhereHits++;
      res.end(`var k="${stripeKey()}";`);
    });
    const otherPort = await listen(elsewhere);
    site = createServer((req, res) => {
      hostHeaders.push(req.headers.host ?? '');
      if (req.url === '/') {
        res.setHeader('content-type', 'text/html');
        res.end(
          `<!doctype html><html><head><script src="/static/app.js" defer></script><script src="http://127.0.0.1:${otherPort}/cdn.js"></script></head><body><script>window.cfg={gh:"${inPage}"}</script></body></html>`,
        );
      } else if (req.url === '/static/app.js') res.end(`console.log(1);var s="${inScript}";\n//# sourceMappingURL=app.js.map\n`);
      else if (req.url === '/static/app.js.map')
        res.end(JSON.stringify({ version: 3, sources: ['src/client.ts'], sourcesContent: [`// client\nexport const gh = '${inMap}';\n`] }));
      else {
        res.statusCode = 404;
        res.end();
      }
    });
    port = await listen(site);
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    repo.remove();
    await new Promise((r) => site.close(r));
    await new Promise((r) => elsewhere.close(r));
  });

  it('scans the page, its same-origin scripts and their source maps, never other origins', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, urls: [`${base}/`] }, repo.dir);
    const where = (secret: string) => outcome.findings.filter((f) => f.secret === secret).map((f) => f.location?.url);
    expect(where(inPage)).toEqual([`${base}/`]);
    expect(where(inScript)).toEqual([`${base}/static/app.js`]);
    expect(where(inMap)).toEqual([`${base}/static/app.js.map`]);
    expect(elsewhereHits).toBe(0);
    expect(outcome.metrics).toMatchObject({ urlDocuments: 3 });
  });

  it("honours trust.connectTo: the site's own name, sent to a loopback origin", async () => {
    hostHeaders.length = 0;
    const outcome = await runSecrets({ repo: repo.dir, history: false, urls: ['http://app.launch.test/'] }, repo.dir, {
      connectTo: [`app.launch.test:80:127.0.0.1:${port}`],
    });
    expect(outcome.errors).toBeUndefined();
    expect(outcome.findings.filter((f) => f.secret === inScript).map((f) => f.location?.url)).toEqual(['http://app.launch.test/static/app.js']);
    expect(hostHeaders).toEqual(['app.launch.test', 'app.launch.test', 'app.launch.test']);
  });

  it('reports a page that does not answer 200 as a urls error', async () => {
    const outcome = await runSecrets({ repo: repo.dir, history: false, urls: [`${base}/missing`] }, repo.dir);
    expect(outcome.errors).toEqual([expect.objectContaining({ part: 'urls', message: expect.stringContaining('404') })]);
  });
});
