import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { createHttpClient } from '../../src/core/http.js';
import { createTestCa } from '../helpers/tls-ca.js';

let server: Server;
let base = '';
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/hello') return res.end('hello');
    if (path === '/chunked') {
      res.write('hel');
      setTimeout(() => res.end('lo world'), 5);
      return;
    }
    if (path === '/gzip') {
      res.setHeader('content-encoding', 'gzip');
      return res.end(gzipSync('compressed hello'));
    }
    if (path === '/bomb') {
      res.setHeader('content-encoding', 'gzip');
      return res.end(bomb);
    }
    if (path === '/endless') {
      const chunk = Buffer.alloc(64 * 1024, 97);
      const write = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', write);
      };
      return write();
    }
    if (path === '/error') {
      res.statusCode = 503;
      return res.end('down');
    }
    if (path === '/hang') return;
    if (path === '/close') return void req.socket.destroy();
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = createHttpClient({ connectTo: [], resolvers: [], ca: [] });

describe('the load pool', () => {
  it('reads content-length and chunked bodies, keeping them or only counting them', async () => {
    const pool = client.pool(base, { connections: 2 });
    try {
      const kept = await pool.request({ url: `${base}/chunked` });
      expect(Buffer.from(kept.body).toString()).toBe('hello world');
      const counted = await pool.request({ url: `${base}/hello`, discardBody: true });
      expect([counted.status, counted.bodyBytes, counted.body.length]).toEqual([200, 5, 0]);
      const error = await pool.request({ url: `${base}/error`, discardBody: true });
      expect([error.status, error.bodyBytes]).toEqual([503, 4]);
    } finally {
      await pool.close();
    }
  });

  it('counts a discarded gzip body by its decompressed bytes and cuts a gzip bomb', async () => {
    const pool = client.pool(base, { connections: 1 });
    try {
      const gzip = await pool.request({ url: `${base}/gzip`, discardBody: true });
      expect(gzip.bodyBytes).toBe('compressed hello'.length);
      const cut = await pool.request({ url: `${base}/bomb`, discardBody: true });
      expect(cut.truncated).toBe(true);
      expect(cut.bodyBytes).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await pool.close();
    }
  });

  it('stops an endless body at the cap, then serves the next request', async () => {
    const pool = client.pool(base, { connections: 1 });
    try {
      const capped = await pool.request({ url: `${base}/endless`, maxBodyBytes: 1000 });
      expect([capped.truncated, capped.body.length]).toEqual([true, 1000]);
      expect((await pool.request({ url: `${base}/hello` })).status).toBe(200);
    } finally {
      await pool.close();
    }
  });

  it('times a request out with its own message, apart from a closed connection', async () => {
    const pool = client.pool(base, { connections: 2 });
    try {
      await expect(pool.request({ url: `${base}/hang`, timeoutMs: 100 })).rejects.toThrow(`${base}/hang: no complete answer within 100 ms`);
      const closed = await pool.request({ url: `${base}/close` }).then(
        () => 'answered',
        (error: Error) => error.message,
      );
      expect(closed).not.toMatch(/no complete answer/);
      expect((await pool.request({ url: `${base}/hello` })).status).toBe(200);
    } finally {
      await pool.close();
    }
  });

  it('rejects with the connection error code when nothing listens', async () => {
    const idle = createServer();
    await new Promise<void>((resolve) => idle.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(idle.address() as AddressInfo).port}`;
    await new Promise((resolve) => idle.close(resolve));
    const pool = client.pool(url, { connections: 1 });
    try {
      await expect(pool.request({ url: `${url}/hello`, timeoutMs: 2000 })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await pool.close();
    }
  });
});

describe('the load pool on raw connections', () => {
  it('sends a GET again when a reused connection closes before any answer, but never a POST', async () => {
    // Each connection answers its first request and drops on the second: the keep-alive race a load tool meets.
    let connections = 0;
    const racy = createNetServer((socket) => {
      connections++;
      let seen = 0;
      socket.on('data', () => {
        seen++;
        if (seen === 1) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
        else socket.destroy();
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => racy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(racy.address() as AddressInfo).port}`;
    const pool = client.pool(url, { connections: 1 });
    try {
      expect((await pool.request({ url: `${url}/a` })).status).toBe(200);
      expect((await pool.request({ url: `${url}/b` })).status).toBe(200);
      expect(connections).toBe(2); // /b went out on the reused connection, was dropped, and went again on a new one
      await expect(pool.request({ url: `${url}/c`, method: 'POST', body: 'x' })).rejects.toMatchObject({ code: 'ECONNRESET' });
    } finally {
      await pool.close();
      await new Promise((resolve) => racy.close(resolve));
    }
  });

  it('refuses a header value with a line break instead of splitting the request', async () => {
    const pool = client.pool(base, { connections: 1 });
    try {
      await expect(pool.request({ url: `${base}/hello`, headers: { 'x-token': 'a\r\nx-injected: 1' } })).rejects.toThrow(
        /header x-token: its value has a line break/,
      );
      expect((await pool.request({ url: `${base}/hello`, headers: { 'x-token': 'plain' } })).status).toBe(200);
    } finally {
      await pool.close();
    }
  });

  it('speaks HTTPS to the real host name through connectTo, trusting the configured CA only', async () => {
    const ca = createTestCa();
    const leaf = ca.leaf(['shop.example.test'], 30);
    const secure = createHttpsServer({ key: leaf.key, cert: leaf.chain }, (_req, res) => res.end('secure hello'));
    await new Promise<void>((resolve) => secure.listen(0, '127.0.0.1', resolve));
    const port = (secure.address() as AddressInfo).port;
    const connectTo = [`shop.example.test:443:127.0.0.1:${port}`];
    const trusted = createHttpClient({ connectTo, resolvers: [], ca: [ca.rootPem] }).pool('https://shop.example.test', { connections: 2 });
    const untrusted = createHttpClient({ connectTo, resolvers: [], ca: [] }).pool('https://shop.example.test', { connections: 1 });
    try {
      const answers = await Promise.all([1, 2, 3].map(() => trusted.request({ url: 'https://shop.example.test/' })));
      expect(answers.map((a) => Buffer.from(a.body).toString())).toEqual(['secure hello', 'secure hello', 'secure hello']);
      await expect(untrusted.request({ url: 'https://shop.example.test/' })).rejects.toMatchObject({ code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' });
    } finally {
      await trusted.close();
      await untrusted.close();
      secure.closeAllConnections();
      await new Promise((resolve) => secure.close(resolve));
      ca.cleanup();
    }
  });
});
