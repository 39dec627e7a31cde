/**
 * The stage's edges: HTTP through `ctx.services.http` (or the diagnose probe, which honours the same
 * network options, when a caller gives no services), the log command through the process runner,
 * and reading the log file.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { errorMessage } from '../../core/read-config.js';
import type { NetworkOptions } from '../../core/stage.js';
import type { StageServices } from '../../core/services.js';
import { applyConnectTo, parseConnectRules } from '../../core/network.js';
import { readHealthAnswer, type HealthReport } from './health.js';
import { readHealth } from './diagnose/index.js';
import { diagnoseDns } from './diagnose/dns-layer.js';
import { probe } from './diagnose/probe.js';
import { probeProblem } from './diagnose/verdict.js';

/** A minimal answer for the checks: status, content type, body text. */
export interface SimpleAnswer {
  status: number;
  contentType?: string;
  body: string;
}

export interface EdgeContext {
  services?: StageServices;
  network: NetworkOptions;
  timeoutMs: number;
  signal: AbortSignal;
}

/** One request; resolves to an answer or `{ error }`, never throws. */
export async function send(
  ctx: EdgeContext,
  request: { url: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<SimpleAnswer | { error: string }> {
  try {
    if (ctx.services) {
      const response = await ctx.services.http.request({ ...request, timeoutMs: ctx.timeoutMs, maxBodyBytes: 64 * 1024, signal: ctx.signal, verifyTls: true });
      const type = response.headers['content-type'];
      const answer: SimpleAnswer = { status: response.status, body: Buffer.from(response.body).toString('utf8') };
      const contentType = Array.isArray(type) ? type[0] : type;
      if (contentType) answer.contentType = contentType;
      return answer;
    }
    const url = new URL(request.url);
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    const routed = applyConnectTo(parseConnectRules(ctx.network.connectTo), url.hostname, port);
    const address = (await diagnoseDns(routed.host, { resolvers: ctx.network.resolvers, authoritative: [], timeoutMs: ctx.timeoutMs })).address;
    if (!address) return { error: `${routed.host} does not resolve` };
    const headers = { ...request.headers, ...(request.body !== undefined ? { 'content-length': String(Buffer.byteLength(request.body)) } : {}) };
    const result = await probe(url, address, routed.port, {
      ca: ctx.network.ca,
      timeoutMs: ctx.timeoutMs,
      headers,
      ...(request.method ? { method: request.method } : {}),
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    if (!result.http || result.http.status === undefined) return { error: probeProblem(result) };
    const answer: SimpleAnswer = { status: result.http.status, body: result.http.body ?? '' };
    if (result.http.contentType) answer.contentType = result.http.contentType;
    return answer;
  } catch (error) {
    return { error: errorMessage(error).split('\n')[0]! };
  }
}

/** The health endpoint's report, through the services when given. */
export async function fetchHealth(ctx: EdgeContext, healthUrl: string): Promise<HealthReport> {
  if (!ctx.services) return readHealth(healthUrl, { network: ctx.network, authoritative: [], timeoutMs: ctx.timeoutMs, signal: ctx.signal });
  const answer = await send(ctx, { url: healthUrl, headers: { accept: 'application/health+json, application/json;q=0.9, */*;q=0.1' } });
  return readHealthAnswer(healthUrl, answer);
}

/** Bytes in a file now (0 when it does not exist yet), to read only what a request adds. */
export function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Up to `maxBytes` of `file` from `offset` (from 0 when the file shrank: it was rotated). */
export function readFrom(file: string, offset: number, maxBytes = 8 * 1024 * 1024): string {
  const size = sizeOf(file);
  const start = size < offset ? 0 : offset;
  const length = Math.min(size - start, maxBytes);
  if (length <= 0) return '';
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/** Output lines of the log command, through the process runner (stripped environment), else a minimal spawn. */
export async function commandLines(
  ctx: EdgeContext,
  command: string,
  cwd: string,
  passEnv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ lines: string[]; error?: string }> {
  const lines: string[] = [];
  const timeoutMs = Math.max(ctx.timeoutMs, 10_000);
  if (ctx.services) {
    const result = await ctx.services.processes.run({
      command,
      cwd,
      passEnv,
      timeoutMs,
      signal: ctx.signal,
      onLine: (line) => void lines.push(line),
      keepLines: 0,
    });
    if (result.timedOut) return { lines, error: `"${command}" did not finish within ${timeoutMs} ms` };
    if (result.exitCode !== 0 && lines.length === 0) return { lines, error: `"${command}" exited ${result.exitCode ?? result.signal}` };
    return { lines };
  }
  return new Promise((resolve) => {
    const base: Record<string, string> = {};
    for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR', ...passEnv]) if (env[name] !== undefined) base[name] = env[name]!;
    const child = spawn('/bin/sh', ['-c', command], { cwd, env: base, stdio: ['ignore', 'pipe', 'pipe'] });
    let rest = '';
    const take = (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (rest) lines.push(rest);
      resolve(code !== 0 && lines.length === 0 ? { lines, error: `"${command}" exited ${code}` } : { lines });
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ lines, error: error.message });
    });
  });
}
