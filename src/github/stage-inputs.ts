import { UsageError } from '../core/errors.js';
import type { StageId } from '../core/findings.js';
import { lines, parseBoolean, readInput } from './inputs.js';

/**
 * How a stage action's own inputs become its CLI command's flags. The composite maps each input
 * to `INPUT_<NAME>` and `dist/step.js` builds the command line here, so no action.yml carries
 * argument-building shell of its own.
 */
interface InputFlag {
  input: string;
  flag: string;
  /** `value`: `--flag VALUE` when given; `list`: one `--flag VALUE` per line; `on`/`off`: the switch when the boolean is true/false. */
  kind: 'value' | 'list' | 'on' | 'off';
}

const value = (input: string, flag = input): InputFlag => ({ input, flag, kind: 'value' });
const list = (input: string, flag: string): InputFlag => ({ input, flag, kind: 'list' });

export const STAGE_INPUTS: Partial<Record<StageId, readonly InputFlag[]>> = {
  secrets: [
    value('repo'),
    { input: 'history', flag: 'no-history', kind: 'off' },
    list('bundles', 'bundles'),
    list('logs', 'logs'),
    list('urls', 'url'),
    value('baseline'),
    { input: 'untracked', flag: 'untracked', kind: 'on' },
  ],
  env: [value('repo'), value('environment'), list('env-files', 'env-file'), value('probe')],
  trust: [list('hosts', 'host')],
  burst: [value('target'), value('vus'), value('rate'), value('duration'), list('thresholds', 'threshold'), value('shard'), value('export-k6')],
  rollback: [value('url'), { input: 'dry-run', flag: 'dry-run', kind: 'on' }],
  readiness: [value('monitors-file'), value('health-url'), value('handover')],
};

type Env = Readonly<Record<string, string | undefined>>;

/** The stage's CLI command line from its action's inputs (without `--config`/`--fail-on`, which are common). */
export function stageCommandLine(stage: StageId, env: Env): string[] {
  const argv: string[] = [stage];
  for (const { input, flag, kind } of STAGE_INPUTS[stage] ?? []) {
    const raw = readInput(env, input);
    if (kind === 'value' && raw) argv.push(`--${flag}`, raw);
    if (kind === 'list') for (const line of lines(raw)) argv.push(`--${flag}`, line);
    if (kind === 'on' && parseBoolean(raw, input, false)) argv.push(`--${flag}`);
    if (kind === 'off' && !parseBoolean(raw, input, true)) argv.push(`--${flag}`);
  }
  return argv;
}

/** A flag error from the stage's command line, told in terms of the input that produced it. */
export function explainInputError(stage: StageId, error: unknown): unknown {
  if (!(error instanceof UsageError)) return error;
  const flag = /^--([\w-]+):/.exec(error.message)?.[1];
  const mapping = (STAGE_INPUTS[stage] ?? []).find((m) => m.flag === flag);
  return mapping ? new UsageError(`input ${mapping.input}: ${error.message}`) : error;
}
