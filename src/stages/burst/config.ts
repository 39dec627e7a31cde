import { resolve } from 'node:path';
import { isRecord, read } from '../../core/guards.js';
import type { ConfigProblem } from '../../core/stage.js';
import { formatDuration, parseDuration } from './duration.js';
import { checkCaptures, guessCriticalPath, parseStep, splitStepUrl, type StepBody, type StepSpec } from './steps.js';
import { parseThreshold, ThresholdSyntaxError, type Threshold } from '../../core/burst/thresholds.js';

/** One ramp stage: move linearly to `target` over `durationMs`. */
export interface RampStage {
  durationMs: number;
  target: number;
}

export type ExecutorSpec =
  | { kind: 'constant-vus'; vus: number; durationMs: number }
  | { kind: 'ramping-vus'; startVUs: number; stages: RampStage[]; gracefulRampDownMs: number }
  | { kind: 'constant-arrival-rate'; rate: number; timeUnitMs: number; durationMs: number; preAllocatedVUs: number; maxVUs: number }
  | { kind: 'ramping-arrival-rate'; startRate: number; timeUnitMs: number; stages: RampStage[]; preAllocatedVUs: number; maxVUs: number };

/** One k6 scenario: an executor and a journey. */
export interface ScenarioSpec {
  name: string;
  executor: ExecutorSpec;
  startTimeMs: number;
  gracefulStopMs: number;
  thinkTimeMs: number;
  steps: StepSpec[];
}

/** The abuse probe of one endpoint. */
export interface AbuseSpec {
  name: string;
  method: string;
  origin: string;
  path: string;
  headers: Record<string, string>;
  body?: StepBody;
  limit: number;
  concurrency: number;
  normalRate: number;
  normalRequests: number;
  cooldownMs: number;
}

export interface BurstLimits {
  maxVUs: number;
  maxRate: number;
  maxDurationMs: number;
}

/** The `burst` section as the stage reads it. */
export interface BurstOptions {
  target: string;
  origin: string;
  scenarios: ScenarioSpec[];
  thresholds: Threshold[];
  /** True when the seed's default thresholds apply (none configured). */
  defaultThresholds: boolean;
  /** True for the built-in launch spike (no scenarios, no vus/rate). */
  launchSpike: boolean;
  timeoutMs: number;
  abort: { enabled: boolean; errorRate: number; windowMs: number; minRequests: number };
  limits: BurstLimits;
  abuse?: AbuseSpec;
  workers: 'auto' | number;
  shard?: { index: number; count: number };
  exportK6?: string;
}

export const DEFAULT_LIMITS: BurstLimits = { maxVUs: 1000, maxRate: 5000, maxDurationMs: 600_000 };
const DEFAULT_DURATION_MS = 30_000;

/** Parse the validated section; problems name the key and say how to fix it. */
export function parseBurstConfig(section: Record<string, unknown>, baseDir: string): { options?: BurstOptions; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (typeof section.target !== 'string')
    return { problems: [{ path: ['target'], message: 'missing; add burst: {target: https://staging.example.com} or pass --target URL' }] };
  let target: URL;
  try {
    target = new URL(section.target);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('scheme');
  } catch {
    return { problems: [{ path: ['target'], message: `"${section.target}" is not an http(s) URL; e.g. https://staging.example.com` }] };
  }
  const limitsRaw = read.optionalRecord(section, 'limits') ?? {};
  const limits: BurstLimits = {
    maxVUs: read.optionalNumber(limitsRaw, 'maxVUs') ?? DEFAULT_LIMITS.maxVUs,
    maxRate: read.optionalNumber(limitsRaw, 'maxRate') ?? DEFAULT_LIMITS.maxRate,
    maxDurationMs: parseDuration(String(limitsRaw.maxDuration ?? '10m')) ?? DEFAULT_LIMITS.maxDurationMs,
  };
  const scenarios = parseScenarios(section, target, limits, problems);
  const { thresholds, defaults } = parseThresholds(section, scenarios, problems);
  const abortRaw = read.optionalRecord(section, 'abort') ?? {};
  const options: BurstOptions = {
    target: target.href,
    origin: target.origin,
    scenarios,
    thresholds,
    defaultThresholds: defaults,
    launchSpike: section.scenarios === undefined && section.vus === undefined && section.rate === undefined,
    timeoutMs: parseDuration(String(section.timeout ?? '10s')) ?? 10_000,
    abort: {
      enabled: abortRaw.enabled !== false,
      errorRate: read.optionalNumber(abortRaw, 'errorRate') ?? 0.5,
      windowMs: parseDuration(String(abortRaw.window ?? '5s')) ?? 5000,
      minRequests: read.optionalNumber(abortRaw, 'minRequests') ?? 10,
    },
    limits,
    workers: typeof section.workers === 'number' ? section.workers : 'auto',
  };
  const abuseRaw = read.optionalRecord(section, 'abuse');
  if (abuseRaw) {
    const abuse = parseAbuse(abuseRaw, target, problems);
    if (abuse) options.abuse = abuse;
  }
  if (typeof section.shard === 'string') {
    const [index, count] = section.shard.split('/').map(Number);
    if (index === undefined || count === undefined || count < 1 || index < 1 || index > count || count > 1000)
      problems.push({ path: ['shard'], message: `"${section.shard}" is not a share; give i/n with 1 <= i <= n <= 1000, e.g. 1/4` });
    else options.shard = { index, count };
  }
  if (typeof section.exportK6 === 'string') options.exportK6 = resolve(baseDir, section.exportK6);
  problems.push(...capProblems(options, section));
  return problems.length ? { problems } : { options, problems };
}

