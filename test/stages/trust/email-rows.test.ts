import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createDnsClient, type DnsClient } from '../../../src/stages/trust/dns.js';
import { gatherEmailFacts } from '../../../src/stages/trust/email.js';
import { emailFindings } from '../../../src/stages/trust/email-checks.js';
import { knotAvailable, startKnot, type KnotServer } from '../../helpers/knot.js';
import { mailSetups, rowTwins, type MailSetup } from '../../fixtures/trust/mail/setups.js';
import { scoreSetups, setupZones, summary, type SetupScore } from '../../fixtures/trust/mail/score.js';

const describeKnot = knotAvailable() || process.env.CI ? describe : describe.skip;

describeKnot('issue 16: e-mail authentication judged the way receivers judge it (Knot on loopback)', () => {
  let knot: KnotServer;
  let dns: DnsClient;
  let scores: SetupScore[];
  const setups: MailSetup[] = [...mailSetups(), ...rowTwins()];
  const check = async (domain: string, selectors: string[], client: DnsClient) => emailFindings(await gatherEmailFacts(domain, selectors, true, client));
  beforeAll(async () => {
    knot = await startKnot(setupZones(setups));
    dns = await createDnsClient({ servers: [knot.address], timeoutMs: 1000, tries: 2 });
    scores = await scoreSetups(setups, check, dns);
    if (process.env.TRUST_DEBUG) console.log([summary(scores).line, ...summary(scores).rows].join('\n'));
  }, 120_000);
  afterAll(async () => knot?.stop());
  const scoreOf = (domain: string) => scores.find((s) => s.setup.domain === domain)!;
  const findingsOf = async (domain: string) => emailFindings(await gatherEmailFacts(domain, setups.find((s) => s.domain === domain)!.selectors, true, dns));

  const rows = [...new Set(setups.filter((s) => s.row !== undefined).map((s) => s.row!))];
  test.each(rows)('row %i: the failing zone reports its fault, the passing zone does not', (row) => {
    const failing = mailSetups().filter((s) => s.row === row);
    const passing = rowTwins().filter((s) => s.row === row);
    expect(failing.length).toBeGreaterThan(0);
    expect(passing.length).toBeGreaterThan(0);
    for (const s of [...failing, ...passing])
      expect({ domain: s.domain, reported: scoreOf(s.domain).reported }).toEqual({ domain: s.domain, reported: [...s.faults].sort() });
  });

  test('row 1: the seam finding shows the strings as received and the fixed record with its space', async () => {
    const seam = (await findingsOf('seam-co.example')).find((f) => f.ruleId === 'spf-split-seam')!;
    expect(seam.severity).toBe('blocker');
    expect(seam.evidence).toBe('"v=spf1 include:_spf.google.com include:sendgrid.net" "include:servers.mcsv.net ~all"');
    expect(seam.fix).toContain('v=spf1 include:_spf.google.com include:sendgrid.net include:servers.mcsv.net ~all');
  });
  test('row 2: the +all finding names the include and gives the record without it', async () => {
    const leak = (await findingsOf('leaky-include.example')).find((f) => f.ruleId === 'spf-include-pass-all')!;
    expect(leak.title).toContain('relay.leaky-include.example');
    expect(leak.fix).toContain('v=spf1 include:_spf.google.com ~all');
  });
  test("row 3: the count is the whole tree's (12: 1 + Google 4 + Microsoft 2 + Mailgun 5), whatever the probe address matched", async () => {
    const facts = await gatherEmailFacts('probe-path.example', ['google'], true, dns);
    // mailauth stops at the first include, which authorises the probe address: it never sees the rest.
    expect(facts.spf?.result).toBe('pass');
    expect(facts.spfWalk?.lookups).toBe(12);
  });
  test('rows 4-6: the DMARC fix is the record in valid syntax', async () => {
    expect((await findingsOf('typo-policy.example')).find((f) => f.ruleId === 'dmarc-p-invalid')!.fix).toContain(
      'v=DMARC1; p=reject; rua=mailto:dmarc@typo-policy.example',
    );
    const comma = (await findingsOf('comma-dmarc.example')).find((f) => f.ruleId === 'dmarc-invalid')!;
    expect(comma).toMatchObject({ severity: 'blocker', evidence: '_dmarc.comma-dmarc.example: v=DMARC1, p=reject, rua=mailto:dmarc@comma-dmarc.example' });
    expect(comma.fix).toContain('v=DMARC1; p=reject; rua=mailto:dmarc@comma-dmarc.example');
    expect((await findingsOf('bare-rua.example')).find((f) => f.ruleId === 'dmarc-rua-invalid')!.fix).toContain('rua=mailto:ops@bare-rua.example');
  });
  test('row 8: co.uk is a public suffix: brightfield-advisory.co.uk is an organizational domain, news.harrow-accounts.co.uk a subdomain', async () => {
    expect((await gatherEmailFacts('brightfield-advisory.co.uk', [], false, dns)).subdomain).toBe(false);
    expect(await gatherEmailFacts('news.harrow-accounts.co.uk', [], false, dns)).toMatchObject({
      subdomain: true,
      orgDomain: 'harrow-accounts.co.uk',
      dmarc: { status: 'found', at: '_dmarc.harrow-accounts.co.uk', orgRecord: true },
    });
  });
  test('row 9: a revoked key under a probed selector is info, under a declared one high', async () => {
    expect((await findingsOf('moved-to-m365.example')).find((f) => f.ruleId === 'dkim-probe-old-key')).toMatchObject({ severity: 'info' });
    expect((await findingsOf('declared-revoked.example')).find((f) => f.ruleId === 'dkim-key-invalid')).toMatchObject({ severity: 'high' });
  });

  test('every setup is judged right: all planted faults found, no false finding', () => {
    const s = summary(scores);
    expect(s.rows.filter((r) => r.startsWith('MISS'))).toEqual([]);
    // Negative control: the corpus plants faults, so "found" cannot pass vacuously.
    expect(s.planted).toBeGreaterThanOrEqual(30);
    expect(s.found).toBe(s.planted);
  });
});
