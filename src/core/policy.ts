import { createHash } from 'node:crypto';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { STAGE_IDS, toFinding, type FindingInput, type StageId } from './findings.js';
import type { StageResult } from './result.js';
import { isOneOf, isRecord, recordsOf } from './guards.js';
import { FAIL_ON_VALUES, type FailOn } from './severity.js';

/**
 * The gate's policy against the pull request it checks: a change to launch-ready's own config,
 * `.gitleaks.toml`, `.gitleaksignore` or a baseline that weakens the gate (compared with the PR's
 * base) is itself a finding. Pure: file texts in, changes out; `policy-git.ts` reads the files.
 */

/** What a weakening change is: a blocker (default), a note that does not fail the gate, or nothing. */
export type ConfigChangesMode = 'block' | 'report' | 'allow';
export const CONFIG_CHANGE_MODES: readonly ConfigChangesMode[] = ['block', 'report', 'allow'];

/** launch-ready's policy files at one commit; undefined = the file does not exist there. */
export interface PolicyFiles {
  config?: string;
  gitleaksConfig?: string;
  gitleaksIgnore?: string;
  baseline?: string;
}

/** Where the files are, relative to the repository root, for messages and locations. */
export interface PolicyPaths {
  config: string;
  gitleaksConfig: string;
  gitleaksIgnore: string;
  /** The baseline the head's config names (the base's may differ; its text is compared all the same). */
  baseline?: string;
}

/** What the workflow decides itself: a file setting it overrides cannot weaken anything. */
export interface WorkflowPolicy {
  failOn?: FailOn;
  /** Stages the workflow runs by name (`stages` input, or the stage action itself). */
  stages?: readonly StageId[];
}

export type PolicyRule = 'config-stage-disabled' | 'config-fail-on-raised' | 'config-paths-excluded' | 'config-history-off' | 'config-suppression-added';

/** One change that weakens the gate. */
export interface PolicyChange {
  rule: PolicyRule;
  /** The stage it weakens; undefined for the whole gate (`failOn`). */
  stage?: StageId;
  file: string;
  /** What the pull request does, in the user's words. */
  title: string;
  /** Before → after, shown in the comment. */
  change: string;
  /** For `config-fail-on-raised`: the base's value, which stays in force while the change is blocked. */
  baseFailOn?: FailOn;
}

type Tree = Record<string, unknown>;

/** Every change from `base` to `head` that weakens the gate, in file order. */
export function comparePolicy(base: PolicyFiles, head: PolicyFiles, paths: PolicyPaths, workflow: WorkflowPolicy = {}): PolicyChange[] {
  return [
    ...configChanges(yamlOf(base.config), yamlOf(head.config), paths.config, workflow),
    ...addedEntries(gitleaksEntries(base.gitleaksConfig), gitleaksEntries(head.gitleaksConfig), paths.gitleaksConfig, 'allowlist entry'),
    ...addedEntries(ignoreEntries(base.gitleaksIgnore), ignoreEntries(head.gitleaksIgnore), paths.gitleaksIgnore, 'ignored finding'),
    ...(paths.baseline ? addedEntries(baselineEntries(base.baseline), baselineEntries(head.baseline), paths.baseline, 'accepted finding') : []),
  ];
}

