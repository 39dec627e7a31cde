import type { FindingInput } from '../../core/findings.js';
import type { DnsVerdict } from './dns.js';

/** SPF as evaluated by mailauth against an address no sender authorises, so every term is visited. */
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
  declared: boolean;
  verdict: DnsVerdict;
  /** RSA modulus bits (or 256 for ed25519), when the key parsed. */
  keyBits?: number;
  keyType?: string;
  /** Why the key did not parse, or `revoked` for an empty p=. */
  keyProblem?: string;
}

/** DMARC as found by mailauth (at `_dmarc.<domain>` or the organizational domain). */
export type DmarcFacts = { status: 'found'; record: string; policy?: string; rua?: string; orgRecord: boolean } | { status: 'missing' } | { status: 'unknown'; reason: string };

/** Everything gathered about one sending domain; the checks below need no I/O. */
export interface EmailFacts {
  domain: string;
  /** A subdomain of the launch domain that sends on its own (e.g. mail.example.com). */
  subdomain: boolean;
  mx: DnsVerdict;
  /** MX targets whose address is in Cloudflare's proxy ranges. */
  proxiedMx: string[];
  /** TXT at the domain (SPF is read from it). */
  txt: DnsVerdict;
  spf?: SpfEvaluation;
  /** `_domainkey.<domain>` answered NXDOMAIN: no selector can exist under it. */
  domainkeyNxdomain: boolean;
  dkim: DkimSelectorFacts[];
  dmarc: DmarcFacts;
  mtaSts: DnsVerdict;
  tlsRpt: DnsVerdict;
}

const SPF_TERM = /^([+?~-]?(all|include:\S+|a(:\S+)?(\/\d+)?(\/\/\d+)?|mx(:\S+)?(\/\d+)?(\/\/\d+)?|ptr(:\S+)?|ip4:[\d.]+(\/\d+)?|ip6:[\da-f:.]+(\/\d+)?|exists:\S+)|(redirect|exp)=\S+|[a-z][a-z0-9_.-]*=\S*)$/i;

/** A domain-spec (RFC 7208 7.1): ends in a dotted top label or a macro; `c`, `r`, `t` macros only in exp text. */
function domainSpecOk(spec: string): boolean {
  if (/%\{[crt]/i.test(spec)) return false;
  return /^\S*\.[a-z0-9-]*[a-z][a-z0-9-]*\.?$/i.test(spec) || /%\{[a-z][^}]*\}\.?$/i.test(spec);
}

/** Problems with the text of one SPF record that receivers treat as permerror, and its `all` term. */
export function spfSyntaxProblems(record: string): { bad: string[]; all?: string; redirect: boolean } {
  const terms = record.trim().split(/\s+/).slice(1);
  const bad = terms.filter((t) => !SPF_TERM.test(t));
  for (const term of terms) {
    const spec = /^[+?~-]?(?:include|a|mx|ptr|exists):([^/]+)/i.exec(term)?.[1] ?? /^(?:redirect|exp)=(.*)$/i.exec(term)?.[1];
    if (spec !== undefined && !domainSpecOk(spec) && !bad.includes(term)) bad.push(term);
  }
  for (const modifier of ['redirect', 'exp']) {
    const uses = terms.filter((t) => t.toLowerCase().startsWith(`${modifier}=`));
    if (uses.length > 1) bad.push(...uses.slice(1));
  }
  const all = terms.find((t) => /^[+?~-]?all$/i.test(t));
  return { bad, all, redirect: terms.some((t) => /^redirect=/i.test(t)) };
}

