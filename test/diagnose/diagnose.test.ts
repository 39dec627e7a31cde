import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NetworkOptions } from '../../src/core/stage.js';
import { diagnoseUrl } from '../../src/stages/readiness/diagnose/index.js';
import { knotAvailable, startKnot, type KnotServer } from '../helpers/knot.js';
import { createTestCa, type Leaf, type TestCa } from '../helpers/tls-ca.js';
import { startDnsResponder, startHttps, type Running } from '../helpers/trust-servers.js';

// Knot is required: under CI a missing knotd fails these tests instead of skipping them.
const describeKnot = knotAvailable() || process.env.CI ? describe : describe.skip;

/** The zone as the authoritative server has it: moved.shop.test now points at 127.0.0.2. */
const ZONE = `
www 300 IN A 127.0.0.1
app 300 IN A 127.0.0.1
cdn 300 IN A 127.0.0.1
pay 300 IN A 127.0.0.1
moved 300 IN A 127.0.0.2
`;
/** A resolver's stale copy: it still serves the old address of moved.shop.test. */
const STALE = `
www 300 IN A 127.0.0.1
app 300 IN A 127.0.0.1
cdn 300 IN A 127.0.0.1
pay 300 IN A 127.0.0.1
moved 300 IN A 127.0.0.1
`;

const CF = (cache: string) => ({ 'cf-ray': '8f1d2c3b4a5e6f70-AMS', 'cf-cache-status': cache, server: 'cloudflare' });

