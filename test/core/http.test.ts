import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createHttpClient } from '../../src/core/http.js';

let server: Server;
let port = 0;
const sockets = new Set<unknown>();
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros, ~64 kB on the wire

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/hello') return res.end('hello');
    if (url.pathname === '/gzip') {
      res.setHeader('content-encoding', 'gzip');
      return res.end(gzipSync('compressed hello'));
    }
    if (url.pathname === '/bomb') {
      res.setHeader('content-encoding', 'gzip');
      return res.end(bomb);
    }
    if (url.pathname === '/endless') {
      const chunk = Buffer.alloc(64 * 1024, 97);
      const write = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', write);
      };
      return write();
    }
    if (url.pathname === '/hang') return; // never answers
    if (url.pathname.startsWith('/redirect/')) {
      const left = Number(url.pathname.split('/')[2]);
      res.statusCode = 302;
      res.setHeader('location', left > 0 ? `/redirect/${left - 1}` : '/hello');
      return res.end();
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const plain = createHttpClient({ resolvers: [], connectTo: [], ca: [] });
const base = () => `http://127.0.0.1:${port}`;

describe('the shared HTTP client', () => {
  it('returns the body, status and timings', async () => {
    const response = await plain.request({ url: `${base()}/hello` });
    expect(response).toMatchObject({ status: 200, bodyBytes: 5, truncated: false, redirects: [] });
    expect(Buffer.from(response.body).toString()).toBe('hello');
    expect(response.timings.totalMs).toBeGreaterThanOrEqual(response.timings.headersMs);
  });

  it('decompresses gzip itself', async () => {
    const response = await plain.request({ url: `${base()}/gzip` });
    expect(Buffer.from(response.body).toString()).toBe('compressed hello');
  });

  it('cuts a gzip bomb at the inflate-ratio limit instead of inflating it whole', async () => {
    const response = await plain.request({ url: `${base()}/bomb`, maxBodyBytes: 1024 * 1024 * 1024 });
    expect(response.truncated).toBe(true);
    // Far less than the 64 MiB it would inflate to (the limit is 100-fold the bytes received).
    expect(response.bodyBytes).toBeLessThan(16 * 1024 * 1024);
    expect(response.body.length).toBe(response.bodyBytes);
  });

  it('stops reading an endless body at the cap', async () => {
    const response = await plain.request({ url: `${base()}/endless`, maxBodyBytes: 100_000 });
    expect(response).toMatchObject({ status: 200, truncated: true });
    expect(response.body.length).toBe(100_000);
  });

  it('does not follow redirects unless asked, then follows up to the limit', async () => {
    expect((await plain.request({ url: `${base()}/redirect/1` })).status).toBe(302);
    const followed = await plain.request({ url: `${base()}/redirect/1`, followRedirects: 5 });
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(`${base()}/hello`);
    expect(followed.redirects.map((r) => new URL(r.url).pathname)).toEqual(['/redirect/1', '/redirect/0']);
    const limited = await plain.request({ url: `${base()}/redirect/3`, followRedirects: 2 });
    expect(limited.status).toBe(302);
    expect(limited.redirects).toHaveLength(2);
  });

  it('sends traffic where connectTo says, keeping the URL', async () => {
    const routed = createHttpClient({ resolvers: [], connectTo: [`app.example.test:80:127.0.0.1:${port}`], ca: [] });
    const response = await routed.request({ url: 'http://app.example.test/hello' });
    expect(Buffer.from(response.body).toString()).toBe('hello');
  });

  it('gives up at the whole-request timeout with a message naming the URL', async () => {
    await expect(plain.request({ url: `${base()}/hang`, timeoutMs: 200 })).rejects.toThrow(`${base()}/hang: no complete answer within 200 ms`);
  });

  it('keeps a pool of keep-alive connections: many requests, few sockets', async () => {
    sockets.clear();
    const pool = plain.pool(base(), { connections: 2 });
    const answers = await Promise.all(Array.from({ length: 40 }, () => pool.request({ url: `${base()}/hello`, discardBody: true })));
    await pool.close();
    expect(answers.every((a) => a.status === 200 && a.bodyBytes === 5 && a.body.length === 0)).toBe(true);
    expect(sockets.size).toBeLessThanOrEqual(2);
    expect(sockets.size).toBeGreaterThan(0);
  });
});
