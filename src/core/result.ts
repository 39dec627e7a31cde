import type { Finding, StageId } from './findings.js';
import type { FailOn } from './severity.js';
import type { ReportBlock } from './blocks.js';
import type { StagePartError, StagePhase } from './stage.js';

export type StageStatus = 'pass' | 'fail' | 'warn' | 'error' | 'skipped';
export type GateStatus = 'pass' | 'fail' | 'error';

/** One stage's result (ARCHITECTURE.md, the result contract). */
export interface StageResult {
  id: StageId;
  /** The stage's own title (`Environment variables`); absent in results written before titles were carried. */
  title?: string;
  /** Where the stage ran in the schedule: passive stages together, then load, then change. */
  phase?: StagePhase;
  status: StageStatus;
  summary: string;
  durationMs: number;
  metrics: Record<string, unknown>;
  findings: Finding[];
  /** Parts that could not run, with the reason and the fix. Present only when something errored. */
  errors?: StagePartError[];
  /** Ids of the configured critical paths this stage checked (absent when it did not run). */
  checkedPaths?: string[];
  /** What the stage wants shown beyond findings (tables, series, timelines, notes). */
  blocks?: ReportBlock[];
}

/**
 * Yes/no for one critical path; `blockers` are the ids of the findings that break it. A path that
 * no stage checked (every stage that speaks to it was skipped or could not run) is not `ok`: its
 * `checkedBy` is empty and the reports say "not checked".
 */
export interface CriticalPathResult {
  id: string;
  title: string;
  ok: boolean;
  blockers: string[];
  checkedBy: string[];
}

/** The workflow run and commit a result was made for (GitHub Actions only); the report job merges only its own. */
export interface RunIdentity {
  /** `owner/name`. */
  repository: string;
  runId: number;
  runAttempt: number;
  /** The commit checked: the PR's head, else `GITHUB_SHA`. */
  sha: string;
}

/** The whole gate (`--format json`, version 1). */
export interface GateResult {
  version: 1;
  tool: { name: 'launch-ready'; version: string };
  status: GateStatus;
  failOn: FailOn;
  durationMs: number;
  criticalPaths: CriticalPathResult[];
  stages: StageResult[];
  /** Set by the actions: which run and commit made this result. */
  run?: RunIdentity;
}

/** Exit codes (ARCHITECTURE.md): 0 pass, 1 gate failed, 2 usage/config error, 3 a stage could not run. */
export const EXIT = { pass: 0, fail: 1, usage: 2, error: 3 } as const;

export function exitCodeOf(status: GateStatus): number {
  return EXIT[status];
}
