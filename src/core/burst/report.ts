import type { ReportBlock } from '../blocks.js';
import type { FindingInput } from '../findings.js';
import type { BurstAggregate, BurstData } from './aggregate.js';
import { bottleneckNotes, errorsInWords, type RouteView } from './notes.js';
import { evaluateThreshold, type Threshold, type ThresholdResult } from './thresholds.js';

/** Why a run ended before its schedule. */
export interface BurstStop {
  kind: 'error-rate' | 'threshold' | 'signal';
  /** One sentence: what stopped it. */
  reason: string;
  atSeconds: number;
}

/** What the burst report is built from: the merged measurements and how the run went. */
export interface BurstReportInput {
  agg: BurstAggregate;
  thresholds: Threshold[];
  target: string;
  timeoutMs: number;
  plannedSeconds: number;
  stopped?: BurstStop;
  /** `--shard i/n` of this run, or the count of shards merged. */
  shard?: { index: number; count: number } | { merged: number; of: number };
  threads?: number;
  /** Keep the raw data (histograms) in the metrics, so shards can be merged later. */
  keepData?: boolean;
}

export interface BurstReport {
  summary: string;
  metrics: Record<string, unknown>;
  findings: FindingInput[];
  blocks: ReportBlock[];
  thresholds: ThresholdResult[];
}

const round = (n: number, digits = 3): number => Math.round(n * 10 ** digits) / 10 ** digits;
const pct = (n: number): string => `${(n * 100).toFixed(n > 0 && n < 0.001 ? 2 : 1)}%`;
const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;

/** Metrics (the burst result contract in ARCHITECTURE.md), threshold verdicts, findings and report blocks of one burst. */
export function buildBurstReport(input: BurstReportInput): BurstReport {
  const { agg } = input;
  const elapsed = Math.max(agg.elapsedSeconds, 0.001);
  const total = agg.totals;
  const overall = agg.overall.summary();
  const routes: RouteView[] = [...agg.routes.values()].map((r) => ({
    name: r.name,
    method: r.method,
    url: r.url,
    requests: r.requests,
    failed: r.failed,
    latency: r.hist.summary(),
  }));
  const thresholds = input.thresholds.map((t) => evaluateThreshold(t, agg));
  const checksTotal = total.checksPassed + total.checksFailed;
  const metrics: Record<string, unknown> = {
    target: input.target,
    requests: total.requests,
    rps: round(total.requests / elapsed, 1),
    errorRate: total.requests ? round(total.failed / total.requests, 4) : 0,
    latencyMs: latencyOf(overall),
    routes: routes.map((r) => ({
      name: r.name,
      method: r.method,
      url: r.url,
      requests: r.requests,
      errorRate: r.requests ? round(r.failed / r.requests, 4) : 0,
      latencyMs: latencyOf(r.latency),
    })),
    thresholds: thresholds.map(({ metric, expression, ok, actual }) => ({ metric, expression, ok, actual })),
    iterations: total.iterations,
    droppedIterations: total.dropped,
    timeouts: agg.errors.timeout ?? 0,
    statusCodes: { ...agg.status },
    errorsByClass: { ...agg.errors },
    checks: { passed: total.checksPassed, failed: total.checksFailed, rate: checksTotal ? round(total.checksPassed / checksTotal, 4) : null },
    vusMax: agg.vusMax,
    durationSeconds: round(agg.elapsedSeconds, 1),
    plannedSeconds: input.plannedSeconds,
    bytesReceived: total.bytes,
    loadGeneratorLagMs: { p99: agg.lagHist.percentileMs(99), max: agg.lagHist.summary().max },
    series: seriesOf(agg).map((p) => ({ second: p.second, requests: p.requests, errors: p.failed, p50: p.p50, p95: p.p95, p99: p.p99, vus: p.vus })),
  };
  if (input.threads !== undefined) metrics.threads = input.threads;
  if (input.stopped) metrics.stopped = input.stopped;
  if (input.shard) metrics.shard = input.shard;
  if (input.keepData) metrics.shardData = agg.toData(input.thresholds) satisfies BurstData;
  const findings = [...thresholdFindings(input, thresholds, routes), ...runFindings(input)];
  const blocks = blocksOf(input, thresholds, routes);
  return { summary: summaryOf(input, thresholds, routes.length), metrics, findings, blocks, thresholds };
}

