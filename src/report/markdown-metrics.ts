import type { StageResult } from '../core/result.js';

/** Markdown table cell: one line, no pipe or HTML that could break the table. */
export function cell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** Inline code when safe, else escaped text. */
export function code(text: string): string {
  if (text === '') return '';
  return text.includes('`') ? cell(text) : `\`${text.replace(/\|/g, '\\|')}\``;
}

interface DomainRecord {
  type?: string;
  value?: string;
  ttl?: number | null;
}
interface Landing {
  finalUrl?: string;
  hops?: number;
  status?: number | string;
}
interface DomainEntry {
  host?: string;
  /** The DNS verdict (`ok`, `NXDOMAIN`, `unknown: timeout`...), when the stage gives one. */
  dns?: string;
  records?: DomainRecord[];
  proxied?: boolean;
  certificate?: { issuer?: string; notAfter?: string; daysLeft?: number } | null;
  http?: Landing | null;
  https?: Landing | null;
}

/** The stage's metrics worth a table: the trust domain map, burst latency, rollback timings; else nothing. */
export function renderStageMetrics(stage: StageResult, maxRows: number): string[] {
  const m = stage.metrics ?? {};
  const lines: string[] = [];
  if (Array.isArray(m.domainMap) && m.domainMap.length > 0) lines.push(...domainMapTable(m.domainMap as DomainEntry[], maxRows));
  if (isObject(m.latencyMs)) lines.push(...burstTables(m, maxRows));
  if (m.previousRelease !== undefined || m.rollbackSeconds !== undefined) lines.push(...rollbackLines(m, maxRows));
  return lines;
}

function domainMapTable(entries: DomainEntry[], maxRows: number): string[] {
  const rows = entries.slice(0, maxRows).map((e) => {
    const records = (e.records ?? []).map((r) => `${cell(r.type)} ${cell(r.value)}${r.ttl !== undefined && r.ttl !== null ? ` (ttl ${r.ttl})` : ''}`).join('<br>');
    const cert = e.certificate ? `${cell(e.certificate.issuer)}, until ${cell(e.certificate.notAfter)}${e.certificate.daysLeft !== undefined ? ` (${e.certificate.daysLeft} days)` : ''}` : 'none';
    const hop = (h: Landing | null | undefined) => {
      if (!h) return 'no answer';
      const details = [h.status !== undefined && h.status !== 200 ? String(h.status) : '', h.hops !== undefined ? `${h.hops} hop${h.hops === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
      return `→ ${cell(h.finalUrl)}${details ? ` (${cell(details)})` : ''}`;
    };
    return `| ${code(e.host ?? '')}${e.dns && e.dns !== 'ok' ? ` (${cell(e.dns)})` : ''} | ${records || 'none'} | ${e.proxied ? 'yes' : 'no'} | ${cert} | ${hop(e.http)} | ${hop(e.https)} |`;
  });
  const more = entries.length > maxRows ? [`_…and ${entries.length - maxRows} more hosts (see the JSON result)._`] : [];
  return ['', '**Domain map**', '', '| Host | Records | Proxied | Certificate | HTTP | HTTPS |', '|---|---|---|---|---|---|', ...rows, ...more];
}

function burstTables(m: Record<string, unknown>, maxRows: number): string[] {
  const lat = m.latencyMs as Record<string, unknown>;
  const ms = (v: unknown) => (typeof v === 'number' ? `${Math.round(v)} ms` : '');
  const pct = (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : '');
  const lines = [
    '',
    `**Load**: ${cell(m.requests)} requests, ${typeof m.rps === 'number' ? m.rps.toFixed(1) : cell(m.rps)} req/s, ${pct(m.errorRate)} errors`,
    '',
    '| min | p50 | p90 | p95 | p99 | max |',
    '|---|---|---|---|---|---|',
    `| ${ms(lat.min)} | ${ms(lat.p50)} | ${ms(lat.p90)} | ${ms(lat.p95)} | ${ms(lat.p99)} | ${ms(lat.max)} |`,
  ];
  if (Array.isArray(m.thresholds) && m.thresholds.length > 0) {
    lines.push('', '| Threshold | Actual | OK |', '|---|---|---|');
    for (const t of (m.thresholds as Record<string, unknown>[]).slice(0, maxRows)) lines.push(`| ${code(String(t.expression ?? t.metric ?? ''))} | ${cell(t.actual)} | ${t.ok ? 'yes' : '**no**'} |`);
  }
  if (Array.isArray(m.routes) && m.routes.length > 0) {
    lines.push('', '| Route | Requests | Errors | p95 |', '|---|---|---|---|');
    for (const r of (m.routes as Record<string, unknown>[]).slice(0, maxRows)) {
      const rl = isObject(r.latencyMs) ? (r.latencyMs as Record<string, unknown>) : {};
      lines.push(`| ${cell(r.method)} ${code(String(r.name ?? r.url ?? ''))} | ${cell(r.requests)} | ${pct(r.errorRate)} | ${ms(rl.p95)} |`);
    }
  }
  return lines;
}

function rollbackLines(m: Record<string, unknown>, maxRows: number): string[] {
  const lines = ['', `**Rollback drill**: previous release ${code(String(m.previousRelease ?? 'unknown'))}, rollback ${cell(m.rollbackSeconds)} s, roll forward ${cell(m.rollForwardSeconds)} s`];
  if (Array.isArray(m.smoke) && m.smoke.length > 0) {
    lines.push('', '| Smoke check | Status | ms | OK |', '|---|---|---|---|');
    for (const s of (m.smoke as Record<string, unknown>[]).slice(0, maxRows)) lines.push(`| ${code(String(s.url ?? ''))} | ${cell(s.status)} | ${cell(s.ms)} | ${s.ok ? 'yes' : '**no**'} |`);
  }
  return lines;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
