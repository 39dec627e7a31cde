import { isOneOf, isRecord, read, stringsOf } from '../../core/guards.js';
import { errorMessage } from '../../core/read-config.js';
import type { ConfigProblem } from '../../core/stage.js';
import { parseDuration } from './duration.js';

/** Where a captured value comes from. */
export interface CaptureSpec {
  as: string;
  from: (typeof CAPTURE_SOURCES)[number];
  /** The regex source, header name, dotted JSON path or cookie name. */
  expr: string;
}

export type StepBody = { kind: 'json'; value: unknown } | { kind: 'form'; value: Record<string, string> } | { kind: 'raw'; value: string };

/** One request of a journey, with its URL split into the fixed origin and a path template. */
export interface StepSpec {
  /** Route name: groups requests in the report and in `{name:...}` thresholds. */
  name: string;
  method: string;
  /** The declared origin this step loads (always the target's). */
  origin: string;
  /** Path and query, may hold `${name}`. */
  path: string;
  headers: Record<string, string>;
  body?: StepBody;
  checkStatus?: number[];
  checkBody: string[];
  captures: CaptureSpec[];
  /** Think time after this step, ms. */
  sleepMs?: number;
  /** Critical path the route belongs to, when known or guessed. */
  criticalPath?: string;
}

/** Where a capture may read from, as the schema's `capture` entries name them. */
const CAPTURE_SOURCES = ['regex', 'header', 'json', 'cookie'] as const;

/** Values every journey can use without capturing them. */
const BUILTIN_VARIABLES = ['__VU', '__ITER', '__SCENARIO'] as const;

const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Names used as `${name}` in a text. */
function variablesIn(text: string): string[] {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]!);
}

/** Replace `${name}` with its value; a name without a value is left as written and reported. */
export function interpolate(text: string, values: ReadonlyMap<string, string>, missing?: (name: string) => void): string {
  if (!text.includes('${')) return text;
  return text.replace(VARIABLE, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined) {
      missing?.(name);
      return whole;
    }
    return value;
  });
}