function latencyOf(s: { min: number; p50: number; p90: number; p95: number; p99: number; max: number; avg: number }) {
  return { min: s.min, p50: s.p50, p90: s.p90, p95: s.p95, p99: s.p99, max: s.max, avg: round(s.avg, 1) };
}

function seriesOf(agg: BurstAggregate) {
  return [...agg.seconds.values()]
    .sort((a, b) => a.second - b.second)
    .map((p) => ({
      second: p.second,
      requests: p.requests,
      failed: p.failed,
      vus: p.vus,
      p50: p.latency.percentileMs(50),
      p95: p.latency.percentileMs(95),
      p99: p.latency.percentileMs(99),
    }));
}

function summaryOf(input: BurstReportInput, thresholds: ThresholdResult[], routeCount: number): string {
  const { agg } = input;
  const t = agg.totals;
  const passed = thresholds.filter((r) => r.ok).length;
  const parts = [
    `${t.requests.toLocaleString('en-US')} requests in ${Math.round(agg.elapsedSeconds)} s (${(t.requests / Math.max(agg.elapsedSeconds, 0.001)).toFixed(1)}/s, ${routeCount} route${routeCount === 1 ? '' : 's'}, up to ${agg.vusMax} VUs)`,
    `p95 ${ms(agg.overall.percentileMs(95))}, ${pct(t.requests ? t.failed / t.requests : 0)} failed`,
    `${passed} of ${thresholds.length} thresholds passed`,
  ];
  const stop = input.stopped
    ? `; stopped early at ${Math.round(input.stopped.atSeconds)} s of ${input.plannedSeconds} s: ${input.stopped.reason} (partial results)`
    : '';
  return `Launch burst: ${parts.join('; ')}${stop}`;
}

function thresholdFindings(input: BurstReportInput, results: ThresholdResult[], routes: RouteView[]): FindingInput[] {
  const out: FindingInput[] = [];
  input.thresholds.forEach((threshold, i) => {
    const result = results[i]!;
    // A run stopped early says so in its own finding; a route it never reached proves nothing more.
    if (result.ok || (result.actual === null && input.stopped)) return;
    const route = threshold.tags.name !== undefined ? input.agg.routes.get(threshold.tags.name) : undefined;
    const where = route
      ? `${route.name} (${route.method} ${route.url})`
      : threshold.tags.name !== undefined
        ? threshold.tags.name
        : threshold.tags.scenario
          ? `scenario ${threshold.tags.scenario}`
          : 'all routes';
    const paths = route
      ? route.criticalPath
        ? [route.criticalPath]
        : []
      : [...new Set([...input.agg.routes.values()].flatMap((r) => (r.criticalPath ? [r.criticalPath] : [])))];
    const rate = threshold.aggregation === 'rate' && (threshold.metric === 'http_req_failed' || threshold.metric === 'checks');
    const actual =
      result.actual === null
        ? 'nothing measured (no request got that far)'
        : threshold.metric === 'http_req_duration'
          ? ms(result.actual)
          : rate
            ? pct(result.actual)
            : String(result.actual);
    const latency = threshold.metric === 'http_req_duration';
    const severity = latency || threshold.metric === 'http_req_failed' ? 'blocker' : 'high';
    const finding: FindingInput = {
      ruleId: latency ? 'burst-latency-threshold' : threshold.metric === 'http_req_failed' ? 'burst-error-threshold' : 'burst-threshold',
      severity,
      title: `${threshold.metricText} ${threshold.expression} failed under the launch burst on ${where}: ${actual}`,
      fix: fixFor(threshold.metric, route ? routes.find((r) => r.name === route.name) : undefined, input),
      paths,
      evidence: `${threshold.metricText}: ${threshold.expression}, measured ${actual} over ${input.agg.totals.requests} requests`,
      fingerprint: `burst:${threshold.metricText}:${threshold.expression}`,
    };
    finding.location = { url: route ? new URL(route.url, input.target).href : input.target };
    out.push(finding);
  });
  return out;
}

