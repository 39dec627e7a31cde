import { describe, expect, test } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { dkimKeyOf } from '../../../src/stages/trust/email.js';
import { emailFindings, spfSyntaxProblems, type EmailFacts } from '../../../src/stages/trust/email-checks.js';
import type { DnsVerdict } from '../../../src/stages/trust/dns.js';
import { parseDmarc } from '../../../src/stages/trust/dmarc.js';
import type { DmarcFacts } from '../../../src/stages/trust/email-facts.js';
import type { SpfWalk } from '../../../src/stages/trust/spf-walk.js';

const dmarcAt = (record: string, orgRecord = false): DmarcFacts => ({
  status: 'found',
  record,
  at: '_dmarc.example.com',
  orgRecord,
  parsed: parseDmarc(record),
});

const txt = (...values: string[]): DnsVerdict => ({ status: 'found', records: values.map((value) => ({ type: 'TXT', value })) });
const nx: DnsVerdict = { status: 'missing', reason: 'NXDOMAIN' };
const servfail: DnsVerdict = { status: 'unknown', reason: 'SERVFAIL' };

/** A domain with everything right: the `ok` fixture every `ng` case changes one thing of. */
const healthy = (): EmailFacts => ({
  domain: 'example.com',
  orgDomain: 'example.com',
  subdomain: false,
  mx: { status: 'found', records: [{ type: 'MX', value: '10 mx.example.com' }] },
  proxiedMx: [],
  mxCnames: [],
  txt: txt('v=spf1 include:_spf.google.com -all', 'google-site-verification=abc'),
  spf: { result: 'fail', lookups: 4, voidLookups: 0 },
  domainkeyNxdomain: false,
  dkim: [{ selector: 'google', declared: true, verdict: txt('v=DKIM1; k=rsa; p=...'), keyType: 'rsa', keyBits: 2048 }],
  dmarc: dmarcAt('v=DMARC1; p=reject; rua=mailto:d@example.com'),
  mtaSts: nx,
  tlsRpt: nx,
});
const rules = (patch: Partial<EmailFacts>) =>
  emailFindings({ ...healthy(), ...patch })
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.ruleId}:${f.severity}`);

describe('email authentication of a sending domain', () => {
  test('ok: MX, one SPF ending -all, DKIM 2048, DMARC reject with rua → nothing above info', () => {
    expect(rules({})).toEqual([]);
    expect(emailFindings(healthy()).every((f) => f.location?.host === 'example.com' && f.paths?.includes('email'))).toBe(true);
  });
  test('ng: no MX → high', () => expect(rules({ mx: nx })).toEqual(['mx-missing:high']));
  test('ng: MX target proxied by Cloudflare → blocker', () => expect(rules({ proxiedMx: ['mx.example.com'] })).toEqual(['mx-proxied:blocker']));
  test('ng: no SPF → blocker', () => expect(rules({ txt: txt('google-site-verification=abc'), spf: undefined })).toEqual(['spf-missing:blocker']));
  test('ng: a sending subdomain without its own SPF → blocker saying the parent does not apply', () => {
    const [finding] = emailFindings({ ...healthy(), domain: 'mail.example.com', orgDomain: 'example.com', subdomain: true, txt: nx, spf: undefined }).filter(
      (f) => f.ruleId.startsWith('spf'),
    );
    expect(finding).toMatchObject({ ruleId: 'spf-missing-subdomain', severity: 'blocker' });
    expect(finding!.title).toMatch(/parent domain's does not apply/);
  });
  test('ng: two SPF records → blocker', () => expect(rules({ txt: txt('v=spf1 -all', 'v=spf1 include:x.example -all') })).toEqual(['spf-multiple:blocker']));
  test('ng: +all → blocker; ?all → medium; no all → medium', () => {
    expect(rules({ txt: txt('v=spf1 include:_spf.google.com +all') })).toEqual(['spf-all-permissive:blocker']);
    expect(rules({ txt: txt('v=spf1 include:_spf.google.com ?all') })).toEqual(['spf-all-permissive:medium']);
    expect(rules({ txt: txt('v=spf1 include:_spf.google.com') })).toEqual(['spf-no-all:medium']);
  });
  test('ok: ~all and redirect= are accepted endings', () => {
    expect(rules({ txt: txt('v=spf1 include:_spf.google.com ~all') })).toEqual([]);
    expect(rules({ txt: txt('v=spf1 redirect=_spf.example.com') })).toEqual([]);
  });
  const walk = (patch: Partial<SpfWalk>): SpfWalk => ({
    domain: 'example.com',
    record: 'v=spf1 include:_spf.google.com -all',
    parts: ['v=spf1 include:_spf.google.com -all'],
    lookups: 4,
    voidLookups: 0,
    truncated: false,
    problems: [],
    permissive: [],
    ptr: [],
    seams: [],
    ...patch,
  });
  test('ng: over 10 lookups or 2 void lookups in the whole tree → blocker, naming the counts', () => {
    expect(rules({ spfWalk: walk({ lookups: 11 }) })).toEqual(['spf-too-many-lookups:blocker']);
    expect(rules({ spfWalk: walk({ voidLookups: 3 }) })).toEqual(['spf-too-many-void-lookups:blocker']);
    expect(emailFindings({ ...healthy(), spfWalk: walk({ lookups: 11 }) }).find((f) => f.ruleId === 'spf-too-many-lookups')?.evidence).toMatch(
      /^lookups: 11\/10, void: 0\/2/,
    );
  });
  test("ok: mailauth's permerror is a second opinion only when the walk found nothing", () => {
    expect(rules({ spfWalk: walk({}), spf: { result: 'permerror', comment: 'x: something else' } })).toEqual(['spf-permerror:blocker']);
    expect(rules({ spfWalk: walk({ lookups: 11 }), spf: { result: 'permerror', comment: 'Too many DNS requests' } })).toEqual(['spf-too-many-lookups:blocker']);
  });
  test('ng: syntax errors → one blocker', () => {
    expect(rules({ txt: txt('v=spf1 ip4:1.2.3.4 ip6 -all'), spf: { result: 'permerror', comment: 'syntax: ip6' } })).toEqual(['spf-syntax:blocker']);
  });
  test('SERVFAIL on TXT → unknown, not missing', () => {
    expect(rules({ txt: servfail, spf: undefined })).toEqual(['email-dns-unknown:high']);
  });
  test('ng: declared DKIM selector missing → high; _domainkey NXDOMAIN is explained', () => {
    const [finding] = emailFindings({ ...healthy(), domainkeyNxdomain: true, dkim: [{ selector: 's1', declared: true, verdict: nx }] }).filter(
      (f) => f.severity !== 'info',
    );
    expect(finding).toMatchObject({ ruleId: 'dkim-selector-missing', severity: 'high' });
    expect(finding!.title).toMatch(/_domainkey\.example\.com does not exist, so no selector can/);
  });
  test('ng: DKIM 1024 → low, 512 → high, revoked → high', () => {
    expect(rules({ dkim: [{ selector: 'k1', declared: true, verdict: txt('p=..'), keyType: 'rsa', keyBits: 1024 }] })).toEqual(['dkim-key-short:low']);
    expect(rules({ dkim: [{ selector: 'k1', declared: true, verdict: txt('p=..'), keyType: 'rsa', keyBits: 512 }] })).toEqual(['dkim-key-weak:high']);
    expect(rules({ dkim: [{ selector: 'k1', declared: true, verdict: txt('p='), keyType: 'rsa', keyProblem: 'revoked' }] })).toEqual(['dkim-key-invalid:high']);
  });
  test('ng: no declared selector and none of the common ones → medium', () => {
    expect(rules({ dkim: [{ selector: 'google', declared: false, verdict: nx }] })).toEqual(['dkim-none-found:medium']);
  });
  test('ng: DMARC missing → blocker; p=none → medium; no rua → low', () => {
    expect(rules({ dmarc: { status: 'missing' } })).toEqual(['dmarc-missing:blocker']);
    expect(rules({ dmarc: dmarcAt('v=DMARC1; p=none; rua=mailto:d@example.com') })).toEqual(['dmarc-p-none:medium']);
    expect(rules({ dmarc: dmarcAt('v=DMARC1; p=quarantine', true) })).toEqual(['dmarc-no-rua:low']);
  });
  test('MTA-STS and TLS-RPT are info', () => {
    const info = emailFindings({ ...healthy(), mtaSts: txt('v=STSv1; id=1'), tlsRpt: txt('v=TLSRPTv1; rua=mailto:t@example.com') }).find(
      (f) => f.ruleId === 'mta-sts',
    );
    expect(info).toMatchObject({ severity: 'info', title: 'example.com: MTA-STS published, TLS-RPT published' });
  });
});

describe('SPF record syntax', () => {
  test.each([
    ['v=spf1 include:_spf.google.com ip4:192.0.2.0/24 ip6:2001:db8::/32 mx a:mail.example.com ~all', []],
    ['v=spf1 ip6 -all', ['ip6']],
    ['v=spf1 -all exp=a.example.com exp=b.example.com', ['exp=b.example.com']],
    ['v=spf1 exp=-all', ['exp=-all']],
    ['v=spf1 -all exp=%{r}.example.com', ['exp=%{r}.example.com']],
    ['v=spf1 -all:foobar', ['-all:foobar']],
  ])('%s', (record, bad) => expect(spfSyntaxProblems(record).bad).toEqual(bad));
});

describe('DKIM key parsing', () => {
  const key = (bits: number) => generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  test('RSA size is read from the key', () => {
    expect(dkimKeyOf(`v=DKIM1; k=rsa; p=${key(1024)}`)).toEqual({ keyType: 'rsa', keyBits: 1024 });
  });
  test('empty p= is revoked; garbage does not parse', () => {
    expect(dkimKeyOf('v=DKIM1; p=')).toMatchObject({ keyProblem: 'revoked' });
    expect(dkimKeyOf('v=DKIM1; p=bm90IGEga2V5')).toHaveProperty('keyProblem');
  });
});
