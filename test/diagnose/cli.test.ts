import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runCliAsync, tempProject } from '../helpers/cli.js';
import { knotAvailable, startKnot, type KnotServer } from '../helpers/knot.js';
import { createTestCa, type TestCa } from '../helpers/tls-ca.js';
import { startHttps, type Running } from '../helpers/trust-servers.js';

const describeKnot = knotAvailable() || process.env.CI ? describe : describe.skip;

const CF = { 'cf-ray': '8f1d2c3b4a5e6f70-AMS', 'cf-cache-status': 'DYNAMIC' };

function edge(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/signup') return void res.writeHead(502, { ...CF, 'content-type': 'text/html' }).end('<h1>502</h1>');
  res.writeHead(200, { ...CF, 'content-type': 'text/html' }).end('<title>Shop</title>');
}
function origin(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/healthz')
    return void res.writeHead(200, { 'content-type': 'application/health+json' }).end('{"status":"pass","checks":{"postgres:database":[{"status":"pass"}]}}');
  if (req.url === '/signup') return void res.writeHead(502, { 'content-type': 'text/plain' }).end('crashed');
  res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Shop</title>');
}

describeKnot('launch-ready diagnose and the readiness stage, as a user runs them', () => {
  let knot: KnotServer;
  let ca: TestCa;
  let edgeServer: Running;
  let originServer: Running;
  let project: ReturnType<typeof tempProject>;

  beforeAll(async () => {
    knot = await startKnot({ 'shop.test': 'www 300 IN A 127.0.0.1\napp 300 IN A 127.0.0.1\n' });
    ca = createTestCa();
    const leaf = ca.leaf(['shop.test', '*.shop.test'], 90);
    edgeServer = await startHttps(() => leaf, leaf, edge);
    originServer = await startHttps(() => leaf, leaf, origin);
    const e = edgeServer.port;
    project = tempProject({
      'ca.pem': ca.rootPem,
      'launch-ready.yml': [
        'criticalPaths:',
        `  - { id: signup, urls: ["https://app.shop.test:${e}/signup"] }`,
        `  - { id: homepage, urls: ["https://www.shop.test:${e}/"] }`,
        'network:',
        `  resolvers: ["${knot.address}"]`,
        `  connectTo: ["app.shop.test:${e}:127.0.0.1:${originServer.port}"]`,
        '  ca: ./ca.pem',
        'readiness:',
        `  authoritative: ["${knot.address}"]`,
        `  healthUrl: https://app.shop.test:${e}/healthz`,
        '  monitors:',
        `    - { url: "https://www.shop.test:${e}/", owner: ana@shop.test, channels: ["email:ops@shop.test", "slack:#alerts"], interval: 1m }`,
        '',
      ].join('\n'),
    });
  }, 30_000);
  afterAll(async () => {
    await Promise.all([knot?.stop(), edgeServer?.close(), originServer?.close()]);
    ca?.cleanup();
    project?.cleanup();
  });

  test('exit 0 when every layer is healthy, with the layers shown', async () => {
    const run = await runCliAsync(['diagnose', `https://www.shop.test:${edgeServer.port}/`], { cwd: project.dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^healthy: \/ answers 200 via Cloudflare/);
    expect(run.stdout).toMatch(/\n {2}DNS +ok +authoritative 127\.0\.0\.1:\d+: 127\.0\.0\.1/);
    expect(run.stdout).toMatch(/\n {2}TLS +ok +TLSv1\.3; subject shop\.test, issuer Test Intermediate CA, expires/);
  });

  test('exit 1 when a layer fails, one answer in JSON too', async () => {
    const run = await runCliAsync(['diagnose', `https://app.shop.test:${edgeServer.port}/signup`, '--format', 'json'], { cwd: project.dir });
    expect(run.code).toBe(1);
    const answer = JSON.parse(run.stdout) as { answer: string; sentence: string; layers: { layer: string; ok: unknown }[] };
    expect(answer).toMatchObject({ answer: 'app', sentence: 'app: /signup answers 502 from the origin while DNS and TLS are fine' });
    expect(answer.layers.map((l) => l.layer)).toEqual(['DNS', 'TCP', 'TLS', 'HTTP', 'Origin (connectTo)', 'Health']);
  });

  test('a host that does not resolve is the DNS verdict (exit 1), not a crash', async () => {
    const run = await runCliAsync(['diagnose', 'https://nowhere.shop.test/'], { cwd: project.dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^dns: nowhere\.shop\.test does not resolve \(NXDOMAIN at every resolver\)/);
    expect(run.stderr).toBe('');
  });

  test('bad input exits 2 with one line naming what to fix', async () => {
    const none = await runCliAsync(['diagnose'], { cwd: project.dir });
    expect([none.code, none.stderr.trim()]).toEqual([
      2,
      'launch-ready: diagnose: give the URL to diagnose; e.g. launch-ready diagnose https://app.example.com/signup',
    ]);
    const bad = await runCliAsync(['diagnose', 'app.shop.test/signup'], { cwd: project.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"app\.shop\.test\/signup" is not an http\(s\) URL/);
    const flag = await runCliAsync(['diagnose', 'https://x.test/', '--resolvers', '1.1.1.1'], { cwd: project.dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--resolvers: unknown flag for "launch-ready diagnose"/);
  });

  test('the gate diagnoses each critical-path URL: the finding names the layer, and readiness counts among the stages that checked the path', async () => {
    const run = await runCliAsync(['check', '--stages', 'readiness', '--format', 'json', '--fail-on', 'blocker'], { cwd: project.dir });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as {
      criticalPaths: { id: string; ok: boolean; checkedBy: string[] }[];
      stages: { id: string; findings: { ruleId: string; title: string; paths: string[]; severity: string }[] }[];
    };
    const finding = result.stages[0]!.findings.find((f) => f.ruleId === 'diagnose-app');
    expect(finding).toMatchObject({ severity: 'blocker', title: 'app: /signup answers 502 from the origin while DNS and TLS are fine', paths: ['signup'] });
    expect(result.criticalPaths.find((p) => p.id === 'signup')).toMatchObject({ ok: false, checkedBy: ['readiness'] });
    expect(result.criticalPaths.find((p) => p.id === 'homepage')).toMatchObject({ ok: true, checkedBy: ['readiness'] });
    const markdown = await runCliAsync(['check', '--stages', 'readiness', '--format', 'markdown'], { cwd: project.dir });
    expect(markdown.stdout).toMatch(/app: \/signup answers 502 from the origin while DNS and TLS are fine/);
  });
});
