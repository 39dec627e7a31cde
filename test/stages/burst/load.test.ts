import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startDemoServer, type DemoServer } from '../../../bench/burst/servers.mjs';
import { runBurstSection } from './run-helper.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ signupPostMs: 600 });
});
afterAll(() => server.close());

describe('closed model', () => {
  test('constant-vus: each VU loops over the journey for the duration; every request is counted', async () => {
    const { m, findings } = await runBurstSection({ target: server.url, vus: 3, duration: '1s', pages: { hello: '/hello' } });
    // Every VU ran (how often depends on the machine; the rate-cap test shows VUs looping).
    expect(m.requests).toBeGreaterThanOrEqual(3);
    expect(m.iterations).toBe(m.requests);
    expect(m.vusMax).toBeLessThanOrEqual(3);
    expect(m.routes.map((r) => r.name)).toEqual(['hello']);
    expect(m.statusCodes).toEqual({ 200: m.requests });
    expect(m.errorRate).toBe(0);
    expect(findings).toEqual([]);
  });

  test('gracefulRampDown: a VU the ramp removes finishes its iteration within the grace, and is cut past it', async () => {
    const run = (gracefulRampDown: string) =>
      runBurstSection({
        target: server.url,
        scenarios: {
          ramp: {
            executor: 'ramping-vus',
            startVUs: 1,
            stages: [
              { duration: '300ms', target: 1 },
              { duration: '100ms', target: 0 },
            ],
            gracefulRampDown,
            thinkTime: '1500ms',
            steps: [
              { url: '/hello', name: 'first' },
              { url: '/hello', name: 'second' },
            ],
          },
        },
      });
    const requestsOf = (m: { routes: { name: string; requests: number }[] }) => Object.fromEntries(m.routes.map((r) => [r.name, r.requests]));
    // Ramped down during its first think time: with a grace it goes on to the second step (negative control)...
    const graced = (await run('30s')).m;
    expect(requestsOf(graced)).toEqual({ first: 1, second: 1 });
    expect(graced.iterations).toBe(1);
    // ...without one, the iteration ends there and is not counted as complete.
    const cut = (await run('0s')).m;
    expect(requestsOf(cut)).toEqual({ first: 1 });
    expect(cut.iterations).toBe(0);
  });

  test('ramping-vus follows the ramp: VUs rise to the target and the series has one point a second', async () => {
    const { m } = await runBurstSection({
      target: server.url,
      scenarios: {
        ramp: {
          executor: 'ramping-vus',
          startVUs: 1,
          stages: [
            { duration: '1s', target: 4 },
            { duration: '1s', target: 4 },
          ],
          steps: [{ url: '/hello', name: 'hello' }],
        },
      },
    });
    expect(m.vusMax).toBeGreaterThanOrEqual(2);
    expect(m.vusMax).toBeLessThanOrEqual(4);
    expect(m.series.length).toBeGreaterThanOrEqual(2);
    expect(m.series.reduce((sum, p) => sum + p.requests, 0)).toBe(m.requests);
  });
});

describe('open model', () => {
  test('constant-arrival-rate starts exactly rate x duration journeys, whatever the server does', async () => {
    const { m } = await runBurstSection({
      target: server.url,
      scenarios: {
        steady: {
          executor: 'constant-arrival-rate',
          rate: 20,
          duration: '1500ms',
          preAllocatedVUs: 5,
          maxVUs: 20,
          steps: [{ url: '/fixed?ms=20', name: 'fixed' }],
        },
      },
    });
    expect(m.iterations).toBe(30);
    expect(m.droppedIterations).toBe(0);
    // The open model counts latency from the scheduled start: never below the server's own 20 ms
    // (less up to 1 ms: the server's timer counts from its cached loop time, so it may fire that early).
    expect(m.latencyMs.min).toBeGreaterThanOrEqual(19);
  });

  test('with every VU busy an iteration is dropped, and started + dropped = scheduled', async () => {
    const { m, findings } = await runBurstSection({
      target: server.url,
      thresholds: [],
      scenarios: { busy: { executor: 'constant-arrival-rate', rate: 20, duration: '1s', preAllocatedVUs: 1, maxVUs: 1, steps: [{ url: '/slow?ms=300' }] } },
    });
    expect(m.droppedIterations).toBeGreaterThan(5);
    expect(m.iterations + m.droppedIterations).toBe(20);
    expect(findings.map((f) => f.ruleId)).toEqual(['burst-dropped-iterations']);
  });

  test('ramping-arrival-rate integrates the ramp (0 to 20/s over 1 s, then 20/s for 1 s = 30 journeys)', async () => {
    const { m } = await runBurstSection({
      target: server.url,
      scenarios: {
        ramp: {
          executor: 'ramping-arrival-rate',
          startRate: 0,
          stages: [
            { duration: '1s', target: 20 },
            { duration: '1s', target: 20 },
          ],
          maxVUs: 10,
          steps: [{ url: '/hello' }],
        },
      },
    });
    expect(m.iterations).toBe(30);
  });
});

describe('journeys', () => {
  const journey = (capture: string) => ({
    target: server.url,
    thresholds: ['checks:rate>0.99', 'http_req_duration{name:signup}:p(95)<5000'],
    scenarios: {
      signup: {
        executor: 'constant-vus',
        vus: 2,
        duration: '1s',
        steps: [
          { name: 'signup page', url: '/signup', check: { status: 200, bodyContains: 'csrf' }, capture: { csrf: { regex: capture } } },
          {
            name: 'signup',
            method: 'POST',
            url: '/signup',
            form: { email: 'user${__VU}-${__ITER}@example.com', csrf: '${csrf}' },
            check: { status: 200, bodyContains: 'Thanks' },
          },
        ],
      },
    },
  });

  test('a value captured from one response (a CSRF token, the session cookie) goes into the next request', async () => {
    const { m, findings, blocks } = await runBurstSection(journey('name="csrf" value="([^"]+)"'));
    const post = m.routes.find((r) => r.name === 'signup')!;
    expect(post.requests).toBeGreaterThan(0);
    expect(post.errorRate).toBe(0);
    expect(m.checks.failed).toBe(0);
    expect(m.checks.passed).toBe(m.requests * 2);
    expect(m.thresholds.every((t) => t.ok)).toBe(true);
    expect(findings).toEqual([]);
    // The POST runs 600 ms of work inside the request; its page GET answers at once.
    const notes = blocks!.find((b) => b.kind === 'notes');
    expect(notes && notes.kind === 'notes' && notes.items.join('\n')).toMatch(/POST \/signup takes .* against .* for its page GET: work such as sending email/);
  });

  test('a capture that finds nothing stops the journey and fails the checks threshold (negative control)', async () => {
    const { m, findings } = await runBurstSection(journey('name="token" value="([^"]+)"'));
    expect(m.routes.find((r) => r.name === 'signup')).toBeUndefined();
    expect(m.checks.failed).toBeGreaterThan(0);
    expect(m.thresholds.find((t) => t.metric === 'checks')).toMatchObject({ ok: false });
    expect(findings.map((f) => f.ruleId)).toContain('burst-threshold');
  });
});
