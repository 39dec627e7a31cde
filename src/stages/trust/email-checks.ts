import type { FindingInput } from '../../core/findings.js';
import type { DnsVerdict } from './dns.js';
import { asReceived, mailFinding, unknownFinding, type DkimSelectorFacts, type DmarcFacts, type EmailFacts } from './email-facts.js';
import { spfFindings } from './spf-checks.js';

export type { EmailFacts } from './email-facts.js';
export { spfSyntaxProblems } from './spf-checks.js';

/** A null MX (RFC 7505): one MX record `0 .`, the domain's statement that it takes no mail. */
export function isNullMx(mx: DnsVerdict): boolean {
  if (mx.status !== 'found' || mx.records.length !== 1) return false;
  const [priority, target = ''] = mx.records[0]!.value.split(' ');
  return priority === '0' && (target === '' || target === '.');
}

/** MX: missing, null, proxied by Cloudflare, or pointing at a CNAME. */
export function mxFindings(facts: EmailFacts): FindingInput[] {
  const d = facts.domain;
  if (facts.mx.status === 'unknown') return [unknownFinding(facts, 'MX', facts.mx.reason)];
  if (facts.mx.status === 'missing') {
    return [
      mailFinding(
        facts,
        'mx-missing',
        'high',
        `${d} has no MX record (${facts.mx.reason}): replies to your mail bounce and some receivers reject it`,
        `add MX records for ${d} pointing at your mail provider`,
      ),
    ];
  }
  if (isNullMx(facts.mx)) {
    return [
      mailFinding(
        facts,
        'mx-null',
        'high',
        `${d} publishes a null MX (0 .): it says it takes no mail, so replies and bounces are lost and some receivers reject its mail`,
        `replace the null MX with your provider's MX records, or send from a subdomain that receives mail`,
        `MX ${facts.mx.records[0]!.value || '0 .'}`,
      ),
    ];
  }
  const out: FindingInput[] = [];
  for (const target of facts.proxiedMx) {
    out.push(
      mailFinding(
        facts,
        'mx-proxied',
        'blocker',
        `MX target ${target} of ${d} is proxied by Cloudflare: mail cannot be delivered through the proxy`,
        `set the record of ${target} to "DNS only" (grey cloud) in Cloudflare`,
        target,
      ),
    );
  }
  for (const { target, cname } of facts.mxCnames) {
    out.push(
      mailFinding(
        facts,
        'mx-cname',
        'medium',
        `MX target ${target} of ${d} is a CNAME (to ${cname}): RFC 2181 10.3 forbids it and some senders refuse to deliver`,
        `point the MX record at ${cname} (the host the CNAME names) instead of ${target}`,
        `MX → ${target} CNAME ${cname}`,
      ),
    );
  }
  return out;
}

/** One selector's key: declared selectors keep their severities, probe-only finds are info. */
function selectorFinding(facts: EmailFacts, s: DkimSelectorFacts): FindingInput | undefined {
  const d = facts.domain;
  const where = `${s.selector}._domainkey.${d}`;
  if (s.verdict.status === 'unknown') return s.declared ? unknownFinding(facts, `DKIM selector ${s.selector}`, s.verdict.reason) : undefined;
  if (s.verdict.status === 'missing') {
    if (!s.declared) return undefined;
    return mailFinding(
      facts,
      'dkim-selector-missing',
      'high',
      facts.domainkeyNxdomain
        ? `DKIM selector ${s.selector} of ${d} not found: _domainkey.${d} does not exist, so no selector can`
        : `DKIM selector ${s.selector} of ${d} not found (${s.verdict.reason}): signed mail fails DKIM`,
      `publish your provider's DKIM key at ${where}`,
      `${where}: ${s.verdict.reason}`,
    );
  }
  const weak = s.keyType === 'rsa' && s.keyBits !== undefined && s.keyBits < 1024;
  if (!s.declared && (s.keyProblem || weak)) {
    // Nothing signs with a selector nobody declared: most often a key left behind by an earlier provider.
    return mailFinding(
      facts,
      'dkim-probe-old-key',
      'info',
      `DKIM selector ${s.selector} of ${d} (not declared) holds a ${s.keyProblem === 'revoked' ? 'revoked' : s.keyProblem ? 'broken' : `weak (RSA ${s.keyBits})`} key: an old provider's key; remove it if unused`,
      `delete the TXT record at ${where} if no service signs with it, or list it in dkimSelectors to have it judged`,
      where,
    );
  }
  if (s.keyProblem) {
    return mailFinding(
      facts,
      'dkim-key-invalid',
      'high',
      `DKIM key at ${where} ${s.keyProblem === 'revoked' ? 'is revoked (empty p=)' : `does not parse (${s.keyProblem})`}`,
      'republish the key exactly as your provider gives it (one TXT record, quotes joined)',
      where,
    );
  }
  if (weak)
    return mailFinding(
      facts,
      'dkim-key-weak',
      'high',
      `DKIM key at ${where} is RSA ${s.keyBits} bits: receivers ignore keys under 1024 bits`,
      'rotate to a 2048-bit key',
      `${where}: rsa ${s.keyBits}`,
    );
  if (s.declared && s.keyType === 'rsa' && s.keyBits !== undefined && s.keyBits < 2048) {
    return mailFinding(
      facts,
      'dkim-key-short',
      'low',
      `DKIM key at ${where} is RSA ${s.keyBits} bits (2048 recommended)`,
      'rotate to a 2048-bit key at the next key change',
      `${where}: rsa ${s.keyBits}`,
    );
  }
  if (!s.declared)
    return mailFinding(
      facts,
      'dkim-selector-found',
      'info',
      `DKIM selector ${s.selector} found for ${d} (${s.keyType ?? 'rsa'} ${s.keyBits ?? '?'} bits)`,
      'add it to trust.email.domains[].dkimSelectors so it is always checked',
      where,
    );
  return undefined;
}

