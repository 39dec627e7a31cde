import type { TableBlock } from '../../core/blocks.js';
import type { DnsRecord } from './dns.js';
import type { RedirectChain } from './redirects.js';
import type { TlsProbe } from './tls.js';
import { daysLeft } from './tls-checks.js';

/** Where an entry point (`http://host/` or `https://host/`) lands. */
export interface Landing {
  finalUrl: string;
  hops: number;
  /** HTTP status of the last answer, or how the chain ended (`loop`, `error`...). */
  status: number | string;
}

/** One row of the domain map (`metrics.domainMap` in the JSON result; the reports show {@link domainMapBlock}). */
export interface DomainMapRow {
  host: string;
  /** `found`, `missing (NXDOMAIN)` or `unknown (SERVFAIL)`. */
  dns: string;
  records: { type: string; value: string; ttl: number | null }[];
  proxied: boolean;
  certificate: { issuer: string; notAfter: string; daysLeft: number } | null;
  /** The HSTS policy of the host's first HTTPS answer (`max-age 31536000 s, includeSubDomains, not preloaded`). */
  hsts: string | null;
  http: Landing | null;
  https: Landing | null;
}

/** A chain as a landing: final URL and number of redirects. */
export function landingOf(chain: RedirectChain | undefined): Landing | null {
  if (!chain) return null;
  return {
    finalUrl: chain.finalUrl,
    hops: chain.hops.filter((h) => h.location !== undefined).length,
    status: chain.end === 'answered' ? (chain.final?.status ?? 0) : chain.end,
  };
}

/** Build one plain-object row (JSON-safe: no undefined, no class instances). */
export function domainMapRow(input: {
  host: string;
  dns: string;
  records: DnsRecord[];
  proxied: boolean;
  tls?: TlsProbe;
  hsts?: string | null;
  http?: RedirectChain;
  https?: RedirectChain;
  now: Date;
}): DomainMapRow {
  const tls = input.tls;
  return {
    host: input.host,
    dns: input.dns,
    records: input.records.map((r) => ({ type: r.type, value: r.value, ttl: r.ttl ?? null })),
    proxied: input.proxied,
    certificate: tls?.connected && tls.notAfter ? { issuer: tls.issuer ?? '', notAfter: tls.notAfter, daysLeft: daysLeft(tls.notAfter, input.now) } : null,
    hsts: input.hsts ?? null,
    http: landingOf(input.http),
    https: landingOf(input.https),
  };
}

/** The domain map as the reports show it: one row per host, records one per line. */
export function domainMapBlock(rows: readonly DomainMapRow[]): TableBlock {
  return {
    kind: 'table',
    title: 'Domain map',
    columns: ['Host', 'Records', 'Proxied', 'Certificate', 'HTTP', 'HTTPS'],
    rows: rows.map((row) => [
      row.dns === 'found' || row.dns === 'ok' ? { code: row.host } : { code: row.host, note: `(${row.dns})` },
      row.records.length > 0 ? row.records.map((r) => `${r.type} ${r.value}${r.ttl !== null ? ` (ttl ${r.ttl})` : ''}`).join('\n') : 'none',
      row.proxied,
      row.certificate ? `${row.certificate.issuer}, until ${row.certificate.notAfter} (${row.certificate.daysLeft} days)` : 'none',
      landingText(row.http),
      landingText(row.https),
    ]),
  };
}

function landingText(landing: Landing | null): string {
  if (!landing) return 'no answer';
  const details = [landing.status !== 200 ? String(landing.status) : '', `${landing.hops} hop${landing.hops === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  return `→ ${landing.finalUrl} (${details})`;
}
