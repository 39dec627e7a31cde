import { loadConfig } from './config/load.js';
import type { LaunchReadyConfig } from './config/types.js';
import { UsageError } from './errors.js';
import type { StageId } from './findings.js';
import { assembleGate } from './gate.js';
import { SecretRegistry } from './redaction.js';
import type { RunRequest } from './request.js';
import { exitCodeOf, type GateResult } from './result.js';
import { runStages, type RunStagesOptions } from './runner.js';
import type { GitHubApi, StageServices } from './services.js';
import type { StageDefinition } from './stage.js';
import { applyPolicyReview, effectiveFailOn, type ConfigChangesMode, type PolicyReview } from './policy.js';
import { reviewPolicy } from './policy-git.js';

/** The policy check of the actions: launch-ready's own config compared with the pull request's base. */
export interface PolicyOptions {
  /** `pull_request.base.sha`; without it (no pull request) there is nothing to compare with. */
  baseRevision?: string;
  mode: ConfigChangesMode;
}

export interface RunDependencies {
  stages: readonly StageDefinition<unknown>[];
  version: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The repository's GitHub API for stages (`ctx.services.github`), built by the entry point; the token stays there. */
  githubApi?: GitHubApi;
  /** Shared services to use instead of the built ones (tests pass doubles). */
  services?: Partial<StageServices>;
  progress?: (stage: StageId, message: string) => void;
  signal?: AbortSignal;
  policy?: PolicyOptions;
}

export interface RunOutcome {
  result: GateResult;
  config: LaunchReadyConfig;
  /** Every secret value met during the run; reporters scrub their output with it. */
  secrets: SecretRegistry;
  exitCode: number;
}

/** Load the config, run the selected stages and apply the gate. Throws {@link UsageError} for bad input. */
export async function runLaunchReady(request: RunRequest, deps: RunDependencies): Promise<RunOutcome> {
  const started = performance.now();
  const loadOptions = {
    cwd: request.cwd,
    overrides: request.overrides,
    stages: deps.stages,
    version: deps.version,
    ...(request.stages ? { selected: request.stages } : {}),
  };
  const config = loadConfig(request.configFile !== undefined ? { ...loadOptions, file: request.configFile } : loadOptions);
  const review = policyReviewOf(request, config, deps.policy);
  const failOn = effectiveFailOn(request.failOn ?? config.failOn, review, deps.policy?.mode ?? 'allow');
  const explicit = request.stages !== undefined;
  const selected = explicit
    ? request.stages!.map((id) => stageById(deps.stages, id))
    : deps.stages.filter((stage) => config.stages[stage.id]?.enabled !== false);
  if (selected.length === 0) throw new UsageError('no stage to run: every stage has enabled: false in the config; enable one or pass --stages');

  const secrets = new SecretRegistry();
  const runOptions: RunStagesOptions = { config, selected, explicit, secrets, env: deps.env };
  if (deps.githubApi) runOptions.github = deps.githubApi;
  if (deps.services) runOptions.services = deps.services;
  if (deps.progress) runOptions.progress = deps.progress;
  if (deps.signal) runOptions.signal = deps.signal;
  let stageResults = await runStages(runOptions);
  if (review && deps.policy && deps.policy.mode !== 'allow') {
    const titles = Object.fromEntries(deps.stages.map((s) => [s.id, s.title]));
    const ran = new Set(selected.map((s) => s.id));
    const relevant =
      'changes' in review ? { changes: review.changes.filter((c) => !c.stage || ran.has(c.stage) || c.rule === 'config-stage-disabled') } : review;
    const only = request.command === 'check' || request.command === 'demo' ? undefined : [request.command];
    stageResults = applyPolicyReview(stageResults, relevant, { mode: deps.policy.mode, titles, ...(only ? { only } : {}) });
  }
  const result = assembleGate(stageResults, {
    failOn,
    criticalPaths: config.criticalPaths,
    version: deps.version,
    durationMs: Math.round(performance.now() - started),
  });
  return { result, config, secrets, exitCode: exitCodeOf(result.status) };
}

/** Weakening changes to launch-ready's own config, when running on a pull request with the check on. */
function policyReviewOf(request: RunRequest, config: LaunchReadyConfig, policy: PolicyOptions | undefined): PolicyReview | undefined {
  if (!policy || policy.mode === 'allow' || !policy.baseRevision) return undefined;
  return reviewPolicy(config, policy.baseRevision, {
    ...(request.failOn ? { failOn: request.failOn } : {}),
    ...(request.stages ? { stages: request.stages } : {}),
  });
}

function stageById(stages: readonly StageDefinition<unknown>[], id: StageId): StageDefinition<unknown> {
  const stage = stages.find((s) => s.id === id);
  if (!stage) throw new UsageError(`unknown stage "${id}"`);
  return stage;
}