function parseScenarios(section: Record<string, unknown>, target: URL, limits: BurstLimits, problems: ConfigProblem[]): ScenarioSpec[] {
  const configured = read.optionalRecord(section, 'scenarios');
  if (configured !== undefined) {
    for (const key of ['vus', 'rate', 'duration'] as const) {
      if (section[key] !== undefined)
        problems.push({
          path: [key],
          message: `is for the common case without scenarios; set it inside burst.scenarios.<name> instead (or remove burst.scenarios)`,
        });
    }
    const out: ScenarioSpec[] = [];
    for (const [name, raw] of Object.entries(configured)) {
      const scenario = isRecord(raw) ? parseScenario(name, raw, target, problems) : undefined;
      if (scenario) out.push(scenario);
    }
    if (Object.keys(configured).length === 0)
      problems.push({ path: ['scenarios'], message: 'is empty; add a scenario, or remove the key for the default launch spike' });
    return out;
  }
  const steps = defaultJourney(section, target, problems);
  const durationMs = parseDuration(String(section.duration ?? '30s')) ?? DEFAULT_DURATION_MS;
  if (section.vus !== undefined && section.rate !== undefined) {
    problems.push({ path: ['rate'], message: 'give vus (closed model) or rate (open model), not both' });
    return [];
  }
  if (typeof section.vus === 'number') {
    return [
      { name: 'default', executor: { kind: 'constant-vus', vus: section.vus, durationMs }, startTimeMs: 0, gracefulStopMs: 30_000, thinkTimeMs: 0, steps },
    ];
  }
  if (typeof section.rate === 'number') {
    const maxVUs = Math.min(limits.maxVUs, Math.max(20, Math.ceil(section.rate * 2)));
    const executor: ExecutorSpec = {
      kind: 'constant-arrival-rate',
      rate: section.rate,
      timeUnitMs: 1000,
      durationMs,
      preAllocatedVUs: Math.min(maxVUs, Math.ceil(section.rate)),
      maxVUs,
    };
    return [{ name: 'default', executor, startTimeMs: 0, gracefulStopMs: 30_000, thinkTimeMs: 0, steps }];
  }
  // The seed's launch spike: up to 100 visitors over a third of the time, hold, with a second to read each page.
  const third = Math.max(1000, Math.round(durationMs / 3));
  const stages = [
    { durationMs: third, target: 50 },
    { durationMs: third, target: 100 },
    { durationMs: Math.max(1000, durationMs - 2 * third), target: 100 },
  ];
  return [
    {
      name: 'launch-spike',
      executor: { kind: 'ramping-vus', startVUs: 0, stages, gracefulRampDownMs: 30_000 },
      startTimeMs: 0,
      gracefulStopMs: 30_000,
      thinkTimeMs: 1000,
      steps,
    },
  ];
}

