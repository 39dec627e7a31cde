import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cancelOnSignals } from './core/signals.js';
import { readRunnerContext } from './github/context.js';
import { failStep } from './github/entry.js';
import { runAndPublish } from './github/gate-step.js';
import { readActionInputs } from './github/inputs.js';

/**
 * The root action (`action.yml`, node24): run the configured stages in one step, then publish
 * (result file, annotations, PR comment, job summary, outputs) and fail the step when the gate fails.
 * `run()` is what `@github/local-action` calls (`src/action-entry.ts` calls it in the bundle): it
 * never throws; an error fails the step with one line, never a stack trace. Returns the exit code.
 */
export async function run(): Promise<number> {
  try {
    return await runGate();
  } catch (error) {
    return failStep(error);
  }
}

async function runGate(): Promise<number> {
  const env = process.env;
  const context = readRunnerContext(env, tmpdir());
  const inputs = readActionInputs(env, env.GITHUB_WORKSPACE || process.cwd());
  // No core.setSecret(token): it writes `::add-mask::<token>` to stdout, the token whole. The runner
  // already masks github.token and every secret a workflow passes in.
  // The runner cancels a job with SIGINT, then SIGTERM: stages stop within their grace and the partial gate is published.
  const signal = cancelOnSignals();
  return runAndPublish(inputs.request, { context, inputs, commentMode: 'replace', reportFile: join(context.resultDir, 'result.json'), annotate: true, signal });
}
