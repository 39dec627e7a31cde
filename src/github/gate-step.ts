import type { CriticalPathConfig } from '../core/config/types.js';
import type { SecretRegistry } from '../core/redaction.js';
import type { RunRequest } from '../core/request.js';
import type { GateResult } from '../core/result.js';
import { runLaunchReady, type PolicyOptions } from '../core/run.js';
import { VERSION } from '../core/version.js';
import { renderReport } from '../report/index.js';
import { STAGES } from '../stages/index.js';
import { gitHubAccessOf, type RunnerContext } from './context.js';
import { createStageGitHubApi } from './stage-api.js';
import { finishStep } from './entry.js';
import type { CommonInputs } from './inputs.js';
import { printUntrusted } from './log.js';
import { publishGate } from './publish.js';

/** A finished gate, ready to publish. */
export interface FinishedGate {
  result: GateResult;
  secrets: SecretRegistry;
  criticalPaths: readonly CriticalPathConfig[];
}

export interface PublishStepOptions {
  context: RunnerContext;
  inputs: CommonInputs;
  /** `replace`: the whole gate (root action, report); `merge`: one stage job's sections. */
  commentMode: 'replace' | 'merge';
  /** Where the JSON result goes (output `report`). */
  reportFile: string;
  /** False for the report step: the stage jobs annotated their findings already. */
  annotate: boolean;
  /** Lines for the log (as warnings) and the job summary, e.g. result files the report rejected. */
  notes?: string[];
}

/** The policy check as the workflow sets it: compare with the PR's base, unless `config-changes: allow`. */
export function policyOf(context: RunnerContext, inputs: CommonInputs): PolicyOptions {
  return { mode: inputs.configChanges, ...(context.baseRevision ? { baseRevision: context.baseRevision } : {}) };
}

/**
 * Run the gate for a request from the inputs, then {@link publishStep}. `signal` (the entry point's,
 * from `cancelOnSignals`) stops the stages within their grace; what they found is still published.
 */
export async function runAndPublish(request: RunRequest, options: PublishStepOptions & { signal?: AbortSignal }): Promise<number> {
  const { context, inputs } = options;
  const github = gitHubAccessOf(context, inputs.token);
  const outcome = await runLaunchReady(request, {
    stages: STAGES,
    version: VERSION,
    env: process.env,
    policy: policyOf(context, inputs),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(github ? { githubApi: createStageGitHubApi(github) } : {}),
  });
  return publishStep({ result: outcome.result, secrets: outcome.secrets, criticalPaths: outcome.config.criticalPaths }, options);
}

/**
 * The one sequence every entry point ends with: stamp the result with this run, print the text
 * report (never as workflow commands), publish (result file, annotations, comment, summary,
 * outputs) and fail the step when the gate fails.
 */
export async function publishStep(gate: FinishedGate, options: PublishStepOptions): Promise<number> {
  const { context, inputs } = options;
  const result: GateResult = context.run ? { ...gate.result, run: context.run } : gate.result;
  // Actions logs render ANSI colours.
  printUntrusted(renderReport(result, 'text', { secrets: gate.secrets, color: !process.env.NO_COLOR }));
  await publishGate({
    result,
    secrets: gate.secrets,
    context,
    token: inputs.token,
    comment: inputs.comment,
    commentIdentity: { author: inputs.commentAuthor, key: inputs.commentKey },
    commentMode: options.commentMode,
    criticalPaths: gate.criticalPaths,
    reportFile: options.reportFile,
    annotate: options.annotate,
    notes: options.notes ?? [],
  });
  return finishStep(result.status);
}
