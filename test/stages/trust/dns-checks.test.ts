import { describe, expect, test } from '@jest/globals';
import { hostDnsFindings, resolutionOf, rootAndWwwFindings, type HostDns } from '../../../src/stages/trust/dns-checks.js';
import { verdictOfError, type DnsVerdict } from '../../../src/stages/trust/dns.js';

const found = (value: string, ttl = 300): DnsVerdict => ({ status: 'found', records: [{ type: 'A', value, ttl }] });
const nx: DnsVerdict = { status: 'missing', reason: 'NXDOMAIN' };
const nodata: DnsVerdict = { status: 'missing', reason: 'NODATA' };
const caa: DnsVerdict = { status: 'found', records: [{ type: 'CAA', value: '0 issue "letsencrypt.org"' }] };
const host = (patch: Partial<HostDns>): HostDns => ({ host: 'www.example.com', a: found('192.0.2.1'), aaaa: nodata, cname: nodata, caa, ...patch });
const rules = (dns: HostDns) => hostDnsFindings(dns, ['homepage']).map((f) => `${f.ruleId}:${f.severity}`);

describe('resolver errors keep NXDOMAIN, NODATA, SERVFAIL and timeout apart', () => {
  test.each([
    ['ENOTFOUND', { status: 'missing', reason: 'NXDOMAIN' }],
    ['ENODATA', { status: 'missing', reason: 'NODATA' }],
    ['ESERVFAIL', { status: 'unknown', reason: 'SERVFAIL' }],
    ['ETIMEOUT', { status: 'unknown', reason: 'timeout' }],
    ['EREFUSED', { status: 'unknown', reason: 'REFUSED' }],
    ['ECONNREFUSED', { status: 'unknown', reason: 'resolver unreachable (connection refused)' }],
  ])('%s', (code, verdict) => expect(verdictOfError(Object.assign(new Error(code), { code }))).toEqual(verdict));
});

describe('hostname resolution', () => {
  test('ok: an address and CAA → nothing', () => expect(rules(host({}))).toEqual([]));
  test('ng: NXDOMAIN on A and AAAA → missing blocker', () => expect(rules(host({ a: nx, aaaa: nx }))).toEqual(['dns-missing:blocker']));
  test('ng: a CNAME whose target does not exist → dangling (takeover risk) blocker', () => {
    const cname: DnsVerdict = { status: 'found', records: [{ type: 'CNAME', value: 'old-app.herokudns.example' }] };
    const findings = hostDnsFindings(host({ a: nx, aaaa: nx, cname }), ['homepage']);
    expect(findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['dns-dangling-cname:blocker']);
    expect(findings[0]!.title).toMatch(/CNAME to old-app\.herokudns\.example/);
  });
  test('ng: SERVFAIL on A → unknown, never missing', () => {
    const findings = hostDnsFindings(host({ a: { status: 'unknown', reason: 'SERVFAIL' }, aaaa: nodata }), ['homepage']);
    expect(findings.map((f) => f.ruleId)).toEqual(['dns-unknown']);
    expect(findings[0]!.title).toMatch(/answered SERVFAIL/);
  });
  test('a timeout on AAAA does not hide an A record', () => {
    expect(resolutionOf(host({ aaaa: { status: 'unknown', reason: 'timeout' } }))).toEqual({ status: 'found', addresses: ['192.0.2.1'] });
  });
  test('ng: TTL above 3600 → low with the advice to lower it', () => {
    const findings = hostDnsFindings(host({ a: found('192.0.2.1', 86400) }), ['homepage']);
    expect(findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['dns-ttl-long:low']);
    expect(findings[0]!.fix).toMatch(/lower the TTL/);
  });
  test('ok: TTL of exactly 3600', () => expect(rules(host({ a: found('192.0.2.1', 3600) }))).toEqual([]));
  test('ng: no CAA → info', () => expect(rules(host({ caa: nodata }))).toEqual(['dns-caa-missing:info']));
});

describe('root and www both resolve', () => {
  test('ok: both found', () =>
    expect(rootAndWwwFindings('example.com', { status: 'found', addresses: ['192.0.2.1'] }, { status: 'found', addresses: ['192.0.2.1'] })).toEqual([]));
  test('ng: www missing → blocker on www', () => {
    const findings = rootAndWwwFindings('example.com', { status: 'found', addresses: [] }, { status: 'missing', reason: 'NXDOMAIN' });
    expect(findings).toMatchObject([{ ruleId: 'dns-root-www', severity: 'blocker', location: { host: 'www.example.com' } }]);
  });
  test('unknown www is not reported as missing', () => {
    expect(rootAndWwwFindings('example.com', { status: 'found', addresses: [] }, { status: 'unknown', reason: 'timeout' })).toEqual([]);
  });
});
