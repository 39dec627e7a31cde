import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFailOn, parseStageList } from '../core/cli-args.js';
import { DEFAULT_CONFIG_FILE } from '../core/config/load.js';
import { UsageError } from '../core/errors.js';
import { isOneOf } from '../core/guards.js';
import type { StageId } from '../core/findings.js';
import { CONFIG_CHANGE_MODES, type ConfigChangesMode } from '../core/policy.js';
import type { RunRequest } from '../core/request.js';
import type { FailOn } from '../core/severity.js';
import { didYouMean } from '../core/suggest.js';

/**
 * The one place that reads action inputs. The runner sets a JavaScript action's inputs as
 * `INPUT_<NAME>` (upper-cased, hyphens kept: `INPUT_FAIL-ON`); the composite actions map each of
 * their inputs to the same names in their step's `env:`, so every entry point reads them alike.
 * Bad values are a {@link UsageError} naming the input and the fix.
 */

type Env = Readonly<Record<string, string | undefined>>;

/** The login that writes the comment with the workflow's own token. */
export const DEFAULT_COMMENT_AUTHOR = 'github-actions[bot]';

/** One input, trimmed; empty when not given. */
export function readInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** What every launch-ready action reads: where to publish, and the policy the workflow sets. */
export interface CommonInputs {
  /** Input `github-token` (defaults to the workflow's token in action.yml); empty when none. */
  token: string;
  /** Upsert the PR comment (input `comment`). */
  comment: boolean;
  /** Input `comment-key`: keeps the comments of two gates on one pull request apart ('' = the default comment). */
  commentKey: string;
  /** Input `comment-author`: the login whose marker comment may be updated. */
  commentAuthor: string;
  /** Input `config-changes`: what a change to launch-ready's own config that weakens the gate is. */
  configChanges: ConfigChangesMode;
  /** Input `fail-on`: wins over `failOn` in the file. */
  failOn?: FailOn;
  /** Input `config`, when it names a file that exists (see {@link configFileInput}). */
  configFile?: string;
}

/** The inputs every action declares. */
export function readCommonInputs(env: Env, cwd: string): CommonInputs {
  const input = (name: string) => readInput(env, name);
  const common: CommonInputs = {
    token: input('github-token'),
    comment: parseBoolean(input('comment'), 'comment', true),
    commentKey: parseCommentKey(input('comment-key')),
    commentAuthor: input('comment-author') || DEFAULT_COMMENT_AUTHOR,
    configChanges: parseConfigChanges(input('config-changes')),
  };
  const failOn = input('fail-on');
  if (failOn) common.failOn = parseFailOn(failOn, 'input fail-on');
  const configFile = configFileInput(input('config'), cwd);
  if (configFile) common.configFile = configFile;
  return common;
}

/**
 * The default-config rule: the default name may not exist (then the gate runs on defaults, as the
 * CLI does); any other name must exist in the workspace.
 */
export function configFileInput(value: string, cwd: string): string | undefined {
  if (!value) return undefined;
  if (existsSync(resolve(cwd, value))) return value;
  if (value === DEFAULT_CONFIG_FILE) return undefined;
  throw new UsageError(`input config: ${value}: no such file in the workspace; check out the repository first (actions/checkout) or fix the path`);
}

/** What the root action's inputs ask for. */
export interface ActionInputs extends CommonInputs {
  request: RunRequest;
}

/** The root action: `stages` and `fail-on` from the workflow win over the file. */
export function readActionInputs(env: Env, cwd: string): ActionInputs {
  const common = readCommonInputs(env, cwd);
  const request: RunRequest = { command: 'check', overrides: [], format: 'json', cwd };
  if (common.configFile) request.configFile = common.configFile;
  const stages = readInput(env, 'stages');
  if (stages) request.stages = parseStageList(stages, 'input stages');
  if (common.failOn) request.failOn = common.failOn;
  return { ...common, request };
}

/** The report action: where the stage results are, and which stages the workflow runs. */
export interface ReportInputs extends CommonInputs {
  /** Folders of stage results, one per line of input `from`; empty = the runner temp folder. */
  from: string[];
  /** Input `stages`: the stages whose results the report expects (else the config's enabled stages). */
  stages?: StageId[];
}

export function readReportInputs(env: Env, cwd: string): ReportInputs {
  const inputs: ReportInputs = { ...readCommonInputs(env, cwd), from: lines(readInput(env, 'from')) };
  const stages = readInput(env, 'stages');
  if (stages) inputs.stages = parseStageList(stages, 'input stages');
  return inputs;
}

/** A multi-line input: one value per non-empty line, trimmed. */
export function lines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** GitHub's YAML 1.2 core-schema booleans (`true|True|TRUE|false|False|FALSE`); empty = the default. */
export function parseBoolean(value: string, name: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`input ${name}: "${value}" is not true or false; write ${name}: true or ${name}: false`);
}

function parseConfigChanges(value: string): ConfigChangesMode {
  if (value === '') return 'block';
  if (isOneOf(CONFIG_CHANGE_MODES, value)) return value;
  throw new UsageError(`input config-changes: "${value}" is not ${CONFIG_CHANGE_MODES.join(', ')}; ${didYouMean(value, CONFIG_CHANGE_MODES)}`);
}

function parseCommentKey(value: string): string {
  if (value === '' || /^[A-Za-z0-9._-]{1,64}$/.test(value)) return value;
  throw new UsageError(
    `input comment-key: "${value}" has characters other than letters, digits, ".", "_" and "-" (or is longer than 64); e.g. comment-key: staging`,
  );
}
