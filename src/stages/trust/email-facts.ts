import type { FindingInput } from '../../core/findings.js';
import type { Severity } from '../../core/severity.js';
import type { ParsedDmarc } from './dmarc.js';
import type { DnsRecord, DnsVerdict } from './dns.js';
import type { SpfWalk } from './spf-walk.js';

/** SPF as evaluated by mailauth against an address no sender authorises: the second opinion. */
export interface SpfEvaluation {
  /** mailauth's result: pass, fail, softfail, neutral, none, permerror, temperror. */
  result: string;
  /** Its explanation (`Too many DNS requests`...). */
  comment?: string;
  lookups?: number;
  voidLookups?: number;
}

/** One DKIM selector's answer. */
export interface DkimSelectorFacts {
  selector: string;
  /** Listed in trust.email.domains[].dkimSelectors; otherwise found by probing common providers' selectors. */
  declared: boolean;
  verdict: DnsVerdict;
  /** RSA modulus bits (or 256 for ed25519), when the key parsed. */
  keyBits?: number;
  keyType?: string;
  /** Why the key did not parse, or `revoked` for an empty p=. */
  keyProblem?: string;
}

/** DMARC as a receiver discovers it: at `_dmarc.<domain>`, else at the organizational domain's. */
export type DmarcFacts =
  | { status: 'found'; record: string; parts?: string[]; at: string; orgRecord: boolean; parsed: ParsedDmarc }
  | { status: 'multiple'; records: string[]; at: string }
  | { status: 'missing' }
  | { status: 'unknown'; reason: string };

/** Everything gathered about one sending domain; the checks need no I/O. */
export interface EmailFacts {
  domain: string;
  /** The organizational domain from the Public Suffix List (`brightfield-advisory.co.uk`, `example.com`). */
  orgDomain: string;
  /** Below its organizational domain (mail.example.com): the parent's SPF does not apply to it. */
  subdomain: boolean;
  mx: DnsVerdict;
  /** MX targets whose address is in Cloudflare's proxy ranges. */
  proxiedMx: string[];
  /** MX targets that are CNAMEs (RFC 2181 10.3 forbids it). */
  mxCnames: { target: string; cname: string }[];
  /** TXT at the domain (SPF is read from it). */
  txt: DnsVerdict;
  /** The static walk of the SPF tree, when the domain has exactly one SPF record. */
  spfWalk?: SpfWalk;
  spf?: SpfEvaluation;
  /** `_domainkey.<domain>` answered NXDOMAIN: no selector can exist under it. */
  domainkeyNxdomain: boolean;
  dkim: DkimSelectorFacts[];
  dmarc: DmarcFacts;
  mtaSts: DnsVerdict;
  tlsRpt: DnsVerdict;
}

/** The one finding shape of the mail checks: located at the domain, on the `email` path. */
export function mailFinding(facts: EmailFacts, ruleId: string, severity: Severity, title: string, fix: string, evidence?: string): FindingInput {
  const finding: FindingInput = { ruleId, severity, title, fix, paths: ['email'], location: { host: facts.domain } };
  if (evidence !== undefined) finding.evidence = evidence.slice(0, 1000);
  return finding;
}

/** A DNS answer that could not be had: high, and never "missing". */
export function unknownFinding(facts: EmailFacts, what: string, reason: string): FindingInput {
  return mailFinding(
    facts,
    'email-dns-unknown',
    'high',
    `could not check ${what} of ${facts.domain}: the resolver answered ${reason}`,
    'check your DNS provider and trust.resolvers, then run again; this is not a missing record',
    `${what}: ${reason}`,
  );
}

/** A TXT record as a DNS panel shows it: split strings quoted one by one, as received. */
export function asReceived(record: Pick<DnsRecord, 'value' | 'parts'> | { value: string; parts?: string[] }): string {
  return record.parts && record.parts.length > 1 ? record.parts.map((p) => `"${p}"`).join(' ') : record.value;
}
