import { describe, expect, test } from '@jest/globals';
import type { RedirectChain } from '../../../src/stages/trust/redirects.js';
import {
  cacheVerdict,
  cookieCachingFindings,
  findMixedContent,
  mixedContentFindings,
  privateRouteFindings,
  redirectFindings,
  type ChainContext,
} from '../../../src/stages/trust/page-checks.js';
import { pathsOfUrl, privateRouteKind } from '../../../src/stages/trust/paths.js';

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
  hops: hops.map(([url, status, location]) => (location ? { url, status, location } : { url, status })),
  end: 'answered',
  finalUrl: hops[hops.length - 1]![0],
  final: { url: hops[hops.length - 1]![0], status: hops[hops.length - 1]![1], headers: {} },
});
const rules = (chain: RedirectChain, ctx = context()) => redirectFindings(chain, ctx).map((f) => `${f.ruleId}:${f.severity}`);

describe('redirect chains', () => {
  test('ok: http://example.com → https://www.example.com/ in one hop', () => {
    expect(
      rules(
        answered('http://example.com/', [
          ['http://example.com/', 301, 'https://www.example.com/'],
          ['https://www.example.com/', 200],
        ]),
      ),
    ).toEqual([]);
  });
  test('ng: http answers 200 without going to https (and is not canonical)', () => {
    expect(rules(answered('http://example.com/', [['http://example.com/', 200]]))).toEqual([
      'http-not-redirected-to-https:medium',
      'redirect-not-canonical:medium',
    ]);
  });
  test('ng: first hop from http goes to http www', () => {
    const chain = answered('http://example.com/', [
      ['http://example.com/', 301, 'http://www.example.com/'],
      ['http://www.example.com/', 301, 'https://www.example.com/'],
      ['https://www.example.com/', 200],
    ]);
    expect(rules(chain)).toEqual(['http-not-redirected-to-https:medium']);
  });
  test('ng: three redirects → low', () => {
    const chain = answered('http://example.com/', [
      ['http://example.com/', 301, 'https://example.com/'],
      ['https://example.com/', 301, 'https://www.example.com/home'],
      ['https://www.example.com/home', 302, 'https://www.example.com/'],
      ['https://www.example.com/', 200],
    ]);
    expect(rules(chain)).toEqual(['redirect-chain-long:low']);
  });
  test('ng: off-domain hop → high', () => {
    const chain = answered('https://www.example.com/', [
      ['https://www.example.com/', 302, 'https://parking.example.net/'],
      ['https://parking.example.net/', 200],
    ]);
    expect(rules(chain)).toEqual(['redirect-off-domain:high', 'redirect-not-canonical:medium']);
  });
  test("ng: a homepage host that does not answer on http:// → high; an API host → low; https:// entries are the TLS check's job", () => {
    const refused = (start: string): RedirectChain => ({ start, hops: [], end: 'error', finalUrl: start, detail: 'connection refused' });
    expect(rules(refused('http://example.com/'))).toEqual(['http-entry-unreachable:high']);
    expect(rules(refused('http://api.example.com/'), context({ paths: [] }))).toEqual(['http-entry-unreachable:low']);
    expect(rules(refused('https://example.com/'))).toEqual([]);
    expect(rules(refused('http://example.com/'), context({ kind: 'page' }))).toEqual(['page-unreachable:high']);
  });
  test('ng: loop on a signup page → blocker; on another page → high', () => {
    const loop: RedirectChain = {
      start: 'https://www.example.com/signup',
      hops: [
        { url: 'https://www.example.com/signup', status: 302, location: '/signup/' },
        { url: 'https://www.example.com/signup/', status: 302, location: '/signup' },
      ],
      end: 'loop',
      finalUrl: 'https://www.example.com/signup',
    };
    expect(rules(loop, context({ kind: 'page', paths: ['signup'] }))).toEqual(['redirect-loop:blocker']);
    expect(rules(loop, context({ kind: 'page', paths: ['homepage'] }))).toEqual(['redirect-loop:high']);
  });
  test('ng: javascript: target → reported with the target', () => {
    const chain: RedirectChain = {
      start: 'https://www.example.com/go',
      hops: [{ url: 'https://www.example.com/go', status: 302, location: 'javascript:alert(1)' }],
      end: 'bad-target',
      finalUrl: 'https://www.example.com/go',
      detail: 'javascript:alert(1)',
    };
    const [finding] = redirectFindings(chain, context({ kind: 'page' }));
    expect(finding).toMatchObject({ ruleId: 'redirect-bad-target', severity: 'high' });
    expect(finding!.title).toMatch(/javascript:alert\(1\)/);
  });
  test('ng: a page that answers 500 → high', () => {
    expect(rules(answered('https://www.example.com/pricing', [['https://www.example.com/pricing', 500]]), context({ kind: 'page' }))).toEqual([
      'page-error:high',
    ]);
  });
});

