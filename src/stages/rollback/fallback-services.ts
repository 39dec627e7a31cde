/**
 * A thin stand-in for the shared services (src/core/services.ts) until the core provides
 * `ctx.services`: the same interfaces, just enough for this stage (one request at a time, no pools,
 * no connectTo). The stage uses `ctx.services ?? fallbackServices(ctx)`, so the switch is one line.
 */
import { spawn } from 'node:child_process';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SecretRegistry } from '../../core/redaction.js';
import type { GitHubAccess } from '../../core/stage.js';
import type { GitHubApi, HttpClient, HttpRequest, HttpResponse, ProcessRequest, ProcessResult, ProcessRunner, StageServices, Waiter } from '../../core/services.js';

/** Variables every command gets from the gate's environment (when set). */
const BASE_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TMPDIR', 'TEMP', 'TMP', 'TZ', 'SHELL', 'USER', 'LOGNAME', 'TERM'];
/** Never passed, even when named in passEnv. */
const NEVER_PASSED = /^(GITHUB_TOKEN|GH_TOKEN|ACTIONS_.*|INPUT_.*|LAUNCH_READY_.*|RUNNER_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_ID_TOKEN_REQUEST_.*)$/;

/** The environment a repository command sees: the base, then the passEnv names, then the stage's own. */
export function commandEnvironment(gateEnv: Readonly<Record<string, string | undefined>>, passEnv: readonly string[] = [], own: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of [...BASE_ENV, ...passEnv]) {
    const value = gateEnv[name];
    if (value !== undefined && !NEVER_PASSED.test(name)) env[name] = value;
  }
  return { ...env, ...own };
}

function once(url: URL, request: HttpRequest, started: number): Promise<{ response: IncomingMessage; headersMs: number }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const options: Parameters<typeof httpRequest>[1] = { method: request.method ?? 'GET', headers: request.headers ?? {}, agent: false };
    if (url.protocol === 'https:') (options as { rejectUnauthorized?: boolean }).rejectUnauthorized = request.verifyTls !== false;
    if (request.signal) options.signal = request.signal;
    const req = send(url, options, (response) => resolve({ response, headersMs: performance.now() - started }));
    req.on('error', reject);
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}

function readBody(response: IncomingMessage, max: number, discard: boolean): Promise<{ body: Uint8Array; bytes: number; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    response.on('data', (chunk: Buffer) => {
      if (!discard && bytes < max) chunks.push(chunk.subarray(0, max - bytes));
      bytes += chunk.length;
    });
    response.on('end', () => resolve({ body: new Uint8Array(Buffer.concat(chunks)), bytes, truncated: bytes > max }));
    response.on('error', reject);
  });
}

