import * as core from '@actions/core';
import { reasonOf, UsageError } from '../core/errors.js';
import { EXIT, exitCodeOf, type GateStatus } from '../core/result.js';
import { writeJobSummary } from './summary.js';

/**
 * Run an action entry point. Errors are caught here, once (see {@link failStep}); never a stack trace.
 */
export function runEntryPoint(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
      // Everything is published: exit even if a stopped stage (past its maxMinutes) still holds a socket open.
      process.stdout.write('', () => process.exit(code));
    },
    (error: unknown) => {
      process.exitCode = failStep(error);
    },
  );
}

/**
 * A run that could not start or finish: a usage error fails the step with its one-line message
 * (exit 2), anything else as an internal error (exit 3). The `status` output and the job summary
 * still say so, for workflows that read them.
 */
export function failStep(error: unknown): number {
  const usage = error instanceof UsageError;
  const message = `launch-ready: ${usage ? '' : 'internal error: '}${reasonOf(error)}`;
  core.setFailed(message);
  core.setOutput('status', 'error');
  writeJobSummary(process.env.GITHUB_STEP_SUMMARY, `## launch-ready: could not run\n\n${escapeLine(message)}\n`);
  return usage ? EXIT.usage : EXIT.error;
}

/** Fail the step when the gate failed or a stage could not run; returns the gate's exit code. */
export function finishStep(status: GateStatus): number {
  if (status === 'fail') core.setFailed('launch-ready: the gate failed; see the job summary');
  if (status === 'error') core.setFailed('launch-ready: a stage could not run; see the job summary');
  return exitCodeOf(status);
}

/** One line of plain text in Markdown: no HTML, no mentions, no code fences breaking out. */
function escapeLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[<>&`*_[\]@]/g, (c) => `\\${c}`);
}
