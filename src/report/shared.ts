import type { Finding, Location, StageId } from '../core/findings.js';
import type { GateResult, StageResult } from '../core/result.js';
import type { Severity } from '../core/severity.js';

/** The stage's own title, carried in its result (the id for results written before titles were). */
export function stageTitle(stage: Pick<StageResult, 'id' | 'title'>): string {
  return stage.title ?? stage.id;
}

/** The titles of a gate's stages by id, for reporters that only hold a finding. */
export function stageTitles(result: GateResult): Map<StageId, string> {
  return new Map(result.stages.map((s) => [s.id, stageTitle(s)]));
}

/** Where a stage ran in the schedule, for stages that do not run with the passive ones: `, after the passive stages`. */
export function phaseNote(stage: Pick<StageResult, 'phase'>, prefix: string): string {
  if (stage.phase === 'load') return `${prefix}ran alone after the passive stages`;
  if (stage.phase === 'change') return `${prefix}ran last, alone`;
  return '';
}

/** Every finding of the gate in rank order (ids F1..Fn were assigned in rank order). */
export function rankedFindings(result: GateResult): Finding[] {
  return result.stages.flatMap((s) => s.findings).sort((a, b) => idNumber(a.id) - idNumber(b.id));
}

function idNumber(id: string): number {
  const n = Number(id.replace(/^F/, ''));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

/** `src/app.ts:12 @ 1a2b3c4`, `https://example.com/login`, `mail.example.com`: where a finding is, one short label. */
export function locationLabel(location: Location | undefined): string {
  if (!location) return '';
  const parts: string[] = [];
  if (location.file) parts.push(`${location.file}${location.line ? `:${location.line}` : ''}${location.line && location.column ? `:${location.column}` : ''}`);
  if (location.commit) parts.push(`@ ${location.commit.slice(0, 12)}`);
  if (location.ref && !location.commit) parts.push(`(${location.ref})`);
  if (location.url) parts.push(location.url);
  else if (location.host) parts.push(location.host);
  return parts.join(' ');
}

/** The code host a report links into: `https://github.com` and `owner/repo`, and the commit checked. */
export interface SourceLinks {
  serverUrl: string;
  repository: string;
  /** The commit checked: a working-tree location links to the file at this commit. */
  revision?: string;
}

/**
 * `<server>/<owner>/<repo>/blob/<sha>/<path>#L<line>`: the file at the commit of a history
 * location, else at the commit checked. Undefined without a file, a commit, or for a path outside
 * the repository (an absolute build folder).
 */
export function locationUrl(location: Location | undefined, links: SourceLinks | undefined): string | undefined {
  if (!links || !location?.file || location.file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(location.file)) return undefined;
  const sha = location.commit ?? links.revision;
  if (!sha) return undefined;
  const path = location.file.split('/').map(encodeURIComponent).join('/');
  return `${links.serverUrl.replace(/\/+$/, '')}/${links.repository}/blob/${sha}/${path}${location.line ? `#L${location.line}` : ''}`;
}

/** Counts per severity, most urgent first, only the non-zero ones: `2 blocker, 1 medium`. */
export function severityCounts(findings: readonly Finding[]): string {
  const order: Severity[] = ['blocker', 'high', 'medium', 'low', 'info'];
  return order
    .map((sev) => [sev, findings.filter((f) => f.severity === sev).length] as const)
    .filter(([, n]) => n > 0)
    .map(([sev, n]) => `${n} ${sev}`)
    .join(', ');
}