/** DKIM: each selector, then "none at all". */
export function dkimFindings(facts: EmailFacts): FindingInput[] {
  const out = facts.dkim.map((s) => selectorFinding(facts, s)).filter((f): f is FindingInput => f !== undefined);
  const declared = facts.dkim.some((s) => s.declared);
  if (!declared && !facts.dkim.some((s) => s.verdict.status !== 'missing')) {
    out.push(
      mailFinding(
        facts,
        'dkim-none-found',
        'medium',
        `no DKIM key found for ${facts.domain} under common selectors${facts.domainkeyNxdomain ? ` (_domainkey.${facts.domain} does not exist)` : ''}`,
        'turn on DKIM signing at your mail provider and list its selectors in trust.email.domains[].dkimSelectors',
      ),
    );
  }
  return out;
}

/** DMARC as receivers parse it (RFC 7489): missing or unparseable is "no DMARC". */
export function dmarcFindings(facts: EmailFacts): FindingInput[] {
  const d = facts.domain;
  const dmarc = facts.dmarc;
  const example = `v=DMARC1; p=none; rua=mailto:dmarc@${facts.orgDomain}`;
  if (dmarc.status === 'unknown') return [unknownFinding(facts, 'DMARC', dmarc.reason)];
  if (dmarc.status === 'missing')
    return [
      mailFinding(
        facts,
        'dmarc-missing',
        'blocker',
        `${d} has no DMARC record: Gmail and Yahoo reject or spam bulk mail from it`,
        `publish TXT at _dmarc.${facts.orgDomain}: ${example} and tighten p= later`,
      ),
    ];
  if (dmarc.status === 'multiple') {
    return [
      mailFinding(
        facts,
        'dmarc-multiple',
        'blocker',
        `${dmarc.at} has ${dmarc.records.length} DMARC records: receivers apply none of them, so ${d} has no DMARC`,
        `keep one record at ${dmarc.at}`,
        dmarc.records.join(' | '),
      ),
    ];
  }
  const { parsed } = dmarc;
  const evidence = `${dmarc.at}: ${asReceived({ value: dmarc.record, parts: dmarc.parts })}`;
  const fixed = parsed.corrected ? `: ${parsed.corrected}` : '';
  if (!parsed.valid) {
    return [
      mailFinding(
        facts,
        'dmarc-invalid',
        'blocker',
        `${d}'s DMARC record does not parse (${parsed.errors.join('; ')}): receivers discard it, so ${d} has no DMARC`,
        `replace the record at ${dmarc.at} with one in valid syntax${fixed}`,
        evidence,
      ),
    ];
  }
  return [...dmarcPolicyFindings(facts, dmarc, evidence, fixed), ...dmarcReportFindings(facts, dmarc, evidence, fixed)];
}

type FoundDmarc = Extract<DmarcFacts, { status: 'found' }>;

