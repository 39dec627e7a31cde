import { afterAll, describe, expect, test } from '@jest/globals';
import { burstRoutesOf, latencyFindings } from '../../../src/stages/readiness/latency.js';
import { parseChannel, type Monitor } from '../../../src/stages/readiness/monitors/model.js';
import { runReadiness, tempDir } from './helpers.js';

const burst = {
  version: 1,
  stages: [
    {
      id: 'burst',
      metrics: {
        routes: [
          { name: 'POST /signup', method: 'POST', url: 'https://app.shop.test/signup', requests: 400, errorRate: 0, latencyMs: { p50: 300, p95: 1240 } },
          { name: 'GET /', method: 'GET', url: 'https://www.shop.test/', requests: 900, errorRate: 0, latencyMs: { p50: 40, p95: 120 } },
        ],
      },
    },
  ],
};
const monitor = (url: string, extra: Partial<Monitor> = {}): Monitor => ({
  name: url,
  url,
  owner: 'ana@shop.test',
  channels: [parseChannel('email:a@b.test'), parseChannel('slack:#a')],
  intervalSeconds: 60,
  source: 't',
  ...extra,
});

describe('the burst p95 next to each monitor', () => {
  test('routes come from a gate result or a bare burst stage result', () => {
    expect(burstRoutesOf(burst).map((r) => [r.name, r.p95Ms])).toEqual([
      ['POST /signup', 1240],
      ['GET /', 120],
    ]);
    expect(burstRoutesOf(burst.stages[0])).toHaveLength(2);
    expect(burstRoutesOf({ stages: [{ id: 'trust', metrics: {} }] })).toEqual([]);
  });

  test('a route over 800 ms without a response-time alert is medium; an alert at the budget clears it', () => {
    const routes = burstRoutesOf(burst);
    const none = latencyFindings(routes, [monitor('https://app.shop.test/signup')], 800);
    expect(none.map((f) => [f.ruleId, f.severity])).toEqual([['p95-unwatched', 'medium']]);
    expect(none[0]!.title).toMatch(/POST \/signup has p95 1240 ms under the launch burst \(over 800 ms\) and its monitor has no response-time alert/);
    expect(latencyFindings(routes, [monitor('https://app.shop.test/signup', { alertThresholdMs: 800 })], 800)).toEqual([]);
    expect(latencyFindings(routes, [], 800)[0]!.title).toMatch(/no monitor watches it/);
  });

  const project = tempDir();
  afterAll(() => project.cleanup());

  test('the monitors table shows the p95, or "not measured" without a burst result', async () => {
    project.write('burst.json', JSON.stringify(burst));
    const monitors = [{ url: 'https://app.shop.test/signup', owner: 'ana@shop.test', channels: ['email:a@b.test', 'slack:#a'], interval: '1m' }];
    const measured = await runReadiness({ monitors, burstResult: 'burst.json' }, { dir: project.dir });
    const table = (o: typeof measured) => o.blocks!.find((b) => b.kind === 'table' && b.title === 'Monitors') as { rows: unknown[][] };
    expect(table(measured).rows[0]!.at(-1)).toBe('1240 ms');
    expect(measured.findings.some((f) => f.ruleId === 'p95-unwatched')).toBe(true);
    const unmeasured = await runReadiness({ monitors }, { dir: project.dir });
    expect(table(unmeasured).rows[0]!.at(-1)).toBe('not measured');
    expect(unmeasured.findings.some((f) => f.ruleId === 'p95-unwatched')).toBe(false);
  });
});
