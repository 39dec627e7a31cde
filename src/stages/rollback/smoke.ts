/**
 * Smoke checks: a pure judge of one answer against its check, a pure retry rule (transient failures
 * only), and a thin edge that sends the request through the shared HTTP client.
 */
import { isRecord } from '../../core/guards.js';
import type { SecretRegistry } from '../../core/redaction.js';
import type { HttpClient, HttpResponse, Waiter } from '../../core/services.js';
import type { RetryPolicy, SmokeCheck } from './config.js';
import { readJsonPath } from './json-path.js';

/** What a smoke check saw, as the reports and metrics show it. */
export interface SmokeResult {
  name: string;
  url: string;
  method: string;
  ok: boolean;
  /** Null when nothing answered. */
  status: number | null;
  /** Time to the full answer of the last attempt; null when nothing answered. */
  ms: number | null;
  attempts: number;
  /** Redirect hops followed, in order. */
  redirects: { url: string; status: number }[];
  /** What is wrong, one sentence each; empty when ok. */
  problems: string[];
  /** Set when nothing answered: the reason (refused, timed out...). */
  unreachable?: string;
}

/** The parts of an answer the assertions read. */
export interface SmokeAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  truncated: boolean;
  ms: number;
}

const TRANSIENT_STATUSES = new Set([502, 503, 504]);
const MAX_BODY_BYTES = 1024 * 1024;

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function headerProblems(check: SmokeCheck, headers: SmokeAnswer['headers']): string[] {
  const problems: string[] = [];
  for (const [name, expected] of Object.entries(check.headers)) {
    const actual = headerText(headers[name.toLowerCase()]);
    if (expected === true && actual === undefined) problems.push(`header ${name} is missing`);
    else if (expected === false && actual !== undefined) problems.push(`header ${name} is present ("${shorten(actual, 40)}"), expected none`);
    else if (typeof expected === 'string' && !(actual ?? '').toLowerCase().includes(expected.toLowerCase())) {
      problems.push(
        actual === undefined
          ? `header ${name} is missing (expected "${expected}")`
          : `header ${name} is "${shorten(actual, 40)}", expected it to contain "${expected}"`,
      );
    }
  }
  return problems;
}

function jsonProblems(check: SmokeCheck, body: string): string[] {
  const entries = Object.entries(check.jsonPath);
  if (entries.length === 0) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [`the body is not JSON ("${shorten(body, 40)}"), so ${entries.map(([path]) => path).join(', ')} cannot be checked`];
  }
  const problems: string[] = [];
  for (const [path, expected] of entries) {
    const found = readJsonPath(parsed, path);
    if (!found.found) problems.push(`${path} is missing from the JSON body`);
    else if (!sameJson(found.value, expected)) problems.push(`${path} is ${JSON.stringify(found.value)}, expected ${JSON.stringify(expected)}`);
  }
  return problems;
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => sameJson(a[key], b[key]));
}

/** Every way `answer` falls short of `check` (pure); empty when it passes. */
export function judgeAnswer(check: SmokeCheck, answer: SmokeAnswer): string[] {
  const problems: string[] = [];
  if (!check.status.includes(answer.status)) {
    const expected = check.status.length === 1 ? String(check.status[0]) : `one of ${check.status.join(', ')}`;
    problems.push(`answered ${answer.status}, expected ${expected}`);
  }
  for (const text of check.contains) {
    if (!answer.body.includes(text))
      problems.push(`the body does not contain "${text}"${answer.truncated ? ` (only the first ${MAX_BODY_BYTES} bytes were read)` : ''}`);
  }
  problems.push(...headerProblems(check, answer.headers), ...jsonProblems(check, answer.body));
  if (check.maxMs !== undefined && answer.ms > check.maxMs) problems.push(`took ${answer.ms} ms, over its maxMs of ${check.maxMs}`);
  return problems;
}

/** Worth another attempt: nothing answered, or a gateway/unavailable status the check does not expect. Wrong content never is. */
export function isTransient(check: SmokeCheck, status: number | null): boolean {
  if (status === null) return true;
  return TRANSIENT_STATUSES.has(status) && !check.status.includes(status);
}

/** Milliseconds to wait before attempt `attempt` (2, 3, ...): the backoff doubles each time. */
export function backoffBefore(policy: RetryPolicy, attempt: number): number {
  return policy.backoffMs * 2 ** Math.max(0, attempt - 2);
}

