import type { Severity } from '../../core/severity.js';
import type { SecretRule } from './rules/index.js';
import { bodyOf, entropyOf, isNotASecret } from './rules/types.js';
import { encodedSecretValues } from './decode.js';

/** One secret found in a piece of text. */
export interface SecretMatch {
  rule: SecretRule;
  secret: string;
  severity: Severity;
  /** 1-based line within the scanned text. */
  line: number;
  /** 1-based column within that line. */
  column: number;
}

interface Candidate {
  rule: SecretRule;
  secret: string;
  severity: Severity;
  index: number;
}

const ALLOW_MARK = 'gitleaks:allow';
/**
 * Matches one rule keeps from one text. A file with more is a data dump (100,000 `api_key = …`
 * lines); past the cap the rule stops, so its cost is bounded, and the collector shows at most
 * 1,000 findings anyway.
 */
export const MAX_MATCHES_PER_RULE = 5_000;

/**
 * Scan one piece of text (a file, a commit's added lines for one file, a bundle) with every rule.
 * A rule's regex runs only when one of its keywords occurs in the text. Overlapping matches keep the
 * most specific rule (provider over public-env over header over generic); a line carrying
 * `gitleaks:allow` is skipped, as gitleaks does.
 */
export function scanText(text: string, rules: readonly SecretRule[], file?: string): SecretMatch[] {
  if (text.length === 0) return [];
  const index = keywordIndexOf(rules);
  const present = index.present(text);
  if (present.size === 0 && !index.hasUnkeyed) return [];
  const candidates: Candidate[] = [];
  for (const rule of rules) {
    if (rule.keywords.length > 0 && !rule.keywords.some((k) => present.has(k))) continue;
    if (rule.path && (file === undefined || !rule.path.test(file))) continue;
    const finder = rule.find;
    if (finder) {
      for (const hit of finder(text)) candidates.push({ rule, secret: hit.secret, severity: rule.severity ?? 'blocker', index: hit.index });
      continue;
    }
    collect(rule, text, candidates);
  }
  if (present.has('secret')) addDecoded(text, rules, file, candidates);
  if (candidates.length === 0) return [];
  return locate(text, dropOverlaps(candidates));
}

/**
 * Which rule keywords occur in a text, found in one pass of one case-insensitive alternation
 * (about ten times faster than one `includes` per keyword). The search restarts one character after
 * each hit, and longer keywords are tried first, so a keyword hidden inside a longer one at the
 * same place is credited through {@link KeywordIndex.present}'s substring check.
 */
class KeywordIndex {
  readonly hasUnkeyed: boolean;
  private readonly union: RegExp | undefined;
  private readonly keywords: string[];

  constructor(rules: readonly SecretRule[]) {
    this.keywords = [...new Set(rules.flatMap((r) => r.keywords.map((k) => k.toLowerCase())))].filter(Boolean).sort((a, b) => b.length - a.length);
    this.hasUnkeyed = rules.some((r) => r.keywords.length === 0);
    const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.union = this.keywords.length > 0 ? new RegExp(this.keywords.map(escape).join('|'), 'gi') : undefined;
  }

  present(text: string): Set<string> {
    const found = new Set<string>();
    const union = this.union;
    if (!union) return found;
    union.lastIndex = 0;
    for (let match = union.exec(text); match; match = union.exec(text)) {
      found.add(match[0].toLowerCase());
      union.lastIndex = match.index + 1;
    }
    if (found.size === 0) return found;
    // Credit keywords contained in a longer one that matched at the same place (`sk` in `sk-ant-`).
    for (const keyword of this.keywords) {
      if (found.has(keyword)) continue;
      for (const hit of found) {
        if (hit.length > keyword.length && hit.includes(keyword)) {
          found.add(keyword);
          break;
        }
      }
    }
    return found;
  }
}

const INDEXES = new WeakMap<readonly SecretRule[], KeywordIndex>();

function keywordIndexOf(rules: readonly SecretRule[]): KeywordIndex {
  let index = INDEXES.get(rules);
  if (!index) {
    index = new KeywordIndex(rules);
    INDEXES.set(rules, index);
  }
  return index;
}