/** A Cloudflare-like edge: every answer carries cf-ray and cf-cache-status. */
function edge(req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? '').split(':')[0];
  const path = req.url ?? '/';
  if (host === 'app.shop.test' && path === '/signup')
    return void res.writeHead(502, { ...CF('DYNAMIC'), 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>');
  if (host === 'cdn.shop.test') return void res.writeHead(525, { ...CF('DYNAMIC'), 'content-type': 'text/html' }).end('SSL handshake failed');
  res.writeHead(200, { ...CF(host === 'www.shop.test' ? 'HIT' : 'DYNAMIC'), 'content-type': 'text/html' }).end('<title>Shop</title>');
}

/** The origin behind it, reached directly through connectTo. */
function origin(req: IncomingMessage, res: ServerResponse): void {
  const host = (req.headers.host ?? '').split(':')[0];
  const path = req.url ?? '/';
  if (path === '/healthz') {
    const stripe = host === 'pay.shop.test' ? 'fail' : 'pass';
    return void res.writeHead(200, { 'content-type': 'application/health+json' }).end(
      JSON.stringify({
        status: 'pass',
        checks: { 'postgres:database': [{ status: 'pass' }], 'stripe:api': [{ status: stripe, output: stripe === 'fail' ? 'api.stripe.com: 503' : '' }] },
      }),
    );
  }
  if (host === 'app.shop.test' && path === '/signup') return void res.writeHead(502, { 'content-type': 'text/plain' }).end('upstream app crashed');
  res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Shop origin</title>');
}

describeKnot('diagnose: one answer per URL, with the evidence per layer', () => {
  let authoritative: KnotServer;
  let staleResolver: KnotServer;
  let ca: TestCa;
  let leaf: Leaf;
  let edgeServer: Running;
  let originServer: Running;
  let movedServer: Server;
  let movedPort: number;
  let network: NetworkOptions;

  beforeAll(async () => {
    [authoritative, staleResolver] = await Promise.all([startKnot({ 'shop.test': ZONE }), startKnot({ 'shop.test': STALE })]);
    ca = createTestCa();
    leaf = ca.leaf(['shop.test', '*.shop.test'], 90);
    edgeServer = await startHttps(() => leaf, leaf, edge);
    originServer = await startHttps(() => leaf, leaf, origin);
    // The new home of moved.shop.test listens on 127.0.0.2 only; the old address has nothing on that port.
    movedServer = createHttpsServer({ key: leaf.key, cert: leaf.chain }, (_req, res) => void res.writeHead(200).end('new home'));
    movedPort = await new Promise<number>((resolve) => movedServer.listen(0, '127.0.0.2', () => resolve((movedServer.address() as { port: number }).port)));
    network = {
      resolvers: [authoritative.address],
      // The origin of every *.shop.test name on the edge's port.
      connectTo: [
        `app.shop.test:${edgeServer.port}:127.0.0.1:${originServer.port}`,
        `cdn.shop.test:${edgeServer.port}:127.0.0.1:${originServer.port}`,
        `pay.shop.test:${edgeServer.port}:127.0.0.1:${originServer.port}`,
      ],
      ca: [ca.rootPem],
    };
  }, 30_000);
  afterAll(async () => {
    await Promise.all([
      authoritative?.stop(),
      staleResolver?.stop(),
      edgeServer?.close(),
      originServer?.close(),
      new Promise((resolve) => movedServer?.close(resolve)),
    ]);
    ca?.cleanup();
  });

  const options = (extra: Partial<Parameters<typeof diagnoseUrl>[1]> = {}) => ({ network, authoritative: [authoritative.address], timeoutMs: 2000, ...extra });
  const url = (host: string, path: string, port = edgeServer.port) => `https://${host}:${port}${path}`;

  test('healthy: DNS agrees, TLS with the certificate, HTTP from the Cloudflare edge (cache HIT)', async () => {
    const d = await diagnoseUrl(url('www.shop.test', '/'), options());
    expect(d.answer).toBe('healthy');
    expect(d.sentence).toMatch(/^healthy: \/ answers 200 via Cloudflare \(cf-cache-status HIT\)/);
    expect(d.facts.dns).toMatchObject({ status: 'ok', address: '127.0.0.1', authoritative: { status: 'found', addresses: ['127.0.0.1'], ttl: 300 } });
    expect(d.facts.main!.tls).toMatchObject({ ok: true, subject: 'shop.test', issuer: 'Test Intermediate CA' });
    expect(d.facts.main!.http).toMatchObject({ status: 200, cfRay: '8f1d2c3b4a5e6f70-AMS', cfCacheStatus: 'HIT' });
  });

  test('app: /signup answers 502 from the origin while DNS and TLS are fine (the origin tried directly)', async () => {
    const d = await diagnoseUrl(url('app.shop.test', '/signup'), options());
    expect(d.answer).toBe('app');
    expect(d.sentence).toBe('app: /signup answers 502 from the origin while DNS and TLS are fine');
    expect(d.facts.origin).toMatchObject({ target: `127.0.0.1:${originServer.port}`, http: { status: 502 } });
  });

  test('edge: Cloudflare answers 525 while the origin answers 200', async () => {
    const d = await diagnoseUrl(url('cdn.shop.test', '/pricing'), options());
    expect(d.answer).toBe('edge');
    expect(d.sentence).toMatch(/^edge: Cloudflare answers 525 for \/pricing while the origin \(127\.0\.0\.1:\d+\) answers 200$/);
  });

  test('edge without connectTo: a certificate that does not chain to a trusted root fails TLS while DNS is fine', async () => {
    const d = await diagnoseUrl(url('www.shop.test', '/'), options({ network: { ...network, ca: [] } }));
    expect(d.answer).toBe('edge');
    expect(d.sentence).toMatch(/^edge: www\.shop\.test fails TLS \(certificate not trusted/);
  });

  test("third party: the page's own health endpoint names a dependency that is down", async () => {
    const d = await diagnoseUrl(url('pay.shop.test', '/checkout'), options({ healthUrl: url('pay.shop.test', '/healthz') }));
    expect(d.answer).toBe('third-party');
    expect(d.sentence).toBe('third party: stripe:api is down (the health endpoint says so); /checkout answers 200 while DNS and TLS are fine');
    // Negative control: the same page with a healthy health endpoint is healthy.
    const fine = await diagnoseUrl(url('app.shop.test', '/'), options({ healthUrl: url('app.shop.test', '/healthz') }));
    expect(fine.answer).toBe('healthy');
  });

  test('dns: a host that does not resolve is the DNS verdict, not a crash', async () => {
    const d = await diagnoseUrl(url('nowhere.shop.test', '/'), options());
    expect(d.answer).toBe('dns');
    expect(d.sentence).toBe('dns: nowhere.shop.test does not resolve (NXDOMAIN at every resolver)');
    expect(d.facts.main).toBeUndefined();
  });

  test('dns: a resolver still serves the old address (with its TTL left) while the authoritative one answers', async () => {
    const d = await diagnoseUrl(`https://moved.shop.test:${movedPort}/`, options({ network: { ...network, resolvers: [staleResolver.address] } }));
    expect(d.answer).toBe('dns');
    expect(d.sentence).toBe(`dns: ${staleResolver.address} still serves the old address 127.0.0.1, TTL 300 s left; the new address 127.0.0.2 answers`);
    expect(d.facts.dns.resolvers[0]).toMatchObject({ stale: true, addresses: ['127.0.0.1'], ttl: 300 });
    expect(d.facts.fresh!.http!.status).toBe(200);
  });

  test('dns: a resolver that answers SERVFAIL makes DNS unknown, never missing', async () => {
    const servfail = await startDnsResponder('servfail');
    try {
      const d = await diagnoseUrl(url('www.shop.test', '/'), options({ network: { ...network, resolvers: [servfail.address] }, authoritative: [] }));
      expect(d.answer).toBe('dns');
      expect(d.sentence).toMatch(/could not be resolved \(SERVFAIL\): DNS is unknown, not missing/);
    } finally {
      await servfail.close();
    }
  });
});
