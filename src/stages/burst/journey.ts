import type { HttpPool, HttpResponse } from '../../core/services.js';
import { isRecord } from '../../core/guards.js';
import type { ErrorClass, RequestRecord, WindowRecorder } from '../../core/burst/window.js';
import type { ScenarioSpec } from './config.js';
import type { RateCap } from './schedule.js';
import { interpolate, type CaptureSpec, type StepSpec } from './steps.js';

/** Bytes of a body kept for checks and captures; the rest is read and dropped. */
const KEEP_BODY_BYTES = 1024 * 1024;

/** What one load loop shares with its iterations. */
export interface LoopContext {
  pool(origin: string): HttpPool;
  recorder: WindowRecorder;
  timeoutMs: number;
  cap: RateCap;
  /** True once the loop is stopping: no new request starts. */
  stopping(): boolean;
  /** Sleep that ends early when the loop stops. */
  sleep(ms: number): Promise<void>;
}

/** One VU's state across its iterations: k6 keeps cookies per VU. */
export interface VuState {
  id: number;
  iterations: number;
  cookies: Map<string, string>;
  /** Set when a ramp-down removed this VU: its iteration is cut between steps past this time (`performance.now()`). */
  cutAt?: number;
}

/** A ramped-down VU past its `gracefulRampDown`: no further step starts, and its iteration does not count as complete. */
export function cut(vu: VuState): boolean {
  return vu.cutAt !== undefined && performance.now() >= vu.cutAt;
}

/**
 * Run one iteration of a journey: the steps in order, with values captured from one response
 * inserted into the next. In the open model the first request's latency counts from the
 * scheduled start (`scheduledAt`), so a stalled server or a queue in front of it shows.
 */
export async function runIteration(loop: LoopContext, scenario: ScenarioSpec, vu: VuState, scheduledAt?: number): Promise<void> {
  // Most load journeys use no `${name}`: their requests are built once and reused (no per-request allocation).
  const values = usesValues(scenario)
    ? new Map<string, string>([
        ['__VU', String(vu.id)],
        ['__ITER', String(vu.iterations)],
        ['__SCENARIO', scenario.name],
      ])
    : undefined;
  for (let i = 0; i < scenario.steps.length; i++) {
    if (loop.stopping() || cut(vu)) return;
    const step = scenario.steps[i]!;
    const request = requestFor(step, loop.timeoutMs, values, vu.cookies);
    if (request === undefined) {
      // An earlier capture found nothing: the journey cannot go on; count it as a failed check.
      loop.recorder.recordCheck(scenario.name, false);
      loop.recorder.record({
        scenario: scenario.name,
        route: step.name,
        method: step.method,
        url: step.path,
        latencyMs: 0,
        error: 'capture',
        failed: true,
        checksPassed: 0,
        checksFailed: 0,
        bytes: 0,
        ...pathOf(step),
      });
      return;
    }
    for (let wait = loop.cap.take(); wait > 0 && !loop.stopping(); wait = loop.cap.take()) await loop.sleep(wait);
    if (loop.stopping()) return;
    // An iteration may start a fraction of a millisecond before its slot: count from whichever came first.
    const started = i === 0 && scheduledAt !== undefined ? Math.min(scheduledAt, performance.now()) : performance.now();
    let response: HttpResponse | undefined;
    let error: ErrorClass | undefined;
    try {
      response = await loop.pool(step.origin).request(request);
    } catch (caught) {
      if (loop.stopping()) return;
      error = classifyError(caught);
    }
    const latencyMs = performance.now() - started;
    loop.recorder.record(recordOf(scenario, step, latencyMs, response, error));
    if (!response) return;
    if (response.headers['set-cookie'] !== undefined) storeCookies(response, vu.cookies);
    if (step.captures.length > 0 && !capture(step.captures, response, values!)) {
      loop.recorder.recordCheck(scenario.name, false);
      return;
    }
    const think = step.sleepMs ?? scenario.thinkTimeMs;
    if (think > 0) await thinkFor(loop, vu, think);
  }
}

