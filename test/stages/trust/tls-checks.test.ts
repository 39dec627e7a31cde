import { describe, expect, test } from '@jest/globals';
import { expirySeverity, hstsFindings, hstsNote, tlsFindings } from '../../../src/stages/trust/tls-checks.js';
import type { TlsProbe } from '../../../src/stages/trust/tls.js';

const now = new Date('2026-06-01T00:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000 + 3_600_000).toISOString();
const probe = (patch: Partial<TlsProbe>): TlsProbe => ({
  host: 'app.example.com',
  connected: true,
  issuer: "R11 / Let's Encrypt",
  notAfter: inDays(80),
  san: 'DNS:app.example.com',
  chainLength: 2,
  ...patch,
});
const rules = (p: TlsProbe) => tlsFindings(p, ['login'], now).map((f) => `${f.ruleId}:${f.severity}`);

describe('certificate expiry thresholds', () => {
  test.each([
    [3, 'blocker'],
    [6, 'blocker'],
    [7, 'high'],
    [20, 'high'],
    [21, 'medium'],
    [29, 'medium'],
    [30, undefined],
  ])('%i days left → %s', (days, severity) => expect(expirySeverity(days)).toBe(severity));
  test('ok: 80 days left', () => expect(rules(probe({}))).toEqual([]));
  test('ng: 10 days left → high, with issuer and date as evidence', () => {
    const [finding] = tlsFindings(probe({ notAfter: inDays(10) }), ['login'], now);
    expect(finding).toMatchObject({ ruleId: 'tls-expiring', severity: 'high', location: { host: 'app.example.com' } });
    expect(finding!.evidence).toMatch(/issuer: R11/);
  });
  test('ng: expired → blocker', () => expect(rules(probe({ notAfter: inDays(-3), chainError: 'CERT_HAS_EXPIRED' }))).toEqual(['tls-expired:blocker']));
});

describe('chain and name', () => {
  test('ng: leaf without intermediate → incomplete chain (high)', () =>
    expect(rules(probe({ chainError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }))).toEqual(['tls-incomplete-chain:high']));
  test('ng: self-signed → untrusted blocker', () => expect(rules(probe({ chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }))).toEqual(['tls-untrusted:blocker']));
  test('ng: SAN does not cover the name → blocker', () =>
    expect(rules(probe({ nameError: "Host: app.example.com. is not in the cert's altnames: DNS:other.example.com" }))).toEqual(['tls-name-mismatch:blocker']));
  test('ng: no handshake (reset) → blocker naming the reason', () => {
    const [finding] = tlsFindings({ host: 'app.example.com', connected: false, error: 'connection reset by the server (ECONNRESET)' }, ['login'], now);
    expect(finding).toMatchObject({ ruleId: 'tls-no-answer', severity: 'blocker' });
    expect(finding!.title).toMatch(/reset/);
  });
});

describe('HSTS', () => {
  const rulesOf = (value?: string) =>
    hstsFindings('www.example.com', value ? { 'strict-transport-security': value } : {}, ['homepage']).map((f) => `${f.ruleId}:${f.severity}`);
  test('ok: one year with includeSubDomains and preload → nothing; the policy is noted for the domain map', () => {
    const headers = { 'strict-transport-security': 'max-age=63072000; includeSubDomains; preload' };
    expect(hstsFindings('www.example.com', headers, ['homepage'])).toEqual([]);
    expect(hstsNote(headers)).toBe('max-age 63072000 s, includeSubDomains, preload');
    expect(hstsNote({})).toBeNull();
  });
  test('ng: missing → medium', () => expect(rulesOf()).toEqual(['hsts-missing:medium']));
  test('ng: a day → medium', () => expect(rulesOf('max-age=86400')).toEqual(['hsts-short:medium']));
});
