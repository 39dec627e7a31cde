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
  /** What a leak of this secret exposes; ranks findings of one severity (payments first). */
  exposes?: Exposure;
  /** Who issued it, as the fix names it: `Stripe`. */
  provider?: string;
  /** The provider's page where the key is revoked and a new one issued. */
  revokeAt?: string;
}

/**
 * Blast radius of a leaked secret, most damaging first: money moves, then root access to the
 * cloud, customer data, the sending domain, the source code, AI spend, messaging, the rest.
 */
export const EXPOSURES = ['payments', 'cloud', 'database', 'email', 'source', 'ai', 'messaging', 'other'] as const;
export type Exposure = (typeof EXPOSURES)[number];

/**
 * The operators between a name and its value in the forms the peers test (gitleaks' sample
 * generator): `=`, `:=`, `::=`, `:::=`, `?=`, `.=`, `+=`, `=>`, `:`, `,` (`setProperty("X", "v")`),
 * `>` (`<xToken>v</xToken>`), a Go type (`var x string = "v"`), and ` - ` (trufflehog's tables).
 */
export const ASSIGN = `["'\`]?(?:\\s{1,3}(?:string|str|String)\\b)?\\s{0,5}(?:={1,3}>?|:{1,3}=|[?.+]=|=>|:|,|(?<!-)>|\\s-)\\s{0,8}["'\`]?`;

/**
 * `NAME ... = VALUE` where NAME matches `name` (a regex source, matched case-insensitively) and
 * VALUE matches `value`. Quantifiers are bounded so the match stays linear on any input.
 */
export function assigned(name: string, value: string): RegExp {
  return new RegExp(`(?:${name})[\\w.-]{0,24}${ASSIGN}(${value})(?![A-Za-z0-9_+/=-])`, 'gi');
}

/**
 * VALUE within 40 characters after NAME, on any line: trufflehog's `PrefixRegex` proximity, for
 * values with no prefix of their own (a Datadog key, a Braintree merchant key).
 */
export function near(name: string, value: string): RegExp {
  return new RegExp(`(?:${name})[\\s\\S]{0,40}?(?<![A-Za-z0-9_+/])(${value})(?![A-Za-z0-9_+/=-])`, 'gi');
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

// `#{4,}` and `x{4,}` are masked values; `replace_with_…`, `…here` are instructions, not keys.
const PLACEHOLDER =
  /x{4,}|\*{3,}|#{4,}|\.{3}|<[^>]*>|your[_-]?|changeme|change[_-]me|example|placeholder|dummy|redacted|replace[_-]?(?:me|with)|insert[_-]|sample|fake|todo|^test$|^secret$|^password$|0{8,}|1234567|abc123|abcdefgh|qwerty|(?:token|key|secret)[_-]?here|^AKIAIOSFODNN7|wJalrXUtnFEMI\/K7MDENG/i;
const REFERENCE = /\$\{|\$\(|\{\{|%\(|^\$[A-Za-z_]|process\.env|import\.meta\.env|os\.environ|getenv|ENV\[|secrets\.|vault:|ref\+|arn:aws/i;

/** A value that only stands in for a secret: `xxxx`, `YOUR_API_KEY`, `changeme`, `AKIA…EXAMPLE`. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** A value that points at a secret kept elsewhere: `process.env.X`, `${{ secrets.X }}`, `$TOKEN`. */
export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** `sk_live_`, `xoxb-`, `dop_v1_`: the provider's fixed prefix, which says nothing about randomness. */
const PREFIX = /^(?:[A-Za-z]{2,8}[_-](?:(?:live|test|prod|api\d{0,2}|admin\d{0,2}|proj|v\d)[_-])?)/;

/** The part of a token after its provider prefix. */
export function bodyOf(value: string): string {
  const body = value.replace(PREFIX, '');
  return body.length >= 8 ? body : value;
}

/**
 * Placeholder, reference, or a value whose characters (after the provider prefix) repeat too much
 * to be random: `sk_live_AAAA…`, `xoxp-1111-…`.
 */
export function isNotASecret(value: string): boolean {
  if (isPlaceholder(value) || isReference(value)) return true;
  const body = bodyOf(value);
  return new Set(body).size < Math.min(8, body.length / 3);
}

/** `xoxp-1234-1234-…`, `0123456789`: runs of ascending digits or the same short group repeated. */
export function looksSequential(value: string): boolean {
  if (/(?:0123|1234|2345|3456|4567|5678|6789){2,}/.test(value)) return true;
  const groups = value.split(/[-_.]/).filter((g) => g.length >= 3);
  return groups.length >= 3 && new Set(groups.slice(0, -1)).size === 1;
}
