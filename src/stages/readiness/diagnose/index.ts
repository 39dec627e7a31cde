/**
 * `diagnose URL`: DNS (authoritative vs resolvers), TCP and TLS (with the certificate), HTTP (status,
 * timing, Cloudflare or origin), the origin directly when `connectTo` names it, and the health
 * endpoint; then one answer. Used by the `diagnose` command and by the stage for each critical URL.
 */
import { isIP } from 'node:net';
import { applyConnectTo, parseConnectRules } from '../../../core/network.js';
import type { NetworkOptions } from '../../../core/stage.js';
import type { BlockCell, TableBlock } from '../../../core/blocks.js';
import { readHealthAnswer, type HealthReport } from '../health.js';
import { diagnoseDns, type DnsLayer } from './dns-layer.js';
import { probe, type Probe } from './probe.js';
import { decide, probeProblem, type DiagnoseFacts, type Verdict } from './verdict.js';

export type { Verdict } from './verdict.js';

export interface DiagnoseOptions {
  network: NetworkOptions;
  authoritative: readonly string[];
  healthUrl?: string;
  /** A health report already read (the stage reads it once for every URL). */
  health?: HealthReport;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** One diagnosis: the facts per layer and the answer. */
export interface Diagnosis extends Verdict {
  facts: DiagnoseFacts;
}

const portOf = (url: URL) => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);

/** Diagnose one URL; never throws for network trouble (each layer says what it saw). */
export async function diagnoseUrl(target: string, options: DiagnoseOptions): Promise<Diagnosis> {
  const url = new URL(target);
  const port = portOf(url);
  const probeOptions = { ca: options.network.ca, timeoutMs: options.timeoutMs, ...(options.signal ? { signal: options.signal } : {}) };
  const [dns, health] = await Promise.all([
    diagnoseDns(url.hostname, { resolvers: options.network.resolvers, authoritative: options.authoritative, timeoutMs: options.timeoutMs }),
    options.health ? Promise.resolve(options.health) : options.healthUrl ? readHealth(options.healthUrl, options) : Promise.resolve(undefined),
  ]);
  const facts: DiagnoseFacts = { url: url.href, dns };
  if (health) facts.health = health;
  const rules = parseConnectRules(options.network.connectTo);
  const routed = applyConnectTo(rules, url.hostname, port);
  const jobs: Promise<void>[] = [];
  // A rule for every host routes the front door itself (as for every other request of the gate);
  // a rule naming this host points at a new origin, tried beside what DNS gives.
  const frontDoorPort = routed.everyHost ? routed.port : port;
  const frontDoor = async (address: string) => (routed.everyHost ? ((await routeAddress(routed.host, options)) ?? address) : address);
  if (dns.address) jobs.push(frontDoor(dns.address).then(async (address) => void (facts.main = await probe(url, address, frontDoorPort, probeOptions))));
  if (dns.authoritativeAddress)
    jobs.push(frontDoor(dns.authoritativeAddress).then(async (address) => void (facts.fresh = await probe(url, address, frontDoorPort, probeOptions))));
  if (routed.rewritten && !routed.everyHost) {
    jobs.push(
      routeAddress(routed.host, options).then(async (address) => {
        const target = `${routed.host}:${routed.port}`;
        facts.origin = address
          ? { ...(await probe(url, address, routed.port, probeOptions)), target }
          : { tcp: { ok: false, address: routed.host, port: routed.port, error: 'the connectTo target does not resolve' }, target };
      }),
    );
  }
  await Promise.all(jobs);
  return { ...decide(facts), facts };
}

/** The health endpoint through connectTo (like every request of the gate), else the resolvers. */
export async function readHealth(
  healthUrl: string,
  options: Pick<DiagnoseOptions, 'network' | 'authoritative' | 'timeoutMs' | 'signal'>,
): Promise<HealthReport> {
  const url = new URL(healthUrl);
  const port = portOf(url);
  const routed = applyConnectTo(parseConnectRules(options.network.connectTo), url.hostname, port);
  const address = await routeAddress(routed.host, options);
  if (!address) return readHealthAnswer(healthUrl, { error: `${url.hostname} does not resolve` });
  const result = await probe(url, address, routed.port, {
    ca: options.network.ca,
    timeoutMs: options.timeoutMs,
    headers: { accept: 'application/health+json, application/json;q=0.9, */*;q=0.1' },
  });
  if (!result.http || result.http.error) return readHealthAnswer(healthUrl, { error: result.http?.error ?? probeProblem(result) });
  return readHealthAnswer(healthUrl, {
    status: result.http.status ?? 0,
    ...(result.http.contentType ? { contentType: result.http.contentType } : {}),
    body: result.http.body ?? '',
  });
}

