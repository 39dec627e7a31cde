import { describe, expect, test } from '@jest/globals';
import { domainMapRow } from '../../../src/stages/trust/domain-map.js';

const now = new Date('2026-06-01T00:00:00Z');

describe('domain map rows (metrics.domainMap) are plain JSON objects', () => {
  test('a host that resolves, serves TLS and redirects', () => {
    const row = domainMapRow({
      host: 'example.com',
      dns: 'found',
      records: [
        { type: 'A', value: '192.0.2.1', ttl: 300 },
        { type: 'CAA', value: '0 issue "letsencrypt.org"' },
      ],
      proxied: false,
      tls: { host: 'example.com', connected: true, issuer: "R11 / Let's Encrypt", notAfter: '2026-07-01T00:00:00.000Z' },
      hsts: 'max-age 31536000 s, includeSubDomains, not preloaded',
      http: {
        start: 'http://example.com/',
        hops: [
          { url: 'http://example.com/', status: 301, location: 'https://www.example.com/' },
          { url: 'https://www.example.com/', status: 200 },
        ],
        end: 'answered',
        finalUrl: 'https://www.example.com/',
        final: { url: 'https://www.example.com/', status: 200, headers: {} },
      },
      https: {
        start: 'https://example.com/',
        hops: [
          { url: 'https://example.com/', status: 301, location: '/signup' },
          { url: 'https://example.com/signup', status: 302, location: '/' },
        ],
        end: 'loop',
        finalUrl: 'https://example.com/',
      },
      now,
    });
    expect(row).toEqual({
      host: 'example.com',
      dns: 'found',
      records: [
        { type: 'A', value: '192.0.2.1', ttl: 300 },
        { type: 'CAA', value: '0 issue "letsencrypt.org"', ttl: null },
      ],
      proxied: false,
      certificate: { issuer: "R11 / Let's Encrypt", notAfter: '2026-07-01T00:00:00.000Z', daysLeft: 30 },
      hsts: 'max-age 31536000 s, includeSubDomains, not preloaded',
      http: { finalUrl: 'https://www.example.com/', hops: 1, status: 200 },
      https: { finalUrl: 'https://example.com/', hops: 2, status: 'loop' },
    });
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
  });
  test('a host that does not resolve has nulls, not missing keys', () => {
    expect(domainMapRow({ host: 'gone.example.com', dns: 'missing (NXDOMAIN)', records: [], proxied: false, now })).toEqual({
      host: 'gone.example.com',
      dns: 'missing (NXDOMAIN)',
      records: [],
      proxied: false,
      certificate: null,
      hsts: null,
      http: null,
      https: null,
    });
  });
});
