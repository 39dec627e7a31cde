/**
 * "Is it DNS or the app?": one answer from the layers' evidence. Pure.
 * - dns: the name does not resolve (or cannot be resolved), or resolvers still serve an old address
 *   that fails while the authoritative one works;
 * - edge: the front door fails (TLS, or the CDN/load balancer) while the origin answers directly;
 * - app: the origin's own answer is an error (5xx, or it does not answer at all);
 * - third-party: the page's own health endpoint names a dependency that is down.
 */
import { failingDependencies, type HealthReport } from '../health.js';
import type { DnsLayer } from './dns-layer.js';
import type { Probe } from './probe.js';

export type DiagnoseAnswer = 'healthy' | 'dns' | 'edge' | 'app' | 'third-party';

/** Everything one diagnosis saw. */
export interface DiagnoseFacts {
  url: string;
  dns: DnsLayer;
  /** Through the address users get. */
  main?: Probe;
  /** Through the authoritative address, when resolvers still serve an old one. */
  fresh?: Probe;
  /** Straight to the origin named by `connectTo`. */
  origin?: Probe & { target: string };
  health?: HealthReport;
}

export interface Verdict {
  answer: DiagnoseAnswer;
  /** `app: /signup answers 502 from the origin while DNS and TLS are fine`. */
  sentence: string;
}

/** Cloudflare's own 52x codes that mean it could not get an answer from the origin. */
const CF_ORIGIN_DOWN = new Set([520, 521, 522, 524]);

/** A probe that got an HTTP answer below 500. */
export function probeOk(p: Probe | undefined): boolean {
  return p?.http?.ok === true && (p.tls === undefined || p.tls.ok);
}

/** Why a probe failed, in a few words. */
export function probeProblem(p: Probe): string {
  if (!p.tcp.ok) return `${p.tcp.error ?? 'no connection'} at ${p.tcp.address}:${p.tcp.port}`;
  if (p.tls && !p.tls.ok) return `TLS: ${p.tls.error ?? 'handshake failed'}`;
  if (p.http?.error) return `HTTP: ${p.http.error}`;
  return `answers ${p.http?.status ?? '?'}`;
}

/** Pick the answer. */
export function decide(facts: DiagnoseFacts): Verdict {
  const path = pathOf(facts.url);
  const host = facts.dns.host;
  const down = facts.health ? failingDependencies(facts.health) : [];
  const originNote = probeOk(facts.origin) ? ' while the origin answers directly' : '';
  if (facts.dns.status === 'missing')
    return { answer: 'dns', sentence: `dns: ${host} does not resolve (${reasonOf(facts.dns)} at every resolver)${originNote}` };
  if (facts.dns.status === 'unknown')
    return { answer: 'dns', sentence: `dns: ${host} could not be resolved (${reasonOf(facts.dns)}): DNS is unknown, not missing${originNote}` };
  const stale = facts.dns.resolvers.find((r) => r.stale);
  const main = facts.main;
  if (!probeOk(main) && facts.dns.status === 'propagating' && probeOk(facts.fresh)) {
    const ttl = stale?.ttl !== undefined ? `, TTL ${stale.ttl} s left` : '';
    return {
      answer: 'dns',
      sentence: `dns: ${stale?.server ?? 'a resolver'} still serves the old address ${facts.dns.address}${ttl}; the new address ${facts.dns.authoritativeAddress} answers`,
    };
  }
  if (!main) return { answer: 'dns', sentence: `dns: ${host} has no address to connect to` };
  if (!main.tcp.ok || (main.tls && !main.tls.ok)) {
    if (probeOk(facts.origin))
      return { answer: 'edge', sentence: `edge: ${probeProblem(main)} while the origin (${facts.origin!.target}) answers ${facts.origin!.http!.status}` };
    if (main.tls && !main.tls.ok) return { answer: 'edge', sentence: `edge: ${host} fails TLS (${main.tls.error}) while DNS is fine` };
    return { answer: 'app', sentence: `app: nothing accepts connections for ${host} (${probeProblem(main)}) while DNS is fine` };
  }
  const status = main.http?.status;
  if (down.length > 0) {
    const names = down.map((d) => d.name).join(', ');
    const page = status !== undefined ? `${path} answers ${status}` : `${path} does not answer`;
    return {
      answer: 'third-party',
      sentence: `third party: ${names} ${down.length > 1 ? 'are' : 'is'} down (the health endpoint says so); ${page} while DNS and TLS are fine`,
    };
  }
  if (main.http?.ok) {
    const note =
      facts.dns.status === 'propagating' && stale
        ? ` (propagating: ${stale.server} still serves ${stale.addresses.join(', ')}${stale.ttl !== undefined ? `, TTL ${stale.ttl} s left` : ''})`
        : '';
    const edge = main.http.cfRay ? ` via Cloudflare (cf-cache-status ${main.http.cfCacheStatus ?? 'none'})` : '';
    return { answer: 'healthy', sentence: `healthy: ${path} answers ${status}${edge} in ${main.http.ms ?? '?'} ms${note}` };
  }
  return failedHttp(facts, main, path);
}

function failedHttp(facts: DiagnoseFacts, main: Probe, path: string): Verdict {
  const http = main.http!;
  const status = http.status;
  const tlsFine = main.tls ? 'DNS and TLS are fine' : 'DNS is fine';
  if (http.cfRay) {
    if (facts.origin) {
      if (probeOk(facts.origin))
        return {
          answer: 'edge',
          sentence: `edge: Cloudflare answers ${status ?? 'nothing'} for ${path} while the origin (${facts.origin.target}) answers ${facts.origin.http!.status}`,
        };
      return { answer: 'app', sentence: `app: ${path} ${originProblem(facts.origin)} from the origin while ${tlsFine}` };
    }
    if (status !== undefined && CF_ORIGIN_DOWN.has(status))
      return { answer: 'app', sentence: `app: Cloudflare answers ${status} for ${path}: it got no answer from the origin, while ${tlsFine}` };
    if (status !== undefined && status >= 520 && status < 600 && status !== 500 && status !== 502 && status !== 503 && status !== 504) {
      return { answer: 'edge', sentence: `edge: Cloudflare answers ${status} for ${path} (its own error page) while ${tlsFine}` };
    }
    return { answer: 'app', sentence: `app: ${path} answers ${status ?? 'nothing'} from the origin (passed through Cloudflare) while ${tlsFine}` };
  }
  if (facts.origin && probeOk(facts.origin))
    return {
      answer: 'edge',
      sentence: `edge: ${path} answers ${status ?? http.error} at the address DNS gives, while the origin (${facts.origin.target}) answers ${facts.origin.http!.status}`,
    };
  if (status === undefined) return { answer: 'app', sentence: `app: ${path} gives no HTTP answer (${http.error}) while ${tlsFine}` };
  return { answer: 'app', sentence: `app: ${path} answers ${status} from the origin while ${tlsFine}` };
}

function originProblem(origin: Probe): string {
  return origin.http?.status !== undefined ? `answers ${origin.http.status}` : probeProblem(origin);
}

function reasonOf(dns: DnsLayer): string {
  const reasons = [...new Set(dns.resolvers.map((r) => r.reason).filter(Boolean))];
  return reasons.join(', ') || 'no address';
}

function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
