import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type Socket } from 'node:net';
import { types } from 'node:util';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import { createHttpClient } from '../../src/core/http.js';
import type { HttpResponse } from '../../src/core/services.js';
import { caseSeed, describeCase, Prng, scaled, scaledTimeout } from './prng.js';

/** 160 responses, 20 at a time; each one that never finishes costs one 200 ms timeout. */
const CASES = scaled(160);
const BATCH = 20;
const TIMEOUT_MS = 200;
/** What a server may write to one connection at most: every loop of the fuzz server stops by itself. */
const SERVER_BYTES_LIMIT = 48 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);

/** What the fuzzed server did, and what that allows the client to say. */
interface Scenario {
  name: string;
  /** A body without end (endless, or a bomb): a resolved response must be truncated. */
  unbounded: boolean;
  serve: (socket: Socket) => void;
}

let bombs: { gzip: Buffer; deflate: Buffer; br: Buffer };
const plainBody = Buffer.from('<!doctype html><title>ok</title><p>' + 'hello world '.repeat(400) + '</p>\n');

function head(status: string, headers: string[]): string {
  return `HTTP/1.1 ${status}\r\n${headers.join('\r\n')}${headers.length > 0 ? '\r\n' : ''}\r\n`;
}

/** Write `chunk` until `total` bytes or the peer goes away, respecting back-pressure. */
function writeUntil(socket: Socket, chunk: Buffer, total: number, then?: () => void): void {
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !socket.destroyed) {
      sent += chunk.length;
      if (!socket.write(chunk)) return void socket.once('drain', pump);
    }
    if (!socket.destroyed) (then ?? (() => socket.end()))();
  };
  pump();
}

/** A slow drip: one small write every 25 ms, at most `count` of them. */
function drip(socket: Socket, pieces: Buffer[], count: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= count) {
      clearInterval(timer);
      if (!socket.destroyed) socket.end();
      return;
    }
    socket.write(pieces[i++ % pieces.length]!);
  }, 25);
  socket.on('close', () => clearInterval(timer));
}

function corrupt(data: Buffer, rng: Prng): Buffer {
  const out = Buffer.from(rng.int(2) === 0 ? data.subarray(0, rng.int(data.length)) : data);
  for (let flips = rng.int(6); flips > 0 && out.length > 0; flips--) out[rng.int(out.length)] = rng.int(256);
  return out;
}

const GARBAGE_HEADERS = [
  'Content-Length: -1',
  'Content-Length: 5\r\nContent-Length: 7',
  'Content-Length: 99999999999999999999',
  'Transfer-Encoding: chunked\r\nContent-Length: 3',
  'Transfer-Encoding: gzip, chunked',
  'X-\u0000: nul',
  'Bad Header',
  ': no-name',
  'X-Long: ' + 'v'.repeat(70_000),
  'Location: http://[::1',
  'Content-Encoding: gzip, br, deflate, x-unknown',
  'Content-Type: text/html; charset=\u00ff',
  'Set-Cookie: a=b\r\n folded: continuation',
  'Content-Encoding: ' + 'gzip,'.repeat(50),
];

/** One random server behaviour: garbage heads, endless bodies, bombs, corrupt compressed bodies, slow drips, plain answers. */
function scenarioOf(rng: Prng): Scenario {
  const kind = rng.pick([
    'garbage-head',
    'random-bytes',
    'endless',
    'endless-chunked',
    'bomb',
    'corrupt-compressed',
    'wrong-encoding',
    'drip-head',
    'drip-body',
    'plain',
    'silent',
    'close',
  ]);
  switch (kind) {
    case 'garbage-head': {
      const headers = [rng.pick(GARBAGE_HEADERS), rng.pick(GARBAGE_HEADERS)];
      const status = rng.pick(['200 OK', '999 Odd', 'abc', '200', '', '302 Found', '100 Continue', '204 No Content']);
      return {
        name: `${kind} ${JSON.stringify(status)} ${JSON.stringify(headers).slice(0, 120)}`,
        unbounded: false,
        serve: (s) => s.end(head(status, headers) + 'body'),
      };
    }
    case 'random-bytes': {
      const bytes = rng.bytes(rng.int(2048));
      const prefix = rng.int(2) === 0 ? 'HTTP/1.1 200 OK\r\n' : '';
      return { name: kind, unbounded: false, serve: (s) => s.end(Buffer.concat([Buffer.from(prefix), bytes])) };
    }
    case 'endless':
      return { name: kind, unbounded: true, serve: (s) => (s.write(head('200 OK', ['Content-Type: text/plain'])), writeUntil(s, CHUNK, SERVER_BYTES_LIMIT)) };
    case 'endless-chunked': {
      const chunk = Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')]);
      return { name: kind, unbounded: true, serve: (s) => (s.write(head('200 OK', ['Transfer-Encoding: chunked'])), writeUntil(s, chunk, SERVER_BYTES_LIMIT)) };
    }
    case 'bomb': {
      const coding = rng.pick(['gzip', 'deflate', 'br'] as const);
      const body = bombs[coding];
      return {
        name: `${kind} ${coding}`,
        unbounded: true,
        serve: (s) => s.end(Buffer.concat([Buffer.from(head('200 OK', [`Content-Encoding: ${coding}`, `Content-Length: ${body.length}`])), body])),
      };
    }
    case 'corrupt-compressed': {
      const coding = rng.pick(['gzip', 'deflate', 'br'] as const);
      const body = corrupt(coding === 'gzip' ? gzipSync(plainBody) : coding === 'deflate' ? deflateSync(plainBody) : brotliCompressSync(plainBody), rng);
      const framing = rng.int(2) === 0 ? [`Content-Length: ${body.length}`] : ['Connection: close'];
      return {
        name: `${kind} ${coding}`,
        unbounded: false,
        serve: (s) => s.end(Buffer.concat([Buffer.from(head('200 OK', [`Content-Encoding: ${coding}`, ...framing])), body])),
      };
    }
    case 'wrong-encoding': {
      const coding = rng.pick(['gzip', 'deflate', 'br', 'gzip, br', 'br, gzip']);
      return {
        name: `${kind} ${coding}`,
        unbounded: false,
        serve: (s) => s.end(head('200 OK', [`Content-Encoding: ${coding}`, `Content-Length: ${plainBody.length}`]) + plainBody.toString()),
      };
    }
    case 'drip-head': {
      const text = head('200 OK', ['Content-Type: text/html', 'Content-Length: 5']) + 'hello';
      return {
        name: kind,
        unbounded: false,
        serve: (s) =>
          drip(
            s,
            [...text].map((c) => Buffer.from(c)),
            40,
          ),
      };
    }
    case 'drip-body':
      return { name: kind, unbounded: true, serve: (s) => (s.write(head('200 OK', ['Content-Type: text/plain'])), drip(s, [Buffer.from('x')], 40)) };
    case 'plain':
      return {
        name: kind,
        unbounded: false,
        serve: (s) => s.end(Buffer.concat([Buffer.from(head('200 OK', [`Content-Length: ${plainBody.length}`])), plainBody])),
      };
    case 'silent':
      return { name: kind, unbounded: false, serve: () => undefined };
    default:
      return { name: kind, unbounded: false, serve: (s) => s.destroy() };
  }
}