/** Findings for one sending domain: MX, SPF, DKIM, DMARC, MTA-STS/TLS-RPT. */
export function emailFindings(facts: EmailFacts): FindingInput[] {
  const d = facts.domain;
  const base = { paths: ['email'], location: { host: d } };
  const out: FindingInput[] = [];
  const unknown = (what: string, reason: string) =>
    out.push({ ...base, ruleId: 'email-dns-unknown', severity: 'high', title: `could not check ${what} of ${d}: the resolver answered ${reason}`, fix: 'check your DNS provider and trust.resolvers, then run again; this is not a missing record', evidence: `${what}: ${reason}` });

  if (facts.mx.status === 'missing') {
    out.push({ ...base, ruleId: 'mx-missing', severity: 'high', title: `${d} has no MX record (${facts.mx.reason}): replies to your mail bounce and some receivers reject it`, fix: `add MX records for ${d} pointing at your mail provider` });
  } else if (facts.mx.status === 'unknown') unknown('MX', facts.mx.reason);
  for (const target of facts.proxiedMx) {
    out.push({ ...base, ruleId: 'mx-proxied', severity: 'blocker', title: `MX target ${target} of ${d} is proxied by Cloudflare: mail cannot be delivered through the proxy`, fix: `set the record of ${target} to "DNS only" (grey cloud) in Cloudflare`, evidence: target });
  }

  if (facts.txt.status === 'unknown') unknown('SPF', facts.txt.reason);
  const spfRecords = facts.txt.status === 'found' ? facts.txt.records.map((r) => r.value).filter((v) => /^v=spf1(\s|$)/i.test(v)) : [];
  if (facts.txt.status !== 'unknown' && spfRecords.length === 0) {
    out.push({
      ...base,
      ruleId: facts.subdomain ? 'spf-missing-subdomain' : 'spf-missing',
      severity: 'blocker',
      title: facts.subdomain ? `sending subdomain ${d} has no SPF record of its own (the parent domain's does not apply): mail from it lands in spam` : `${d} has no SPF record: mail from it lands in spam or is rejected`,
      fix: `publish one TXT record at ${d}: v=spf1 include:<your provider> -all`,
    });
  } else if (spfRecords.length > 1) {
    out.push({ ...base, ruleId: 'spf-multiple', severity: 'blocker', title: `${d} has ${spfRecords.length} SPF records: receivers treat that as a permanent error and SPF fails`, fix: 'merge them into one v=spf1 record', evidence: spfRecords.join(' | ').slice(0, 500) });
  } else if (spfRecords.length === 1) {
    const record = spfRecords[0]!;
    const syntax = spfSyntaxProblems(record);
    if (syntax.bad.length > 0) {
      out.push({ ...base, ruleId: 'spf-syntax', severity: 'blocker', title: `${d}'s SPF record has terms receivers do not understand (${syntax.bad.slice(0, 3).join(' ')}): SPF permerror`, fix: 'fix the terms (mechanisms: all, include:, a, mx, ip4:, ip6:, exists:; modifiers redirect=, exp=)', evidence: record });
    }
    if (syntax.all && /^[+?]?all$/i.test(syntax.all) && !/^[~-]/.test(syntax.all)) {
      const plus = !syntax.all.startsWith('?');
      out.push({ ...base, ruleId: 'spf-all-permissive', severity: plus ? 'blocker' : 'medium', title: `${d}'s SPF ends with ${syntax.all}: ${plus ? 'anyone may send mail as your domain' : 'receivers get no verdict for unlisted senders'}`, fix: 'end the record with -all (or ~all while you roll out)', evidence: record });
    } else if (!syntax.all && !syntax.redirect) {
      out.push({ ...base, ruleId: 'spf-no-all', severity: 'medium', title: `${d}'s SPF record does not end with -all or ~all: unlisted senders are not rejected`, fix: 'end the record with -all (or ~all while you roll out)', evidence: record });
    }
  }
  if (facts.spf && spfRecords.length === 1) {
    const { result, comment = '', lookups, voidLookups } = facts.spf;
    const counts = `lookups: ${lookups ?? '?'}/10, void: ${voidLookups ?? '?'}/2`;
    if (result === 'permerror' && /too many dns requests/i.test(comment)) {
      out.push({ ...base, ruleId: 'spf-too-many-lookups', severity: 'blocker', title: `${d}'s SPF needs more than 10 DNS lookups: receivers return permerror and SPF fails`, fix: 'flatten includes you do not need, or replace some with ip4:/ip6: ranges', evidence: counts });
    } else if (result === 'permerror' && /void/i.test(comment)) {
      out.push({ ...base, ruleId: 'spf-too-many-void-lookups', severity: 'blocker', title: `${d}'s SPF has more than 2 lookups that find nothing: receivers return permerror`, fix: 'remove include:/a:/mx: terms that point at names without records', evidence: counts });
    } else if (result === 'permerror' && !comment.startsWith('syntax:')) {
      out.push({ ...base, ruleId: 'spf-permerror', severity: 'blocker', title: `${d}'s SPF evaluates to permerror: SPF fails for every message`, fix: 'fix the record (or an included one) so it evaluates', evidence: `${comment.replace(/^[^:]+: /, '').slice(0, 200)}; ${counts}` });
    } else if (result === 'temperror') {
      unknown('SPF evaluation', comment.replace(/^[^:]+: /, '').slice(0, 200) || 'temporary error');
    }
  }

  const declared = facts.dkim.filter((s) => s.declared);
  for (const s of facts.dkim) {
    const where = `${s.selector}._domainkey.${d}`;
    if (s.verdict.status === 'unknown') {
      if (s.declared) unknown(`DKIM selector ${s.selector}`, s.verdict.reason);
      continue;
    }
    if (s.verdict.status === 'missing') {
      if (s.declared) {
        out.push({ ...base, ruleId: 'dkim-selector-missing', severity: 'high', title: facts.domainkeyNxdomain ? `DKIM selector ${s.selector} of ${d} not found: _domainkey.${d} does not exist, so no selector can` : `DKIM selector ${s.selector} of ${d} not found (${s.verdict.reason}): signed mail fails DKIM`, fix: `publish your provider's DKIM key at ${where}`, evidence: `${where}: ${s.verdict.reason}` });
      }
      continue;
    }
    if (s.keyProblem) {
      out.push({ ...base, ruleId: 'dkim-key-invalid', severity: 'high', title: `DKIM key at ${where} ${s.keyProblem === 'revoked' ? 'is revoked (empty p=)' : `does not parse (${s.keyProblem})`}`, fix: 'republish the key exactly as your provider gives it (one TXT record, quotes joined)', evidence: where });
    } else if (s.keyType === 'rsa' && s.keyBits !== undefined && s.keyBits < 1024) {
      out.push({ ...base, ruleId: 'dkim-key-weak', severity: 'high', title: `DKIM key at ${where} is RSA ${s.keyBits} bits: receivers ignore keys under 1024 bits`, fix: 'rotate to a 2048-bit key', evidence: `${where}: rsa ${s.keyBits}` });
    } else if (s.keyType === 'rsa' && s.keyBits !== undefined && s.keyBits < 2048) {
      out.push({ ...base, ruleId: 'dkim-key-short', severity: 'low', title: `DKIM key at ${where} is RSA ${s.keyBits} bits (2048 recommended)`, fix: 'rotate to a 2048-bit key at the next key change', evidence: `${where}: rsa ${s.keyBits}` });
    } else if (!s.declared) {
      out.push({ ...base, ruleId: 'dkim-selector-found', severity: 'info', title: `DKIM selector ${s.selector} found for ${d} (${s.keyType ?? 'rsa'} ${s.keyBits ?? '?'} bits)`, fix: 'add it to trust.email.domains[].dkimSelectors so it is always checked', evidence: where });
    }
  }
  if (declared.length === 0 && !facts.dkim.some((s) => s.verdict.status === 'found') && !facts.dkim.some((s) => s.verdict.status === 'unknown')) {
    out.push({ ...base, ruleId: 'dkim-none-found', severity: 'medium', title: `no DKIM key found for ${d} under common selectors${facts.domainkeyNxdomain ? ` (_domainkey.${d} does not exist)` : ''}`, fix: 'turn on DKIM signing at your mail provider and list its selectors in trust.email.domains[].dkimSelectors' });
  }

  if (facts.dmarc.status === 'unknown') unknown('DMARC', facts.dmarc.reason);
  else if (facts.dmarc.status === 'missing') {
    out.push({ ...base, ruleId: 'dmarc-missing', severity: 'blocker', title: `${d} has no DMARC record: Gmail and Yahoo reject or spam bulk mail from it`, fix: `publish TXT at _dmarc.${d}: v=DMARC1; p=none; rua=mailto:dmarc@${d} and tighten p= later` });
  } else {
    const where = facts.dmarc.orgRecord ? 'the organizational domain\'s' : 'its';
    if ((facts.dmarc.policy ?? 'none').toLowerCase() === 'none') {
      out.push({ ...base, ruleId: 'dmarc-p-none', severity: 'medium', title: `${d}'s DMARC policy (${where}) is p=none: monitoring only, spoofed mail is still delivered`, fix: 'move to p=quarantine, then p=reject, once reports show only your senders', evidence: facts.dmarc.record });
    }
    if (!facts.dmarc.rua) {
      out.push({ ...base, ruleId: 'dmarc-no-rua', severity: 'low', title: `${d}'s DMARC record has no rua=: you get no reports of who sends as you`, fix: `add rua=mailto:dmarc@${d} (or a DMARC report service)`, evidence: facts.dmarc.record });
    }
  }

  const present = (v: DnsVerdict, prefix: RegExp) => v.status === 'found' && v.records.some((r) => prefix.test(r.value));
  out.push({ ...base, ruleId: 'mta-sts', severity: 'info', title: `${d}: MTA-STS ${present(facts.mtaSts, /^v=STSv1/i) ? 'published' : 'not published'}, TLS-RPT ${present(facts.tlsRpt, /^v=TLSRPTv1/i) ? 'published' : 'not published'}`, fix: 'optional: publish MTA-STS and TLS-RPT so senders require TLS to your MX and report failures' });
  return out;
}