async function routeAddress(host: string, options: Pick<DiagnoseOptions, 'network' | 'authoritative' | 'timeoutMs'>): Promise<string | undefined> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return bare;
  const dns = await diagnoseDns(bare, { resolvers: options.network.resolvers, authoritative: [], timeoutMs: options.timeoutMs });
  return dns.address;
}

/** The evidence per layer, as a table for the reports and the terminal. */
export function layersTable(diagnosis: Diagnosis): TableBlock {
  const { facts } = diagnosis;
  const rows: BlockCell[][] = [dnsRow(facts.dns)];
  const main = facts.main;
  if (main) rows.push(...probeRows(main, ''));
  if (facts.fresh) rows.push(...probeRows(facts.fresh, 'new address ').filter((r) => r[0] === 'new address HTTP'));
  if (facts.origin) {
    const o = facts.origin;
    rows.push([
      'Origin (connectTo)',
      o.http?.ok === true,
      o.http?.status !== undefined ? `${o.target}: HTTP ${o.http.status} in ${o.http.ms} ms` : `${o.target}: ${probeProblem(o)}`,
    ]);
  }
  if (facts.health) rows.push(healthRow(facts.health));
  return { kind: 'table', title: `Diagnose ${facts.url}: ${diagnosis.sentence}`, columns: ['Layer', 'OK', 'Evidence'], rows };
}

function dnsRow(dns: DnsLayer): BlockCell[] {
  if (dns.status === 'literal') return ['DNS', true, `${dns.host} is an IP address`];
  const answers = dns.resolvers.map(
    (r) =>
      `${r.server}: ${r.status === 'found' ? `${r.addresses.join(', ')}${r.ttl !== undefined ? ` (TTL ${r.ttl} s)` : ''}${r.stale ? ' OLD' : ''}` : r.reason}`,
  );
  const auth = dns.authoritative
    ? `authoritative ${dns.authoritative.server}: ${dns.authoritative.status === 'found' ? dns.authoritative.addresses.join(', ') : dns.authoritative.reason}`
    : (dns.note ?? 'no authoritative answer');
  const evidence = dns.authoritative ? [auth, ...answers] : [...answers, auth];
  return ['DNS', dns.status === 'ok' ? true : dns.status === 'propagating' ? 'propagating' : false, evidence.join('; ')];
}

function probeRows(p: Probe, prefix: string): BlockCell[][] {
  const rows: BlockCell[][] = [[`${prefix}TCP`, p.tcp.ok, `${p.tcp.address}:${p.tcp.port}${p.tcp.ok ? ` in ${p.tcp.ms} ms` : `: ${p.tcp.error}`}`]];
  if (p.tls) {
    const cert = [
      p.tls.subject && `subject ${p.tls.subject}`,
      p.tls.issuer && `issuer ${p.tls.issuer}`,
      p.tls.notAfter && `expires ${p.tls.notAfter.slice(0, 10)} (${p.tls.daysLeft} days)`,
    ]
      .filter(Boolean)
      .join(', ');
    rows.push([`${prefix}TLS`, p.tls.ok, [p.tls.error, p.tls.protocol, cert].filter(Boolean).join('; ')]);
  }
  if (p.http) {
    const via = p.http.cfRay
      ? `Cloudflare edge (cf-ray ${p.http.cfRay}, cf-cache-status ${p.http.cfCacheStatus ?? 'none'})`
      : `origin${p.http.server ? ` (server: ${p.http.server})` : ''}`;
    rows.push([`${prefix}HTTP`, p.http.ok, p.http.status !== undefined ? `${p.http.status} in ${p.http.ms} ms from ${via}` : (p.http.error ?? 'no answer')]);
  }
  return rows;
}

function healthRow(health: HealthReport): BlockCell[] {
  if (health.kind === 'none') return ['Health', false, `${health.url}: ${health.error}`];
  const down = health.dependencies.filter((d) => !d.ok);
  const deps = health.dependencies.map((d) => `${d.name} ${d.status}`).join(', ');
  return [
    'Health',
    down.length === 0 && (health.httpStatus ?? 500) < 500,
    `${health.url}: HTTP ${health.httpStatus}${health.status ? `, status ${health.status}` : ''}${deps ? `; ${deps}` : `; ${health.kind}`}`,
  ];
}
