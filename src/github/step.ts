import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine } from '../core/cli-args.js';
import type { LaunchReadyConfig } from '../core/config/types.js';
import { loadConfig } from '../core/config/load.js';
import { UsageError } from '../core/errors.js';
import { cancelOnSignals } from '../core/signals.js';
import { STAGE_IDS, type StageId } from '../core/findings.js';
import { isOneOf } from '../core/guards.js';
import { assembleGate } from '../core/gate.js';
import { applyPolicyReview, effectiveFailOn, type PolicyReview } from '../core/policy.js';
import { reviewPolicy } from '../core/policy-git.js';
import { SecretRegistry } from '../core/redaction.js';
import type { StageDefinition } from '../core/stage.js';
import { VERSION } from '../core/version.js';
import { STAGES } from '../stages/index.js';
import { readRunnerContext, type RunnerContext } from './context.js';
import { runEntryPoint } from './entry.js';
import { publishStep, runAndPublish } from './gate-step.js';
import { readCommonInputs, readReportInputs, type ReportInputs } from './inputs.js';
import { missingStageResult, readStageResults, stageResultFile } from './merge.js';
import { explainInputError, stageCommandLine } from './stage-inputs.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `dist/step.js`: what the composite actions run with the runner's node. `step.js <stage>` runs one
 * stage from its action's inputs (`INPUT_*`), writes `$RUNNER_TEMP/launch-ready/<stage>.json` and
 * replaces its own section of the PR comment; `step.js report` merges stage results and applies the gate.
 */
async function main(argv: readonly string[]): Promise<number> {
  const env = process.env;
  const context = readRunnerContext(env, tmpdir());
  // No core.setSecret(token): `::add-mask::` would print the token whole; the runner masks it already.
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const command = argv[0] ?? '';
  if (argv.length === 1 && command === 'report') return report(env, context, cwd);
  if (argv.length === 1 && isOneOf(STAGE_IDS, command)) return stage(command, env, context, cwd);
  throw new UsageError(`step: expected one of ${[...STAGE_IDS, 'report'].join(', ')}; got "${argv.join(' ')}" (inputs come from INPUT_* variables)`);
}

async function stage(id: StageId, env: Env, context: RunnerContext, cwd: string): Promise<number> {
  const inputs = readCommonInputs(env, cwd);
  const argv = [
    ...stageCommandLine(id, env),
    ...(inputs.configFile ? ['--config', inputs.configFile] : []),
    ...(inputs.failOn ? ['--fail-on', inputs.failOn] : []),
  ];
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv, STAGES, cwd);
  } catch (error) {
    throw explainInputError(id, error);
  }
  if (parsed.kind !== 'run') throw new UsageError(`step: ${id}: not a stage command`);
  // As the root action: a cancelled job still publishes what the stage found before it stopped.
  const signal = cancelOnSignals();
  return runAndPublish(parsed.request, {
    context,
    inputs,
    commentMode: 'merge',
    reportFile: join(context.resultDir, stageResultFile(id)),
    annotate: true,
    signal,
  });
}

async function report(env: Env, context: RunnerContext, cwd: string): Promise<number> {
  const inputs = readReportInputs(env, cwd);
  // Only failOn, the stages and the critical paths are read here; no stage runs, so none is checked.
  const config = loadConfig({ cwd, stages: STAGES, version: VERSION, selected: [], ...(inputs.configFile ? { file: inputs.configFile } : {}) });
  const folders = inputs.from.length > 0 ? inputs.from.map((f) => resolve(cwd, f)) : [context.resultDir];
  const read = readStageResults(folders, context.run);
  const expected = inputs.stages ?? expectedStages(config, STAGES);
  const missing = expected.filter((id) => !read.stages.some((s) => s.id === id));
  let stages = [...read.stages, ...missing.map(missingStageResult)].sort((a, b) => STAGE_IDS.indexOf(a.id) - STAGE_IDS.indexOf(b.id));
  const review = reportPolicyReview(config, context, inputs);
  if (review && inputs.configChanges !== 'allow') {
    stages = applyPolicyReview(stages, review, { mode: inputs.configChanges, titles: Object.fromEntries(STAGES.map((s) => [s.id, s.title])) });
  }
  const failOn = effectiveFailOn(inputs.failOn ?? config.failOn, review, inputs.configChanges);
  const result = assembleGate(stages, {
    failOn,
    criticalPaths: config.criticalPaths,
    version: VERSION,
    durationMs: Math.max(0, ...stages.map((s) => s.durationMs)),
  });
  const notes = [
    ...read.missingFolders.map((folder) => `report: ${folder}: no such folder (no artifact was downloaded there)`),
    ...read.rejected.map(({ file, reason }) => `report: ${file} not merged: it ${reason}`),
  ];
  // Stage files were scrubbed when written; nothing new to register here.
  const gate = { result, secrets: new SecretRegistry(), criticalPaths: config.criticalPaths };
  // The stage jobs annotated their own findings: annotating again here would show each twice.
  return publishStep(gate, { context, inputs, commentMode: 'replace', reportFile: join(context.resultDir, 'result.json'), annotate: false, notes });
}

/** The stages whose results the report waits for when the workflow does not list them: built, enabled and configured. */
function expectedStages(config: LaunchReadyConfig, stages: readonly StageDefinition<unknown>[]): StageId[] {
  return stages.filter((s) => s.built && config.stages[s.id]?.enabled !== false && !s.notConfigured?.(config.stages[s.id])).map((s) => s.id);
}

function reportPolicyReview(config: LaunchReadyConfig, context: RunnerContext, inputs: ReportInputs): PolicyReview | undefined {
  if (inputs.configChanges === 'allow' || !context.baseRevision) return undefined;
  return reviewPolicy(config, context.baseRevision, {
    ...(inputs.failOn ? { failOn: inputs.failOn } : {}),
    ...(inputs.stages ? { stages: inputs.stages } : {}),
  });
}

runEntryPoint(() => main(process.argv.slice(2)));
