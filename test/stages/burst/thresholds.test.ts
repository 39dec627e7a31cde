import { describe, expect, test } from '@jest/globals';
import { LatencyHistogram } from '../../../src/core/burst/latency.js';
import { evaluateThreshold, parseThreshold, type ThresholdData } from '../../../src/core/burst/thresholds.js';

/** 100 requests of 1..100 ms on route "signup", 50 of 10 ms on "home"; 5 failed; checks 90/10. */
function data(): ThresholdData {
  const signup = new LatencyHistogram();
  for (let i = 1; i <= 100; i++) signup.recordMs(i);
  const home = new LatencyHistogram();
  for (let i = 0; i < 50; i++) home.recordMs(10);
  const all = new LatencyHistogram();
  all.add(signup);
  all.add(home);
  const counts = { requests: 150, failed: 5, checksPassed: 90, checksFailed: 10, iterations: 50, dropped: 2 };
  return {
    latency: (tags) => (tags.name === 'signup' ? signup : tags.name === 'home' ? home : tags.name || tags.scenario ? undefined : all),
    counts: (tags) =>
      tags.name === 'signup' ? { requests: 100, failed: 5, checksPassed: 0, checksFailed: 0, iterations: 0, dropped: 0 } : tags.name ? undefined : counts,
    elapsedSeconds: 10,
  };
}

describe('k6 threshold expressions', () => {
  test.each([
    ['p(95)<800', 'http_req_duration', true, 93],
    ['p(95)<90', 'http_req_duration', false, 93],
    ['p95<800', 'http_req_duration', true, 93],
    ['p(99.9) < 101', 'http_req_duration', true, 100],
    ['avg<50', 'http_req_duration', true, null],
    ['med<=30', 'http_req_duration', true, 25],
    ['max<100', 'http_req_duration', false, 100],
    ['min>=1', 'http_req_duration', true, 1],
    ['http_req_failed:rate<0.01', 'http_req_failed', false, 0.0333],
    ['http_req_failed:rate<0.05', 'http_req_failed', true, 0.0333],
    ['checks:rate>0.99', 'checks', false, 0.9],
    ['http_reqs:count>100', 'http_reqs', true, 150],
    ['http_reqs:rate>=15', 'http_reqs', true, 15],
    ['iterations:count==50', 'iterations', true, 50],
    ['dropped_iterations:count==0', 'dropped_iterations', false, 2],
  ])('%s reads %s and evaluates ok=%s', (text, metric, ok, actual) => {
    const threshold = parseThreshold(text);
    expect(threshold.metric).toBe(metric);
    const result = evaluateThreshold(threshold, data());
    expect(result.ok).toBe(ok);
    // HDR histograms are exact to 0.1% (3 significant digits).
    if (actual !== null) expect(Math.abs(result.actual! - actual)).toBeLessThanOrEqual(Math.max(0.001, actual * 0.001) + 0.0001);
  });

  test('a tag filter reads one route: {name:signup} sees only signup requests', () => {
    const signup = evaluateThreshold(parseThreshold('http_req_duration{name:signup}:p(95)<80'), data());
    const home = evaluateThreshold(parseThreshold('http_req_duration{name:home}:p(95)<80'), data());
    expect(signup).toMatchObject({ metric: 'http_req_duration{name:signup}', ok: false });
    expect(Math.abs(signup.actual! - 95)).toBeLessThan(0.1);
    expect(home.ok).toBe(true);
    expect(Math.abs(home.actual! - 10)).toBeLessThan(0.011);
    expect(parseThreshold('{name:signup}:p(95)<800').metricText).toBe('http_req_duration{name:signup}');
    expect(evaluateThreshold(parseThreshold('http_req_failed{name:signup}:rate<0.01'), data()).actual).toBe(0.05);
  });

  test('the mapping form takes the metric apart, as k6 options do', () => {
    const t = parseThreshold('rate<0.01', 'http_req_failed', { abortOnFail: true, delayAbortEvalMs: 10_000 });
    expect(t).toMatchObject({ metric: 'http_req_failed', abortOnFail: true, delayAbortEvalMs: 10_000, operator: '<', value: 0.01 });
  });

  test('a threshold whose tags match no request fails with no measured value', () => {
    const result = evaluateThreshold(parseThreshold('http_req_duration{scenario:nope}:p(95)<800'), data());
    expect(result).toEqual({ metric: 'http_req_duration{scenario:nope}', expression: 'p(95)<800', ok: false, actual: null });
  });

  test.each([
    ['p95 < banana', 'expected AGGREGATION OPERATOR NUMBER'],
    ['http_req_failed:p(95)<1', 'http_req_failed takes rate, not p(N)'],
    ['checks:avg>1', 'checks takes rate'],
    ['latency:p(95)<1', 'unknown metric "latency"'],
    ['p(0)<5', 'a percentile is above 0'],
    ['http_req_duration{route:x}:p(95)<1', 'must be name:ROUTE or scenario:NAME'],
    ['', 'expected AGGREGATION'],
  ])('"%s" is refused with the reason and the valid forms', (text, reason) => {
    expect(() => parseThreshold(text)).toThrow(reason);
    expect(() => parseThreshold(text)).toThrow('valid forms: p(95)<800');
  });
});
