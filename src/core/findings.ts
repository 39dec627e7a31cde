import { createHash } from 'node:crypto';
import type { Severity } from './severity.js';
import { redactSecret } from './redaction.js';

/** Stable stage ids (ARCHITECTURE.md). */
export type StageId = 'secrets' | 'env' | 'trust' | 'burst' | 'rollback' | 'readiness';
export const STAGE_IDS: readonly StageId[] = ['secrets', 'env', 'trust', 'burst', 'rollback', 'readiness'];

/** Where a finding is. Carries only the keys that apply. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  commit?: string;
  ref?: string;
  url?: string;
  host?: string;
}

/** One more place the same finding was seen (the same secret in HEAD, a commit and a bundle), with its own fingerprint. */
export interface Occurrence extends Location {
  /** What a baseline or ignore file names this place by; the finding's own `fingerprint` is its `location`'s. */
  fingerprint?: string;
}

/** What a stage reports. The core turns it into a {@link Finding}. */
export interface FindingInput {
  /** Rule id, kebab-case, stable across versions (`github-pat`, `dmarc-missing`). */
  ruleId: string;
  severity: Severity;
  /** One line a founder understands: what is wrong, in the user's words. */
  title: string;
  /** One line: what to do about it. */
  fix: string;
  /** Critical paths this breaks (`signup`, `checkout`, `login`, `email`, `homepage`, `deploy`). */
  paths?: string[];
  location?: Location;
  /**
   * The raw secret value, if the finding is about one. Never shown: the core turns it into
   * redacted `evidence` and registers it so every output is scrubbed of it.
   */
  secret?: string;
  /** Non-secret evidence (a header value, a record). Must never contain a secret whole. */
  evidence?: string;
  /** A stage-specific stable fingerprint (e.g. gitleaks' `commit:file:rule:line`); else derived. */
  fingerprint?: string;
  /** Every place the finding was seen, `location` (the most exposed) among them; only when there are several. */
  occurrences?: Occurrence[];
  /** Order within a severity, higher first (secrets: blast radius and exposure); ranked before critical paths. */
  weight?: number;
}

/** A finding as reported (ARCHITECTURE.md, the result contract). */
export interface Finding {
  id: string;
  stage: StageId;
  ruleId: string;
  severity: Severity;
  title: string;
  fix: string;
  paths: string[];
  location?: Location;
  evidence?: string;
  fingerprint: string;
  occurrences?: Occurrence[];
  weight?: number;
}

/**
 * A fingerprint that survives line shifts and re-runs: stage, rule, where (file, commit, url, host)
 * and, for secrets, a hash of the value (never the value).
 */
export function fingerprintOf(stage: StageId, input: FindingInput): string {
  const where = input.location ?? {};
  const parts = [stage, input.ruleId, where.file ?? '', where.commit ?? '', where.url ?? '', where.host ?? ''];
  if (input.secret) parts.push(createHash('sha256').update(input.secret).digest('hex'));
  else parts.push(input.title);
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** Build the reported finding; `id` is assigned later, after ranking. */
export function toFinding(stage: StageId, input: FindingInput): Finding {
  const evidence = input.secret !== undefined ? redactSecret(input.secret) : input.evidence;
  const finding: Finding = {
    id: '',
    stage,
    ruleId: input.ruleId,
    severity: input.severity,
    title: input.title,
    fix: input.fix,
    paths: [...new Set(input.paths ?? [])],
    fingerprint: input.fingerprint ?? fingerprintOf(stage, input),
  };
  if (input.location && Object.keys(input.location).length > 0) finding.location = cleanLocation(input.location);
  if (evidence !== undefined) finding.evidence = evidence;
  if (input.occurrences && input.occurrences.length > 1) finding.occurrences = input.occurrences.map(cleanLocation);
  if (input.weight !== undefined) finding.weight = input.weight;
  return finding;
}

function cleanLocation(location: Occurrence): Occurrence {
  // Keys with nothing in them are left out of the JSON result.
  return Object.fromEntries(Object.entries(location).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}