function configChanges(base: Tree, head: Tree, file: string, workflow: WorkflowPolicy): PolicyChange[] {
  const changes: PolicyChange[] = [];
  // Stages the workflow names run whatever the file says.
  for (const stage of workflow.stages ? [] : STAGE_IDS) {
    if (sectionOf(base, stage).enabled !== false && sectionOf(head, stage).enabled === false) {
      changes.push({
        rule: 'config-stage-disabled',
        stage,
        file,
        title: `This pull request turns the ${stage} stage off in ${file}`,
        change: `${stage}.enabled: true → false`,
      });
    }
  }
  const [before, after] = [failOnOf(base), failOnOf(head)];
  if (!workflow.failOn && strictness(after) < strictness(before)) {
    changes.push({
      rule: 'config-fail-on-raised',
      file,
      title: `This pull request lowers the bar of the gate in ${file}`,
      change: `failOn: ${before} → ${after}`,
      baseFailOn: before,
    });
  }
  for (const stage of STAGE_IDS) {
    for (const key of ['exclude', 'ignore']) {
      const added = listOf(sectionOf(head, stage)[key]).filter((entry) => !listOf(sectionOf(base, stage)[key]).includes(entry));
      if (added.length === 0) continue;
      const what = key === 'exclude' ? 'leaves files out of' : 'stops reporting variables in';
      changes.push({
        rule: 'config-paths-excluded',
        stage,
        file,
        title: `This pull request ${what} the ${stage} stage (${stage}.${key})`,
        change: `${stage}.${key} + ${added.join(', ')}`,
      });
    }
  }
  if (sectionOf(base, 'secrets').history !== false && sectionOf(head, 'secrets').history === false) {
    changes.push({
      rule: 'config-history-off',
      stage: 'secrets',
      file,
      title: `This pull request stops the secrets stage from scanning git history`,
      change: 'secrets.history: true → false',
    });
  }
  return changes;
}

function addedEntries(base: string[], head: string[], file: string, noun: string): PolicyChange[] {
  const known = new Set(base);
  const added = head.filter((entry) => !known.has(entry));
  if (added.length === 0) return [];
  const shown = added.slice(0, 5).join(', ') + (added.length > 5 ? `, … (${added.length - 5} more)` : '');
  return [
    {
      rule: 'config-suppression-added',
      stage: 'secrets',
      file,
      title: `This pull request adds ${added.length} ${noun}${added.length === 1 ? '' : 's'} to ${file}`,
      change: `+ ${shown}`,
    },
  ];
}

/** Lower is laxer: `never` < `blocker` < … < `low`. */
function strictness(failOn: FailOn): number {
  return failOn === 'never' ? -1 : FAIL_ON_VALUES.indexOf(failOn);
}

function failOnOf(tree: Tree): FailOn {
  const value = tree.failOn;
  return isOneOf(FAIL_ON_VALUES, value) ? value : 'blocker';
}

function sectionOf(tree: Tree, stage: StageId): Tree {
  const section = tree[stage];
  return isRecord(section) ? section : {};
}

function listOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** A file that does not parse counts as empty: at the base that makes every head entry new, which fails safe. */
function yamlOf(text: string | undefined): Tree {
  try {
    const data: unknown = text === undefined ? {} : parseYaml(text);
    return isRecord(data) ? data : {};
  } catch {
    return {};
  }
}

/** Every suppression a `.gitleaks.toml` holds: allowlist criteria (global and per rule) and disabled rules. */
function gitleaksEntries(text: string | undefined): string[] {
  if (text === undefined) return [];
  let data: Tree;
  try {
    data = parseToml(text);
  } catch {
    return [];
  }
  const entries: string[] = [];
  const allowlists = (value: unknown, scope: string) => {
    for (const list of Array.isArray(value) ? value : value ? [value] : []) {
      for (const key of ['paths', 'regexes', 'stopwords', 'commits'])
        for (const item of listOf(isRecord(list) ? list[key] : undefined)) entries.push(`${scope}${key}: ${item}`);
    }
  };
  allowlists(data.allowlist, '');
  allowlists(data.allowlists, '');
  for (const rule of recordsOf(data.rules)) {
    allowlists(rule.allowlist, `${String(rule.id)} `);
    allowlists(rule.allowlists, `${String(rule.id)} `);
  }
  for (const rule of listOf(isRecord(data.extend) ? data.extend.disabledRules : undefined)) entries.push(`disabled rule ${rule}`);
  return entries;
}

function ignoreEntries(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Fingerprints a baseline accepts: a launch-ready JSON result, or a gitleaks JSON report. */
function baselineEntries(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const data: unknown = JSON.parse(text);
    if (Array.isArray(data)) return data.map((f: { Fingerprint?: unknown }) => String(f?.Fingerprint ?? '')).filter(Boolean);
    const stages = recordsOf(isRecord(data) ? data.stages : undefined);
    return stages.flatMap((s) => recordsOf(s.findings).map((f) => String(f.fingerprint ?? ''))).filter(Boolean);
  } catch {
    return [];
  }
}