describe('mixed content', () => {
  test('ok: https and relative resources', () => {
    expect(findMixedContent('<script src="https://cdn.example.com/a.js"></script><img src="/logo.png"><a href="http://example.org/">link</a>')).toEqual([]);
  });
  test('ng: script, stylesheet, iframe, fetch → blockable; img, video → upgradable', () => {
    const html = `<script src="http://a.example/x.js"></script><link rel="stylesheet" href="http://a.example/s.css"><link rel="canonical" href="http://a.example/"><iframe src='http://a.example/f'></iframe><img src=http://a.example/i.png><video src="http://a.example/v.mp4"></video><script>fetch("http://api.example/data")</script>`;
    expect(findMixedContent(html)).toEqual([
      { element: 'script', url: 'http://a.example/x.js', blockable: true },
      { element: 'link', url: 'http://a.example/s.css', blockable: true },
      { element: 'iframe', url: 'http://a.example/f', blockable: true },
      { element: 'img', url: 'http://a.example/i.png', blockable: false },
      { element: 'video', url: 'http://a.example/v.mp4', blockable: false },
      { element: 'fetch', url: 'http://api.example/data', blockable: true },
    ]);
    const severities = mixedContentFindings('https://www.example.com/', html, ['homepage']).map((f) => f.severity);
    expect(severities).toEqual(['high', 'high', 'high', 'low', 'low', 'high']);
  });
});

describe('caching of private routes', () => {
  test.each([
    [{ 'cache-control': 'private, no-store' }, false, false],
    [{ 'cache-control': 'no-cache' }, false, false],
    [{}, false, false],
    [{ 'cache-control': 'public, max-age=600' }, true, false],
    [{ 'cache-control': 's-maxage=60' }, true, false],
    [{ 'cache-control': 'max-age=60' }, true, false],
    [{ 'cf-cache-status': 'HIT' }, false, true],
    [{ age: '12' }, false, true],
    [{ 'x-cache': 'Hit from cloudfront' }, false, true],
  ])('%j → cacheable %s, from cache %s', (headers, cacheable, fromCache) => {
    expect(cacheVerdict(headers)).toMatchObject({ cacheable, fromCache });
  });
  test('ng: a cacheable webhook is a blocker; ok: no-store', () => {
    expect(privateRouteFindings('https://api.example.com/webhooks/stripe', { 'cache-control': 'public, max-age=60' }, ['deploy'])).toMatchObject([
      { ruleId: 'private-route-cached', severity: 'blocker' },
    ]);
    expect(privateRouteFindings('https://api.example.com/webhooks/stripe', { 'cache-control': 'no-store' }, ['deploy'])).toEqual([]);
  });
  test('route kinds', () => {
    expect(privateRouteKind('https://admin.example.com/')).toBe('admin');
    expect(privateRouteKind('https://app.example.com/login')).toBe('login');
    expect(privateRouteKind('https://api.example.com/hooks/github')).toBe('webhook');
    expect(privateRouteKind('https://api.example.com/v1/me')).toBe('other');
  });
  test('ng: Set-Cookie with public caching → high, naming the cookie but not its value', () => {
    const [finding] = cookieCachingFindings(
      'https://www.example.com/',
      { 'cache-control': 'public, max-age=300', 'set-cookie': ['session=abc123secretvalue; Path=/'] },
      ['homepage'],
    );
    expect(finding).toMatchObject({ ruleId: 'public-cache-set-cookie', severity: 'high' });
    expect(JSON.stringify(finding)).not.toMatch(/abc123secretvalue/);
  });
  test('ok: Set-Cookie on a private answer', () => {
    expect(cookieCachingFindings('https://www.example.com/', { 'cache-control': 'private, max-age=0', 'set-cookie': ['session=x'] }, ['homepage'])).toEqual([]);
  });
});

describe('critical paths of pages', () => {
  test.each([
    ['https://www.example.com/signup', 'signup'],
    ['https://www.example.com/book-a-call', 'signup'],
    ['https://app.example.com/register', 'signup'],
    ['https://app.example.com/login', 'login'],
    ['https://www.example.com/pricing', 'homepage'],
  ])('%s → %s', (url, path) => expect(pathsOfUrl(url)).toEqual([path]));
});
