import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine } from '../core/cli-args.js';
import { loadConfig } from '../core/config/load.js';
import { UsageError } from '../core/errors.js';
import { assembleGate } from '../core/gate.js';
import { SecretRegistry } from '../core/redaction.js';
import { runLaunchReady } from '../core/run.js';
import { FAIL_ON_VALUES, type FailOn } from '../core/severity.js';
import { didYouMean } from '../core/suggest.js';
import { VERSION } from '../core/version.js';
import { renderReport } from '../report/index.js';
import { STAGES } from '../stages/index.js';
import { gitHubAccessOf, readRunnerContext, type RunnerContext } from './context.js';
import { createStageGitHubApi } from './stage-api.js';
import { finishStep, runEntryPoint } from './entry.js';
import { readStageResults, stageResultFile } from './merge.js';
import { publishGate } from './publish.js';
import { parseReportStepArgs, splitStageStepArgs, TOKEN_ENV } from './step-args.js';

/**
 * `dist/step.js`: what the composite actions run with the runner's node. `step.js <stage> ...`
 * runs one stage (its CLI flags), writes `$RUNNER_TEMP/launch-ready/<stage>.json` and replaces its
 * own section of the PR comment; `step.js report ...` merges stage results and applies the gate.
 */
async function main(argv: readonly string[]): Promise<number> {
  const env = process.env;
  const context = readRunnerContext(env, tmpdir());
  const token = (env[TOKEN_ENV] ?? '').trim();
  // No core.setSecret(token): `::add-mask::` would print the token whole; the runner masks it already.
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  return argv[0] === 'report' ? report(argv.slice(1), context, token, cwd) : stage(argv, context, token, cwd);
}

async function stage(argv: readonly string[], context: RunnerContext, token: string, cwd: string): Promise<number> {
  const { cli, comment } = splitStageStepArgs(argv);
  const parsed = parseCommandLine(cli, STAGES, cwd);
  const stageId = parsed.kind === 'run' ? STAGES.find((s) => s.id === parsed.request.command)?.id : undefined;
  if (parsed.kind !== 'run' || !stageId) {
    throw new UsageError(`step: expected a stage command (${STAGES.map((s) => s.id).join(', ')}) or report; got "${cli[0] ?? ''}"`);
  }
  const { request } = parsed;
  const github = gitHubAccessOf(context, token);
  const deps: Parameters<typeof runLaunchReady>[1] = { stages: STAGES, version: VERSION, env: process.env, ...(github ? { githubApi: createStageGitHubApi(github) } : {}) };
  const outcome = await runLaunchReady(request, deps);
  // Actions logs render ANSI colours.
  process.stdout.write(renderReport(outcome.result, 'text', { secrets: outcome.secrets, color: !process.env.NO_COLOR }));
  await publishGate({
    result: outcome.result,
    secrets: outcome.secrets,
    context,
    token,
    comment,
    commentMode: 'merge',
    criticalPaths: outcome.config.criticalPaths,
    reportFile: join(context.resultDir, stageResultFile(stageId)),
  });
  return finishStep(outcome.result.status);
}

async function report(argv: readonly string[], context: RunnerContext, token: string, cwd: string): Promise<number> {
  const args = parseReportStepArgs(argv);
  if (args.failOn !== undefined && !(FAIL_ON_VALUES as readonly string[]).includes(args.failOn)) {
    throw new UsageError(`input fail-on: "${args.failOn}" is not a severity; ${didYouMean(args.failOn, FAIL_ON_VALUES)}`);
  }
  const configFile = args.config && (args.config !== 'launch-ready.yml' || existsSync(join(cwd, args.config))) ? args.config : undefined;
  // Only failOn and the critical paths are read here; no stage runs, so none is checked.
  const config = loadConfig({ cwd, stages: STAGES, version: VERSION, selected: [], ...(configFile ? { file: configFile } : {}) });
  const stages = readStageResults(args.from.length > 0 ? args.from.map((f) => resolve(cwd, f)) : [context.resultDir]);
  const failOn = (args.failOn as FailOn | undefined) ?? config.failOn;
  const result = assembleGate(stages, { failOn, criticalPaths: config.criticalPaths, version: VERSION, durationMs: Math.max(0, ...stages.map((s) => s.durationMs)) });
  // Stage files were scrubbed when written; nothing new to register here.
  const secrets = new SecretRegistry();
  process.stdout.write(renderReport(result, 'text', { secrets, color: !process.env.NO_COLOR }));
  await publishGate({ result, secrets, context, token, comment: args.comment, commentMode: 'replace', criticalPaths: config.criticalPaths, reportFile: join(context.resultDir, 'result.json') });
  return finishStep(result.status);
}

runEntryPoint(() => main(process.argv.slice(2)));
