import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLaunchReady } from './core/run.js';
import { VERSION } from './core/version.js';
import { gitHubAccessOf, readRunnerContext } from './github/context.js';
import { createStageGitHubApi } from './github/stage-api.js';
import { runEntryPoint, finishStep } from './github/entry.js';
import { readActionInputs } from './github/inputs.js';
import { publishGate } from './github/publish.js';
import { renderReport } from './report/index.js';
import { STAGES } from './stages/index.js';

/**
 * The root action (`action.yml`, node24): run the configured stages in one step, then publish
 * (result file, annotations, PR comment, job summary, outputs) and fail the step when the gate fails.
 * Only wiring here; errors are caught once, at the bottom, and never print a stack trace.
 */
async function main(): Promise<number> {
  const env = process.env;
  const context = readRunnerContext(env, tmpdir());
  const inputs = readActionInputs(env, env.GITHUB_WORKSPACE || process.cwd());
  // No core.setSecret(token): it writes `::add-mask::<token>` to stdout, the token whole. The runner
  // already masks github.token and every secret a workflow passes in.
  const github = gitHubAccessOf(context, inputs.token);
  const deps: Parameters<typeof runLaunchReady>[1] = { stages: STAGES, version: VERSION, env, ...(github ? { githubApi: createStageGitHubApi(github) } : {}) };
  const outcome = await runLaunchReady(inputs.request, deps);
  // Actions logs render ANSI colours.
  process.stdout.write(renderReport(outcome.result, 'text', { secrets: outcome.secrets, color: !process.env.NO_COLOR }));
  await publishGate({
    result: outcome.result,
    secrets: outcome.secrets,
    context,
    token: inputs.token,
    comment: inputs.comment,
    commentMode: 'replace',
    criticalPaths: outcome.config.criticalPaths,
    reportFile: join(context.resultDir, 'result.json'),
  });
  return finishStep(outcome.result.status);
}

runEntryPoint(main);