/** The pages named in `burst.pages` (default: the homepage), one GET each. */
function defaultJourney(section: Record<string, unknown>, target: URL, problems: ConfigProblem[]): StepSpec[] {
  const pages = read.optionalStringMap(section, 'pages') ?? { homepage: target.pathname || '/' };
  const steps: StepSpec[] = [];
  for (const [name, path] of Object.entries(pages)) {
    const split = splitStepUrl(path, target);
    if (typeof split === 'string') {
      problems.push({ path: ['pages', name], message: split });
      continue;
    }
    const step: StepSpec = { name, method: 'GET', origin: split.origin, path: split.path, headers: {}, checkBody: [], captures: [] };
    const criticalPath = name === 'booking' ? 'signup' : guessCriticalPath(name, split.path);
    if (criticalPath && name !== 'health') step.criticalPath = criticalPath;
    steps.push(step);
  }
  if (steps.length === 0 && problems.length === 0) problems.push({ path: ['pages'], message: 'is empty; name at least one page, e.g. {homepage: /}' });
  return steps;
}

function parseScenario(name: string, raw: Record<string, unknown>, target: URL, problems: ConfigProblem[]): ScenarioSpec | undefined {
  const at = ['scenarios', name];
  const need = (key: string, example: string): void => {
    if (raw[key] === undefined) problems.push({ path: at, message: `${String(raw.executor)} needs ${key}; add e.g. ${key}: ${example}` });
  };
  const ms = (key: string, fallback: number): number => (typeof raw[key] === 'string' ? (parseDuration(raw[key]) ?? fallback) : fallback);
  const stages = (read.optionalRecords(raw, 'stages') ?? []).map((s) => ({
    durationMs: parseDuration(read.string(s, 'duration')) ?? 0,
    target: read.number(s, 'target'),
  }));
  let executor: ExecutorSpec;
  switch (raw.executor) {
    case 'constant-vus':
      need('vus', '10');
      need('duration', '30s');
      executor = { kind: 'constant-vus', vus: read.optionalNumber(raw, 'vus') ?? 1, durationMs: ms('duration', 0) };
      break;
    case 'ramping-vus':
      need('stages', '[{duration: 30s, target: 100}]');
      executor = { kind: 'ramping-vus', startVUs: read.optionalNumber(raw, 'startVUs') ?? 0, stages, gracefulRampDownMs: ms('gracefulRampDown', 30_000) };
      break;
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate': {
      if (raw.executor === 'constant-arrival-rate') {
        need('rate', '20');
        need('duration', '30s');
      } else need('stages', '[{duration: 30s, target: 50}]');
      const rate = read.optionalNumber(raw, 'rate') ?? 0;
      const startRate = read.optionalNumber(raw, 'startRate') ?? 0;
      const peak = raw.executor === 'constant-arrival-rate' ? rate : Math.max(startRate, ...stages.map((s) => s.target));
      const timeUnitMs = ms('timeUnit', 1000);
      const { maxVUs, preAllocatedVUs } = arrivalVUs(raw, Math.max(20, Math.ceil((peak * 2000) / timeUnitMs)), at, problems);
      executor =
        raw.executor === 'constant-arrival-rate'
          ? { kind: 'constant-arrival-rate', rate, timeUnitMs, durationMs: ms('duration', 0), preAllocatedVUs, maxVUs }
          : { kind: 'ramping-arrival-rate', startRate, timeUnitMs, stages, preAllocatedVUs, maxVUs };
      break;
    }
    default:
      return undefined;
  }
  const foreign = Object.keys(raw).filter((key) => !EXECUTOR_KEYS[executor.kind].includes(key) && !COMMON_SCENARIO_KEYS.includes(key));
  for (const key of foreign)
    problems.push({ path: [...at, key], message: `does not apply to ${executor.kind}; it takes ${EXECUTOR_KEYS[executor.kind].join(', ')}` });
  const rawSteps = read.optionalRecords(raw, 'steps') ?? [{ url: target.pathname || '/', name: 'homepage' }];
  const steps = rawSteps.map((s, i) => parseStep(s, target, [...at, 'steps', i], problems)).filter((s): s is StepSpec => s !== undefined);
  problems.push(...checkCaptures(steps, [...at, 'steps']));
  return { name, executor, startTimeMs: ms('startTime', 0), gracefulStopMs: ms('gracefulStop', 30_000), thinkTimeMs: ms('thinkTime', 0), steps };
}