/** Every text of a step a `${name}` may appear in. */
function stepTexts(step: StepSpec): string[] {
  const out = [step.path, ...Object.values(step.headers)];
  if (step.body?.kind === 'raw') out.push(step.body.value);
  if (step.body?.kind === 'form') out.push(...Object.values(step.body.value));
  if (step.body?.kind === 'json') out.push(...jsonStrings(step.body.value));
  return out;
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

const PATH_HINTS: [RegExp, string][] = [
  [/sign-?up|register|book|onboard|trial/i, 'signup'],
  [/checkout|pay|billing|cart|order/i, 'checkout'],
  [/log-?in|sign-?in|session|auth/i, 'login'],
];

/** The critical path a route speaks to, guessed from its name and URL (`/signup` → signup). */
export function guessCriticalPath(name: string, path: string): string | undefined {
  for (const [pattern, id] of PATH_HINTS) if (pattern.test(name) || pattern.test(path)) return id;
  if (/^(home|homepage|index)$/i.test(name) || path === '/' || path === '') return 'homepage';
  return undefined;
}

/** The origin and path template of a step URL; a problem when it leaves the declared target. */
export function splitStepUrl(url: string, target: URL): { origin: string; path: string } | string {
  const probe = url.replace(VARIABLE, 'x');
  let resolved: URL;
  try {
    resolved = new URL(probe, target);
  } catch {
    return `"${url}" is not a URL or path; write a path against burst.target such as /signup`;
  }
  if (resolved.origin !== target.origin) {
    return `"${url}" is on ${resolved.origin}, not the declared target ${target.origin}; load goes only to burst.target, so use a path such as /signup (or change burst.target)`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    const at = url.indexOf('/', url.indexOf('//') + 2);
    return { origin: target.origin, path: at === -1 ? '/' : url.slice(at) };
  }
  if (url.startsWith('/')) return { origin: target.origin, path: url };
  // A relative path joins the target's own path, as a browser resolves it.
  const base = target.pathname.endsWith('/') ? target.pathname : target.pathname.replace(/[^/]*$/, '');
  return { origin: target.origin, path: `${base}${url}` };
}

/** Read one raw step; `at` is its path in the section for problems. */
export function parseStep(raw: Record<string, unknown>, target: URL, at: (string | number)[], problems: ConfigProblem[]): StepSpec | undefined {
  const method = typeof raw.method === 'string' ? raw.method : 'GET';
  const url = String(raw.url);
  const split = splitStepUrl(url, target);
  if (typeof split === 'string') {
    problems.push({ path: [...at, 'url'], message: split });
    return undefined;
  }
  const bodies = ['json', 'form', 'body'].filter((key) => raw[key] !== undefined);
  if (bodies.length > 1) problems.push({ path: at, message: `give one body (${bodies.join(', ')} are all set); keep json, form or body` });
  const headers = { ...(read.optionalStringMap(raw, 'headers') ?? {}) };
  const form = read.optionalStringMap(raw, 'form');
  let body: StepBody | undefined;
  if (raw.json !== undefined) body = { kind: 'json', value: raw.json };
  else if (form !== undefined) body = { kind: 'form', value: form };
  else if (typeof raw.body === 'string') body = { kind: 'raw', value: raw.body };
  const name = typeof raw.name === 'string' ? raw.name : `${method} ${split.path.split('?')[0]}`;
  const step: StepSpec = { name, method, origin: split.origin, path: split.path, headers, checkBody: [], captures: [] };
  if (body) step.body = body;
  const check = read.optionalRecord(raw, 'check') ?? {};
  if (typeof check.status === 'number') step.checkStatus = [check.status];
  else if (Array.isArray(check.status)) step.checkStatus = check.status.filter((status): status is number => typeof status === 'number');
  if (typeof check.bodyContains === 'string') step.checkBody = [check.bodyContains];
  else if (Array.isArray(check.bodyContains)) step.checkBody = stringsOf(check.bodyContains);
  for (const [as, from] of Object.entries(read.optionalRecord(raw, 'capture') ?? {})) {
    // The schema gives each capture exactly one source.
    const [kind, expr] = Object.entries(isRecord(from) ? from : {})[0] ?? [];
    if (!isOneOf(CAPTURE_SOURCES, kind) || typeof expr !== 'string') continue;
    if (kind === 'regex') {
      const problem = regexProblem(expr);
      if (problem) problems.push({ path: [...at, 'capture', as, 'regex'], message: problem });
    }
    step.captures.push({ as, from: kind, expr });
  }
  if (typeof raw.sleep === 'string') step.sleepMs = parseDuration(raw.sleep);
  const criticalPath = typeof raw.path === 'string' ? raw.path : guessCriticalPath(name, split.path);
  if (criticalPath) step.criticalPath = criticalPath;
  return step;
}

function regexProblem(source: string): string | undefined {
  try {
    const groups = new RegExp(`${source}|`).exec('')!.length - 1;
    return groups < 1 ? `/${source}/ has no (group); put the part to capture in parentheses, e.g. name="csrf" value="([^"]+)"` : undefined;
  } catch (error) {
    return `/${source}/ is not a valid regular expression (${errorMessage(error)}); fix the pattern`;
  }
}

/** Problems with `${name}` uses: each must be captured by an earlier step of the same journey. */
export function checkCaptures(steps: readonly StepSpec[], at: (string | number)[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const known = new Set<string>(BUILTIN_VARIABLES);
  steps.forEach((step, i) => {
    for (const name of new Set(stepTexts(step).flatMap(variablesIn))) {
      if (known.has(name)) continue;
      const later = steps.findIndex((s, j) => j >= i && s.captures.some((c) => c.as === name));
      const captured = [...known].filter((k) => !k.startsWith('__'));
      const why =
        later === i
          ? 'which this same step captures (a value is usable from the next step on)'
          : later > i
            ? `which only a later step (${later + 1}) captures`
            : 'which no earlier step captures';
      problems.push({
        path: [...at, i],
        message: `step ${i + 1} (${step.name}) uses \${${name}}, ${why}; capture it in an earlier step, e.g. capture: {${name}: {regex: '...'}}${captured.length ? ` (captured so far: ${captured.join(', ')})` : ''}`,
      });
    }
    for (const capture of step.captures) known.add(capture.as);
  });
  return problems;
}
