import { isOneOf } from '../guards.js';
import type { LatencyHistogram } from './latency.js';

/** Metrics a threshold can name (k6's built-in names). */
const THRESHOLD_METRICS = ['http_req_duration', 'http_req_failed', 'checks', 'http_reqs', 'iterations', 'dropped_iterations'] as const;
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];

const AGGREGATIONS: Record<ThresholdMetric, readonly string[]> = {
  http_req_duration: ['avg', 'min', 'med', 'max', 'p(N)'],
  http_req_failed: ['rate'],
  checks: ['rate'],
  http_reqs: ['count', 'rate'],
  iterations: ['count', 'rate'],
  dropped_iterations: ['count', 'rate'],
};

const OPERATORS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Operator = (typeof OPERATORS)[number];

/** The aggregations written as a word (a percentile is `p(N)`). */
const AGGREGATION_WORDS = ['avg', 'min', 'med', 'max', 'rate', 'count'] as const;

/** Which requests a threshold looks at: `{name:signup}`, `{scenario:launch}`, or all. */
export interface TagFilter {
  name?: string;
  scenario?: string;
}

/** One parsed threshold, e.g. `http_req_duration{name:signup}` with `p(95)<800`. */
export interface Threshold {
  metric: ThresholdMetric;
  tags: TagFilter;
  /** The metric as written, with its tags: `http_req_duration{name:signup}`. */
  metricText: string;
  /** The expression as written: `p(95)<800`. */
  expression: string;
  aggregation: (typeof AGGREGATION_WORDS)[number] | { percentile: number };
  operator: Operator;
  value: number;
  /** Stop the whole run as soon as this threshold fails (after `delayAbortEvalMs`). */
  abortOnFail: boolean;
  delayAbortEvalMs: number;
}

/** The valid forms, shown with every bad expression. */
const THRESHOLD_FORMS =
  'valid forms: p(95)<800, p(99.9)<1500, avg<300, med<200, min<50, max<2000 (ms of http_req_duration), http_req_failed:rate<0.01, ' +
  'checks:rate>0.99, http_reqs:count>100, dropped_iterations:count==0, http_req_duration{name:signup}:p(95)<800, {scenario:NAME} likewise';

/** A threshold text that cannot be read; the message quotes it and lists the valid forms. */
export class ThresholdSyntaxError extends Error {
  constructor(text: string, why: string) {
    super(`"${text}" is not a threshold (${why}); ${THRESHOLD_FORMS}`);
  }
}

const METRIC_PREFIX = /^\s*([a-z_]+)(\{[^}]*\})?\s*:(?!\S*\})/;
const EXPRESSION =
  /^\s*(p\(\s*([0-9]+(?:\.[0-9]+)?)\s*\)|p([0-9]+(?:\.[0-9]+)?)|avg|min|med|max|rate|count)\s*(<=|>=|===|==|!=|<|>)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$/;

/**
 * Parse `p(95)<800` (on `http_req_duration`, or `metric`), `http_req_failed:rate<0.01` or
 * `http_req_duration{name:signup}:p(95)<800`. Throws {@link ThresholdSyntaxError}.
 */
export function parseThreshold(text: string, metric?: string, extra: { abortOnFail?: boolean; delayAbortEvalMs?: number } = {}): Threshold {
  let metricText = metric ?? 'http_req_duration';
  let expression = text.trim();
  const prefix = metric === undefined ? METRIC_PREFIX.exec(expression) : null;
  if (prefix) {
    metricText = `${prefix[1]}${prefix[2] ?? ''}`;
    expression = expression.slice(prefix[0].length).trim();
  } else if (metric === undefined && /^\{/.test(expression)) {
    const tagged = /^(\{[^}]*\})\s*:/.exec(expression);
    if (tagged) {
      metricText = `http_req_duration${tagged[1]}`;
      expression = expression.slice(tagged[0].length).trim();
    }
  }
  const { name, tags } = parseMetric(metricText, text);
  const match = EXPRESSION.exec(expression);
  if (!match) throw new ThresholdSyntaxError(text, `expected AGGREGATION OPERATOR NUMBER such as p(95)<800`);
  const word = match[1]!;
  const pText = match[2] ?? match[3];
  let aggregation: Threshold['aggregation'];
  if (pText !== undefined) aggregation = { percentile: Number(pText) };
  else if (isOneOf(AGGREGATION_WORDS, word)) aggregation = word;
  else throw new ThresholdSyntaxError(text, `unknown aggregation "${word}"`);
  if (typeof aggregation === 'object' && (aggregation.percentile <= 0 || aggregation.percentile > 100)) {
    throw new ThresholdSyntaxError(text, 'a percentile is above 0 and at most 100');
  }
  const allowed = AGGREGATIONS[name];
  const shown = typeof aggregation === 'object' ? 'p(N)' : aggregation;
  if (!allowed.includes(shown)) throw new ThresholdSyntaxError(text, `${name} takes ${allowed.join(', ')}, not ${shown}`);
  const operator = match[4] === '===' ? '==' : match[4];
  if (!isOneOf(OPERATORS, operator)) throw new ThresholdSyntaxError(text, `unknown comparison "${String(match[4])}"`);
  return {
    metric: name,
    tags,
    metricText,
    expression: expression.replace(/\s+/g, '').replace('===', '=='),
    aggregation,
    operator,
    value: Number(match[5]),
    abortOnFail: extra.abortOnFail ?? false,
    delayAbortEvalMs: extra.delayAbortEvalMs ?? 0,
  };
}

