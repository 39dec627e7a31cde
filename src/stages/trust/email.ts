import { createPublicKey } from 'node:crypto';
import { getDomain } from 'tldts';
import { reasonOf } from '../../core/errors.js';
import { stringsOf } from '../../core/guards.js';
import { isCloudflareAddress } from './cloudflare.js';
import { looksLikeDmarc, parseDmarc } from './dmarc.js';
import type { DnsClient, DnsVerdict } from './dns.js';
import type { DkimSelectorFacts, DmarcFacts, EmailFacts, SpfEvaluation } from './email-facts.js';
import { spfSyntaxProblems } from './spf-checks.js';
import { isSpfRecord } from './spf-record.js';
import { walkSpf } from './spf-walk.js';

/** Selectors of common providers (Google, Microsoft 365, Mailchimp, SendGrid, Postmark, SES...). */
export const COMMON_DKIM_SELECTORS = ['google', 'selector1', 'selector2', 'k1', 's1', 's2', 'default', 'dkim', 'mail', 'pm', 'mxvm', 'smtp'];

/** An address from TEST-NET-1 (RFC 5737) that no SPF record authorises: evaluation visits every term. */
const PROBE_IP = '192.0.2.1';
/** Records longer than this are judged by the static walk only (RFC 7208 3.4: keep records under 450 bytes). */
const MAX_SECOND_OPINION_CHARS = 2048;

/**
 * Evaluate a domain's SPF: the record's syntax (terms mailauth tolerates but receivers reject, such as
 * a bare `ip6` or `exp=` twice), then mailauth's evaluation with the 10-lookup and 2-void-lookup limits
 * through our resolver.
 */
export async function evaluateSpf(
  domain: string,
  resolver: (name: string, type: string) => Promise<unknown[]>,
  ip = PROBE_IP,
  sender = `postmaster@${domain}`,
  helo = domain,
): Promise<SpfEvaluation> {
  let records: string[] = [];
  try {
    records = (await resolver(domain, 'TXT')).map((parts) => (Array.isArray(parts) ? stringsOf(parts).join('') : '')).filter(isSpfRecord);
  } catch {
    // mailauth reports lookup failures itself (none / temperror).
  }
  if (records.length === 1) {
    const { bad } = spfSyntaxProblems(records[0]!);
    if (bad.length > 0) return { result: 'permerror', comment: `syntax: ${bad.slice(0, 3).join(' ')}` };
    // mailauth's macro expansion grows with the square of the record: the static walk judges longer ones alone.
    if (records[0]!.length > MAX_SECOND_OPINION_CHARS) return { result: 'none', comment: 'record too long for the second opinion' };
  }
  // Loaded when an SPF record is judged, not at start-up: every command would otherwise pay for mailauth's modules.
  const mailauthSpf = await import('mailauth/lib/spf/index.js');
  const spf = mailauthSpf.default?.spf ?? mailauthSpf.spf;
  const result = await spf({ sender, ip, helo, mta: 'launch-ready.invalid', resolver });
  const out: SpfEvaluation = { result: result.status.result };
  if (result.status.comment) out.comment = result.status.comment;
  const lookups = result.lookups;
  if (lookups) {
    out.lookups = lookups.count;
    out.voidLookups = lookups.void;
  }
  return out;
}

/** Parse a DKIM TXT record's key: type and size, or what is wrong with it. */
export function dkimKeyOf(record: string): Pick<DkimSelectorFacts, 'keyBits' | 'keyType' | 'keyProblem'> {
  const tags = Object.fromEntries(
    record
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => [t.slice(0, t.indexOf('=')).trim().toLowerCase(), t.slice(t.indexOf('=') + 1).replace(/\s+/g, '')]),
  );
  const keyType = (tags.k ?? 'rsa').toLowerCase();
  if (tags.p === undefined) return { keyType, keyProblem: 'no p= tag' };
  if (tags.p === '') return { keyType, keyProblem: 'revoked' };
  if (keyType === 'ed25519') return { keyType, keyBits: 256 };
  try {
    const key = createPublicKey({ key: Buffer.from(tags.p, 'base64'), format: 'der', type: 'spki' });
    return { keyType, keyBits: key.asymmetricKeyDetails?.modulusLength };
  } catch (error) {
    return { keyType, keyProblem: reasonOf(error).slice(0, 80) };
  }
}

/** The organizational domain (Public Suffix List), or the name itself when it is a suffix or unknown. */
export function organizationalDomain(domain: string): string {
  return getDomain(domain, { allowPrivateDomains: false }) ?? domain;
}

