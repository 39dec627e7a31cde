import type { IncomingHttpHeaders } from 'node:http';
import type { FindingInput } from '../../core/findings.js';
import type { Severity } from '../../core/severity.js';
import type { TlsProbe } from './tls.js';

const DAY_MS = 86_400_000;
/** HSTS max-age browsers need to remember the host for a year (preload lists require it too). */
export const HSTS_MIN_SECONDS = 31_536_000;

/** Whole days from `now` to `notAfter` (negative when expired). */
export function daysLeft(notAfter: string, now: Date): number {
  return Math.floor((Date.parse(notAfter) - now.getTime()) / DAY_MS);
}

/** Expiry severity: < 7 days blocker, < 21 high, < 30 medium. */
export function expirySeverity(days: number): Severity | undefined {
  if (days < 7) return 'blocker';
  if (days < 21) return 'high';
  if (days < 30) return 'medium';
  return undefined;
}

/** OpenSSL verification codes meaning the server did not send its intermediate certificate(s). */
const INCOMPLETE_CHAIN = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT']);
const EXPIRED = new Set(['CERT_HAS_EXPIRED']);

/** Findings from one TLS handshake: no answer, untrusted chain, name not covered, expiry. */
export function tlsFindings(probe: TlsProbe, paths: string[], now: Date): FindingInput[] {
  const host = probe.host;
  const location = { host, url: `https://${host}/` };
  if (!probe.connected) {
    return [
      {
        ruleId: 'tls-no-answer',
        severity: 'blocker',
        title: `https://${host}/ does not complete a TLS handshake: ${probe.error ?? 'no answer'}`,
        fix: `serve HTTPS on ${host} (port 443) with a certificate for the name, or remove the hostname from the launch`,
        paths,
        location,
      },
    ];
  }
  const findings: FindingInput[] = [];
  const evidence = `issuer: ${probe.issuer ?? '?'}; notAfter: ${probe.notAfter ?? '?'}${probe.san ? `; ${probe.san}` : ''}`;
  if (probe.chainError && INCOMPLETE_CHAIN.has(probe.chainError)) {
    findings.push({
      ruleId: 'tls-incomplete-chain',
      severity: 'high',
      title: `${host} does not send its intermediate certificate: some browsers, phones and API clients reject it`,
      fix: 'serve the full chain (leaf + intermediates, e.g. fullchain.pem), not the leaf certificate alone',
      paths,
      location,
      evidence: `${probe.chainError}; ${evidence}`,
    });
  } else if (probe.chainError && !EXPIRED.has(probe.chainError)) {
    findings.push({
      ruleId: 'tls-untrusted',
      severity: 'blocker',
      title: `${host}'s certificate is not trusted (${probe.chainError}): browsers show a security warning`,
      fix: "use a certificate from a public CA (e.g. Let's Encrypt) and serve its full chain",
      paths,
      location,
      evidence,
    });
  }
  if (probe.nameError) {
    findings.push({
      ruleId: 'tls-name-mismatch',
      severity: 'blocker',
      title: `${host}'s certificate does not cover the name ${host}: browsers show a security warning`,
      fix: `issue a certificate whose SAN list includes ${host} (or a matching wildcard)`,
      paths,
      location,
      evidence,
    });
  }
  if (probe.badDate) findings.push(badDateFinding(probe, paths, evidence));
  if (probe.notAfter) {
    const days = daysLeft(probe.notAfter, now);
    const severity = days < 0 || probe.chainError === 'CERT_HAS_EXPIRED' ? 'blocker' : expirySeverity(days);
    if (severity) {
      findings.push({
        ruleId: days < 0 ? 'tls-expired' : 'tls-expiring',
        severity,
        title:
          days < 0
            ? `${host}'s certificate expired ${Math.max(1, Math.trunc((now.getTime() - Date.parse(probe.notAfter)) / DAY_MS))} day(s) ago: browsers block the site`
            : `${host}'s certificate expires in ${days} day(s)`,
        fix: "renew the certificate now and check that automatic renewal (certbot, your host's ACME) runs",
        paths,
        location,
        evidence,
      });
    }
  }
  return findings;
}

/** A certificate whose expiry the runtime cannot read ("Bad time value"): browsers reject it too. */
function badDateFinding(probe: TlsProbe, paths: string[], evidence: string): FindingInput {
  return {
    ruleId: 'tls-bad-date',
    severity: 'blocker',
    title: `${probe.host}'s certificate has an expiry date that cannot be read (${probe.badDate}): browsers reject it as invalid`,
    fix: 'reissue the certificate from your CA or ACME client; a well-formed certificate states its validity in UTCTime or GeneralizedTime',
    paths,
    location: { host: probe.host, url: `https://${probe.host}/` },
    evidence,
  };
}

/** TLS 1.0/1.1 still accepted: medium (PCI and modern clients expect them off). */
export function legacyTlsFinding(host: string, version: string, paths: string[]): FindingInput {
  return {
    ruleId: 'tls-legacy-version',
    severity: 'medium',
    title: `${host} still accepts ${version}`,
    fix: 'set the minimum TLS version to 1.2 at your load balancer, CDN or web server',
    paths,
    location: { host },
    evidence: `handshake completed with ${version}`,
  };
}

/** HSTS on a host's HTTPS answer: missing or short is medium (includeSubDomains/preload are noted in the domain map). */
export function hstsFindings(host: string, headers: IncomingHttpHeaders, paths: string[]): FindingInput[] {
  const location = { host, url: `https://${host}/` };
  const raw = headers['strict-transport-security'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) {
    return [
      {
        ruleId: 'hsts-missing',
        severity: 'medium',
        title: `${host} sends no Strict-Transport-Security header: a first visit over http:// can be intercepted`,
        fix: 'send Strict-Transport-Security: max-age=31536000; includeSubDomains on every HTTPS answer',
        paths,
        location,
      },
    ];
  }
  const maxAge = Number(/max-age\s*=\s*"?(\d+)/i.exec(value)?.[1] ?? '0');
  const findings: FindingInput[] = [];
  if (maxAge < HSTS_MIN_SECONDS) {
    findings.push({
      ruleId: 'hsts-short',
      severity: 'medium',
      title: `${host}'s HSTS max-age is ${maxAge} s, under a year`,
      fix: 'raise max-age to 31536000 (one year) once HTTPS works on every subdomain',
      paths,
      location,
      evidence: value,
    });
  }
  return findings;
}

/** `max-age 31536000 s, includeSubDomains, preload` for the domain map; null without the header. */
export function hstsNote(headers: IncomingHttpHeaders): string | null {
  const raw = headers['strict-transport-security'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  const maxAge = Number(/max-age\s*=\s*"?(\d+)/i.exec(value)?.[1] ?? '0');
  return [
    `max-age ${maxAge} s`,
    /includesubdomains/i.test(value) ? 'includeSubDomains' : 'no includeSubDomains',
    /preload/i.test(value) ? 'preload' : 'not preloaded',
  ].join(', ');
}
