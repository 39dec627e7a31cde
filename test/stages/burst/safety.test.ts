import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startDemoServer, type DemoServer } from '../../../bench/burst/servers.mjs';
import { runBurstSection } from './run-helper.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(() => server.close());

describe('abort rules', () => {
  test('a target that only errors is stopped within seconds by the default rule, fails the gate and says why', async () => {
    const { m, findings, summary } = await runBurstSection({ target: server.url, vus: 2, duration: '20s', pages: { broken: '/error' } });
    expect(m.stopped).toMatchObject({ kind: 'error-rate' });
    expect(m.stopped!.reason).toMatch(/100% of \d+ requests failed in the last 5 s/);
    expect(m.durationSeconds).toBeLessThan(20);
    expect(findings.find((f) => f.ruleId === 'burst-aborted')).toMatchObject({ severity: 'blocker' });
    expect(summary).toMatch(/stopped early at \d+ s of 20 s/);
    expect(m.errorsByClass).toMatchObject({ http5xx: m.requests });
  });

  test('the rule can be turned off: the same target then runs its whole (short) schedule', async () => {
    const { m, findings } = await runBurstSection({ target: server.url, vus: 1, duration: '1s', pages: { broken: '/error' }, abort: { enabled: false } });
    expect(m.stopped).toBeUndefined();
    expect(findings.map((f) => f.ruleId)).not.toContain('burst-aborted');
    expect(findings.map((f) => f.ruleId)).toContain('burst-error-threshold');
  });

  test('abortOnFail stops the run as soon as its threshold fails (after delayAbortEval)', async () => {
    const { m } = await runBurstSection({
      target: server.url,
      vus: 2,
      duration: '20s',
      pages: { slow: '/slow?ms=30' },
      thresholds: { http_req_duration: [{ threshold: 'p(95)<5', abortOnFail: true, delayAbortEval: '500ms' }] },
    });
    expect(m.stopped).toMatchObject({ kind: 'threshold' });
    expect(m.stopped!.reason).toContain('http_req_duration p(95)<5 failed');
    expect(m.durationSeconds).toBeLessThan(20);
    expect(m.thresholds[0]).toMatchObject({ ok: false });
  });

  test('a cancelled run (SIGINT/SIGTERM) stops and reports what it measured so far', async () => {
    const controller = new AbortController();
    // Cancel once the server has answered a few requests (bounded: at most 10 s of polling).
    const before = server.stats.requests;
    let polls = 0;
    const poll = setInterval(() => {
      if (server.stats.requests - before > 5 || ++polls > 500) {
        clearInterval(poll);
        controller.abort('SIGTERM');
      }
    }, 20);
    const { m, summary } = await runBurstSection({ target: server.url, vus: 2, duration: '20s', pages: { hello: '/hello' } }, { signal: controller.signal });
    expect(m.stopped).toMatchObject({ kind: 'signal', reason: 'cancelled (SIGTERM)' });
    expect(m.stopped!.atSeconds).toBeLessThan(20);
    expect(summary).toContain('partial results');
  });
});

describe('rate cap', () => {
  test('burst.limits.maxRate holds the closed model to it: a tight loop is paced, not flooded', async () => {
    const { m } = await runBurstSection({ target: server.url, vus: 5, duration: '1s', pages: { hello: '/hello' }, limits: { maxRate: 50 } });
    // 1 s at 50/s plus the bucket's 0.1 s of burst; without the cap 5 VUs do hundreds.
    expect(m.requests).toBeLessThanOrEqual(50 + 5 + 5);
    expect(m.requests).toBeGreaterThanOrEqual(5);
  });
});
