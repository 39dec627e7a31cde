import type { Severity } from '../../../core/severity.js';

/** Why a rule fired, as a founder reads it, and what the finding asks them to do. */
export interface SecretRule {
  /** Stable id; gitleaks' id where gitleaks has the same rule, so `.gitleaksignore` entries carry over. */
  id: string;
  /** What leaked, e.g. `GitHub personal access token`. Never contains the value. */
  title: string;
  /**
   * Lowercase literals: the rule's regex runs only on text that contains one of them. This prefilter
   * is what keeps the scan near git's own speed, since most text holds no keyword at all.
   */
  keywords: readonly string[];
  /** Global regex. Must be linear: a literal or a boundary anchors each start, quantifiers are bounded. */
  pattern: RegExp;
  /** Capture group holding the secret; default 1 when the regex has groups, else the whole match. */
  secretGroup?: number;
  /** Severity of a match, or undefined to drop it (bad checksum, placeholder, public value). */
  classify?: (secret: string, match: RegExpExecArray, text: string) => Severity | undefined;
  /** Severity when there is no `classify`. */
  severity?: Severity;
  /** Critical paths besides `deploy` that a leak of this secret breaks (Stripe → checkout). */
  paths?: readonly string[];
  /** Lower priority rules lose overlapping matches: provider 0, public-env 1, header 2, generic 3. */
  priority?: number;
  /** Minimum Shannon entropy (bits per character) of the secret; from `.gitleaks.toml` rules. */
  entropy?: number;
  /** Only files whose path matches (from `.gitleaks.toml` `path`). */
  path?: RegExp;
  /** A hand-written finder used instead of `pattern` (multi-line PEM blocks); same linear-time rule. */
  find?: (text: string) => { secret: string; index: number }[];
}

/** The fix line every secret finding carries. */
export const ROTATE_FIX = 'rotate first (revoke the key at the provider and issue a new one), then purge it from git history and caches';

/**
 * `NAME ... = VALUE` where NAME matches `name` (a regex source, matched case-insensitively) and
 * VALUE matches `value`. Quantifiers are bounded so the match stays linear on any input.
 */
export function assigned(name: string, value: string): RegExp {
  return new RegExp(`(?:${name})[\\w.-]{0,24}["'\`]?\\s{0,5}(?:=|:=|:|=>|,)\\s{0,5}["'\`]?(${value})(?![A-Za-z0-9_+/=-])`, 'gi');
}

/** Shannon entropy in bits per character. */
export function entropyOf(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const PLACEHOLDER = /x{4,}|\*{3,}|\.{3}|<[^>]*>|your[_-]?|changeme|change[_-]me|example|placeholder|dummy|redacted|replace[_-]?me|insert[_-]|sample|fake|todo|^test$|^secret$|^password$|0{8,}|1234567|abc123|abcdefgh|qwerty/i;
const REFERENCE = /\$\{|\$\(|\{\{|%\(|^\$[A-Za-z_]|process\.env|import\.meta\.env|os\.environ|getenv|ENV\[|secrets\.|vault:|ref\+|arn:aws/i;

/** A value that only stands in for a secret: `xxxx`, `YOUR_API_KEY`, `changeme`, `AKIA…EXAMPLE`. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** A value that points at a secret kept elsewhere: `process.env.X`, `${{ secrets.X }}`, `$TOKEN`. */
export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** Placeholder, reference, or a value whose characters repeat too much to be random. */
export function isNotASecret(value: string): boolean {
  if (isPlaceholder(value) || isReference(value)) return true;
  return new Set(value).size < Math.min(8, value.length / 3);
}