export interface SmokeDeps {
  http: HttpClient;
  wait: Waiter;
  env: Readonly<Record<string, string | undefined>>;
  secrets: SecretRegistry;
  retry: RetryPolicy;
  followRedirects: number;
  signal?: AbortSignal;
}

/** Request headers of a check, with values taken from the environment (registered as secrets); or what is missing. */
export function requestHeadersOf(check: SmokeCheck, env: SmokeDeps['env'], secrets: SecretRegistry): { headers: Record<string, string>; missing: string[] } {
  const headers: Record<string, string> = { 'user-agent': 'launch-ready (rollback smoke check)', accept: '*/*' };
  const missing: string[] = [];
  for (const [name, variable] of Object.entries(check.headersFromEnv)) {
    const value = env[variable];
    if (!value) missing.push(variable);
    else {
      secrets.add(value);
      headers[name.toLowerCase()] = value;
    }
  }
  if (check.basicAuthFromEnv) {
    const { username, password } = check.basicAuthFromEnv;
    const user = env[username];
    const pass = env[password];
    for (const [name, value] of [
      [username, user],
      [password, pass],
    ] as const)
      if (!value) missing.push(name);
    if (user && pass) {
      secrets.add(pass);
      const encoded = Buffer.from(`${user}:${pass}`).toString('base64');
      secrets.add(encoded);
      headers.authorization = `Basic ${encoded}`;
    }
  }
  if (check.json !== undefined) headers['content-type'] = 'application/json';
  return { headers, missing };
}

function answerOf(response: HttpResponse): SmokeAnswer {
  return {
    status: response.status,
    headers: response.headers,
    body: new TextDecoder().decode(response.body),
    truncated: response.truncated,
    ms: Math.round(response.timings.totalMs),
  };
}

/** Run one check, retrying transient failures with backoff. Never throws. */
export async function runSmokeCheck(check: SmokeCheck, deps: SmokeDeps): Promise<SmokeResult> {
  const base = { name: check.name, url: check.url, method: check.method };
  const { headers, missing } = requestHeadersOf(check, deps.env, deps.secrets);
  if (missing.length > 0) {
    const problem = `not sent: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set in the environment`;
    return { ...base, ok: false, status: null, ms: null, attempts: 0, redirects: [], problems: [problem] };
  }
  let last: SmokeResult = { ...base, ok: false, status: null, ms: null, attempts: 0, redirects: [], problems: ['not run'] };
  for (let attempt = 1; attempt <= deps.retry.attempts; attempt++) {
    if (attempt > 1) await deps.wait.sleep(backoffBefore(deps.retry, attempt), deps.signal);
    if (deps.signal?.aborted) break;
    last = await attemptOnce(check, headers, deps, attempt);
    if (last.ok || !isTransient(check, last.status)) break;
  }
  return last;
}

async function attemptOnce(check: SmokeCheck, headers: Record<string, string>, deps: SmokeDeps, attempt: number): Promise<SmokeResult> {
  const base = { name: check.name, url: check.url, method: check.method, attempts: attempt };
  try {
    const request: Parameters<HttpClient['request']>[0] = {
      url: check.url,
      method: check.method,
      headers,
      timeoutMs: check.timeoutMs,
      maxBodyBytes: MAX_BODY_BYTES,
      followRedirects: deps.followRedirects,
    };
    if (check.json !== undefined) request.body = JSON.stringify(check.json);
    if (deps.signal) request.signal = deps.signal;
    const response = await deps.http.request(request);
    const answer = answerOf(response);
    const problems = judgeAnswer(check, answer);
    return { ...base, ok: problems.length === 0, status: answer.status, ms: answer.ms, redirects: response.redirects, problems };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...base, ok: false, status: null, ms: null, redirects: [], problems: [`no answer: ${reason}`], unreachable: reason };
  }
}

/** Run checks one after the other (they are few, and a drill wants them in order). */
export async function runSmokeChecks(checks: readonly SmokeCheck[], deps: SmokeDeps): Promise<SmokeResult[]> {
  const results: SmokeResult[] = [];
  for (const check of checks) results.push(await runSmokeCheck(check, deps));
  return results;
}