/** DMARC discovery (RFC 7489 6.6.3): `_dmarc.<domain>`, else `_dmarc.<organizational domain>`. */
async function dmarcOf(domain: string, orgDomain: string, dns: DnsClient): Promise<DmarcFacts> {
  for (const name of domain === orgDomain ? [domain] : [domain, orgDomain]) {
    const at = `_dmarc.${name}`;
    const verdict = await dns.query(at, 'TXT');
    if (verdict.status === 'unknown') return { status: 'unknown', reason: verdict.reason };
    const candidates = verdict.status === 'found' ? verdict.records.filter((r) => looksLikeDmarc(r.value)) : [];
    if (candidates.length > 1) return { status: 'multiple', records: candidates.map((r) => r.value), at };
    const record = candidates[0];
    if (record) {
      const facts: DmarcFacts = { status: 'found', record: record.value, at, orgRecord: name !== domain, parsed: parseDmarc(record.value) };
      if (record.parts) facts.parts = record.parts;
      return facts;
    }
  }
  return { status: 'missing' };
}

/** MX targets that are CNAMEs. */
async function mxCnamesOf(mx: DnsVerdict, dns: DnsClient): Promise<EmailFacts['mxCnames']> {
  if (mx.status !== 'found') return [];
  const targets = mx.records.map((r) => r.value.slice(r.value.indexOf(' ') + 1)).filter((t) => t !== '' && t !== '.');
  const found = await Promise.all(targets.map(async (target) => ({ target, verdict: await dns.query(target, 'CNAME') })));
  return found.flatMap(({ target, verdict }) => (verdict.status === 'found' && verdict.records[0] ? [{ target, cname: verdict.records[0].value }] : []));
}

/** Ask DNS everything the email checks need about one domain. */
export async function gatherEmailFacts(domain: string, declared: string[], probe: boolean, dns: DnsClient): Promise<EmailFacts> {
  const selectors = [...new Set([...declared, ...(probe ? COMMON_DKIM_SELECTORS : [])])];
  const orgDomain = organizationalDomain(domain);
  const [mx, txt, domainkey, mtaSts, tlsRpt, dmarc, dkim] = await Promise.all([
    dns.query(domain, 'MX'),
    dns.query(domain, 'TXT'),
    dns.query(`_domainkey.${domain}`, 'TXT'),
    dns.query(`_mta-sts.${domain}`, 'TXT'),
    dns.query(`_smtp._tls.${domain}`, 'TXT'),
    dmarcOf(domain, orgDomain, dns),
    Promise.all(selectors.map((selector) => selectorFacts(domain, selector, declared.includes(selector), dns))),
  ]);
  const [proxiedMx, mxCnames] = await Promise.all([proxiedMxOf(mx, dns), mxCnamesOf(mx, dns)]);
  const facts: EmailFacts = {
    domain,
    orgDomain,
    subdomain: orgDomain !== domain,
    mx,
    proxiedMx,
    mxCnames,
    txt,
    domainkeyNxdomain: domainkey.status === 'missing' && domainkey.reason === 'NXDOMAIN',
    dkim,
    dmarc,
    mtaSts,
    tlsRpt,
  };
  const spfRecords = txt.status === 'found' ? txt.records.filter((r) => isSpfRecord(r.value)) : [];
  if (spfRecords.length === 1) {
    const record = spfRecords[0]!;
    const [walk, evaluation] = await Promise.all([
      walkSpf(domain, record.value, record.parts ?? [record.value], (name, type) => dns.query(name, type)),
      evaluateSpf(domain, (name, type) => dns.raw(name, type)),
    ]);
    facts.spfWalk = walk;
    facts.spf = evaluation;
  }
  return facts;
}

async function selectorFacts(domain: string, selector: string, declared: boolean, dns: DnsClient): Promise<DkimSelectorFacts> {
  const verdict = await dns.query(`${selector}._domainkey.${domain}`, 'TXT');
  const facts: DkimSelectorFacts = { selector, declared, verdict };
  const record = verdict.status === 'found' ? verdict.records.map((r) => r.value).find((v) => /(^|;)\s*p=/.test(v)) : undefined;
  if (verdict.status === 'found' && !record) facts.verdict = { status: 'missing', reason: 'NODATA' };
  if (record) Object.assign(facts, dkimKeyOf(record));
  return facts;
}

async function proxiedMxOf(mx: DnsVerdict, dns: DnsClient): Promise<string[]> {
  if (mx.status !== 'found') return [];
  const proxied: string[] = [];
  await Promise.all(
    mx.records.map(async (r) => {
      const target = r.value.split(' ')[1] ?? '';
      if (target === '' || target === '.') return;
      const a = await dns.query(target, 'A');
      if (a.status === 'found' && a.records.some((x) => isCloudflareAddress(x.value))) proxied.push(target);
    }),
  );
  return proxied.sort();
}
