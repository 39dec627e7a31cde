/**
 * A small DNS client over node's c-ares resolver, for anything outside a stage folder that needs to
 * ask one server at a time (`diagnose` compares the authoritative answer with each resolver's).
 * Only NXDOMAIN and NODATA mean `missing`; a timeout, SERVFAIL or REFUSED is `unknown`.
 */
import { promises as dnsPromises } from 'node:dns';
import { isIP } from 'node:net';
import { errorCode, isRecord } from './guards.js';

/** One record, value in presentation form; `ttl` is what the answering server has left. */
export interface DnsAnswerRecord {
  type: string;
  value: string;
  ttl?: number;
  /** TXT only: the strings as received, before joining (a record split at 255 bytes has several). */
  parts?: string[];
}

/** The verdict of one question to one server. */
export type DnsAnswer =
  { status: 'found'; records: DnsAnswerRecord[] } | { status: 'missing'; reason: 'NXDOMAIN' | 'NODATA' } | { status: 'unknown'; reason: string };

export type DnsQuestionType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA' | 'MX' | 'TXT' | 'CAA';

const UNKNOWN_REASONS: Record<string, string> = {
  ESERVFAIL: 'SERVFAIL',
  ETIMEOUT: 'timeout',
  EREFUSED: 'REFUSED',
  ECONNREFUSED: 'resolver unreachable (connection refused)',
  EBADRESP: 'malformed answer',
  ECANCELLED: 'cancelled',
  ENOTIMP: 'NOTIMP',
  EFORMERR: 'FORMERR',
};

/** Classify a resolver error: NXDOMAIN/NODATA are `missing`, everything else `unknown`. */
export function dnsAnswerOfError(error: unknown): Exclude<DnsAnswer, { status: 'found' }> {
  const code = errorCode(error) ?? '';
  if (code === 'ENOTFOUND') return { status: 'missing', reason: 'NXDOMAIN' };
  if (code === 'ENODATA') return { status: 'missing', reason: 'NODATA' };
  return { status: 'unknown', reason: UNKNOWN_REASONS[code] ?? (code || String((isRecord(error) ? error.message : undefined) ?? error)) };
}

/** `1.1.1.1`, `127.0.0.1:5353`, `[::1]:53` → node's `setServers` form; throws naming the server when it is not an IP. */
export function serverAddress(server: string, defaultPort = 53, label = 'DNS server'): string {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  let host = server;
  let port = defaultPort;
  if (bracketed) {
    host = bracketed[1]!;
    if (bracketed[2]) port = Number(bracketed[2]);
  } else if (isIP(server) !== 6) {
    const colon = server.lastIndexOf(':');
    if (colon > 0) {
      host = server.slice(0, colon);
      port = Number(server.slice(colon + 1));
    }
  }
  if (isIP(host) === 0) throw new Error(`${label} "${server}" is not an IP address; give the DNS server's address, e.g. 1.1.1.1 or 127.0.0.1:5353`);
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Asks questions of one fixed set of servers (or the system's when empty). */
export interface SimpleDnsClient {
  query(name: string, type: DnsQuestionType): Promise<DnsAnswer>;
}

/** A client for `servers` (`host[:port]`), with a per-query timeout and tries. */
export function createSimpleDnsClient(servers: readonly string[], options: { timeoutMs: number; tries: number }): SimpleDnsClient {
  const resolver = new dnsPromises.Resolver({ timeout: options.timeoutMs, tries: options.tries });
  if (servers.length > 0) resolver.setServers(servers.map((s) => serverAddress(s)));
  return {
    async query(name, type) {
      try {
        return { status: 'found', records: await recordsOf(resolver, name, type) };
      } catch (error) {
        return dnsAnswerOfError(error);
      }
    },
  };
}

/** Ask one question through c-ares, records in presentation form (MX by priority, TXT strings joined). */
export async function recordsOf(resolver: dnsPromises.Resolver, name: string, type: DnsQuestionType): Promise<DnsAnswerRecord[]> {
  switch (type) {
    case 'A':
      return (await resolver.resolve4(name, { ttl: true })).map((r) => ({ type, value: r.address, ttl: r.ttl }));
    case 'AAAA':
      return (await resolver.resolve6(name, { ttl: true })).map((r) => ({ type, value: r.address, ttl: r.ttl }));
    case 'CNAME':
      return (await resolver.resolveCname(name)).map((value) => ({ type, value }));
    case 'NS':
      return (await resolver.resolveNs(name)).map((value) => ({ type, value }));
    case 'MX':
      return (await resolver.resolveMx(name)).sort((a, b) => a.priority - b.priority).map((r) => ({ type, value: `${r.priority} ${r.exchange}` }));
    case 'TXT':
      return (await resolver.resolveTxt(name)).map((parts) => ({ type, value: parts.join(''), parts }));
    case 'CAA':
      return (await resolver.resolveCaa(name)).map((r) => ({ type, value: caaValue(r) }));
    case 'SOA': {
      const soa = await resolver.resolveSoa(name);
      return [{ type, value: `${soa.nsname} ${soa.hostmaster} ${soa.serial}`, ttl: soa.minttl }];
    }
  }
}

function caaValue(record: { critical: number; issue?: string; issuewild?: string; iodef?: string; contactemail?: string; contactphone?: string }): string {
  for (const tag of ['issue', 'issuewild', 'iodef'] as const) {
    if (record[tag] !== undefined) return `${record.critical} ${tag} "${record[tag]}"`;
  }
  return `${record.critical}`;
}
