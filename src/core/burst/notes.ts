import type { BurstAggregate } from './aggregate.js';
import type { LatencySummary } from './latency.js';

const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;

const CLASS_WORDS: Record<string, string> = {
  timeout: 'timed out',
  refused: 'connection refused',
  closed: 'connection closed by the server',
  dns: 'DNS lookup failed',
  tls: 'TLS handshake failed',
  network: 'other network errors',
  http5xx: 'HTTP 5xx',
  http429: 'HTTP 429 (rate limited)',
  http4xx: 'other HTTP 4xx',
  capture: 'a journey step could not run (a value it needs was not captured)',
};

/** Error classes in words, most frequent first: `40 HTTP 5xx, 12 timed out`. */
export function errorsInWords(errors: Partial<Record<string, number>>): string {
  return Object.entries(errors)
    .filter(([, n]) => (n ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([cls, n]) => `${(n ?? 0).toLocaleString('en-US')} ${CLASS_WORDS[cls] ?? cls}`)
    .join(', ');
}

/** Route latency summaries, for the notes. */
export interface RouteView {
  name: string;
  method: string;
  url: string;
  requests: number;
  failed: number;
  latency: LatencySummary;
}

/**
 * Bottleneck notes in words: the slowest route, latency growth over the ramp (the knee), errors by
 * class, a form POST much slower than its page GET (work such as email sending done inside the
 * request), throttling, dropped iterations and the load generator's own lag.
 */
export function bottleneckNotes(agg: BurstAggregate, routes: readonly RouteView[], timeoutMs: number): string[] {
  const notes: string[] = [];
  const measured = routes.filter((r) => r.requests > 0);
  const slowest = [...measured].sort((a, b) => b.latency.p95 - a.latency.p95)[0];
  if (slowest && measured.length > 1) {
    notes.push(
      `Slowest route: ${slowest.name} (${slowest.method} ${slowest.url}), p95 ${ms(slowest.latency.p95)} and p99 ${ms(slowest.latency.p99)} over ${slowest.requests.toLocaleString('en-US')} requests.`,
    );
  }
  const knee = kneeNote(agg);
  if (knee) notes.push(knee);
  const errors = errorsInWords(agg.errors);
  if (errors)
    notes.push(`Failed requests by cause: ${errors}${agg.errors.timeout ? ` (a timeout is a request with no full answer within ${ms(timeoutMs)})` : ''}.`);
  for (const post of measured.filter((r) => r.method === 'POST' || r.method === 'PUT' || r.method === 'PATCH')) {
    const page = measured.find((r) => r.method === 'GET' && r.url.split('?')[0] === post.url.split('?')[0]);
    if (page && post.latency.p50 > 3 * page.latency.p50 && post.latency.p50 - page.latency.p50 > 200) {
      notes.push(
        `${post.method} ${post.url} takes ${ms(post.latency.p50)} at the median against ${ms(page.latency.p50)} for its page GET: work such as sending email ` +
          'probably runs inside the request. Queue it (a background job) and answer at once.',
      );
    }
  }
  if ((agg.errors.http429 ?? 0) > 0) {
    notes.push(
      `${(agg.errors.http429 ?? 0).toLocaleString('en-US')} answers were 429: a rate limiter throttled this one machine's load. Real visitors come from many addresses; allow the load generator's address, or shard the burst over several runners.`,
    );
  }
  if (agg.totals.dropped > 0) {
    notes.push(
      `${agg.totals.dropped.toLocaleString('en-US')} iterations could not start on schedule because every VU was busy (maxVUs reached): the server was slower than the arrival rate needs.`,
    );
  }
  if (agg.lagHist.count > 0 && agg.lagHist.percentileMs(99) > 50) {
    notes.push(
      `The load generator itself started iterations up to ${ms(agg.lagHist.percentileMs(99))} late (p99): latency includes that delay, so this machine was part of the bottleneck. Use --shard over more runners.`,
    );
  }
  return notes;
}

function kneeNote(agg: BurstAggregate): string | undefined {
  const stages = [...agg.stages.values()].filter((s) => s.hist.count > 0).sort((a, b) => a.index - b.index);
  if (stages.length < 2) return undefined;
  const first = stages[0]!;
  const last = stages[stages.length - 1]!;
  const p0 = first.hist.percentileMs(95);
  const p1 = last.hist.percentileMs(95);
  if (p1 > 2 * p0 && p1 - p0 > 100) {
    return `Latency grew with the load: p95 ${ms(p0)} in the first ramp stage (${first.label}) and ${ms(p1)} in the last (${last.label}), ${(p1 / Math.max(p0, 0.001)).toFixed(1)}x: the knee is inside the ramp.`;
  }
  return `Latency held over the ramp: p95 ${ms(p0)} in the first stage (${first.label}), ${ms(p1)} in the last (${last.label}).`;
}
