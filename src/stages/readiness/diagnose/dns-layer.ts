/**
 * The DNS layer: what the zone's authoritative servers answer for a hostname, next to what each
 * configured resolver serves (propagation: who still serves the old address, and its TTL left).
 */
import { isIP } from 'node:net';
import { createSimpleDnsClient, serverAddress, type DnsAnswer, type SimpleDnsClient } from '../../../core/dns.js';

/** One server's answer for the hostname's addresses. */
export interface ServerAnswer {
  server: string;
  status: 'found' | 'missing' | 'unknown';
  addresses: string[];
  ttl?: number;
  reason?: string;
  /** True when this resolver serves addresses the authoritative servers no longer give. */
  stale?: boolean;
}

export interface DnsLayer {
  host: string;
  /** `ok`: resolves and agrees; `propagating`: some resolvers serve an old address; `missing`/`unknown`: no address. */
  status: 'ok' | 'propagating' | 'missing' | 'unknown' | 'literal';
  authoritative?: ServerAnswer;
  resolvers: ServerAnswer[];
  /** The address users get (the first resolver's), absent when none resolves. */
  address?: string;
  /** The authoritative (new) address, when it differs from what users get. */
  authoritativeAddress?: string;
  note?: string;
}

export interface DnsLayerOptions {
  /** `trust.resolvers`; empty = the system's resolvers. */
  resolvers: readonly string[];
  /** `readiness.authoritative`; empty = found through the NS records. */
  authoritative: readonly string[];
  timeoutMs: number;
}

/** Ask every resolver and the authoritative servers; never throws. */
export async function diagnoseDns(host: string, options: DnsLayerOptions): Promise<DnsLayer> {
  const name = host.replace(/^\[|\]$/g, '');
  if (isIP(name) !== 0) return { host, status: 'literal', resolvers: [], address: name };
  const clientOptions = { timeoutMs: Math.max(200, Math.floor(options.timeoutMs / 2)), tries: 1 };
  const servers = options.resolvers.length > 0 ? [...options.resolvers] : [];
  const resolverAnswers =
    servers.length > 0
      ? await Promise.all(servers.map((server) => addressesFrom(createSimpleDnsClient([server], clientOptions), server, name)))
      : [await addressesFrom(createSimpleDnsClient([], clientOptions), 'system resolver', name)];
  const authoritativeServers = options.authoritative.length > 0 ? [...options.authoritative] : await findAuthoritative(name, servers, clientOptions);
  let authoritative: ServerAnswer | undefined;
  for (const server of authoritativeServers) {
    authoritative = await addressesFrom(createSimpleDnsClient([server], clientOptions), server, name);
    if (authoritative.status !== 'unknown') break;
  }
  return summarise(host, resolverAnswers, authoritative, authoritativeServers.length === 0);
}

/** Pure: the layer's status from the answers. */
export function summarise(host: string, resolvers: ServerAnswer[], authoritative: ServerAnswer | undefined, noAuthoritative: boolean): DnsLayer {
  const layer: DnsLayer = { host, status: 'ok', resolvers };
  if (authoritative) layer.authoritative = authoritative;
  if (noAuthoritative) layer.note = 'no authoritative server found (no NS answer); set readiness.authoritative to compare';
  const truth = authoritative?.status === 'found' ? new Set(authoritative.addresses) : undefined;
  if (truth) {
    for (const answer of resolvers) {
      if (answer.status === 'found' && answer.addresses.some((a) => !truth.has(a))) answer.stale = true;
    }
  }
  const first = resolvers.find((r) => r.status === 'found');
  if (first) layer.address = first.addresses[0]!;
  if (truth && authoritative && layer.address && !truth.has(layer.address)) layer.authoritativeAddress = authoritative.addresses[0]!;
  if (!first) {
    if (truth && authoritative) {
      // The zone has the record, but no resolver serves it yet (a negative answer still cached).
      layer.status = 'propagating';
      layer.authoritativeAddress = authoritative.addresses[0]!;
    } else {
      // Every resolver said NXDOMAIN/NODATA: missing. A timeout or SERVFAIL is never "missing".
      layer.status = resolvers.some((r) => r.status === 'unknown') ? 'unknown' : 'missing';
    }
    return layer;
  }
  if (resolvers.some((r) => r.stale || r.status !== 'found')) layer.status = 'propagating';
  return layer;
}

async function addressesFrom(client: SimpleDnsClient, server: string, name: string): Promise<ServerAnswer> {
  const a = await client.query(name, 'A');
  const answer = a.status === 'missing' && a.reason === 'NODATA' ? await client.query(name, 'AAAA') : a;
  return answerOf(server, answer);
}

function answerOf(server: string, answer: DnsAnswer): ServerAnswer {
  if (answer.status === 'found') {
    const out: ServerAnswer = { server, status: 'found', addresses: answer.records.map((r) => r.value) };
    const ttls = answer.records.map((r) => r.ttl).filter((t): t is number => t !== undefined);
    if (ttls.length > 0) out.ttl = Math.min(...ttls);
    return out;
  }
  return { server, status: answer.status, addresses: [], reason: answer.reason };
}

/** The zone's NS servers as `ip:53`: walk up from the name until an NS answer, then resolve each NS host. */
async function findAuthoritative(name: string, resolvers: readonly string[], options: { timeoutMs: number; tries: number }): Promise<string[]> {
  const client = createSimpleDnsClient(resolvers, options);
  const labels = name.replace(/\.$/, '').split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const zone = labels.slice(i).join('.');
    const ns = await client.query(zone, 'NS');
    if (ns.status !== 'found') continue;
    const out: string[] = [];
    for (const record of ns.records.slice(0, 3)) {
      const address = await client.query(record.value, 'A');
      if (address.status === 'found') out.push(...address.records.slice(0, 1).map((r) => serverAddress(r.value)));
    }
    return out;
  }
  return [];
}