async function request(request: HttpRequest): Promise<HttpResponse> {
  const started = performance.now();
  const timeoutMs = request.timeoutMs ?? 30_000;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  const redirects: { url: string; status: number }[] = [];
  let url = new URL(request.url);
  let method = request.method ?? 'GET';
  try {
    for (;;) {
      const { response, headersMs } = await once(url, { ...request, method, signal }, started);
      const location = response.headers.location;
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && location && redirects.length < (request.followRedirects ?? 0)) {
        response.resume();
        redirects.push({ url: url.href, status });
        url = new URL(location, url);
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) method = 'GET';
        continue;
      }
      const body = await readBody(response, request.maxBodyBytes ?? 1024 * 1024, request.discardBody === true);
      return { url: url.href, status, headers: response.headers, body: body.body, bodyBytes: body.bytes, truncated: body.truncated, redirects, timings: { headersMs, totalMs: performance.now() - started } };
    }
  } catch (error) {
    if (timeout.aborted) throw new Error(`no answer within ${timeoutMs} ms`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code ? `${code} (${url.host})` : (error as Error).message);
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  try {
    if (pid !== undefined) process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Run a repository command with the stripped environment, in its own process group, output redacted. */
export function runProcess(job: ProcessRequest, gateEnv: Readonly<Record<string, string | undefined>>, secrets: SecretRegistry): Promise<ProcessResult> {
  const started = performance.now();
  const keep = job.keepLines ?? 20;
  const lines: string[] = [];
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', job.command], { cwd: job.cwd, env: commandEnvironment(gateEnv, job.passEnv, job.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    let aborted = false;
    const stop = (): void => {
      killGroup(child.pid, 'SIGTERM');
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), 2000).unref();
    };
    const timer = setTimeout(() => ((timedOut = true), stop()), job.timeoutMs);
    const onAbort = (): void => ((aborted = true), stop());
    job.signal?.addEventListener('abort', onAbort, { once: true });
    const read = (source: NodeJS.ReadableStream, stream: 'stdout' | 'stderr'): void => {
      let partial = '';
      source.on('data', (chunk: Buffer) => {
        const parts = (partial + chunk.toString('utf8')).split('\n');
        partial = parts.pop() ?? '';
        for (const raw of parts) emit(raw, stream);
      });
      source.on('end', () => partial && emit(partial, stream));
    };
    const emit = (raw: string, stream: 'stdout' | 'stderr'): void => {
      const line = secrets.scrub(raw.replace(/\r$/, ''));
      lines.push(line);
      if (lines.length > keep) lines.shift();
      job.onLine?.(line, stream);
    };
    read(child.stdout, 'stdout');
    read(child.stderr, 'stderr');
    const finish = (exitCode: number | null, signal: string | null): void => {
      clearTimeout(timer);
      job.signal?.removeEventListener('abort', onAbort);
      killGroup(child.pid, 'SIGKILL');
      resolve({ exitCode, signal, timedOut, aborted, durationMs: Math.round(performance.now() - started), lastLines: lines });
    };
    child.on('error', (error) => {
      emit(error.message, 'stderr');
      finish(127, null);
    });
    child.on('close', (code, signal) => finish(code, signal));
  });
}

const wait: Waiter = {
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
  async until(check, options) {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    for (;;) {
      if (options.signal?.aborted) return { timedOut: false, aborted: true, elapsedMs: elapsed() };
      const value = await check();
      if (value !== undefined) return { value, timedOut: false, aborted: false, elapsedMs: elapsed() };
      const left = options.timeoutMs - (performance.now() - started);
      if (left <= 0) return { timedOut: true, aborted: false, elapsedMs: elapsed() };
      await wait.sleep(Math.min(options.intervalMs, left), options.signal);
    }
  },
};

function gitHubApi(access: GitHubAccess): GitHubApi {
  const expand = (path: string) => path.replace('{owner}', encodeURIComponent(access.owner)).replace('{repo}', encodeURIComponent(access.repo));
  const headers = { authorization: `Bearer ${access.token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'launch-ready' };
  const call = async (url: string): Promise<{ data: unknown; next?: string }> => {
    const response = await fetch(url, { headers });
    if (!response.ok) throw new Error(`GitHub API ${new URL(url).pathname} answered ${response.status}`);
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
    return next ? { data: await response.json(), next } : { data: await response.json() };
  };
  const urlOf = (path: string, query: Record<string, string | number> = {}) => {
    const url = new URL(`${access.apiUrl.replace(/\/$/, '')}${expand(path)}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    return url.href;
  };
  return {
    owner: access.owner,
    repo: access.repo,
    get: async <T>(path: string, query?: Record<string, string | number>) => (await call(urlOf(path, query))).data as T,
    async paginate<T>(path: string, query?: Record<string, string | number>, maxItems = 1000): Promise<T[]> {
      const items: T[] = [];
      let url: string | undefined = urlOf(path, query);
      while (url && items.length < maxItems) {
        const page: { data: unknown; next?: string } = await call(url);
        items.push(...(page.data as T[]));
        url = page.next;
      }
      return items.slice(0, maxItems);
    },
  };
}

/** The stand-in services for one stage run. */
export function fallbackServices(ctx: { env: Readonly<Record<string, string | undefined>>; secrets: SecretRegistry; github?: GitHubAccess }): StageServices {
  const http: HttpClient = {
    request,
    pool: () => {
      throw new Error('connection pools are not available in the rollback stage');
    },
  };
  const processes: ProcessRunner = { run: (job) => runProcess(job, ctx.env, ctx.secrets) };
  const services: StageServices = { http, processes, wait };
  if (ctx.github) services.github = gitHubApi(ctx.github);
  return services;
}