/** The policy a receiver applies: p= (or sp= for a subdomain under its organizational record), its tags and pct. */
function dmarcPolicyFindings(facts: EmailFacts, dmarc: FoundDmarc, evidence: string, fixed: string): FindingInput[] {
  const d = facts.domain;
  const { parsed } = dmarc;
  const out: FindingInput[] = [];
  const whose = dmarc.orgRecord ? "the organizational domain's" : 'its';
  const policyError = parsed.errors.find((e) => e.startsWith('p='));
  // A subdomain covered by its organizational domain's record follows sp= when it is set.
  const policy = dmarc.orgRecord && parsed.subdomainPolicy ? parsed.subdomainPolicy : parsed.policy;
  if (policyError)
    out.push(
      mailFinding(
        facts,
        'dmarc-p-invalid',
        'high',
        `${d}'s DMARC record (${whose}): ${policyError}`,
        `write the policy as none, quarantine or reject${fixed}`,
        evidence,
      ),
    );
  else if (policy === 'none')
    out.push(
      mailFinding(
        facts,
        'dmarc-p-none',
        'medium',
        `${d}'s DMARC policy (${whose}) is p=none: monitoring only, spoofed mail is still delivered`,
        'move to p=quarantine, then p=reject, once reports show only your senders',
        evidence,
      ),
    );
  for (const error of parsed.errors.filter((e) => e.startsWith('sp=') || e.startsWith('pct='))) {
    out.push(mailFinding(facts, 'dmarc-tag-invalid', 'low', `${d}'s DMARC record: ${error}`, `fix the tag at ${dmarc.at}`, evidence));
  }
  if (parsed.pct < 100 && policy !== 'none') {
    out.push(
      mailFinding(
        facts,
        'dmarc-pct',
        'low',
        `${d}'s DMARC applies p=${policy} to only ${parsed.pct}% of failing mail: the rest is delivered`,
        'raise pct to 100 (or remove it) once reports look clean',
        evidence,
      ),
    );
  }
  return out;
}

/** Where aggregate (rua=) and failure (ruf=) reports go: nowhere is a blind spot, not a delivery failure. */
function dmarcReportFindings(facts: EmailFacts, dmarc: FoundDmarc, evidence: string, fixed: string): FindingInput[] {
  const d = facts.domain;
  const { parsed } = dmarc;
  const out: FindingInput[] = [];
  if (parsed.ruaInvalid.length > 0 && parsed.rua.length === 0) {
    out.push(
      mailFinding(
        facts,
        'dmarc-rua-invalid',
        'low',
        `${d}'s DMARC rua=${parsed.ruaInvalid.join(',')} is not a report URI (mailto:): no reports are sent`,
        `write the address as a URI${fixed}`,
        evidence,
      ),
    );
  } else if (parsed.rua.length === 0) {
    out.push(
      mailFinding(
        facts,
        'dmarc-no-rua',
        'low',
        `${d}'s DMARC record has no rua=: you get no reports of who sends as you`,
        `add rua=mailto:dmarc@${facts.orgDomain} (or a DMARC report service)`,
        evidence,
      ),
    );
  }
  if (parsed.rufInvalid.length > 0) {
    out.push(
      mailFinding(
        facts,
        'dmarc-ruf-invalid',
        'low',
        `${d}'s DMARC ruf=${parsed.rufInvalid.join(',')} is not a report URI (mailto:): no failure reports are sent`,
        `write the address as a URI${fixed}`,
        evidence,
      ),
    );
  }
  return out;
}

/** MTA-STS and TLS-RPT: informational. */
export function mtaStsFindings(facts: EmailFacts): FindingInput[] {
  const present = (v: DnsVerdict, prefix: RegExp) => v.status === 'found' && v.records.some((r) => prefix.test(r.value));
  return [
    mailFinding(
      facts,
      'mta-sts',
      'info',
      `${facts.domain}: MTA-STS ${present(facts.mtaSts, /^v=STSv1/i) ? 'published' : 'not published'}, TLS-RPT ${present(facts.tlsRpt, /^v=TLSRPTv1/i) ? 'published' : 'not published'}`,
      'optional: publish MTA-STS and TLS-RPT so senders require TLS to your MX and report failures',
    ),
  ];
}

/** Findings for one sending domain: MX, SPF, DKIM, DMARC, MTA-STS/TLS-RPT. */
export function emailFindings(facts: EmailFacts): FindingInput[] {
  return [...mxFindings(facts), ...spfFindings(facts), ...dkimFindings(facts), ...dmarcFindings(facts), ...mtaStsFindings(facts)];
}