/** Rescan base64 `data:` values of Kubernetes Secrets as `NAME=decoded`, located at the encoded text. */
function addDecoded(text: string, rules: readonly SecretRule[], file: string | undefined, out: Candidate[]): void {
  for (const value of encodedSecretValues(text)) {
    const inner = scanText(`${value.name}=${value.decoded}`, rules, file);
    for (const match of inner) out.push({ rule: match.rule, secret: match.secret, severity: match.severity, index: value.index });
  }
}

function collect(rule: SecretRule, text: string, out: Candidate[]): void {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  let kept = 0;
  for (let match = pattern.exec(text); match && kept < MAX_MATCHES_PER_RULE; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const secret = secretOf(rule, match);
    if (!secret) continue;
    if (rule.entropy !== undefined && entropyOf(secret) < rule.entropy) continue;
    // `sk_live_xxxxxxxx…`, `ghp_YOUR_TOKEN…`: the right shape around a placeholder is documentation.
    if (isNotASecret(secret)) continue;
    // `xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere`: words after the prefix are documentation (passwords may be words).
    if (rule.exposes !== 'database' && /^(?:[A-Z][a-z]{2,}){3,}$/.test(bodyOf(secret))) continue;
    const severity = rule.classify ? rule.classify(secret, match, text) : (rule.severity ?? 'blocker');
    if (!severity) continue;
    const offset = match[0].indexOf(secret);
    out.push({ rule, secret, severity, index: match.index + Math.max(0, offset) });
    kept++;
  }
}

function secretOf(rule: SecretRule, match: RegExpExecArray): string | undefined {
  if (rule.secretGroup !== undefined) return match[rule.secretGroup];
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return match[i];
  return match[0];
}

/**
 * Keep the most specific rule where matches overlap. Rules come in a few priority tiers; each tier
 * is swept in index order against the (sorted, non-overlapping) matches kept from earlier tiers, so
 * 100,000 generic hits in one file cost n log n, not n².
 */
function dropOverlaps(candidates: Candidate[]): Candidate[] {
  const tiers = new Map<number, Candidate[]>();
  for (const c of candidates) {
    const priority = c.rule.priority ?? 0;
    const tier = tiers.get(priority);
    if (tier) tier.push(c);
    else tiers.set(priority, [c]);
  }
  let kept: Candidate[] = [];
  for (const priority of [...tiers.keys()].sort((a, b) => a - b)) {
    const tier = tiers.get(priority)!.sort((a, b) => a.index - b.index);
    const added: Candidate[] = [];
    let cursor = 0;
    let lastEnd = -1;
    for (const c of tier) {
      const end = c.index + c.secret.length;
      // Kept matches before this one that end at or before its start cannot clash with it or any later one.
      while (cursor < kept.length && kept[cursor]!.index + kept[cursor]!.secret.length <= c.index) cursor++;
      const clashesEarlier = cursor < kept.length && kept[cursor]!.index < end;
      if (clashesEarlier || c.index < lastEnd) continue;
      added.push(c);
      lastEnd = end;
    }
    kept = mergeByIndex(kept, added);
  }
  return kept;
}

function mergeByIndex(a: Candidate[], b: Candidate[]): Candidate[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.index <= b[j]!.index ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** Turn offsets into lines and columns in one forward pass, dropping `gitleaks:allow` lines. */
function locate(text: string, candidates: Candidate[]): SecretMatch[] {
  const out: SecretMatch[] = [];
  const mayAllow = text.includes(ALLOW_MARK);
  let line = 1;
  let lineStart = 0;
  let cursor = 0;
  for (const c of candidates) {
    for (let nl = text.indexOf('\n', cursor); nl !== -1 && nl < c.index; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    cursor = Math.max(cursor, lineStart);
    if (mayAllow) {
      const lineEnd = text.indexOf('\n', c.index + c.secret.length);
      if (text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).includes(ALLOW_MARK)) continue;
    }
    out.push({ rule: c.rule, secret: c.secret, severity: c.severity, line, column: c.index - lineStart + 1 });
  }
  return out;
}
