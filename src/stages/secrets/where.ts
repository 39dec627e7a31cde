import type { Location } from '../../core/findings.js';
import { EXPOSURES, type SecretRule } from './rules/types.js';

/** One place a secret was seen, with the fingerprint a `.gitleaksignore` line or a baseline names it by. */
export interface Place {
  kind: 'history' | 'tree' | 'bundle' | 'log' | 'url';
  location: Location;
  fingerprint: string;
  /** Author date of a history place. */
  date?: string;
  /** The original source file behind a bundle or live-site place (from its source map). */
  source?: string;
}

/** Most exposed first: anyone can read the live site and a public bundle; HEAD is in every clone; history needs digging. */
const KIND_ORDER: readonly Place['kind'][] = ['url', 'bundle', 'log', 'tree', 'history'];
/** Points for where a secret is, ranking within a severity after its blast radius. */
const WHERE_POINTS: Readonly<Record<Place['kind'], number>> = { url: 3, bundle: 3, log: 2, tree: 2, history: 1 };

const short = (commit: string | undefined) => (commit ?? '').slice(0, 8);

function labelOf(place: Place): string {
  const where = place.location;
  if (place.kind === 'url') return `the live site ${where.url ?? ''}${place.source ? ` (source ${place.source})` : ''}`;
  const at = `${where.file ?? ''}${where.line ? `:${where.line}` : ''}`;
  if (place.kind === 'bundle') return `the built bundle ${at}${place.source ? ` (source ${place.source})` : ''}`;
  if (place.kind === 'log') return `build log ${at}`;
  return `\`${at}\``;
}

function byDate(a: Place, b: Place): number {
  return (a.date ?? '').localeCompare(b.date ?? '');
}

/** The most exposed place: the live site, then a bundle or log, then HEAD, then the commit that added it. */
export function primaryPlace(places: readonly Place[]): Place {
  for (const kind of KIND_ORDER) {
    const ofKind = places.filter((p) => p.kind === kind);
    if (ofKind.length > 0) return kind === 'history' ? [...ofKind].sort(byDate)[0]! : ofKind[0]!;
  }
  return places[0]!;
}

/**
 * One line a founder reads: where the secret is and how far it spread, e.g.
 * "`src/pay.ts:3`, added in 1c9efadb, still in HEAD and in the built bundle". Never holds the value.
 */
export function describePlaces(places: readonly Place[], seen: number): { primary: Place; sentence: string } {
  const primary = primaryPlace(places);
  const has = (kind: Place['kind']) => places.some((p) => p.kind === kind);
  const facts: string[] = [];
  const history = places.filter((p) => p.kind === 'history').sort(byDate);
  if (history.length > 0) {
    const commits = new Set(history.map((p) => p.location.commit));
    facts.push(
      `added in ${short(history[0]!.location.commit)}${commits.size > 1 ? ` (and ${commits.size - 1} later commit${commits.size > 2 ? 's' : ''})` : ''}`,
    );
  }
  const treeFiles = new Set(places.filter((p) => p.kind === 'tree').map((p) => p.location.file));
  if (treeFiles.size > 0) facts.push(`${history.length > 0 ? 'still in HEAD' : 'in HEAD'}${treeFiles.size > 1 ? ` (${treeFiles.size} files)` : ''}`);
  else if (history.length > 0) facts.push('gone from HEAD but still in history');
  if (has('bundle') && primary.kind !== 'bundle') facts.push('in the built bundle');
  if (has('log') && primary.kind !== 'log') facts.push('in a build log');
  if (has('url') && primary.kind !== 'url') facts.push('on the live site');
  if (seen > places.length) facts.push(`${seen} places in all`);
  const list = facts.length > 1 ? `${facts.slice(0, -1).join(', ')} and ${facts[facts.length - 1]}` : (facts[0] ?? '');
  return { primary, sentence: list ? `${labelOf(primary)}, ${list}` : labelOf(primary) };
}

/** Blast radius first (payments over cloud over databases…), then how exposed the most exposed place is. */
export function exposureWeight(rule: SecretRule, places: readonly Place[]): number {
  const exposure = EXPOSURES.indexOf(rule.exposes ?? 'other');
  const where = Math.max(...places.map((p) => WHERE_POINTS[p.kind]));
  return (EXPOSURES.length - exposure) * 10 + where;
}

/** Rotate at the provider first, naming its page; a history purge only helps after that; a bundle needs a rebuild. */
export function fixFor(rule: SecretRule, places: readonly Place[]): string {
  const at = rule.provider ? `at ${rule.provider}${rule.revokeAt ? `: ${rule.revokeAt}` : ''}` : 'where it was issued (revoke, then issue a new one)';
  const steps = [`Rotate it ${at}`];
  if (places.some((p) => p.kind === 'bundle' || p.kind === 'url')) steps.push('then rebuild and redeploy');
  if (places.some((p) => p.kind === 'history')) steps.push('a history purge helps only after that');
  return steps.join('; ');
}
