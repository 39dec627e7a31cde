import { describe, expect, test } from '@jest/globals';
import { readNetworkOptions } from '../../../src/core/config/network.js';
import { normaliseHostname, splitHostPort, trustNotConfigured, validateTrustConfig } from '../../../src/stages/trust/config.js';
import { trustOptions } from '../../fixtures/trust/options.js';
import { applyConnectTo, parseConnectRule } from '../../../src/core/network.js';
import { isCloudflareAddress, CLOUDFLARE_RANGES_DATE } from '../../../src/stages/trust/cloudflare.js';

describe('hostnames are normalised', () => {
  test.each([
    ['WWW.Example.COM.', 'www.example.com'],
    ['example.com', 'example.com'],
    [' App.Example.com.. ', 'app.example.com'],
  ])('%s → %s', (input, expected) => expect(normaliseHostname(input)).toBe(expected));

  test('hostnames default to the domain and www, deduplicated after normalising', () => {
    expect(trustOptions({ domain: 'Example.com.' }).hostnames).toEqual(['example.com', 'www.example.com']);
    expect(trustOptions({ hostnames: ['A.example.com', 'a.example.com.'] }).hostnames).toEqual(['a.example.com']);
  });
});

describe('validateConfig names the key of a bad value', () => {
  test('ok: http(s) URLs', () => {
    expect(
      validateTrustConfig({
        canonical: 'https://www.example.com/',
        pages: ['http://example.com/', 'https://www.example.com/pricing'],
        privateRoutes: ['https://admin.example.com/'],
        resolvers: ['1.1.1.1', '127.0.0.1:5353', '[::1]:53'],
      }),
    ).toEqual([]);
  });
  test('ng: invalid page URL → pages[1]', () => {
    const problems = validateTrustConfig({ pages: ['https://example.com/', 'example.com/pricing'] });
    expect(problems).toEqual([{ path: ['pages', 1], message: expect.stringMatching(/^"example\.com\/pricing" is not a valid URL; write a full URL/) }]);
  });
  test('ng: canonical over http, javascript: private route', () => {
    expect(validateTrustConfig({ canonical: 'http://example.com/' })[0]?.path).toEqual(['canonical']);
    expect(validateTrustConfig({ privateRoutes: ['javascript:alert(1)'] })[0]).toMatchObject({
      path: ['privateRoutes', 0],
      message: expect.stringMatching(/not an http\(s\) URL/),
    });
  });
  test('ng: resolver port out of range (trust.resolvers is read by the core as an alias of network.resolvers)', () => {
    expect(readNetworkOptions({ trust: { resolvers: ['127.0.0.1:0'] } }, process.cwd()).problems[0]).toMatchObject({
      path: expect.arrayContaining(['resolvers', 0]),
      message: expect.stringMatching(/out of range/),
    });
  });
});

describe('not configured', () => {
  test('skipped without domain, hostnames or mail domains', () => {
    expect(trustNotConfigured({ hostnames: [], pages: [] })).toMatch(/no trust\.domain/);
  });
  test('runs with any of them', () => {
    expect(trustNotConfigured({ domain: 'example.com' })).toBeUndefined();
    expect(trustNotConfigured({ hostnames: ['a.example.com'] })).toBeUndefined();
    expect(trustNotConfigured({ email: { domains: [{ name: 'example.com' }] } })).toBeUndefined();
  });
});

describe('resolver and connect-to syntax', () => {
  test.each([
    ['1.1.1.1', { host: '1.1.1.1', port: 53 }],
    ['127.0.0.1:5353', { host: '127.0.0.1', port: 5353 }],
    ['[::1]:5353', { host: '::1', port: 5353 }],
    ['::1', { host: '::1', port: 53 }],
  ])('%s', (input, expected) => expect(splitHostPort(input, 53)).toEqual(expected));

  test('curl --connect-to rules: empty HOST1/PORT1 match any; first match wins', () => {
    const rules = ['a.example.com:443:127.0.0.1:8443', ':443:127.0.0.1:9443', '::[::1]:'].map((r) => parseConnectRule(r)!);
    expect(applyConnectTo(rules, 'a.example.com', 443)).toEqual({ host: '127.0.0.1', port: 8443, rewritten: true });
    expect(applyConnectTo(rules, 'b.example.com', 443)).toEqual({ host: '127.0.0.1', port: 9443, rewritten: true, everyHost: true });
    expect(applyConnectTo(rules, 'b.example.com', 80)).toEqual({ host: '::1', port: 80, rewritten: true, everyHost: true });
    expect(applyConnectTo([], 'b.example.com', 80)).toEqual({ host: 'b.example.com', port: 80, rewritten: false });
    expect(parseConnectRule('nonsense')).toBeUndefined();
  });
});

describe('Cloudflare ranges (shipped data file)', () => {
  test('proxied addresses are in the published ranges; others are not', () => {
    expect(isCloudflareAddress('104.16.0.10')).toBe(true);
    expect(isCloudflareAddress('2606:4700::6810:1')).toBe(true);
    expect(isCloudflareAddress('127.0.0.1')).toBe(false);
    expect(isCloudflareAddress('93.184.216.34')).toBe(false);
    expect(CLOUDFLARE_RANGES_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
