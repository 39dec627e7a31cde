import { getServers, promises as dnsPromises } from 'node:dns';
import { confirmMissing } from './dns-rcode.js';
import { dnsAnswerOfError, recordsOf, serverAddress, type DnsAnswerRecord } from '../../core/dns.js';

/**
 * The verdict of one DNS question. Only NXDOMAIN and NODATA mean `missing`; SERVFAIL, REFUSED, a
 * timeout or an unreachable resolver are `unknown` and carry the resolver's answer.
 */
export type DnsVerdict =
  { status: 'found'; records: DnsRecord[] } | { status: 'missing'; reason: 'NXDOMAIN' | 'NODATA' } | { status: 'unknown'; reason: string };

/** One record as found, value in presentation form (TXT strings joined, their `parts` kept). */
export type DnsRecord = DnsAnswerRecord;

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
  return servers.map((server) => serverAddress(server, 53, 'resolver'));
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
