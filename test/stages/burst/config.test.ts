import { describe, expect, test } from '@jest/globals';
import { parseBurstConfig } from '../../../src/stages/burst/config.js';
import { exportK6 } from '../../../src/stages/burst/k6.js';
import { optionsOf } from './run-helper.js';

const target = 'https://staging.example.com';
const problemsOf = (section: Record<string, unknown>) => parseBurstConfig({ target, ...section }, '.').problems.map((p) => `${p.path.join('.')}: ${p.message}`);

describe('burst config', () => {
  test('with no scenario: the seed launch spike, ramping to 100 visitors over the named pages, with the seed thresholds', () => {
    const options = optionsOf({ target, pages: { homepage: '/', signup: '/signup', health: '/healthz' } });
    expect(options.launchSpike).toBe(true);
    const [spike] = options.scenarios;
    expect(spike!.executor).toEqual({
      kind: 'ramping-vus',
      startVUs: 0,
      stages: [
        { durationMs: 10_000, target: 50 },
        { durationMs: 10_000, target: 100 },
        { durationMs: 10_000, target: 100 },
      ],
      gracefulRampDownMs: 30_000,
    });
    expect(spike!.steps.map((s) => [s.name, s.path, s.criticalPath])).toEqual([
      ['homepage', '/', 'homepage'],
      ['signup', '/signup', 'signup'],
      ['health', '/healthz', undefined],
    ]);
    expect(spike!.thinkTimeMs).toBe(1000);
    expect(options.thresholds.map((t) => `${t.metricText} ${t.expression}`)).toEqual([
      'http_req_duration{name:homepage} p(95)<800',
      'http_req_duration{name:signup} p(95)<800',
      'http_req_duration p(95)<1500',
      'http_req_failed rate<0.01',
    ]);
  });

  test('the CLI common case: --vus is constant-vus, --rate is constant-arrival-rate', () => {
    expect(optionsOf({ target, vus: 10, duration: '20s' }).scenarios[0]!.executor).toEqual({ kind: 'constant-vus', vus: 10, durationMs: 20_000 });
    expect(optionsOf({ target, rate: 50 }).scenarios[0]!.executor).toMatchObject({ kind: 'constant-arrival-rate', rate: 50, durationMs: 30_000, maxVUs: 100 });
  });

  test('k6 scenarios with every executor, thresholds as k6 mapping with abortOnFail', () => {
    const options = optionsOf({
      target,
      scenarios: {
        a: { executor: 'constant-vus', vus: 5, duration: '1m30s' },
        b: { executor: 'ramping-vus', startVUs: 2, stages: [{ duration: '30s', target: 20 }], gracefulStop: '5s' },
        c: { executor: 'constant-arrival-rate', rate: 30, timeUnit: '1m', duration: '1m', preAllocatedVUs: 2, maxVUs: 10 },
        d: { executor: 'ramping-arrival-rate', startRate: 1, stages: [{ duration: '10s', target: 10 }], startTime: '30s' },
      },
      thresholds: {
        'http_req_duration{scenario:a}': ['p(99)<1000', { threshold: 'max<3000', abortOnFail: true, delayAbortEval: '10s' }],
        checks: ['rate>0.99'],
      },
    });
    expect(options.scenarios.map((s) => s.executor.kind)).toEqual(['constant-vus', 'ramping-vus', 'constant-arrival-rate', 'ramping-arrival-rate']);
    expect(options.scenarios[1]!.gracefulStopMs).toBe(5000);
    expect(options.scenarios[2]!.executor).toMatchObject({ timeUnitMs: 60_000, preAllocatedVUs: 2, maxVUs: 10 });
    expect(options.scenarios[3]!.startTimeMs).toBe(30_000);
    expect(options.thresholds[1]).toMatchObject({ metric: 'http_req_duration', tags: { scenario: 'a' }, abortOnFail: true, delayAbortEvalMs: 10_000 });
    expect(options.defaultThresholds).toBe(false);
    const script = exportK6(options);
    expect(script).toContain('"http_req_duration{scenario:a}":["p(99)<1000",{"threshold":"max<3000","abortOnFail":true,"delayAbortEval":"10s"}]');
    expect(script).toContain('"executor":"ramping-arrival-rate"');
  });

  test.each([
    [{ scenarios: { a: { executor: 'constant-vus', duration: '10s' } } }, 'scenarios.a: constant-vus needs vus; add e.g. vus: 10'],
    [
      { scenarios: { a: { executor: 'ramping-vus', vus: 3, stages: [{ duration: '1s', target: 1 }] } } },
      'scenarios.a.vus: does not apply to ramping-vus; it takes startVUs, stages',
    ],
    [
      { scenarios: { a: { executor: 'constant-arrival-rate', rate: 5, duration: '1s', preAllocatedVUs: 10, maxVUs: 5 } } },
      'scenarios.a.maxVUs: 5 is below preAllocatedVUs (10)',
    ],
    [{ scenarios: {} }, 'scenarios: is empty'],
    [{ vus: 5, scenarios: { a: { executor: 'constant-vus', vus: 1, duration: '1s' } } }, 'vus: is for the common case without scenarios'],
    [
      { vus: 1, thresholds: ['http_req_duration{name:nope}:p(95)<1'] },
      'thresholds.0: "http_req_duration{name:nope}:p(95)<1" names route "nope", which no step has',
    ],
    [
      { vus: 1, pages: { x: 'http://evil.example.net/' } },
      'pages.x: "http://evil.example.net/" is on http://evil.example.net, not the declared target https://staging.example.com',
    ],
    [
      { scenarios: { a: { executor: 'constant-vus', vus: 1, duration: '1s', steps: [{ url: '/', capture: { t: { regex: 'no group' } } }] } } },
      'has no (group)',
    ],
    [
      { scenarios: { a: { executor: 'constant-vus', vus: 1, duration: '1s', steps: [{ url: '/${id}', capture: { id: { json: 'id' } } }] } } },
      'which this same step captures',
    ],
    [
      { scenarios: { a: { executor: 'constant-vus', vus: 600, duration: '1s' }, b: { executor: 'constant-vus', vus: 600, duration: '1s' } } },
      'scenarios: 1200 VUs at once is above the cap of 1000',
    ],
    [{ vus: 1, duration: '20m', maxMinutes: 15, limits: { maxDuration: '30m' } }, 'maxMinutes: 15 min leaves no room for a 20m run'],
    [{ abuse: { url: '/login', cooldown: '5m' }, vus: 1 }, 'abuse.cooldown: 5m is longer than 2m'],
  ])('%j is refused: %s', (section, message) => {
    expect(problemsOf(section).join('\n')).toContain(message);
  });

  test('caps hold for arrival rates times steps (requests/s, not iterations/s)', () => {
    const steps = [{ url: '/a' }, { url: '/b' }];
    expect(problemsOf({ scenarios: { a: { executor: 'constant-arrival-rate', rate: 3000, duration: '1s', maxVUs: 100, steps } } }).join()).toContain(
      '6000 requests/s at peak is above the cap of 5000',
    );
    expect(
      problemsOf({ limits: { maxRate: 10_000 }, scenarios: { a: { executor: 'constant-arrival-rate', rate: 3000, duration: '1s', maxVUs: 100, steps } } }),
    ).toEqual([]);
  });
});