/** A change as a finding: a blocker when blocking, else `info` (shown, never failing). */
export function policyFinding(change: PolicyChange, mode: Exclude<ConfigChangesMode, 'allow'>): FindingInput {
  return {
    ruleId: change.rule,
    severity: mode === 'block' ? 'blocker' : 'info',
    title: change.title,
    fix: "Revert this change, or merge it with a maintainer's review: the workflow's config-changes input (block|report|allow) decides whether such a change fails the gate",
    paths: ['deploy'],
    location: { file: change.file },
    evidence: change.change,
    fingerprint: `config:${createHash('sha256').update(`${change.rule}|${change.file}|${change.change}`).digest('hex').slice(0, 16)}`,
  };
}

export interface ApplyPolicyOptions {
  mode: Exclude<ConfigChangesMode, 'allow'>;
  /** Stage title by id, for the result of a stage the pull request turned off. */
  titles: Readonly<Partial<Record<StageId, string>>>;
  /** Only these stages may be reported on (a stage job writes its own stage only); default: any. */
  only?: readonly StageId[];
}

/**
 * Put each change into the result of the stage it weakens (a gate-wide change into the first
 * stage's); a stage the pull request turned off gets a result of its own holding the change. A
 * change already reported (the same fingerprint, e.g. by a stage job) is not added twice.
 */
export function applyPolicyChanges(stages: readonly StageResult[], changes: readonly PolicyChange[], options: ApplyPolicyOptions): StageResult[] {
  const out = stages.map((s) => ({ ...s, findings: [...s.findings] }));
  for (const change of changes) {
    const id = change.stage ?? out[0]?.id ?? options.only?.[0];
    if (!id || (options.only && !options.only.includes(id))) continue;
    let target = out.find((s) => s.id === id);
    if (!target) {
      const title = options.titles[id] ?? id;
      target = { id, status: 'pass', summary: `${title}: not run: this pull request turns it off`, durationMs: 0, metrics: {}, findings: [] };
      out.push(target);
    }
    const finding = toFinding(id, policyFinding(change, options.mode));
    if (!target.findings.some((f) => f.fingerprint === finding.fingerprint)) target.findings.push(finding);
  }
  return out.sort((a, b) => STAGE_IDS.indexOf(a.id) - STAGE_IDS.indexOf(b.id));
}

/** The changes, or why the base could not be read (then nothing is known). */
export type PolicyReview = { changes: PolicyChange[] } | { unavailable: string };

/**
 * {@link applyPolicyChanges}, and when the base could not be read: blocking, the first stage
 * reports an error (unknown is not "unchanged"); reporting, an info finding says so.
 */
export function applyPolicyReview(stages: readonly StageResult[], review: PolicyReview, options: ApplyPolicyOptions): StageResult[] {
  if ('changes' in review) return applyPolicyChanges(stages, review.changes, options);
  const out = stages.map((s) => ({ ...s, findings: [...s.findings] }));
  const target = out.find((s) => !options.only || options.only.includes(s.id));
  if (!target) return out;
  const message = `could not compare launch-ready's config with the pull request's base: ${review.unavailable}`;
  if (options.mode === 'block') {
    target.status = 'error';
    target.errors = [
      ...(target.errors ?? []),
      {
        part: 'config-changes',
        message,
        fix: 'fetch the base (actions/checkout with fetch-depth: 0), or set config-changes: report to only note config changes',
      },
    ];
  } else {
    target.findings.push(
      toFinding(target.id, {
        ruleId: 'config-base-unavailable',
        severity: 'info',
        title: message,
        fix: 'fetch the base: actions/checkout with fetch-depth: 0',
      }),
    );
  }
  return out;
}

/** The threshold in force: a `failOn` the pull request raised stays at the base's while blocked. */
export function effectiveFailOn(failOn: FailOn, review: PolicyReview | undefined, mode: ConfigChangesMode): FailOn {
  const raised = review && 'changes' in review ? review.changes.find((c) => c.rule === 'config-fail-on-raised') : undefined;
  return mode === 'block' && raised?.baseFailOn ? raised.baseFailOn : failOn;
}
