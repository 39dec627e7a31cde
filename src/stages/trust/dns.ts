import { getServers, promises as dnsPromises } from 'node:dns';
import { isIP } from 'node:net';
import { splitHostPort } from './config.js';
import { confirmMissing } from './dns-rcode.js';
import { dnsAnswerOfError } from '../../core/dns.js';

/**
 * The verdict of one DNS question. Only NXDOMAIN and NODATA mean `missing`; SERVFAIL, REFUSED, a
 * timeout or an unreachable resolver are `unknown` and carry the resolver's answer.
 */
export type DnsVerdict =
  { status: 'found'; records: DnsRecord[] } | { status: 'missing'; reason: 'NXDOMAIN' | 'NODATA' } | { status: 'unknown'; reason: string };

/** One record as found, value in presentation form (TXT strings joined). */
export interface DnsRecord {
  type: string;
  value: string;
  ttl?: number;
  /** TXT only: the strings as received, before joining (a record split at 255 bytes has several). */
  parts?: string[];
}

export type RecordType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'TXT' | 'CAA' | 'NS';

/** Asks one question; the only DNS edge of the stage. */
export interface DnsClient {
  query(name: string, type: RecordType): Promise<DnsVerdict>;
  /** For mailauth: node's `dns.resolve` shape, errors carrying node's codes. */
  raw(name: string, type: string): Promise<unknown[]>;
}

export interface DnsClientOptions {
  /** `host` or `host:port`; empty = the system's resolvers. */
  servers: string[];
  timeoutMs: number;
  tries: number;
}

/** Classify a resolver error: NXDOMAIN/NODATA are `missing`, everything else `unknown` (one rule, in core). */
export function verdictOfError(error: unknown): DnsVerdict {
  return dnsAnswerOfError(error);
}

/** Resolver addresses for node's `setServers` (`host:port`, IPv6 in brackets). Config validation made them IPs. */
export function resolverAddresses(servers: string[]): string[] {
  return servers.map((server) => {
    const { host, port } = splitHostPort(server, 53);
    if (isIP(host) === 0) throw new Error(`resolver "${server}" is not an IP address; give the DNS server's address, e.g. 1.1.1.1 or 127.0.0.1:5353`);
    return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
  });
}

/** A DNS client over node's c-ares resolver with our servers, timeout and tries. */
export async function createDnsClient(options: DnsClientOptions): Promise<DnsClient> {
  const resolver = new dnsPromises.Resolver({ timeout: options.timeoutMs, tries: options.tries });
  if (options.servers.length > 0) resolver.setServers(resolverAddresses(options.servers));
  const cache = new Map<string, Promise<DnsVerdict>>();
  const servers = options.servers.length > 0 ? options.servers : getServers();
  // c-ares says "no data" for rcodes it does not know and for packets that are not responses: ask the server itself.
  const confirm = async (name: string, type: string, verdict: DnsVerdict): Promise<DnsVerdict> => {
    if (verdict.status !== 'missing') return verdict;
    const answer = await confirmMissing(name, type, servers, options.timeoutMs);
    return answer.status === 'unchecked' ? verdict : answer;
  };
  const ask = async (name: string, type: RecordType): Promise<DnsVerdict> => {
    try {
      return { status: 'found', records: await recordsOf(resolver, name, type) };
    } catch (error) {
      return confirm(name, type, verdictOfError(error));
    }
  };
  return {
    query(name, type) {
      const key = `${type} ${name}`;
      let answer = cache.get(key);
      if (!answer) cache.set(key, (answer = ask(name, type)));
      return answer;
    },
    raw: async (name, type) => {
      try {
        const answer = await resolver.resolve(name, type);
        // SOA is one record, not a list; mailauth never asks for it.
        return Array.isArray(answer) ? answer : [answer];
      } catch (error) {
        const verdict = await confirm(name, type, verdictOfError(error));
        if (verdict.status === 'unknown') throw Object.assign(new Error(`${type} ${name}: ${verdict.reason}`), { code: 'EBADRESP' });
        throw error;
      }
    },
  };
}

async function recordsOf(resolver: dnsPromises.Resolver, name: string, type: RecordType): Promise<DnsRecord[]> {
  switch (type) {
    case 'A':
      return (await resolver.resolve4(name, { ttl: true })).map((r) => ({ type, value: r.address, ttl: r.ttl }));
    case 'AAAA':
      return (await resolver.resolve6(name, { ttl: true })).map((r) => ({ type, value: r.address, ttl: r.ttl }));
    case 'CNAME':
      return (await resolver.resolveCname(name)).map((value) => ({ type, value }));
    case 'MX':
      return (await resolver.resolveMx(name)).sort((a, b) => a.priority - b.priority).map((r) => ({ type, value: `${r.priority} ${r.exchange}` }));
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((parts) => ({ type, value: parts.join(''), parts }));
    case 'NS':
      return (await resolver.resolveNs(name)).map((value) => ({ type, value }));
    case 'CAA':
      return (await resolver.resolveCaa(name)).map((r) => ({ type, value: caaValue(r) }));
  }
}

function caaValue(record: { critical: number; issue?: string; issuewild?: string; iodef?: string; contactemail?: string; contactphone?: string }): string {
  for (const tag of ['issue', 'issuewild', 'iodef'] as const) {
    if (record[tag] !== undefined) return `${record.critical} ${tag} "${record[tag]}"`;
  }
  return `${record.critical}`;
}

/**
 * Where to dial a name, by this stage's own DNS: its first A record, else its first AAAA. An
 * unknown answer (timeout, SERVFAIL) fails with that reason rather than reading as "no address".
 */
export function addressResolver(dns: DnsClient): (host: string) => Promise<string> {
  return async (host) => {
    for (const type of ['A', 'AAAA'] as const) {
      const answer = await dns.query(host, type);
      if (answer.status === 'found' && answer.records[0]) return answer.records[0].value;
      if (answer.status === 'unknown') throw new Error(`DNS for ${host} is unknown (${answer.reason})`);
    }
    throw new Error(`${host} has no address`);
  };
}
