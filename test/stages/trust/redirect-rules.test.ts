import { describe, expect, test } from '@jest/globals';
import type { RedirectChain } from '../../../src/stages/trust/redirects.js';
import { chainFacts, parseUrl, REDIRECT_RULES, redirectFindings, type ChainContext, type RedirectRule } from '../../../src/stages/trust/redirect-rules.js';

const homepageHosts = new Set(['example.com', 'www.example.com']);
const context = (patch: Partial<ChainContext> = {}): ChainContext => ({
  domain: 'example.com',
  canonical: 'https://www.example.com/',
  homepageHosts,
  paths: ['homepage'],
  kind: 'entry',
  ...patch,
});
const answered = (start: string, hops: [string, number, string?][]): RedirectChain => ({
  start,
  hops: hops.map(([url, status, location]) => (location !== undefined ? { url, status, location } : { url, status })),
  end: 'answered',
  finalUrl: hops[hops.length - 1]![0],
  final: { url: hops[hops.length - 1]![0], status: hops[hops.length - 1]![1], headers: {} },
});
const good = answered('http://example.com/', [
  ['http://example.com/', 301, 'https://www.example.com/'],
  ['https://www.example.com/', 200],
]);
const rule = (id: string): RedirectRule => REDIRECT_RULES.find((r) => r.id === id)!;
const fires = (id: string, chain: RedirectChain, ctx = context()) => rule(id).check(chainFacts(chain, ctx))?.ruleId;

/** Per rule: a chain it must report, a chain it must not, and the context. */
const CASES: { id: string; hit: RedirectChain; miss: RedirectChain; ctx?: Partial<ChainContext> }[] = [
  {
    id: 'redirect-loop',
    hit: {
      start: 'https://www.example.com/a',
      hops: [{ url: 'https://www.example.com/a', status: 302, location: '/a' }],
      end: 'loop',
      finalUrl: 'https://www.example.com/a',
    },
    miss: good,
  },
  {
    id: 'redirect-bad-target',
    hit: {
      start: 'https://www.example.com/go',
      hops: [{ url: 'https://www.example.com/go', status: 302, location: 'javascript:x' }],
      end: 'bad-target',
      finalUrl: 'https://www.example.com/go',
      detail: 'javascript:x',
    },
    miss: good,
  },
  {
    id: 'page-unreachable',
    hit: { start: 'https://www.example.com/p', hops: [], end: 'error', finalUrl: 'https://www.example.com/p', detail: 'refused' },
    miss: good,
    ctx: { kind: 'page' },
  },
  {
    id: 'http-entry-unreachable',
    hit: { start: 'http://example.com/', hops: [], end: 'error', finalUrl: 'http://example.com/', detail: 'refused' },
    miss: { start: 'https://example.com/', hops: [], end: 'error', finalUrl: 'https://example.com/' },
  },
  {
    id: 'page-error',
    hit: answered('https://www.example.com/p', [['https://www.example.com/p', 500]]),
    miss: answered('https://www.example.com/p', [['https://www.example.com/p', 200]]),
    ctx: { kind: 'page' },
  },
  {
    id: 'redirect-off-domain',
    hit: answered('https://www.example.com/', [
      ['https://www.example.com/', 302, 'https://parking.example.net/'],
      ['https://parking.example.net/', 200],
    ]),
    miss: good,
  },
  { id: 'http-not-redirected-to-https', hit: answered('http://example.com/', [['http://example.com/', 200]]), miss: good },
  { id: 'redirect-not-canonical', hit: answered('https://example.com/', [['https://example.com/', 200]]), miss: good },
  {
    id: 'redirect-chain-long',
    hit: answered('http://example.com/', [
      ['http://example.com/', 301, 'https://example.com/'],
      ['https://example.com/', 301, 'https://www.example.com/x'],
      ['https://www.example.com/x', 301, 'https://www.example.com/'],
      ['https://www.example.com/', 200],
    ]),
    miss: good,
  },
];

describe('redirect rules, one by one', () => {
  test('every rule has a case, in the order the rules run', () => expect(CASES.map((c) => c.id)).toEqual(REDIRECT_RULES.map((r) => r.id)));
  test.each(CASES)('$id: reports the faulty chain and not the healthy one', ({ id, hit, miss, ctx }) => {
    expect(fires(id, hit, context(ctx))).toBe(id);
    expect(fires(id, miss, context(ctx))).toBeUndefined();
  });
  test("findings carry the context's paths and the start as location unless the rule names another", () => {
    const [finding] = redirectFindings(CASES[0]!.hit, context({ paths: ['signup'], kind: 'page' }));
    expect(finding).toMatchObject({
      ruleId: 'redirect-loop',
      severity: 'blocker',
      paths: ['signup'],
      location: { host: 'www.example.com', url: 'https://www.example.com/a' },
    });
  });
  test('a subset of rules can be run alone', () => {
    expect(redirectFindings(answered('http://example.com/', [['http://example.com/', 200]]), context(), [rule('redirect-chain-long')])).toEqual([]);
  });
});

describe('a Location header that is not a URL', () => {
  const chain: RedirectChain = {
    start: 'http://example.com/',
    hops: [{ url: 'http://example.com/', status: 302, location: 'http://[::1' }],
    end: 'bad-target',
    finalUrl: 'http://example.com/',
    detail: 'http://[::1',
  };
  test('parseUrl answers undefined instead of throwing', () => {
    expect(parseUrl('http://[::1')).toBeUndefined();
    expect(parseUrl('/x', 'https://example.com/a')?.href).toBe('https://example.com/x');
  });
  test('is one bad-target finding on that page, and no rule throws', () => {
    expect(redirectFindings(chain, context()).map((f) => f.ruleId)).toEqual(['redirect-bad-target']);
  });
});