function parseMetric(metricText: string, text: string): { name: ThresholdMetric; tags: TagFilter } {
  const match = /^([a-z_]+)(?:\{([^}]*)\})?$/.exec(metricText.trim());
  if (!match) throw new ThresholdSyntaxError(text, `"${metricText}" is not a metric name`);
  const name = match[1];
  if (!isOneOf(THRESHOLD_METRICS, name)) throw new ThresholdSyntaxError(text, `unknown metric "${match[1]}"; metrics: ${THRESHOLD_METRICS.join(', ')}`);
  const tags: TagFilter = {};
  for (const part of (match[2] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const tag = /^(name|scenario)\s*:\s*(.+)$/.exec(part);
    if (!tag) throw new ThresholdSyntaxError(text, `tag "${part}" must be name:ROUTE or scenario:NAME`);
    const value = tag[2]!.trim().replace(/^["']|["']$/g, '');
    if (tag[1] === 'name') tags.name = value;
    else tags.scenario = value;
  }
  return { name, tags };
}

/** Counts a threshold reads, for one tag filter. */
export interface ThresholdCounts {
  requests: number;
  failed: number;
  checksPassed: number;
  checksFailed: number;
  iterations: number;
  dropped: number;
}

/** What thresholds are evaluated against: the run so far, or the whole run. */
export interface ThresholdData {
  /** Latency of the requests matching `tags`; undefined when none match. */
  latency(tags: TagFilter): LatencyHistogram | undefined;
  counts(tags: TagFilter): ThresholdCounts | undefined;
  elapsedSeconds: number;
}

/** One threshold's verdict as the result contract reports it. */
export interface ThresholdResult {
  metric: string;
  expression: string;
  ok: boolean;
  /** The measured value the expression was compared with (ms, a 0-1 rate or a count); null without data. */
  actual: number | null;
  abortOnFail?: boolean;
}

/** The measured value a threshold compares, or null when no request matches its tags. */
export function measure(threshold: Threshold, data: ThresholdData): number | null {
  const agg = threshold.aggregation;
  if (threshold.metric === 'http_req_duration') {
    const hist = data.latency(threshold.tags);
    if (!hist || hist.count === 0) return null;
    if (typeof agg === 'object') return hist.percentileMs(agg.percentile);
    const s = hist.summary();
    return agg === 'med' ? s.p50 : agg === 'min' ? s.min : agg === 'max' ? s.max : s.avg;
  }
  const counts = data.counts(threshold.tags);
  if (!counts) return null;
  switch (threshold.metric) {
    case 'http_req_failed':
      return counts.requests === 0 ? null : counts.failed / counts.requests;
    case 'checks': {
      const total = counts.checksPassed + counts.checksFailed;
      return total === 0 ? null : counts.checksPassed / total;
    }
    default: {
      const count = threshold.metric === 'http_reqs' ? counts.requests : threshold.metric === 'iterations' ? counts.iterations : counts.dropped;
      return agg === 'rate' ? count / Math.max(data.elapsedSeconds, 0.001) : count;
    }
  }
}

/** Compare with the operator; a threshold without data fails (nothing proved it holds). */
export function evaluateThreshold(threshold: Threshold, data: ThresholdData): ThresholdResult {
  const actual = measure(threshold, data);
  const ok = actual !== null && compare(actual, threshold.operator, threshold.value);
  const result: ThresholdResult = { metric: threshold.metricText, expression: threshold.expression, ok, actual: actual === null ? null : round(actual) };
  if (threshold.abortOnFail) result.abortOnFail = true;
  return result;
}

function compare(actual: number, operator: Operator, value: number): boolean {
  switch (operator) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '==':
      return actual === value;
    default:
      return actual !== value;
  }
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