/** An arrival-rate scenario's VUs: `maxVUs` defaults to `preAllocatedVUs`, else to `fallback` (twice the peak's need). */
function arrivalVUs(
  raw: Record<string, unknown>,
  fallback: number,
  at: (string | number)[],
  problems: ConfigProblem[],
): { maxVUs: number; preAllocatedVUs: number } {
  const configuredMax = read.optionalNumber(raw, 'maxVUs');
  const configuredPre = read.optionalNumber(raw, 'preAllocatedVUs');
  const maxVUs = configuredMax ?? configuredPre ?? fallback;
  if (configuredPre !== undefined && configuredMax !== undefined && configuredMax < configuredPre) {
    problems.push({
      path: [...at, 'maxVUs'],
      message: `${configuredMax} is below preAllocatedVUs (${configuredPre}); raise maxVUs or lower preAllocatedVUs`,
    });
  }
  return { maxVUs, preAllocatedVUs: Math.min(maxVUs, configuredPre ?? maxVUs) };
}

const COMMON_SCENARIO_KEYS = ['executor', 'startTime', 'gracefulStop', 'thinkTime', 'steps'];
const EXECUTOR_KEYS: Record<ExecutorSpec['kind'], string[]> = {
  'constant-vus': ['vus', 'duration'],
  'ramping-vus': ['startVUs', 'stages', 'gracefulRampDown'],
  'constant-arrival-rate': ['rate', 'timeUnit', 'duration', 'preAllocatedVUs', 'maxVUs'],
  'ramping-arrival-rate': ['startRate', 'timeUnit', 'stages', 'preAllocatedVUs', 'maxVUs'],
};

function parseThresholds(
  section: Record<string, unknown>,
  scenarios: ScenarioSpec[],
  problems: ConfigProblem[],
): { thresholds: Threshold[]; defaults: boolean } {
  const raw = section.thresholds;
  const routes = new Set(scenarios.flatMap((s) => s.steps.map((step) => step.name)));
  const names = new Set(scenarios.map((s) => s.name));
  const out: Threshold[] = [];
  const add = (path: (string | number)[], text: string, metric?: string, extra: { abortOnFail?: boolean; delayAbortEvalMs?: number } = {}): void => {
    try {
      const threshold = parseThreshold(text, metric, extra);
      if (threshold.tags.name !== undefined && !routes.has(threshold.tags.name)) {
        problems.push({ path, message: `"${text}" names route "${threshold.tags.name}", which no step has; routes: ${[...routes].join(', ')}` });
      } else if (threshold.tags.scenario !== undefined && !names.has(threshold.tags.scenario)) {
        problems.push({ path, message: `"${text}" names scenario "${threshold.tags.scenario}", which is not configured; scenarios: ${[...names].join(', ')}` });
      } else out.push(threshold);
    } catch (error) {
      if (!(error instanceof ThresholdSyntaxError)) throw error;
      problems.push({ path, message: error.message });
    }
  };
  if (Array.isArray(raw)) {
    raw.forEach((text, i) => add(['thresholds', i], String(text)));
    return { thresholds: out, defaults: false };
  }
  if (isRecord(raw)) {
    for (const [metric, list] of Object.entries(raw)) {
      const entries: unknown[] = Array.isArray(list) ? list : [];
      entries.forEach((entry, i) => {
        if (typeof entry === 'string') return add(['thresholds', metric, i], entry, metric);
        const item = isRecord(entry) ? entry : {};
        add(['thresholds', metric, i], read.string(item, 'threshold'), metric, {
          abortOnFail: item.abortOnFail === true,
          delayAbortEvalMs: parseDuration(read.optionalString(item, 'delayAbortEval') ?? '0s') ?? 0,
        });
      });
    }
    return { thresholds: out, defaults: false };
  }
  // The seed's defaults: p95 under 800 ms on each core route, under 1.5 s overall, under 1% failed.
  const core = scenarios.flatMap((s) => s.steps).filter((step) => step.criticalPath !== undefined);
  for (const name of new Set(core.map((step) => step.name))) out.push(parseThreshold('p(95)<800', `http_req_duration{name:${name}}`));
  out.push(parseThreshold('p(95)<1500', 'http_req_duration'), parseThreshold('rate<0.01', 'http_req_failed'));
  return { thresholds: out, defaults: true };
}

