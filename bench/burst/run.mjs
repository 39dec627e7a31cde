// Burst benchmark: our load loop vs autocannon 9 (npm) vs wrk (Debian) on the same loopback servers.
//   npm run build && node bench/burst/run.mjs            (BENCH_SECONDS=10, BENCH_ROUNDS=3 by default)
// 1. hello world, 64 connections, closed loop: requests/s, CPU µs per request, ratios (goal >= 1.0x autocannon).
// 2. a server that answers in exactly 100 ms: p50/p95 should read 100-106 ms.
// 3. a server whose event loop freezes 300 ms every 2 s, open model at 200 requests/s: p95 ~200 ms, p99 ~280 ms
//    (closed-loop tools without correction report a few ms).
// All traffic goes to 127.0.0.1; each server runs in its own process.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnDemoServer } from './servers.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const CLI = resolve('dist/cli.js');
const AUTOCANNON = resolve('node_modules/autocannon/autocannon.js');
const work = mkdtempSync(join(tmpdir(), 'lr-burst-bench-'));

/** Run a command under sh and read the CPU time (user+sys, ms) it and its children used from /proc. */
function timed(command, args) {
  const began = performance.now();
  return new Promise((done) => {
    const quoted = [command, ...args].map((a) => `'${String(a).replace(/'/g, "'\\''")}'`).join(' ');
    // cutime+cstime (fields 16-17 of /proc/$$/stat) hold the CPU of the shell's waited-for children.
    const script = `${quoted} > "${work}/out.txt" 2> "${work}/err.txt"; code=$?; awk '{print $16+$17}' /proc/$$/stat; exit $code`;
    const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.on('exit', (code) => {
      const ticks = Number(text.trim());
      const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
      done({ code, cpuMs: (ticks * 1000) / hz, wallMs: performance.now() - began, out: execFileSync('cat', [`${work}/out.txt`], { encoding: 'utf8' }) });
    });
  });
}

async function ours(url, burst) {
  const file = join(work, 'launch-ready.yml');
  writeFileSync(file, `burst:\n  target: ${url}\n  thresholds: []\n  abort: {enabled: false}\n  limits: {maxRate: 1000000}\n${burst}\n`);
  const run = await timed(process.execPath, ['--', CLI, 'burst', '--config', file, '--format', 'json', '--fail-on', 'never']);
  const stage = JSON.parse(run.out).stages[0];
  if (stage.status === 'error') throw new Error(`burst failed: ${stage.summary}`);
  return { requests: stage.metrics.requests, rps: stage.metrics.rps, latency: stage.metrics.latencyMs, cpuMs: run.cpuMs, wallMs: run.wallMs };
}

async function autocannon(url, connections, seconds = SECONDS) {
  const run = await timed(process.execPath, [AUTOCANNON, '-c', connections, '-d', seconds, '-j', url]);
  const r = JSON.parse(run.out);
  return {
    requests: r.requests.total,
    rps: r.requests.total / seconds,
    latency: { p50: r.latency.p50, p95: r.latency.p97_5, p99: r.latency.p99 },
    cpuMs: run.cpuMs,
  };
}

async function wrk(url, connections) {
  const run = await timed('wrk', ['-t1', `-c${connections}`, `-d${SECONDS}s`, '--latency', url]);
  const total = Number(/(\d+) requests in/.exec(run.out)?.[1] ?? 0);
  return { requests: total, rps: total / SECONDS, cpuMs: run.cpuMs };
}

const fmt = (n, digits = 0) => Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const perRequest = (r) => (r.cpuMs * 1000) / Math.max(r.requests, 1);

/** A fresh server process answers slower until its code is compiled: warm it up before measuring. */
async function warm(url) {
  await timed(process.execPath, [AUTOCANNON, '-c', 16, '-d', 2, '-j', url]);
}

