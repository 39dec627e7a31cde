import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseStageList } from '../core/cli-args.js';
import { DEFAULT_CONFIG_FILE } from '../core/config/load.js';
import { UsageError } from '../core/errors.js';
import type { RunRequest } from '../core/request.js';
import { FAIL_ON_VALUES, type FailOn } from '../core/severity.js';
import { didYouMean } from '../core/suggest.js';

/** What the root action's inputs ask for. */
export interface ActionInputs {
  request: RunRequest;
  /** Upsert the PR comment (input `comment`). */
  comment: boolean;
  /** Input `github-token` (defaults to the workflow's token in action.yml); empty when none. */
  token: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The one place that reads the root action's inputs (`INPUT_<NAME>` with the name upper-cased and
 * hyphens kept, as the runner sets them: `INPUT_FAIL-ON`). Bad values are a {@link UsageError}
 * naming the input and the fix.
 */
export function readActionInputs(env: Env, cwd: string): ActionInputs {
  const input = (name: string) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  const request: RunRequest = { command: 'check', overrides: [], format: 'json', cwd };

  const config = input('config');
  // The default names a file that may not exist: then the gate runs on defaults, as the CLI does.
  if (config && config !== DEFAULT_CONFIG_FILE && !existsSync(resolve(cwd, config))) {
    throw new UsageError(`input config: ${config}: no such file in the workspace; check out the repository first (actions/checkout) or fix the path`);
  }
  if (config && existsSync(resolve(cwd, config))) request.configFile = config;
  const stages = input('stages');
  if (stages) request.stages = parseStageList(stages, 'input stages');
  const failOn = input('fail-on');
  if (failOn) {
    if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) throw new UsageError(`input fail-on: "${failOn}" is not a severity; ${didYouMean(failOn, FAIL_ON_VALUES)}`);
    request.failOn = failOn as FailOn;
  }
  return { request, comment: parseBoolean(input('comment'), 'comment', true), token: input('github-token') };
}

/** `true`/`false` the way the runner's YAML booleans are written; empty = the default. */
export function parseBoolean(value: string, name: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`input ${name}: "${value}" is not true or false; write ${name}: true or ${name}: false`);
}