describe('fuzz: HTTP responses from a loopback server → createHttpClient', () => {
  let server: Server;
  let port = 0;
  const scenarios = new Map<string, Scenario>();
  const sockets = new Set<Socket>();
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown): void => void uncaught.push(error);

  beforeAll(async () => {
    // Bombs: 24 MiB of zeros in a few kB, far past any cap the cases use.
    const zeros = Buffer.alloc(24 * 1024 * 1024);
    bombs = {
      gzip: gzipSync(zeros, { level: 9 }),
      deflate: deflateSync(zeros, { level: 9 }),
      br: brotliCompressSync(zeros, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
    };
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      let request = '';
      const onData = (data: Buffer): void => {
        request += data.toString('latin1');
        if (!request.includes('\r\n\r\n')) return;
        socket.off('data', onData);
        const path = /^[A-Z]+ (\S+)/.exec(request)?.[1] ?? '';
        const scenario = scenarios.get(path);
        if (scenario) scenario.serve(socket);
        else socket.destroy();
      };
      socket.on('data', onData);
    });
    port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  });

  afterAll(async () => {
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it(
    `${CASES} hostile responses: each resolves within its cap or rejects with an Error; nothing crashes`,
    async () => {
      const http = createHttpClient({ connectTo: [], resolvers: [], ca: [] });
      // A quarter of the cases go through a pool (the burst stage's keep-alive connections) instead of the agent.
      const pool = http.pool(`http://127.0.0.1:${port}`, { connections: 4 });
      const outcomes: Record<string, number> = { resolved: 0, truncated: 0, rejected: 0 };
      for (let start = 0; start < CASES; start += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, CASES - start) }, (_, k) => start + k);
        await Promise.all(
          batch.map(async (i) => {
            const rng = new Prng(caseSeed('http', i));
            const scenario = scenarioOf(rng);
            const path = `/case/${i}`;
            scenarios.set(path, scenario);
            const maxBodyBytes = rng.pick([512, 64 * 1024, 1024 * 1024]);
            const label = `${describeCase('http', i)} ${scenario.name} maxBodyBytes=${maxBodyBytes}`;
            let response: HttpResponse;
            try {
              const request = { url: `http://127.0.0.1:${port}${path}`, timeoutMs: TIMEOUT_MS, maxBodyBytes, followRedirects: rng.int(3) };
              response = await (rng.int(4) === 0 ? pool.request(request) : http.request(request));
            } catch (error) {
              // isNativeError, not instanceof: node's zlib errors come from outside jest's realm.
              if (!types.isNativeError(error)) throw new Error(`${label}: rejected with a non-Error ${String(error)}`, { cause: error });
              outcomes.rejected!++;
              return;
            }
            if (response.body.length > maxBodyBytes) throw new Error(`${label}: kept ${response.body.length} bytes past the cap`);
            if (scenario.unbounded && !response.truncated)
              throw new Error(`${label}: an unbounded body resolved without being cut (${response.bodyBytes} bytes)`);
            outcomes[response.truncated ? 'truncated' : 'resolved']!++;
          }),
        );
      }
      await pool.close();
      expect(uncaught.map(String)).toEqual([]);
      // Negative controls: the fuzz reached every outcome, so none of the checks above was vacuous.
      expect(outcomes.resolved).toBeGreaterThan(0);
      expect(outcomes.truncated).toBeGreaterThan(0);
      expect(outcomes.rejected).toBeGreaterThan(0);
    },
    scaledTimeout(),
  );
});
