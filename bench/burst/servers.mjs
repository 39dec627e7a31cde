// Loopback HTTP servers for the burst stage's tests and benchmarks: hello world, a fixed delay,
// an event loop that freezes every 2 s, a login with and without a rate limiter, a sign-up form
// with a CSRF token, and the bad targets (500s, closed sockets, a 30 MB body). They listen on
// 127.0.0.1 only. Run one as its own process (its event loop apart from the load generator's):
//   node bench/burst/servers.mjs [--freeze-every 2000 --freeze 300] [--rate-limit 10/2] [--signup-post-ms 0]
// prints {"url": "http://127.0.0.1:PORT"} and serves until stdin closes or SIGTERM.
import { createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const PAGE = '<!doctype html><title>Demo launch</title><h1>Welcome</h1><a href="/signup">Sign up</a>';

/**
 * Start the demo server on 127.0.0.1.
 * @param {{ freezeEveryMs?: number, freezeMs?: number, rateLimit?: { burst: number, perSecond: number, headers?: boolean },
 *   signupPostMs?: number, port?: number }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void>, stats: { requests: number } }>}
 */
export async function startDemoServer(options = {}) {
  const stats = { requests: 0 };
  const buckets = new Map();
  const limit = options.rateLimit;
  const sessions = new Set();
  let nextSession = 1;
  const server = createServer((req, res) => {
    stats.requests++;
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path === '/hello') return res.end('hello world');
    if (path === '/' || path === '/index.html') return send(res, 200, PAGE, 'text/html');
    if (path === '/healthz') return send(res, 200, '{"ok":true}', 'application/json');
    if (path === '/fixed' || path === '/slow') {
      const ms = Number(url.searchParams.get('ms') ?? 100);
      return void setTimeout(() => res.end('done'), ms);
    }
    if (path === '/error') return send(res, 500, 'boom', 'text/plain');
    if (path === '/close') return void req.socket.destroy();
    if (path === '/big') return void streamBig(res, Number(url.searchParams.get('mb') ?? 30));
    if (path === '/signup' && req.method === 'GET') {
      const sid = `s${nextSession++}`;
      sessions.add(sid);
      res.setHeader('set-cookie', `sid=${sid}; Path=/; HttpOnly`);
      return send(res, 200, `<form method="post"><input type="hidden" name="csrf" value="tok-${sid}"><input name="email"></form>`, 'text/html');
    }
    if (path === '/signup' && req.method === 'POST')
      return void readBody(req).then(async (body) => {
        const form = new URLSearchParams(body);
        const sid = /sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
        if (!sid || !sessions.has(sid) || form.get('csrf') !== `tok-${sid}`) return send(res, 403, 'bad csrf', 'text/plain');
        // Work done inside the request, as a synchronous email send would be.
        if (options.signupPostMs) await delay(options.signupPostMs);
        send(res, 200, 'Thanks for signing up', 'text/plain');
      });
    if (path === '/login')
      return void readBody(req).then(() => {
        if (limit && !take(buckets, req.socket.remoteAddress ?? '', limit)) {
          if (limit.headers !== false) res.setHeader('retry-after', '1');
          return send(res, 429, 'slow down', 'text/plain');
        }
        send(res, 200, 'ok', 'text/plain');
      });
    send(res, 404, 'not found', 'text/plain');
  });
  server.keepAliveTimeout = 30_000;
  let freezer;
  if (options.freezeEveryMs) {
    freezer = setInterval(() => {
      const until = performance.now() + (options.freezeMs ?? 300);
      while (performance.now() < until) {
        // Busy: the event loop answers nothing, as a blocking call in a request handler would.
      }
    }, options.freezeEveryMs);
  }
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        clearInterval(freezer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res, status, body, type) {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size < 1_000_000) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

function take(buckets, key, limit) {
  const now = performance.now();
  const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
  bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
  bucket.at = now;
  buckets.set(key, bucket);
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

async function streamBig(res, mb) {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': mb * 1024 * 1024 });
  const chunk = Buffer.alloc(1024 * 1024, 120);
  for (let i = 0; i < mb; i++) {
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
    if (res.destroyed) return;
  }
  res.end();
}

/**
 * Start the demo server in its own Node process (so a frozen event loop there does not freeze the caller).
 * @param {string[]} args flags as on the command line
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function spawnDemoServer(args = []) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      const line = text.split('\n')[0];
      if (text.includes('\n')) resolve(JSON.parse(line).url);
    });
    child.on('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const rate = arg('rate-limit')?.split('/').map(Number);
  const options = {
    freezeEveryMs: arg('freeze-every') ? Number(arg('freeze-every')) : undefined,
    freezeMs: arg('freeze') ? Number(arg('freeze')) : undefined,
    signupPostMs: arg('signup-post-ms') ? Number(arg('signup-post-ms')) : undefined,
    port: arg('port') ? Number(arg('port')) : undefined,
    rateLimit: rate ? { burst: rate[0], perSecond: rate[1] } : undefined,
  };
  const server = await startDemoServer(options);
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}
