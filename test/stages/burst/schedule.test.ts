import { describe, expect, test } from '@jest/globals';
import type { ExecutorSpec } from '../../../src/stages/burst/config.js';
import { arrivalTimes, composeShare, RateCap, rampValueAt, vusAt, vusOfShare } from '../../../src/stages/burst/schedule.js';

const constant: ExecutorSpec = { kind: 'constant-arrival-rate', rate: 20, timeUnitMs: 1000, durationMs: 3000, preAllocatedVUs: 5, maxVUs: 10 };
const ramping: ExecutorSpec = {
  kind: 'ramping-arrival-rate',
  startRate: 0,
  timeUnitMs: 1000,
  stages: [
    { durationMs: 10_000, target: 100 },
    { durationMs: 10_000, target: 100 },
    { durationMs: 5000, target: 0 },
  ],
  preAllocatedVUs: 10,
  maxVUs: 50,
};

describe('open model schedule', () => {
  test('constant-arrival-rate starts rate x duration iterations, evenly spaced', () => {
    const times = [...arrivalTimes(constant)];
    expect(times).toHaveLength(60);
    expect(times[1]! - times[0]!).toBeCloseTo(50, 6);
    expect(Math.max(...times)).toBeLessThan(3000);
  });

  test('ramping-arrival-rate integrates the ramp: 0 to 100/s over 10 s is 500 iterations, then 1000, then 250', () => {
    const times = [...arrivalTimes(ramping)];
    expect(times).toHaveLength(500 + 1000 + 250);
    expect(times.filter((t) => t < 10_000)).toHaveLength(500);
    expect(times.filter((t) => t >= 10_000 && t < 20_000)).toHaveLength(1000);
    // Sparse at the start of the ramp, dense at its end.
    expect(times[1]! - times[0]!).toBeGreaterThan(times[499]! - times[498]!);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  test('shards and threads interleave and add up to exactly the whole schedule', () => {
    const whole = [...arrivalTimes(ramping)];
    const parts: number[] = [];
    for (let shard = 1; shard <= 3; shard++)
      for (let worker = 0; worker < 2; worker++) parts.push(...arrivalTimes(ramping, composeShare({ index: shard, count: 3 }, worker, 2)));
    expect(parts.sort((a, b) => a - b)).toEqual(whole);
  });

  test('the count is bounded even for an absurd schedule', () => {
    const huge: ExecutorSpec = { ...constant, rate: 1e9 } as ExecutorSpec;
    expect([...arrivalTimes(huge, undefined, 1000)]).toHaveLength(1000);
  });
});

describe('closed model schedule', () => {
  test('ramping-vus moves linearly between stage targets and stops after the last stage', () => {
    const executor: ExecutorSpec = {
      kind: 'ramping-vus',
      startVUs: 0,
      gracefulRampDownMs: 30_000,
      stages: [
        { durationMs: 10_000, target: 100 },
        { durationMs: 5000, target: 100 },
        { durationMs: 5000, target: 20 },
      ],
    };
    expect(vusAt(executor, 0)).toBe(0);
    expect(vusAt(executor, 5000)).toBe(50);
    expect(vusAt(executor, 12_000)).toBe(100);
    expect(vusAt(executor, 17_500)).toBe(60);
    expect(vusAt(executor, 20_000)).toBe(0);
    expect(rampValueAt(10, [], 0)).toBeUndefined();
  });

  test('VUs split over shares without losing or adding one', () => {
    for (const total of [0, 1, 7, 100, 1001]) {
      let sum = 0;
      for (let i = 0; i < 6; i++) sum += vusOfShare(total, { index: i, count: 6 });
      expect(sum).toBe(total);
    }
  });
});

describe('rate cap', () => {
  test('lets a tenth of a second of burst through, then asks to wait', () => {
    const cap = RateCap.perSecond(100);
    let granted = 0;
    for (let i = 0; i < 50; i++) if (cap.take() === 0) granted++;
    expect(granted).toBeGreaterThanOrEqual(10);
    expect(granted).toBeLessThan(50);
    expect(cap.take()).toBeGreaterThan(0);
  });
});
