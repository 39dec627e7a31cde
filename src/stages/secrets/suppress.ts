import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { reasonOf, UsageError } from '../../core/errors.js';
import { readBoundedText, type BoundedRead } from '../../core/files.js';
import { isRecord, recordsOf } from '../../core/guards.js';
import { DEFAULT_RULES, type SecretRule } from './rules/index.js';

/**
 * One allowlist of `.gitleaks.toml`: paths, secret regexes, stopwords and commits. Global ones
 * (`[allowlist]`, `[[allowlists]]`) apply to every rule unless they name `targetRules`; a rule's own
 * (`[rules.allowlist]`, `[[rules.allowlists]]`) apply to that rule. `condition = "AND"` needs every
 * criterion it sets to match; the default (OR) needs one.
 */
export interface Allowlist {
  paths: RegExp[];
  regexes: RegExp[];
  stopwords: string[];
  commits: Set<string>;
  /** Rule ids it applies to; undefined = every rule. */
  targetRules?: Set<string>;
  condition: 'OR' | 'AND';
}

/** The rules and allowlists in force after reading `.gitleaks.toml` (if any). */
export interface ScanPolicy {
  rules: readonly SecretRule[];
  allowlists: Allowlist[];
  /** `.gitleaks.toml` when one was read, for the summary. */
  configFile?: string;
}

export const GITLEAKS_CONFIG = '.gitleaks.toml';
export const GITLEAKS_IGNORE = '.gitleaksignore';

/**
 * Go RE2 to JavaScript for the patterns gitleaks configs use: a leading `(?i)` becomes the `i` flag
 * (JS has no inline flags), `\z` becomes `$`, and `(?P<name>` becomes `(?<name>`.
 */
