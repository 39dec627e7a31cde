import { fingerprintOf, type FindingInput, type Location } from '../../core/findings.js';
import type { SecretMatch } from './scan.js';
import { ROTATE_FIX } from './rules/index.js';
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

/** Turns matches into findings, applying `.gitleaks.toml`, `.gitleaksignore` and the baseline. */
export class FindingCollector {
  readonly findings: FindingInput[] = [];
  readonly suppressed: SuppressionCounts = { allowlist: 0, gitleaksIgnore: 0, baseline: 0 };
  truncated = 0;
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
    const input = toFindingInput(origin, match, line);
    const fingerprint = input.fingerprint ?? fingerprintOf('secrets', input);
    if (this.baseline.has(fingerprint)) {
      this.suppressed.baseline++;
      return;
    }
    if (this.seen.has(fingerprint)) return;
    this.seen.add(fingerprint);
    if (this.findings.length >= this.maxFindings) {
      this.truncated++;
      return;
    }
    this.findings.push(input);
  }
}

function toFindingInput(origin: Origin, match: SecretMatch, line: number): FindingInput {
  const { rule } = match;
  const paths = ['deploy', ...(rule.paths ?? [])];
  let location: Location;
  let where: string;
  let fingerprint: string | undefined;
  switch (origin.kind) {
    case 'history':
      location = { file: origin.file, line, commit: origin.commit, ref: origin.ref };
      where = `git history (${origin.file}, commit ${origin.commit.slice(0, 8)} of ${origin.date.slice(0, 10)})`;
      // gitleaks' own fingerprint: commits never change, so it is stable and .gitleaksignore-compatible.
      fingerprint = gitleaksFingerprint(rule.id, origin.file, line, origin.commit);
      break;
    case 'tree':
      location = { file: origin.file, line };
      where = origin.file;
      break;
    case 'bundle':
      location = { file: origin.file, line, column: match.column };
      where = origin.source ? `built bundle ${origin.file} (source ${origin.source})` : `built bundle ${origin.file}`;
      break;
    case 'log':
      location = { file: origin.file, line };
      where = `build log ${origin.file}`;
      break;
    case 'url':
      location = { url: origin.url, line, column: match.column };
      where = origin.source ? `the live site's source map ${origin.url} (source ${origin.source})` : `the live site (${origin.url})`;
      break;
  }
  const input: FindingInput = { ruleId: rule.id, severity: match.severity, title: `${rule.title} in ${where}`, fix: ROTATE_FIX, paths, location, secret: match.secret };
  if (fingerprint) input.fingerprint = fingerprint;
  return input;
}