function parseAbuse(raw: Record<string, unknown>, target: URL, problems: ConfigProblem[]): AbuseSpec | undefined {
  const split = splitStepUrl(String(raw.url), target);
  if (typeof split === 'string') {
    problems.push({ path: ['abuse', 'url'], message: split });
    return undefined;
  }
  const cooldownMs = parseDuration(String(raw.cooldown ?? '0s')) ?? 0;
  if (cooldownMs > 120_000)
    problems.push({
      path: ['abuse', 'cooldown'],
      message: `${String(raw.cooldown)} is longer than 2m; a limiter window that long is not probed, give at most 2m`,
    });
  const method = String(raw.method ?? 'POST');
  const spec: AbuseSpec = {
    name: `${method} ${split.path.split('?')[0]}`,
    method,
    origin: split.origin,
    path: split.path,
    headers: { ...(read.optionalStringMap(raw, 'headers') ?? {}) },
    limit: read.optionalNumber(raw, 'limit') ?? 50,
    concurrency: read.optionalNumber(raw, 'concurrency') ?? 5,
    normalRate: read.optionalNumber(raw, 'normalRate') ?? 1,
    normalRequests: read.optionalNumber(raw, 'normalRequests') ?? 5,
    cooldownMs,
  };
  const form = read.optionalStringMap(raw, 'form');
  if (raw.json !== undefined) spec.body = { kind: 'json', value: raw.json };
  else if (form !== undefined) spec.body = { kind: 'form', value: form };
  else if (typeof raw.body === 'string') spec.body = { kind: 'raw', value: raw.body };
  return spec;
}

/** The most VUs a scenario runs at once. */
export function peakVUs(executor: ExecutorSpec): number {
  switch (executor.kind) {
    case 'constant-vus':
      return executor.vus;
    case 'ramping-vus':
      return Math.max(executor.startVUs, ...executor.stages.map((s) => s.target));
    default:
      return executor.maxVUs;
  }
}

/** Iterations per second at the busiest moment of an arrival-rate scenario (0 for the closed model). */
export function peakArrivalRate(executor: ExecutorSpec): number {
  if (executor.kind === 'constant-arrival-rate') return (executor.rate * 1000) / executor.timeUnitMs;
  if (executor.kind === 'ramping-arrival-rate') return (Math.max(executor.startRate, ...executor.stages.map((s) => s.target)) * 1000) / executor.timeUnitMs;
  return 0;
}

/** How long a scenario loads, ms (graceful stop not included). */
export function scenarioDurationMs(executor: ExecutorSpec): number {
  if (executor.kind === 'constant-vus' || executor.kind === 'constant-arrival-rate') return executor.durationMs;
  return executor.stages.reduce((sum, s) => sum + s.durationMs, 0);
}

/** The safety caps: VUs, requests/s and duration, each with the key that raises it. */
function capProblems(options: BurstOptions, section: Record<string, unknown>): ConfigProblem[] {
  const { limits } = options;
  const problems: ConfigProblem[] = [];
  const raise = (key: string) => `or raise it explicitly with burst.limits.${key}`;
  const vus = options.scenarios.reduce((sum, s) => sum + peakVUs(s.executor), 0);
  if (vus > limits.maxVUs) {
    problems.push({
      path: options.scenarios.length === 1 && section.vus !== undefined ? ['vus'] : ['scenarios'],
      message: `${vus} VUs at once is above the cap of ${limits.maxVUs}; lower the VUs (maxVUs for arrival-rate) ${raise('maxVUs')}`,
    });
  }
  const rate = options.scenarios.reduce((sum, s) => sum + peakArrivalRate(s.executor) * s.steps.length, 0);
  if (rate > limits.maxRate) {
    problems.push({
      path: section.rate !== undefined ? ['rate'] : ['scenarios'],
      message: `${Math.round(rate)} requests/s at peak is above the cap of ${limits.maxRate}; lower the rate ${raise('maxRate')}`,
    });
  }
  const longest = Math.max(0, ...options.scenarios.map((s) => s.startTimeMs + scenarioDurationMs(s.executor)));
  if (longest > limits.maxDurationMs) {
    problems.push({
      path: section.duration !== undefined ? ['duration'] : ['scenarios'],
      message: `the run lasts ${formatDuration(longest)}, above the cap of ${formatDuration(limits.maxDurationMs)}; shorten it ${raise('maxDuration')}`,
    });
  }
  const maxMinutes = typeof section.maxMinutes === 'number' ? section.maxMinutes : 15;
  if (longest > maxMinutes * 60_000 - 30_000) {
    problems.push({
      path: ['maxMinutes'],
      message: `${maxMinutes} min leaves no room for a ${formatDuration(longest)} run and its graceful stop; raise burst.maxMinutes or shorten the run`,
    });
  }
  for (const s of options.scenarios) {
    if (scenarioDurationMs(s.executor) <= 0)
      problems.push({ path: ['scenarios', s.name], message: 'runs for 0s; give a duration or stages with a duration, e.g. duration: 30s' });
  }
  return problems;
}
