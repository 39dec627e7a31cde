import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, run, type RunOutcome } from './runner.js';

type Json = Record<string, any>;

export interface ActionFile {
  name: string;
  dir: string;
  yaml: Json;
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { value?: string }>;
}

export const STAGE_ACTIONS = ['secrets', 'env', 'trust', 'burst', 'rollback', 'readiness'] as const;

export function readAction(name: string): ActionFile {
  const dir = join(ROOT, name === 'root' ? '' : `actions/${name}`);
  const yaml = parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as Json;
  return { name, dir, yaml, inputs: yaml.inputs ?? {}, outputs: yaml.outputs ?? {} };
}

/**
 * `${{ inputs.x }}`, `${{ github.token }}` and `${{ github.action_path }}` as the runner expands
 * them in a composite step's `env:`: a given input, else the input's default.
 */
function expand(template: string, action: ActionFile, given: Record<string, string>, githubToken: string): string {
  return template.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input) {
      const name = input[1]!;
      if (!(name in action.inputs)) throw new Error(`${action.name}: the step reads inputs.${name}, which the action does not declare`);
      return given[name] ?? expand(String(action.inputs[name]!.default ?? ''), action, {}, githubToken);
    }
    if (expr === 'github.token') return githubToken;
    if (expr === 'github.action_path') return action.dir;
    throw new Error(`${action.name}: unexpected expression \${{ ${expr} }} in the step`);
  });
}

/**
 * Run the composite's one step the way the runner does: its `run:` script in a file under
 * `bash --noprofile --norc -eo pipefail`, with the step's `env:` expanded from the inputs.
 */
export async function runCompositeStep(
  action: ActionFile,
  given: Record<string, string>,
  runnerEnv: Record<string, string>,
  cwd: string,
  scratch: string,
): Promise<RunOutcome> {
  const steps = action.yaml.runs?.steps as Json[];
  if (action.yaml.runs?.using !== 'composite' || steps?.length !== 1) throw new Error(`${action.name}: expected a composite action with one step`);
  const step = steps[0]!;
  const env: Record<string, string> = { ...runnerEnv, GITHUB_ACTION_PATH: action.dir };
  for (const [key, value] of Object.entries((step.env ?? {}) as Record<string, string>)) env[key] = expand(String(value), action, given, 'ghs_workflowtoken');
  mkdirSync(scratch, { recursive: true });
  const file = join(scratch, `${action.name}-step.sh`);
  writeFileSync(file, String(step.run));
  return run('/bin/bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], env, cwd);
}

/** PATH without node_modules/.bin: the runner's own node (Node 20 on this machine). */
export function runnerPath(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((d) => !d.includes('node_modules'))
    .join(delimiter);
}

/**
 * A `node` that answers the version check with `version` and otherwise records its arguments and
 * the launch-ready inputs it was given (`INPUT_*`, hyphenated names included) instead of running.
 */
export function fakeNode(dir: string, version = '20.18.0'): { path: string; calls: () => { argv: string[]; inputs: Record<string, string> } } {
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'calls');
  const script = [
    '#!/bin/bash',
    `if [ "$1" = -p ]; then echo '${version}'; exit 0; fi`,
    `printf '%s\\0' "$@" > '${log}.argv'`,
    `env -0 | grep -z '^INPUT_' > '${log}.env' || true`,
  ].join('\n');
  writeFileSync(join(dir, 'node'), `${script}\n`);
  chmodSync(join(dir, 'node'), 0o755);
  return {
    path: dir,
    calls: () => {
      const inputs: Record<string, string> = {};
      for (const entry of readFileSync(`${log}.env`, 'utf8').split('\0').filter(Boolean))
        inputs[entry.slice(0, entry.indexOf('='))] = entry.slice(entry.indexOf('=') + 1);
      return { argv: readFileSync(`${log}.argv`, 'utf8').split('\0').slice(0, -1), inputs };
    },
  };
}
