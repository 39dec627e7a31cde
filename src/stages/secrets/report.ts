import { createHash } from 'node:crypto';
import { fingerprintOf, type FindingInput, type Location, type Occurrence } from '../../core/findings.js';
import { severityRank, type Severity } from '../../core/severity.js';
import type { SecretMatch } from './scan.js';
import type { SecretRule } from './rules/index.js';
import { describePlaces, exposureWeight, fixFor, type Place } from './where.js';
import { gitleaksFingerprint, isAllowed, type ScanPolicy } from './suppress.js';

/** Where a piece of scanned text came from. */
export type Origin =
  | { kind: 'history'; file: string; commit: string; ref: string; date: string; lines: number[] }
  | { kind: 'tree'; file: string }
  | { kind: 'bundle'; file: string; source?: string }
  | { kind: 'log'; file: string }
  | { kind: 'url'; url: string; source?: string };

/** What filtered findings out, for the metrics. */
export interface SuppressionCounts {
  allowlist: number;
  gitleaksIgnore: number;
  baseline: number;
}

/** Places kept per secret; more are counted, not listed (a token copied into 5,000 test fixtures). */
const MAX_PLACES = 50;

/** Every place one secret value was seen, and the most specific rule that recognised it. */
interface SecretGroup {
  rule: SecretRule;
  severity: Severity;
  secret: string;
  places: Place[];
  /** Places seen, listed or not. */
  seen: number;
}

/**
 * Turns matches into findings, applying `.gitleaks.toml`, `.gitleaksignore` and the baseline to
 * each place, then grouping places by secret value: one finding per secret to rotate, however many
 * files, commits, bundles and pages carry it. Each place keeps its own fingerprint, so ignore files
 * and baselines written for per-place findings still apply.
 */
export class FindingCollector {
  readonly suppressed: SuppressionCounts = { allowlist: 0, gitleaksIgnore: 0, baseline: 0 };
  truncated = 0;
  private readonly groups = new Map<string, SecretGroup>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly policy: ScanPolicy,
    private readonly ignore: ReadonlySet<string>,
    private readonly baseline: ReadonlySet<string>,
    private readonly maxFindings = 1000,
  ) {}

  add(origin: Origin, matches: readonly SecretMatch[]): void {
    for (const match of matches) this.addOne(origin, match);
  }

  /** One finding per secret value, each located at its most exposed place. */
  get findings(): FindingInput[] {
    return [...this.groups.values()].map(toFindingInput);
  }

  /** How many places (files, commits, bundles, pages) the findings cover in all. */
  get places(): number {
    let n = 0;
    for (const group of this.groups.values()) n += group.seen;
    return n;
  }

  private addOne(origin: Origin, match: SecretMatch): void {
    const file = 'file' in origin ? origin.file : undefined;
    const commit = origin.kind === 'history' ? origin.commit : undefined;
    if (isAllowed(this.policy.allowlists, match.rule.id, match.secret, file, commit)) {
      this.suppressed.allowlist++;
      return;
    }
    const line = origin.kind === 'history' ? (origin.lines[match.line - 1] ?? match.line) : match.line;
    if (file !== undefined && this.ignore.has(gitleaksFingerprint(match.rule.id, file, line, commit))) {
      this.suppressed.gitleaksIgnore++;
      return;
    }
    const place = placeOf(origin, match, line);
    if (this.baseline.has(place.fingerprint)) {
      this.suppressed.baseline++;
      return;
    }
    if (this.seen.has(place.fingerprint)) return;
    this.seen.add(place.fingerprint);
    this.group(match, place);
  }

  private group(match: SecretMatch, place: Place): void {
    const key = createHash('sha256').update(match.secret).digest('hex');
    let group = this.groups.get(key);
    if (!group) {
      if (this.groups.size >= this.maxFindings) {
        this.truncated++;
        return;
      }
      group = { rule: match.rule, severity: match.severity, secret: match.secret, places: [], seen: 0 };
      this.groups.set(key, group);
    }
    // The provider rule names the secret better than the generic one that saw it elsewhere.
    if ((match.rule.priority ?? 0) < (group.rule.priority ?? 0)) group.rule = match.rule;
    if (severityRank(match.severity) < severityRank(group.severity)) group.severity = match.severity;
    group.seen++;
    if (group.places.length < MAX_PLACES) group.places.push(place);
  }
}

function placeOf(origin: Origin, match: SecretMatch, line: number): Place {
  const { rule } = match;
  let location: Location;
  let fingerprint: string;
  switch (origin.kind) {
    case 'history':
      location = { file: origin.file, line, commit: origin.commit, ref: origin.ref };
      // gitleaks' own fingerprint: commits never change, so it is stable and .gitleaksignore-compatible.
      fingerprint = gitleaksFingerprint(rule.id, origin.file, line, origin.commit);
      return { kind: 'history', location, fingerprint, date: origin.date };
    case 'tree':
      location = { file: origin.file, line };
      break;
    case 'bundle':
      location = { file: origin.file, line, column: match.column };
      break;
    case 'log':
      location = { file: origin.file, line };
      break;
    case 'url':
      location = { url: origin.url, line, column: match.column };
      break;
  }
  fingerprint = fingerprintOf('secrets', { ruleId: rule.id, severity: match.severity, title: '', fix: '', location, secret: match.secret });
  const source = 'source' in origin ? origin.source : undefined;
  return source !== undefined ? { kind: origin.kind, location, fingerprint, source } : { kind: origin.kind, location, fingerprint };
}

function toFindingInput(group: SecretGroup): FindingInput {
  const { rule } = group;
  const { primary, sentence } = describePlaces(group.places, group.seen);
  const input: FindingInput = {
    ruleId: rule.id,
    severity: group.severity,
    title: `${rule.title} · ${sentence}`,
    fix: fixFor(rule, group.places),
    paths: ['deploy', ...(rule.paths ?? [])],
    location: primary.location,
    secret: group.secret,
    fingerprint: primary.fingerprint,
    weight: exposureWeight(rule, group.places),
  };
  if (group.places.length > 1) input.occurrences = group.places.map((p): Occurrence => ({ ...p.location, fingerprint: p.fingerprint }));
  return input;
}
