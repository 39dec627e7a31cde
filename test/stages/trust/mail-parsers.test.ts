import { describe, expect, test } from '@jest/globals';
import { looksLikeDmarc, parseDmarc } from '../../../src/stages/trust/dmarc.js';
import type { DnsVerdict } from '../../../src/stages/trust/dns.js';
import { dnsNameProblem, expandMacros, parseSpf, seamsWithoutSpace } from '../../../src/stages/trust/spf-record.js';
import { walkSpf } from '../../../src/stages/trust/spf-walk.js';

describe('DMARC as RFC 7489 parses it', () => {
  test.each([
    ['v=DMARC1; p=reject; rua=mailto:d@example.com', { valid: true, policy: 'reject', rua: ['mailto:d@example.com'], errors: [] }],
    ['v=DMARC1;p=quarantine;sp=none;pct=25', { valid: true, policy: 'quarantine', subdomainPolicy: 'none', pct: 25 }],
    ['v=DMARC1; p=rejct; rua=mailto:d@example.com', { valid: true, policy: 'none', corrected: 'v=DMARC1; p=reject; rua=mailto:d@example.com' }],
    ['v=DMARC1; p=rejct', { valid: false }],
    ['v=DMARC1, p=reject, rua=mailto:d@example.com', { valid: false, corrected: 'v=DMARC1; p=reject; rua=mailto:d@example.com' }],
    [
      'v=DMARC1; p=reject; rua=ops@example.com',
      { valid: true, rua: [], ruaInvalid: ['ops@example.com'], corrected: 'v=DMARC1; p=reject; rua=mailto:ops@example.com' },
    ],
    ['p=reject; v=DMARC1', { valid: false }],
    ['v=DMARC1; p=none; pct=150; sp=strict', { valid: true, pct: 100, errors: [expect.stringMatching(/^sp=strict/), expect.stringMatching(/^pct=150/)] }],
  ])('%s', (record, expected) => expect(parseDmarc(record)).toMatchObject(expected));
  test('only records starting with v=DMARC1 are candidates', () => {
    expect(looksLikeDmarc('v=DMARC1, p=reject')).toBe(true);
    expect(looksLikeDmarc('google-site-verification=x')).toBe(false);
  });
});

describe('SPF record text', () => {
  test('terms parse with qualifiers, CIDRs and macros; bad ones say why', () => {
    const { terms, bad } = parseSpf(
      'v=spf1 -ip4:192.0.2.0/24 a:mail.example.com/28//64 ~mx exists:%{ir}.%{v}._spf.example.com ?include:_spf.example.com redirect=_spf.example.net ip6:2001:db8::/129 a:nodot',
    );
    expect(terms.map((t) => (t.kind === 'mechanism' ? `${t.qualifier}${t.name}` : t.name))).toEqual(['-ip4', '+a', '~mx', '+exists', '?include', 'redirect']);
    expect(bad).toEqual([
      { term: 'ip6:2001:db8::/129', why: 'an IPv6 prefix length outside 0-128' },
      { term: 'a:nodot', why: 'a:nodot has a name without a dot' },
    ]);
  });
  test('macros expand as a receiver on IPv4 sees postmaster@<domain>', () => {
    const context = { sender: 'postmaster@example.com', domain: 'example.com', ip: '192.0.2.1', helo: 'example.com' };
    expect(expandMacros('%{ir}.%{v}._spf.%{d}', context)).toBe('1.2.0.192.in-addr._spf.example.com');
    // RFC 7208 7.4's own example: %{l1r-} of strong-bad@email.example.com is "strong".
    expect(expandMacros('%{l1r-}.%{o}', { ...context, sender: 'strong-bad@email.example.com' })).toBe('strong.email.example.com');
  });
  test('names a resolver refuses', () => {
    expect(dnsNameProblem('sendgrid.netinclude:servers.mcsv.net')).toBe('the character ":"');
    expect(dnsNameProblem('a..b.com')).toBe('an empty label');
    expect(dnsNameProblem('_spf.google.com')).toBeUndefined();
  });
  test('a seam is two complete terms joined without a space; a key split mid-term is not one', () => {
    expect(seamsWithoutSpace(['v=spf1 include:a.example.com', 'include:b.example.com ~all'])).toEqual([
      { index: 0, left: 'include:a.example.com', right: 'include:b.example.com' },
    ]);
    expect(seamsWithoutSpace(['v=spf1 include:a.exam', 'ple.com ~all'])).toEqual([]);
    expect(seamsWithoutSpace(['v=spf1 include:a.example.com ', 'include:b.example.com ~all'])).toEqual([]);
  });
});

describe('the static walk', () => {
  const zone: Record<string, string> = {
    'example.com': 'v=spf1 include:a.example.com include:loop.example.com redirect=ignored.example.com -all',
    'a.example.com': 'v=spf1 ip4:198.51.100.0/24 +all',
    'loop.example.com': 'v=spf1 include:example.com ~all',
  };
  const lookup = async (name: string, type: string): Promise<DnsVerdict> =>
    type === 'TXT' && zone[name] ? { status: 'found', records: [{ type, value: zone[name]! }] } : { status: 'missing', reason: 'NXDOMAIN' };
  test('finds +all in an include, include loops, and ignores redirect= when the record has all', async () => {
    const walk = await walkSpf('example.com', zone['example.com']!, [zone['example.com']!], lookup);
    expect(walk.permissive).toEqual([{ chain: ['a.example.com'], domain: 'a.example.com', record: zone['a.example.com'], term: '+all' }]);
    expect(walk.problems).toMatchObject([{ kind: 'loop', domain: 'loop.example.com' }]);
    expect(walk.lookups).toBe(3);
  });
  test('an unknown DNS answer stops nothing from being called missing: it is recorded as unknown', async () => {
    const walk = await walkSpf('example.com', 'v=spf1 include:x.example.com -all', ['v=spf1 include:x.example.com -all'], async () => ({
      status: 'unknown',
      reason: 'NOTAUTH',
    }));
    expect(walk).toMatchObject({ unknown: { name: 'TXT x.example.com', reason: 'NOTAUTH' }, problems: [], voidLookups: 0 });
  });
  test('a hostile tree stops at the walk limit', async () => {
    const many = `v=spf1 ${Array.from({ length: 500 }, (_, i) => `a:h${i}.example.com`).join(' ')} -all`;
    const walk = await walkSpf('example.com', many, [many], lookup);
    expect(walk).toMatchObject({ truncated: true });
    expect(walk.lookups).toBeLessThanOrEqual(42);
  });
});
