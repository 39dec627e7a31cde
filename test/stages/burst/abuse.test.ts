import { afterEach, describe, expect, test } from '@jest/globals';
import { startDemoServer, type DemoServer } from '../../../bench/burst/servers.mjs';
import { abuseVerdict } from '../../../src/stages/burst/abuse.js';
import { optionsOf, runBurstSection } from './run-helper.js';

let server: DemoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const section = (url: string) => ({
  target: url,
  vus: 1,
  duration: '500ms',
  pages: { home: '/' },
  thresholds: [],
  abuse: { url: '/login', form: { email: 'probe@example.com', password: 'x' }, limit: 30, concurrency: 3, normalRate: 5, normalRequests: 3 },
});
const rows = (blocks: unknown) => (blocks as { title: string; rows: unknown[][] }[]).find((b) => b.title === 'Abuse probe')!.rows;

describe('abuse probe', () => {
  test('a login behind a rate limiter: 429 with Retry-After before the limit, and a normal pace is never blocked', async () => {
    server = await startDemoServer({ rateLimit: { burst: 10, perSecond: 5 } });
    const { findings, blocks } = await runBurstSection(section(server.url));
    expect(findings.filter((f) => f.ruleId.startsWith('burst-abuse'))).toEqual([]);
    const [burst, normal] = rows(blocks);
    expect(burst![3]).toBe(true);
    expect(String(burst![2])).toMatch(/^429 after \d+ with Retry-After/);
    expect(normal![3]).toBe(true);
    // The limiter allows 10 at once (3 went to the normal pace): the 429 comes well before the limit of 30.
    expect(Number(/after (\d+)/.exec(String(burst![2]))![1])).toBeLessThan(15);
  });

  test('a login without a rate limiter: every fast request is answered, reported as high', async () => {
    server = await startDemoServer();
    const { findings } = await runBurstSection(section(server.url));
    const finding = findings.find((f) => f.ruleId === 'burst-abuse-no-rate-limit');
    expect(finding).toMatchObject({ severity: 'high', paths: ['login'] });
    expect(finding!.title).toContain('answered 30 fast requests from one client without a 429');
  });

  test('a limiter too tight for a real user: 429 at the normal pace is its own finding', async () => {
    server = await startDemoServer({ rateLimit: { burst: 1, perSecond: 0.5 } });
    const { findings } = await runBurstSection(section(server.url));
    expect(findings.map((f) => f.ruleId)).toContain('burst-abuse-blocks-legitimate');
    expect(findings.map((f) => f.ruleId)).not.toContain('burst-abuse-no-rate-limit');
  });

  test('a 429 without Retry-After or RateLimit headers is a low finding (pure verdict)', () => {
    const spec = optionsOf({ target: 'http://127.0.0.1:9', abuse: { url: '/login' } }).abuse!;
    const ok = { status: 200, limitHeaders: false };
    const verdict = abuseVerdict(spec, 'http://127.0.0.1:9/', { normal: [ok, ok], burst: [ok, ok, { status: 429, limitHeaders: false }] });
    expect(verdict).toMatchObject({ limited: true, limitedAfter: 3, limitHeaders: false, legitimateOk: true });
    expect(verdict.findings.map((f) => f.ruleId)).toEqual(['burst-abuse-429-without-retry-after']);
    const late = abuseVerdict({ ...spec, limit: 2 }, 'http://127.0.0.1:9/', { normal: [], burst: [ok, ok, { status: 429, limitHeaders: true }] });
    expect(late.limited).toBe(false);
  });
});
