import { UsageError } from '../core/errors.js';
import { parseBoolean } from './inputs.js';

/**
 * Arguments of `dist/step.js`, the entry the composite actions run with the runner's node. A stage
 * step is the stage's CLI command (`secrets --repo . --no-history ...`) plus `--comment`; the
 * report step is `report --from DIR --config FILE --fail-on SEV --comment BOOL`.
 */

/** The token reaches the step through this variable, never the command line (visible to `ps`). */
export const TOKEN_ENV = 'LAUNCH_READY_GITHUB_TOKEN';
/** Flags of the report step. */
export const REPORT_STEP_FLAGS = ['from', 'config', 'fail-on', 'comment'] as const;

/** Split `--comment BOOL` off a stage step's arguments; the rest is a CLI command line. */
export function splitStageStepArgs(argv: readonly string[]): { cli: string[]; comment: boolean } {
  const cli: string[] = [];
  let comment = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--comment' || arg.startsWith('--comment=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      comment = parseBoolean(value ?? '', 'comment', true);
    } else {
      cli.push(arg);
    }
  }
  return { cli, comment };
}

export interface ReportStepArgs {
  from: string[];
  config?: string;
  failOn?: string;
  comment: boolean;
}

/** `report --from DIR... --config FILE --fail-on SEV --comment BOOL`. */
export function parseReportStepArgs(argv: readonly string[]): ReportStepArgs {
  const out: ReportStepArgs = { from: [], comment: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') ? arg.slice(2, eq === -1 ? undefined : eq) : '';
    if (!(REPORT_STEP_FLAGS as readonly string[]).includes(name)) throw new UsageError(`report: unknown argument "${arg}"; expected ${REPORT_STEP_FLAGS.map((f) => `--${f}`).join(', ')}`);
    const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`report: --${name} needs a value`);
    if (name === 'from') out.from.push(value);
    else if (name === 'config') out.config = value;
    else if (name === 'fail-on') out.failOn = value;
    else out.comment = parseBoolean(value, 'comment', true);
  }
  return out;
}