export function goRegex(source: string, global = true): RegExp {
  let flags = global ? 'g' : '';
  let body = source;
  const inline = body.match(/^\(\?([imsU]+)\)/);
  if (inline) {
    body = body.slice(inline[0].length);
    if (inline[1]!.includes('i')) flags += 'i';
    if (inline[1]!.includes('s')) flags += 's';
    if (inline[1]!.includes('m')) flags += 'm';
  }
  if (/\(\?i\)/.test(body)) {
    body = body.replace(/\(\?i\)/g, '');
    if (!flags.includes('i')) flags += 'i';
  }
  body = body.replace(/\\z/g, '$').replace(/\(\?P</g, '(?<');
  return new RegExp(body, flags);
}

function lineOf(text: string, needle: string): number {
  const at = needle ? text.indexOf(needle) : -1;
  return at === -1 ? 1 : text.slice(0, at).split('\n').length;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A `.gitleaks.toml` or a baseline larger than this is not one. */
const MAX_POLICY_BYTES = 4 * 1024 * 1024;
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

function policyText(read: BoundedRead, shown: string): string {
  if (read.kind === 'text') return read.text;
  const why = read.kind === 'not-a-file' && read.reason !== 'EISDIR' ? `it is ${read.reason}` : 'reason' in read ? read.reason : read.kind;
  throw new UsageError(`${shown}: cannot read the gitleaks config (${why}); make it a readable TOML file`);
}

/**
 * Read `.gitleaks.toml` from the scanned folder. A subset is honoured: `[extend] useDefault`,
 * `[[rules]]` (id, description, regex, secretGroup, entropy, keywords, path, and their own
 * `[rules.allowlist]` / `[[rules.allowlists]]`), and `[allowlist]` / `[[allowlists]]` (paths,
 * regexes, stopwords, commits, targetRules, condition). Throws {@link UsageError} naming
 * `file:line` for a file that does not parse or a regex that does not compile.
 */
export function loadScanPolicy(repo: string, shown: string = GITLEAKS_CONFIG): ScanPolicy {
  const allowlists: Allowlist[] = [];
  const file = join(repo, GITLEAKS_CONFIG);
  if (!existsSync(file)) return { rules: DEFAULT_RULES, allowlists };
  const text = policyText(readBoundedText(file, { maxBytes: MAX_POLICY_BYTES }), shown);
  let doc: Record<string, unknown>;
  try {
    doc = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const what = error.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
      throw new UsageError(`${shown}:${error.line}:${error.column}: ${what}; fix the TOML syntax (see gitleaks' config format)`);
    }
    throw error;
  }
  const compile = (source: unknown, where: string): RegExp => {
    try {
      if (typeof source !== 'string') throw new Error('not a string');
      return goRegex(source);
    } catch (error) {
      const line = lineOf(text, typeof source === 'string' ? source : where.split('.').pop()!);
      throw new UsageError(`${shown}:${line}: ${where}: invalid regular expression (${reasonOf(error)}); write a regex both Go and JavaScript accept`);
    }
  };
  const custom: SecretRule[] = [];
  const rules = recordsOf(doc.rules);
  const readAllowlist = (list: Record<string, unknown>, where: string, rule?: string): Allowlist => {
    const out: Allowlist = {
      paths: [],
      regexes: [],
      stopwords: [],
      commits: new Set(),
      condition: String(list.condition ?? 'OR').toUpperCase() === 'AND' ? 'AND' : 'OR',
    };
    strings(list.paths).forEach((p, j) => out.paths.push(compile(p, `${where}.paths[${j}]`)));
    strings(list.regexes).forEach((p, j) => out.regexes.push(compile(p, `${where}.regexes[${j}]`)));
    out.stopwords.push(...strings(list.stopwords).map((w) => w.toLowerCase()));
    for (const commit of strings(list.commits)) out.commits.add(commit);
    const targets = rule ? [rule] : strings(list.targetRules);
    if (targets.length > 0) out.targetRules = new Set(targets);
    return out;
  };
  const listsOf = (owner: Record<string, unknown>): Record<string, unknown>[] =>
    [owner.allowlist, ...(Array.isArray(owner.allowlists) ? owner.allowlists : [])].filter(
      (l): l is Record<string, unknown> => typeof l === 'object' && l !== null && !Array.isArray(l),
    );
  rules.forEach((rule, i) => {
    const id = typeof rule.id === 'string' ? rule.id : `custom-rule-${i + 1}`;
    listsOf(rule).forEach((list, j) => allowlists.push(readAllowlist(list, `rules[${i}].allowlists[${j}]`, id)));
    if (rule.regex === undefined) return; // a rule that only extends a default rule's allowlists
    const out: SecretRule = {
      id,
      title: typeof rule.description === 'string' ? rule.description : `Secret matching rule ${id}`,
      keywords: strings(rule.keywords).map((k) => k.toLowerCase()),
      pattern: compile(rule.regex, `rules[${i}].regex`),
      severity: 'blocker',
    };
    if (typeof rule.secretGroup === 'number') out.secretGroup = rule.secretGroup;
    if (typeof rule.entropy === 'number') out.entropy = rule.entropy;
    if (typeof rule.path === 'string') out.path = compile(rule.path, `rules[${i}].path`);
    custom.push(out);
  });
  listsOf(doc).forEach((list, i) => allowlists.push(readAllowlist(list, `allowlist[${i}]`)));
  // gitleaks: a config with its own rules replaces the defaults unless it extends them.
  const useDefault = (isRecord(doc.extend) && doc.extend.useDefault === true) || custom.length === 0;
  const byId = new Map<string, SecretRule>();
  for (const rule of [...(useDefault ? DEFAULT_RULES : []), ...custom]) byId.set(rule.id, rule);
  return { rules: [...byId.values()], allowlists, configFile: GITLEAKS_CONFIG };
}

/** True when an allowlist that applies to `ruleId` covers this secret at this place. */
export function isAllowed(allowlists: readonly Allowlist[], ruleId: string, secret: string, file: string | undefined, commit: string | undefined): boolean {
  return allowlists.some((list) => (!list.targetRules || list.targetRules.has(ruleId)) && covers(list, secret, file, commit));
}

function covers(list: Allowlist, secret: string, file: string | undefined, commit: string | undefined): boolean {
  const lower = secret.toLowerCase();
  const verdicts: boolean[] = [];
  if (list.commits.size > 0) verdicts.push(commit !== undefined && list.commits.has(commit));
  if (list.paths.length > 0) verdicts.push(file !== undefined && list.paths.some((p) => test(p, file)));
  if (list.regexes.length > 0) verdicts.push(list.regexes.some((r) => test(r, secret)));
  if (list.stopwords.length > 0) verdicts.push(list.stopwords.some((word) => lower.includes(word)));
  if (verdicts.length === 0) return false;
  return list.condition === 'AND' ? verdicts.every(Boolean) : verdicts.some(Boolean);
}

function test(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}

/** gitleaks' fingerprint: `commit:file:rule:line` in history, `file:rule:line` elsewhere. */
export function gitleaksFingerprint(ruleId: string, file: string, line: number, commit?: string): string {
  return commit ? `${commit}:${file}:${ruleId}:${line}` : `${file}:${ruleId}:${line}`;
}

/** Fingerprints listed in `.gitleaksignore` (comments and blank lines skipped). */
export function loadGitleaksIgnore(repo: string): Set<string> {
  const file = join(repo, GITLEAKS_IGNORE);
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
}

/**
 * Fingerprints a baseline accepts: our own JSON report (`stages[].findings[].fingerprint` of the
 * secrets stage) or a gitleaks JSON report (`[{Fingerprint}]`). Throws {@link UsageError} when the
 * file is missing or not such a report.
 */
export function loadBaseline(path: string, shown: string): Set<string> {
  const fix = 'pass a report written by launch-ready secrets --format json --output FILE';
  const read = readBoundedText(path, { maxBytes: MAX_BASELINE_BYTES });
  if (read.kind !== 'text') {
    const why =
      read.kind === 'missing'
        ? 'ENOENT'
        : read.kind === 'not-a-file' && read.reason !== 'EISDIR'
          ? `it is ${read.reason}`
          : 'reason' in read
            ? read.reason
            : read.kind;
    throw new UsageError(`${shown}: cannot read the baseline (${why}); ${fix}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch {
    throw new UsageError(`${shown}: not JSON; ${fix}`);
  }
  const out = new Set<string>();
  if (Array.isArray(data)) {
    for (const item of recordsOf(data)) if (typeof item.Fingerprint === 'string') out.add(item.Fingerprint);
    return out;
  }
  const stages = isRecord(data) ? data.stages : undefined;
  if (!Array.isArray(stages)) throw new UsageError(`${shown}: not a launch-ready or gitleaks JSON report; ${fix}`);
  for (const stage of recordsOf(stages)) {
    if (stage.id !== 'secrets') continue;
    for (const finding of recordsOf(stage.findings)) {
      if (typeof finding.fingerprint === 'string') out.add(finding.fingerprint);
      // One finding per secret: every place it was seen is in the baseline, not only the most exposed.
      for (const place of recordsOf(finding.occurrences)) if (typeof place.fingerprint === 'string') out.add(place.fingerprint);
    }
  }
  return out;
}