function fixFor(metric: string, route: RouteView | undefined, input: BurstReportInput): string {
  if (metric === 'http_req_failed') {
    const errors = errorsInWords(input.agg.errors);
    return `fix what fails under load first (${errors || 'see the status codes'}): raise the server's connection and worker limits, add capacity, or fix the failing handler`;
  }
  if (metric === 'http_req_duration') {
    const which = route ? `the ${route.name} handler` : 'the slowest route (see the route table)';
    return `profile ${which} under load: look for a slow query (add an index), work done inside the request (send email from a queue), or too few workers/connections; then re-run the burst`;
  }
  if (metric === 'checks') return 'see which checks failed in the route table: the journey got wrong answers under load (errors pages, missing content)';
  return 'see the burst report for what fell short and re-run after the fix';
}

function runFindings(input: BurstReportInput): FindingInput[] {
  const out: FindingInput[] = [];
  const { agg } = input;
  if (input.stopped?.kind === 'error-rate') {
    out.push({
      ruleId: 'burst-aborted',
      severity: 'blocker',
      title: `The launch burst was stopped after ${Math.round(input.stopped.atSeconds)} s: ${input.stopped.reason}`,
      fix: `make ${input.target} answer under load first (${errorsInWords(agg.errors) || 'see the status codes'}); the burst stops early so a broken target is not hammered`,
      location: { url: input.target },
      fingerprint: 'burst:aborted',
    });
  }
  if (agg.totals.dropped > 0) {
    out.push({
      ruleId: 'burst-dropped-iterations',
      severity: 'medium',
      title: `${agg.totals.dropped.toLocaleString('en-US')} journeys could not start on schedule: every VU was busy waiting for the server`,
      fix: 'the server is slower than the planned arrival rate: fix the slow routes, or raise maxVUs to measure how slow it gets',
      location: { url: input.target },
      fingerprint: 'burst:dropped',
    });
  }
  return out;
}

function blocksOf(input: BurstReportInput, thresholds: ThresholdResult[], routes: RouteView[]): ReportBlock[] {
  const { agg } = input;
  const elapsed = Math.max(agg.elapsedSeconds, 0.001);
  const blocks: ReportBlock[] = [];
  blocks.push({
    kind: 'table',
    title: 'Thresholds',
    columns: ['metric', 'threshold', 'measured', 'pass'],
    rows: thresholds.map((t) => [t.metric, t.expression, t.actual, t.ok]),
    note: 'latency in ms, rates from 0 to 1 (k6 syntax)',
  });
  blocks.push({
    kind: 'table',
    title: 'Routes',
    columns: ['route', 'method', 'url', 'requests', 'req/s', 'failed', 'p50', 'p95', 'p99', 'max'],
    rows: routes.map((r) => [
      r.name,
      r.method,
      r.url,
      r.requests,
      round(r.requests / elapsed, 1),
      pct(r.requests ? r.failed / r.requests : 0),
      r.latency.p50,
      r.latency.p95,
      r.latency.p99,
      r.latency.max,
    ]),
    note: 'latency in ms, from HDR histograms (exact to 0.1%); open-model latency counts from the scheduled start',
  });
  const series = seriesOf(agg);
  if (series.length > 1) {
    blocks.push({
      kind: 'series',
      title: 'Latency over time',
      xLabel: 'second',
      yLabel: 'ms',
      x: series.map((p) => p.second + 1),
      series: [
        { name: 'p50', values: series.map((p) => (p.requests ? p.p50 : null)) },
        { name: 'p95', values: series.map((p) => (p.requests ? p.p95 : null)) },
        { name: 'p99', values: series.map((p) => (p.requests ? p.p99 : null)) },
      ],
    });
  }
  const responses = [
    ...Object.entries(agg.status)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, n]): [string, number] => [`HTTP ${code}`, n]),
    ...Object.entries(agg.errors)
      .filter(([cls]) => !cls.startsWith('http'))
      .map(([cls, n]): [string, number] => [cls, n ?? 0]),
  ];
  if (responses.length > 0) blocks.push({ kind: 'table', title: 'Responses', columns: ['answer', 'count'], rows: responses });
  const notes = bottleneckNotes(agg, routes, input.timeoutMs);
  if (input.stopped)
    notes.unshift(
      `Stopped early at ${Math.round(input.stopped.atSeconds)} s of ${input.plannedSeconds} s: ${input.stopped.reason}. Figures cover the part that ran.`,
    );
  if (notes.length > 0) blocks.push({ kind: 'notes', title: 'Bottlenecks', items: notes });
  return blocks;
}
