import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '../../src/core/http.js';
import { createTestCa, type TestCa } from '../helpers/tls-ca.js';

// A stage that resolves names itself (trust, with its own DNS verdicts) hands the client an address.
const handler = (req: IncomingMessage, res: ServerResponse): void => {
  if (req.url === '/host') return void res.end(req.headers.host ?? '');
  if (req.url === '/drip') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return void res.write('<p>start'); // never ends
  }
  res.end('ok');
};

let plainServer: Server;
let tlsServer: Server;
let ca: TestCa;
const portOf = (server: Server): number => {
  const address = server.address();
  return address !== null && typeof address === 'object' ? (address satisfies AddressInfo).port : 0;
};
const listen = (server: Server): Promise<void> => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

beforeAll(async () => {
  ca = createTestCa();
  const leaf = ca.leaf(['site.test'], 90);
  plainServer = createServer(handler);
  tlsServer = createHttpsServer({ key: leaf.key, cert: leaf.chain }, handler);
  await Promise.all([listen(plainServer), listen(tlsServer)]);
});

afterAll(async () => {
  for (const server of [plainServer, tlsServer]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  ca?.cleanup();
});

const loopback = async (): Promise<string> => '127.0.0.1';

describe('a request with its own resolver', () => {
  it('dials the address the stage found, keeping the URL host in the Host header', async () => {
    const asked: string[] = [];
    const client = createHttpClient({ resolvers: [], connectTo: [], ca: [] });
    const port = portOf(plainServer);
    const response = await client.request({ url: `http://shop.test:${port}/host`, resolve: async (host) => (asked.push(host), '127.0.0.1') });
    expect(Buffer.from(response.body).toString()).toBe(`shop.test:${port}`);
    expect(asked).toEqual(['shop.test']);
  });

  it('is asked for the name connectTo routes to, and not at all for an IP literal', async () => {
    const asked: string[] = [];
    const resolve = async (host: string): Promise<string> => (asked.push(host), '127.0.0.1');
    const client = createHttpClient({ resolvers: [], connectTo: [`shop.test:80:origin.test:${portOf(plainServer)}`], ca: [] });
    expect((await client.request({ url: 'http://shop.test/host', resolve })).status).toBe(200);
    expect((await client.request({ url: `http://127.0.0.1:${portOf(plainServer)}/`, resolve })).status).toBe(200);
    expect(asked).toEqual(['origin.test']);
  });

  it("fails with the resolver's reason when it has no address", async () => {
    const client = createHttpClient({ resolvers: [], connectTo: [], ca: [] });
    const resolve = async (host: string): Promise<string> => {
      throw new Error(`DNS for ${host} is unknown (SERVFAIL)`);
    };
    await expect(client.request({ url: 'http://shop.test/', resolve })).rejects.toThrow('DNS for shop.test is unknown (SERVFAIL)');
  });

  it('sends the URL host as the TLS name: the certificate verifies against `ca` only', async () => {
    const url = `https://site.test:${portOf(tlsServer)}/host`;
    const trusting = createHttpClient({ resolvers: [], connectTo: [], ca: [ca.rootPem] });
    expect(Buffer.from((await trusting.request({ url, resolve: loopback })).body).toString()).toBe(`site.test:${portOf(tlsServer)}`);
    const untrusting = createHttpClient({ resolvers: [], connectTo: [], ca: [] });
    await expect(untrusting.request({ url, resolve: loopback })).rejects.toThrow();
    expect((await untrusting.request({ url, resolve: loopback, verifyTls: false })).status).toBe(200);
  });
});

describe('reading only the body a caller wants', () => {
  const client = createHttpClient({ resolvers: [], connectTo: [], ca: [] });
  const drip = (): string => `http://127.0.0.1:${portOf(plainServer)}/drip`;

  it('answers after the headers when the body is not wanted, even if it never ends', async () => {
    const seen: string[] = [];
    const response = await client.request({
      url: drip(),
      timeoutMs: 5000,
      bodyWanted: (status, headers) => (seen.push(`${status} ${String(headers['content-type'])}`), false),
    });
    expect(response).toMatchObject({ status: 200, bodyBytes: 0, truncated: false });
    expect(seen).toEqual(['200 text/html']);
  });

  it('keeps what arrived of a body cut off by the timeout when asked, and fails otherwise', async () => {
    const partial = await client.request({ url: drip(), timeoutMs: 300, keepPartialBody: true });
    expect(partial).toMatchObject({ status: 200, truncated: true });
    expect(Buffer.from(partial.body).toString()).toBe('<p>start');
    await expect(client.request({ url: drip(), timeoutMs: 300 })).rejects.toThrow('no complete answer within 300 ms');
  });
});
