import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startDemoServer, type DemoServer } from '../../../bench/burst/servers.mjs';
import type { BurstData } from '../../../src/core/burst/aggregate.js';
import { BurstAggregate } from '../../../src/core/burst/aggregate.js';
import { LatencyHistogram } from '../../../src/core/burst/latency.js';
import { isBurstShard, mergeBurstShards } from '../../../src/core/burst/shards.js';
import { toFinding } from '../../../src/core/findings.js';
import type { StageResult } from '../../../src/core/result.js';
import { runBurstSection } from './run-helper.js';

describe('HDR histograms merge exactly', () => {
  test('the merge of parts has the very percentiles of the whole, which averaging does not', () => {
    const whole = new LatencyHistogram();
    const fast = new LatencyHistogram();
    const slow = new LatencyHistogram();
    for (let i = 0; i < 900; i++) {
      fast.recordMs(10 + (i % 10));
      whole.recordMs(10 + (i % 10));
    }
    for (let i = 0; i < 100; i++) {
      slow.recordMs(1000 + i);
      whole.recordMs(1000 + i);
    }
    const merged = LatencyHistogram.mergeEncoded([fast.encode(), slow.encode()]);
    for (const p of [50, 90, 95, 99, 100]) expect(merged.percentileMs(p)).toBe(whole.percentileMs(p));
    expect(merged.count).toBe(1000);
    const averaged = (fast.percentileMs(95) + slow.percentileMs(95)) / 2;
    expect(Math.abs(averaged - whole.percentileMs(95))).toBeGreaterThan(400);
  });
});

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(() => server.close());

const openModel = (extra: Record<string, unknown>) => ({
  target: server.url,
  scenarios: { steady: { executor: 'constant-arrival-rate', rate: 20, duration: '1500ms', maxVUs: 40, steps: [{ url: '/fixed?ms=5', name: 'fixed' }] } },
  ...extra,
});

describe('worker threads', () => {
  const worker = resolve('dist/burst-worker.js');
  test('two load threads share the schedule exactly: 20/s for 1.5 s is still 30 journeys', async () => {
    expect(existsSync(worker)).toBe(true); // npm run build writes it; npm test builds first
    const { m } = await runBurstSection(openModel({ workers: 2 }));
    expect(m.threads).toBe(2);
    expect(m.iterations).toBe(30);
    expect(m.requests).toBe(30);
    expect(m.routes[0]!.requests).toBe(30);
  });
});

describe('shards (--shard i/n in a matrix)', () => {
  test('two shards run half each; the merge adds counts and histograms and re-evaluates thresholds', async () => {
    const one = await runBurstSection(openModel({ shard: '1/2', thresholds: ['p(95)<5000', 'http_reqs:count==30'] }));
    const two = await runBurstSection(openModel({ shard: '2/2', thresholds: ['p(95)<5000', 'http_reqs:count==30'] }));
    expect(one.m.iterations + two.m.iterations).toBe(30);
    expect(one.m.iterations).toBe(15);
    // Alone, a shard fails the count threshold; merged, the whole burst passes it.
    expect(one.m.thresholds[1]).toMatchObject({ ok: false, actual: 15 });
    const result = (o: typeof one): StageResult => ({
      id: 'burst',
      status: 'pass',
      summary: o.summary,
      durationMs: 1,
      metrics: o.metrics!,
      findings: o.findings.map((f) => toFinding('burst', f)),
    });
    const a = result(one);
    const b = result(two);
    expect(isBurstShard(a)).toBe(true);
    const merged = mergeBurstShards([a, b]);
    const m = merged.metrics as { requests: number; iterations: number; thresholds: { ok: boolean }[]; latencyMs: { p95: number; p99: number } };
    expect(m.requests).toBe(30);
    expect(m.thresholds.every((t) => t.ok)).toBe(true);
    expect(merged.findings.filter((f) => f.ruleId === 'burst-threshold')).toEqual([]);
    const exact = BurstAggregate.fromData([a.metrics.shardData as BurstData, b.metrics.shardData as BurstData]).overall;
    expect(m.latencyMs.p95).toBe(exact.percentileMs(95));
    expect(merged.summary).toContain('2 of 2 shards merged');
    expect(isBurstShard(merged)).toBe(false);
  });

  test('a missing shard is said, not hidden', () => {
    const data = new BurstAggregate().toData([]);
    const shard: StageResult = {
      id: 'burst',
      status: 'pass',
      summary: '',
      durationMs: 1,
      metrics: { shard: { index: 1, count: 3 }, shardData: data, target: 'http://127.0.0.1/' },
      findings: [],
    };
    const merged = mergeBurstShards([shard]);
    expect(merged.errors?.[0]?.message).toBe('shard 2/3, 3/3 missing from the merge');
  });
});