/** Think time, in slices, so a ramp-down that cuts this VU ends it within about 100 ms, not after the whole pause. */
async function thinkFor(loop: LoopContext, vu: VuState, ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0 && !loop.stopping() && !cut(vu); left = until - performance.now()) await loop.sleep(Math.min(left, 100));
}

/** What one request did: checks judged, errors classed (a timeout apart from 5xx, 429 and connection errors). */
function recordOf(scenario: ScenarioSpec, step: StepSpec, latencyMs: number, response: HttpResponse | undefined, error: ErrorClass | undefined): RequestRecord {
  const outcome = response ? judge(step, response) : { passed: 0, failed: step.checkStatus || step.checkBody.length ? 1 : 0, ok: false };
  const record: RequestRecord = {
    scenario: scenario.name,
    route: step.name,
    method: step.method,
    url: step.path,
    latencyMs,
    failed: !outcome.ok,
    checksPassed: outcome.passed,
    checksFailed: outcome.failed,
    bytes: response?.bodyBytes ?? 0,
  };
  if (step.criticalPath) record.criticalPath = step.criticalPath;
  if (response) {
    record.status = response.status;
    const status = response.status;
    const httpError = outcome.ok ? undefined : status >= 500 ? 'http5xx' : status === 429 ? 'http429' : status >= 400 ? 'http4xx' : undefined;
    if (httpError) record.error = httpError;
  } else record.error = error ?? 'network';
  return record;
}

type PoolRequest = ReturnType<typeof buildRequest> & { timeoutMs: number; discardBody: boolean; maxBodyBytes: number };

/** Steps with no `${name}` in them, with their request built once per timeout. */
const fixedRequests = new WeakMap<StepSpec, { timeoutMs: number; request: PoolRequest } | null>();
const scenarioValues = new WeakMap<ScenarioSpec, boolean>();

function usesValues(scenario: ScenarioSpec): boolean {
  let uses = scenarioValues.get(scenario);
  if (uses === undefined) {
    uses = scenario.steps.some((step) => step.captures.length > 0 || !isFixed(step));
    scenarioValues.set(scenario, uses);
  }
  return uses;
}

function isFixed(step: StepSpec): boolean {
  const body = step.body === undefined ? '' : JSON.stringify(step.body.value);
  return ![step.path, body, ...Object.values(step.headers)].some((text) => text.includes('${'));
}

/** The request of a step, or undefined when a `${name}` it uses has no value. */
function requestFor(step: StepSpec, timeoutMs: number, values: Map<string, string> | undefined, cookies: Map<string, string>): PoolRequest | undefined {
  const extra = { timeoutMs, discardBody: !needsBody(step), maxBodyBytes: KEEP_BODY_BYTES };
  if (cookies.size === 0) {
    let fixed = fixedRequests.get(step);
    if (fixed === undefined) {
      fixed = isFixed(step) ? { timeoutMs, request: { ...buildRequest(step, new Map(), cookies, () => undefined), ...extra } } : null;
      fixedRequests.set(step, fixed);
    }
    if (fixed && fixed.timeoutMs === timeoutMs) return fixed.request;
  }
  let missing = false;
  const request = buildRequest(step, values ?? new Map(), cookies, () => (missing = true));
  return missing ? undefined : { ...request, ...extra };
}

function pathOf(step: StepSpec): { criticalPath?: string } {
  return step.criticalPath ? { criticalPath: step.criticalPath } : {};
}

function needsBody(step: StepSpec): boolean {
  return step.checkBody.length > 0 || step.captures.some((c) => c.from === 'regex' || c.from === 'json');
}

function buildRequest(step: StepSpec, values: Map<string, string>, cookies: Map<string, string>, missing: (name: string) => void) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.headers)) headers[name.toLowerCase()] = interpolate(value, values, missing);
  if (cookies.size > 0 && headers.cookie === undefined) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  let body: string | undefined;
  if (step.body?.kind === 'raw') body = interpolate(step.body.value, values, missing);
  else if (step.body?.kind === 'form') {
    body = new URLSearchParams(Object.entries(step.body.value).map(([k, v]) => [k, interpolate(String(v), values, missing)])).toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  } else if (step.body?.kind === 'json') {
    body = JSON.stringify(interpolateJson(step.body.value, values, missing));
    headers['content-type'] ??= 'application/json';
  }
  const request: { url: string; method: string; headers: Record<string, string>; body?: string } = {
    url: `${step.origin}${interpolate(step.path, values, missing)}`,
    method: step.method,
    headers,
  };
  if (body !== undefined) request.body = body;
  return request;
}

