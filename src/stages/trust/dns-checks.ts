import type { FindingInput } from '../../core/findings.js';
import type { DnsRecord, DnsVerdict } from './dns.js';

/** What DNS said about one hostname: addresses (through any CNAME) and CAA. */
export interface HostDns {
  host: string;
  a: DnsVerdict;
  aaaa: DnsVerdict;
  cname: DnsVerdict;
  caa: DnsVerdict;
}

/** Hostname resolution verdict: found, missing (NXDOMAIN/NODATA on both), or unknown. */
export type Resolution = { status: 'found'; addresses: string[] } | { status: 'missing'; reason: string } | { status: 'unknown'; reason: string };

/** Launch records above this TTL make a cut-over slow to take effect. */
export const MAX_LAUNCH_TTL = 3600;

/** Combine A and AAAA: any address is found; both missing is missing; otherwise unknown, never missing. */
export function resolutionOf(dns: HostDns): Resolution {
  const addresses = [dns.a, dns.aaaa].flatMap((v) => (v.status === 'found' ? v.records.map((r) => r.value) : []));
  if (addresses.length > 0) return { status: 'found', addresses };
  const unknown = [dns.a, dns.aaaa].find((v) => v.status === 'unknown');
  if (unknown && unknown.status === 'unknown') return { status: 'unknown', reason: unknown.reason };
  const reasons = [dns.a, dns.aaaa].map((v) => (v.status === 'missing' ? v.reason : ''));
  return { status: 'missing', reason: reasons.includes('NXDOMAIN') ? 'NXDOMAIN' : 'NODATA' };
}

/** The records shown in the domain map and checked for TTL. */
export function recordsOf(dns: HostDns): DnsRecord[] {
  return [dns.cname, dns.a, dns.aaaa, dns.caa].flatMap((v) => (v.status === 'found' ? v.records : []));
}

/** Findings about one hostname's DNS: missing, unknown, long TTLs, CAA. */
export function hostDnsFindings(dns: HostDns, paths: string[]): FindingInput[] {
  const host = dns.host;
  const location = { host };
  const findings: FindingInput[] = [];
  const resolution = resolutionOf(dns);
  const cnameTarget = dns.cname.status === 'found' ? dns.cname.records[0]?.value : undefined;
  if (resolution.status === 'missing' && cnameTarget) {
    findings.push({
      ruleId: 'dns-dangling-cname',
      severity: 'blocker',
      title: `${host} is a CNAME to ${cnameTarget}, which does not resolve (${resolution.reason}): the site is down and the name can be taken over`,
      fix: `point ${host} at a live target, or delete the record if the service behind ${cnameTarget} is gone`,
      paths,
      location,
      evidence: `CNAME ${cnameTarget}; A: ${resolution.reason}`,
    });
  } else if (resolution.status === 'missing') {
    findings.push({
      ruleId: 'dns-missing',
      severity: 'blocker',
      title: `${host} does not resolve (${resolution.reason}): visitors get "site can't be reached"`,
      fix: `add an A/AAAA or CNAME record for ${host} at your DNS provider`,
      paths,
      location,
      evidence: `A: ${resolution.reason}`,
    });
  } else if (resolution.status === 'unknown') {
    findings.push({
      ruleId: 'dns-unknown',
      severity: 'high',
      title: `could not tell whether ${host} resolves: the resolver answered ${resolution.reason}`,
      fix: "check the DNS provider's status and the resolvers in trust.resolvers, then run again; this is not a missing record",
      paths,
      location,
      evidence: `A: ${resolution.reason}`,
    });
  }
  const long = recordsOf(dns).filter((r) => r.ttl !== undefined && r.ttl > MAX_LAUNCH_TTL);
  if (long.length > 0) {
    findings.push({
      ruleId: 'dns-ttl-long',
      severity: 'low',
      title: `${host} has a TTL of ${Math.max(...long.map((r) => r.ttl!))} s: a change at launch takes that long to reach everyone`,
      fix: `lower the TTL of ${host} to 300 s a day before you change the record; raise it again after launch`,
      paths,
      location,
      evidence: long.map((r) => `${r.type} ${r.value} ttl=${r.ttl}`).join(', '),
    });
  }
  if (dns.caa.status === 'missing') {
    findings.push({
      ruleId: 'dns-caa-missing',
      severity: 'info',
      title: `${host} has no CAA record: any certificate authority may issue for it`,
      fix: `optionally add a CAA record naming your CA, e.g. 0 issue "letsencrypt.org"`,
      paths,
      location,
    });
  }
  return findings;
}

/** Root and www must both resolve: people type either. */
export function rootAndWwwFindings(domain: string, root: Resolution, www: Resolution): FindingInput[] {
  const findings: FindingInput[] = [];
  for (const [name, resolution] of [
    [domain, root],
    [`www.${domain}`, www],
  ] as const) {
    if (resolution.status !== 'missing') continue;
    findings.push({
      ruleId: 'dns-root-www',
      severity: 'blocker',
      title: `${name} does not resolve (${resolution.reason}): people who type it get an error`,
      fix: `add a record for ${name} that redirects to your canonical URL`,
      paths: ['homepage'],
      location: { host: name },
      evidence: `A: ${resolution.reason}`,
    });
  }
  return findings;
}
