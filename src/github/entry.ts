import * as core from '@actions/core';
import { reasonOf, UsageError } from '../core/errors.js';
import { EXIT, exitCodeOf, type GateStatus } from '../core/result.js';

/**
 * Run an action entry point. Errors are caught here, once: a usage error fails the step with its
 * one-line message (exit 2), anything else as an internal error (exit 3); never a stack trace.
 */
export function runEntryPoint(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
      // Everything is published: exit even if a stopped stage (past its maxMinutes) still holds a socket open.
      process.stdout.write('', () => process.exit(code));
    },
    (error: unknown) => {
      const usage = error instanceof UsageError;
      core.setFailed(`launch-ready: ${usage ? '' : 'internal error: '}${reasonOf(error)}`);
      process.exitCode = usage ? EXIT.usage : EXIT.error;
    },
  );
}

/** Fail the step when the gate failed or a stage could not run; returns the gate's exit code. */
export function finishStep(status: GateStatus): number {
  if (status === 'fail') core.setFailed('launch-ready: the gate failed; see the job summary');
  if (status === 'error') core.setFailed('launch-ready: a stage could not run; see the job summary');
  return exitCodeOf(status);
}