function interpolateJson(value: unknown, values: Map<string, string>, missing: (name: string) => void): unknown {
  if (typeof value === 'string') return interpolate(value, values, missing);
  if (Array.isArray(value)) return value.map((v) => interpolateJson(v, values, missing));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateJson(v, values, missing)]));
  return value;
}

/** Checks of one response; `ok` is k6's "not failed": an expected status (the checked ones, else 200-399). */
function judge(step: StepSpec, response: HttpResponse): { passed: number; failed: number; ok: boolean } {
  let passed = 0;
  let failed = 0;
  const expected = step.checkStatus ? step.checkStatus.includes(response.status) : response.status >= 200 && response.status < 400;
  if (step.checkStatus) {
    if (expected) passed++;
    else failed++;
  }
  if (step.checkBody.length > 0) {
    const text = Buffer.from(response.body).toString('utf8');
    for (const needle of step.checkBody) {
      if (text.includes(needle)) passed++;
      else failed++;
    }
  }
  return { passed, failed, ok: expected };
}

/** Store captured values; false when one found nothing. */
function capture(captures: readonly CaptureSpec[], response: HttpResponse, values: Map<string, string>): boolean {
  let text: string | undefined;
  const body = () => (text ??= Buffer.from(response.body).toString('utf8'));
  for (const c of captures) {
    let value: string | undefined;
    if (c.from === 'regex') value = new RegExp(c.expr).exec(body())?.[1];
    else if (c.from === 'header') value = headerValue(response, c.expr);
    else if (c.from === 'cookie') value = cookiesOf(response).get(c.expr);
    else value = jsonPath(body(), c.expr);
    if (value === undefined) return false;
    values.set(c.as, value);
  }
  return true;
}

function headerValue(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function jsonPath(text: string, path: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const key of path.split('.')) {
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : undefined;
    else if (isRecord(value)) value = value[key];
    else return undefined;
  }
  if (value === undefined || value === null) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function cookiesOf(response: HttpResponse): Map<string, string> {
  const raw = response.headers['set-cookie'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const out = new Map<string, string>();
  for (const line of list) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    if (eq > 0) out.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return out;
}

function storeCookies(response: HttpResponse, jar: Map<string, string>): void {
  if (response.headers['set-cookie'] === undefined) return;
  for (const [k, v] of cookiesOf(response)) jar.set(k, v);
}

// EPROTO: OpenSSL's "wrong version number" and kin, as a raw TLS socket reports them.
const TLS_CODES = /CERT|TLS|SSL|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|ERR_OSSL|HOSTNAME_MISMATCH|ALTNAME/;

/** The class of a failed request from the error an HTTP client throws (its `code`, or its cause's). */
export function classifyError(error: unknown): ErrorClass {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; isRecord(e) && depth < 4; e = e.cause, depth++) {
    const code = e.code;
    if (typeof code === 'string') codes.push(code);
    if (e.name === 'TimeoutError') codes.push('TIMEOUT');
  }
  const message = error instanceof Error ? error.message : '';
  // Core's client says so in words: "no complete answer within N ms".
  if (/no complete answer within|timed? ?out/i.test(message)) codes.push('TIMEOUT');
  const all = codes.join(' ');
  if (/TIMEOUT|ETIMEDOUT/.test(all)) return 'timeout';
  if (/ECONNREFUSED/.test(all)) return 'refused';
  if (/ENOTFOUND|EAI_AGAIN|EAI_FAIL|ENODATA|ESERVFAIL/.test(all)) return 'dns';
  if (TLS_CODES.test(all)) return 'tls';
  if (/ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|ECONNABORTED/.test(all)) return 'closed';
  return 'network';
}