async function main() {
  console.log(
    `machine: ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const hello = await spawnDemoServer();
  const rows = [];
  try {
    const url = `${hello.url}/hello`;
    await warm(url);
    // Interleaved rounds, median of each tool: the server is the bottleneck, and its pace drifts
    // (JIT, CPU frequency, the other core's load), so one run of each in sequence can mislead.
    const runs = { a: [], w: [], o: [] };
    for (let round = 0; round < ROUNDS; round++) {
      runs.a.push(await autocannon(url, 64));
      runs.w.push(await wrk(url, 64));
      runs.o.push(await ours(hello.url, `  vus: 64\n  duration: ${SECONDS}s\n  pages: {hello: /hello}`));
    }
    const median = (list) => [...list].sort((x, y) => x.rps - y.rps)[Math.floor(list.length / 2)];
    const [a, w, o] = [median(runs.a), median(runs.w), median(runs.o)];
    const spread = (list) => list.map((r) => fmt(r.rps)).join(' / ');
    console.log(`\nrounds (requests/s): burst ${spread(runs.o)}; autocannon ${spread(runs.a)}; wrk ${spread(runs.w)}`);
    // Start-up apart from the loop: a 1-VU, 1 s run is almost all process start, config load and teardown.
    const idle = await ours(hello.url, `  vus: 1\n  duration: 1s\n  pages: {hello: /hello}`);
    const loopOnly = { requests: o.requests, rps: o.rps, cpuMs: Math.max(0, o.cpuMs - idle.cpuMs) };
    rows.push(['launch-ready burst', o], ['  loop only', loopOnly], ['autocannon 9', a], ['wrk (1 thread)', w]);
    console.log(
      `\n1. hello world, 64 connections, ${SECONDS} s, closed loop, median of ${ROUNDS} interleaved rounds (server in its own process; client CPU includes process start)`,
    );
    console.log('tool                 requests/s   CPU µs/request   vs autocannon');
    for (const [name, r] of rows)
      console.log(`${name.padEnd(20)} ${fmt(r.rps).padStart(10)}   ${fmt(perRequest(r), 1).padStart(14)}   ${(r.rps / a.rps).toFixed(2)}x`);
    console.log(`requests/s count the loop's planned ${SECONDS} s only; start-up is apart: a 1-VU 1 s run takes ${fmt(idle.wallMs)} ms wall,`);
    console.log(`${fmt(idle.cpuMs)} ms CPU (the 64-VU run: ${fmt(o.wallMs - SECONDS * 1000)} ms wall past its ${SECONDS} s). "loop only" subtracts that CPU.`);
  } finally {
    await hello.close();
  }

  const fixed = await spawnDemoServer();
  try {
    await warm(`${fixed.url}/fixed?ms=100`);
    const o = await ours(fixed.url, `  vus: 64\n  duration: ${SECONDS}s\n  pages: {fixed: '/fixed?ms=100'}`);
    const a = await autocannon(`${fixed.url}/fixed?ms=100`, 64);
    console.log(`\n2. server answering in exactly 100 ms, 64 VUs/connections, ${SECONDS} s`);
    console.log(`launch-ready burst   p50 ${o.latency.p50} ms  p95 ${o.latency.p95} ms  p99 ${o.latency.p99} ms  (${o.requests} requests)`);
    console.log(`autocannon 9         p50 ${a.latency.p50} ms  p97.5 ${a.latency.p95} ms  p99 ${a.latency.p99} ms`);
  } finally {
    await fixed.close();
  }

  const frozen = await spawnDemoServer(['--freeze-every', '2000', '--freeze', '300']);
  try {
    await warm(`${frozen.url}/hello`);
    const seconds = Math.max(SECONDS, 20);
    const o = await ours(
      frozen.url,
      `  scenarios:\n    open:\n      executor: constant-arrival-rate\n      rate: 200\n      duration: ${seconds}s\n      maxVUs: 200\n      steps: [{url: /hello}]`,
    );
    const a = await autocannon(`${frozen.url}/hello`, 10, seconds);
    console.log(`\n3. event loop frozen 300 ms every 2 s, ${seconds} s`);
    console.log(`launch-ready burst (open model, 200/s)  p50 ${o.latency.p50} ms  p95 ${o.latency.p95} ms  p99 ${o.latency.p99} ms  (${o.requests} requests)`);
    console.log(`autocannon 9 (closed loop, 10 conns)   p50 ${a.latency.p50} ms  p97.5 ${a.latency.p95} ms  p99 ${a.latency.p99} ms`);
  } finally {
    await frozen.close();
  }
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
