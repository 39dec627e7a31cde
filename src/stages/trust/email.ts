import { createPublicKey } from 'node:crypto';
import { spf } from 'mailauth/lib/spf/index.js';
import getDmarcRecord from 'mailauth/lib/dmarc/get-dmarc-record.js';
import { isCloudflareAddress } from './cloudflare.js';
import { verdictOfError, type DnsClient } from './dns.js';
import { spfSyntaxProblems, type DkimSelectorFacts, type DmarcFacts, type EmailFacts, type SpfEvaluation } from './email-checks.js';

/** Selectors of common providers (Google, Microsoft 365, Mailchimp, SendGrid, Postmark, SES...). */
export const COMMON_DKIM_SELECTORS = ['google', 'selector1', 'selector2', 'k1', 's1', 's2', 'default', 'dkim', 'mail', 'pm', 'mxvm', 'smtp'];

/** An address from TEST-NET-1 (RFC 5737) that no SPF record authorises: evaluation visits every term. */
const PROBE_IP = '192.0.2.1';

/**
 * Evaluate a domain's SPF: the record's syntax (terms mailauth tolerates but receivers reject, such as
 * a bare `ip6` or `exp=` twice), then mailauth's evaluation with the 10-lookup and 2-void-lookup limits
 * through our resolver.
 */
export async function evaluateSpf(domain: string, resolver: (name: string, type: string) => Promise<unknown[]>, ip = PROBE_IP, sender = `postmaster@${domain}`, helo = domain): Promise<SpfEvaluation> {
  let records: string[] = [];
  try {
    records = ((await resolver(domain, 'TXT')) as string[][]).map((parts) => parts.join('')).filter((r) => /^v=spf1(\s|$)/i.test(r));
  } catch {
    // mailauth reports lookup failures itself (none / temperror).
  }
  if (records.length === 1) {
    const { bad } = spfSyntaxProblems(records[0]!);
    if (bad.length > 0) return { result: 'permerror', comment: `syntax: ${bad.slice(0, 3).join(' ')}` };
  }
  const result = await spf({ sender, ip, helo, mta: 'launch-ready.invalid', resolver } as Parameters<typeof spf>[0]);
  const out: SpfEvaluation = { result: result.status.result };
  if (result.status.comment) out.comment = result.status.comment;
  const lookups = (result as { lookups?: { count: number; void: number } }).lookups;
  if (lookups) {
    out.lookups = lookups.count;
    out.voidLookups = lookups.void;
  }
  return out;
}

/** Parse a DKIM TXT record's key: type and size, or what is wrong with it. */
export function dkimKeyOf(record: string): Pick<DkimSelectorFacts, 'keyBits' | 'keyType' | 'keyProblem'> {
  const tags = Object.fromEntries(record.split(';').map((t) => t.trim()).filter(Boolean).map((t) => [t.slice(0, t.indexOf('=')).trim().toLowerCase(), t.slice(t.indexOf('=') + 1).replace(/\s+/g, '')]));
  const keyType = (tags.k ?? 'rsa').toLowerCase();
  if (tags.p === undefined) return { keyType, keyProblem: 'no p= tag' };
  if (tags.p === '') return { keyType, keyProblem: 'revoked' };
  if (keyType === 'ed25519') return { keyType, keyBits: 256 };
  try {
    const key = createPublicKey({ key: Buffer.from(tags.p, 'base64'), format: 'der', type: 'spki' });
    return { keyType, keyBits: key.asymmetricKeyDetails?.modulusLength };
  } catch (error) {
    return { keyType, keyProblem: (error as Error).message.split('\n')[0]!.slice(0, 80) };
  }
}

async function dmarcOf(domain: string, dns: DnsClient): Promise<DmarcFacts> {
  try {
    const record = await getDmarcRecord(domain, (name, type) => dns.raw(name, type));
    if (!record) return { status: 'missing' };
    const facts: DmarcFacts = { status: 'found', record: record.rr, orgRecord: record.isOrgRecord };
    // A subdomain covered by its organizational domain's record follows sp= when it is set.
    const policy = record.isOrgRecord && typeof record.sp === 'string' ? record.sp : record.p;
    if (policy) facts.policy = policy;
    if (record.rua) facts.rua = record.rua;
    return facts;
  } catch (error) {
    const verdict = verdictOfError(error);
    return { status: 'unknown', reason: verdict.status === 'unknown' ? verdict.reason : 'error' };
  }
}

/** Ask DNS everything the email checks need about one domain. */
export async function gatherEmailFacts(domain: string, declared: string[], probe: boolean, launchDomain: string | undefined, dns: DnsClient): Promise<EmailFacts> {
  const selectors = [...new Set([...declared, ...(probe ? COMMON_DKIM_SELECTORS : [])])];
  const [mx, txt, domainkey, mtaSts, tlsRpt, dmarc, dkim] = await Promise.all([
    dns.query(domain, 'MX'),
    dns.query(domain, 'TXT'),
    dns.query(`_domainkey.${domain}`, 'TXT'),
    dns.query(`_mta-sts.${domain}`, 'TXT'),
    dns.query(`_smtp._tls.${domain}`, 'TXT'),
    dmarcOf(domain, dns),
    Promise.all(selectors.map(async (selector): Promise<DkimSelectorFacts> => {
      const verdict = await dns.query(`${selector}._domainkey.${domain}`, 'TXT');
      const facts: DkimSelectorFacts = { selector, declared: declared.includes(selector), verdict };
      const record = verdict.status === 'found' ? verdict.records.map((r) => r.value).find((v) => /(^|;)\s*p=/.test(v)) : undefined;
      if (verdict.status === 'found' && !record) facts.verdict = { status: 'missing', reason: 'NODATA' };
      if (record) Object.assign(facts, dkimKeyOf(record));
      return facts;
    })),
  ]);
  const proxiedMx: string[] = [];
  if (mx.status === 'found') {
    await Promise.all(mx.records.map(async (r) => {
      const target = r.value.split(' ')[1] ?? '';
      const a = await dns.query(target, 'A');
      if (a.status === 'found' && a.records.some((x) => isCloudflareAddress(x.value))) proxiedMx.push(target);
    }));
  }
  const hasSpf = txt.status === 'found' && txt.records.some((r) => /^v=spf1(\s|$)/i.test(r.value));
  const facts: EmailFacts = {
    domain,
    subdomain: launchDomain ? domain.endsWith(`.${launchDomain}`) : domain.split('.').length > 2,
    mx,
    proxiedMx: proxiedMx.sort(),
    txt,
    domainkeyNxdomain: domainkey.status === 'missing' && domainkey.reason === 'NXDOMAIN',
    dkim,
    dmarc,
    mtaSts,
    tlsRpt,
  };
  if (hasSpf) facts.spf = await evaluateSpf(domain, (name, type) => dns.raw(name, type));
  return facts;
}
