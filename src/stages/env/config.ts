/** The `env` section of launch-ready.yml: schema, typed view, and the checks the schema cannot express. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isOneOf, isRecord, read } from '../../core/guards.js';
import type { ConfigProblem, JsonSchema } from '../../core/stage.js';

export interface EnvironmentConfig {
  files: string[];
  from: ('process' | 'github')[];
  /** GitHub environment name when it differs from the key. */
  githubEnvironment?: string;
}

export interface EnvConfig {
  repo: string;
  target: string;
  envFiles: string[];
  environments: Record<string, EnvironmentConfig>;
  probe?: { command?: string; timeoutSeconds: number; variables: number; passEnv: string[] };
  ignore: string[];
  /** Globs (relative to `repo`) of files discovery leaves out: fixtures, examples, docs. */
  exclude: string[];
  history: boolean;
  /** Show the whole inventory (`--list`), not only the variables that matter. */
  list: boolean;
}

const FROM_VALUES: readonly EnvironmentConfig['from'][number][] = ['process', 'github'];

export const envConfigSchema: JsonSchema = {
  properties: {
    repo: {
      type: 'string',
      default: '.',
      description: 'Folder of the app to scan for the variables it reads, relative to launch-ready.yml.',
      errorMessage: 'expected a folder path; e.g. ./app',
    },
    target: {
      type: 'string',
      default: 'production',
      minLength: 1,
      description: 'The environment the deploy goes to; its variables are checked against what the app needs.',
      errorMessage: 'expected an environment name; e.g. production',
    },
    envFiles: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Dotenv files that provide the target environment (added to `environments.<target>.files`; set by `--env-file`).',
      errorMessage: 'expected a list of dotenv files; e.g. [.env.production]',
    },
    environments: {
      type: 'object',
      default: {},
      description:
        "What each environment provides: dotenv `files`, and `from: process` (the job environment) or `from: github` (names of the GitHub environment's secrets and variables).",
      errorMessage: 'expected a mapping of environment names; e.g. {production: {files: [.env.production]}, staging: {files: [.env.staging]}}',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          files: {
            type: 'array',
            items: { type: 'string' },
            default: [],
            description: 'Dotenv files of this environment, relative to launch-ready.yml.',
            errorMessage: 'expected a list of dotenv files; e.g. [.env.production]',
          },
          from: {
            anyOf: [
              { type: 'string', enum: FROM_VALUES, errorMessage: 'expected process or github (or a list of them); e.g. from: process' },
              { type: 'array', items: { type: 'string', enum: FROM_VALUES, errorMessage: 'expected process or github; e.g. from: [process, github]' } },
            ],
            description:
              "`process`: the job's own environment provides variables; `github`: the GitHub environment of this name (needs a token that can read environments: the action's github-token, or on the command line GH_TOKEN or GITHUB_TOKEN with GITHUB_REPOSITORY=owner/name).",
            errorMessage: 'expected process or github (or a list of them); e.g. from: process',
          },
          githubEnvironment: {
            type: 'string',
            description: 'Name of the GitHub environment when it differs from this key.',
            errorMessage: 'expected a GitHub environment name; e.g. Production',
          },
        },
      },
    },
    probe: {
      type: 'object',
      additionalProperties: false,
      description: 'Fail-fast probe: start the app without one required variable at a time; it must exit non-zero within the timeout and name the variable.',
      errorMessage: 'expected a mapping; e.g. {command: "node server.js", timeoutSeconds: 10}',
      properties: {
        command: {
          type: 'string',
          minLength: 1,
          description: 'Start command, run with /bin/sh in the repo folder (set by `--probe`).',
          errorMessage: 'expected a shell command; e.g. "npm start"',
        },
        timeoutSeconds: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 300,
          default: 10,
          description: 'How long the app may run without the variable before it counts as not failing fast.',
          errorMessage: 'expected seconds between 0 and 300; e.g. 10',
        },
        variables: {
          type: 'integer',
          minimum: 1,
          maximum: 20,
          default: 3,
          description: 'How many required variables to probe (secret-looking ones first).',
          errorMessage: 'expected a whole number from 1 to 20; e.g. 3',
        },
        passEnv: {
          type: 'array',
          items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
          default: [],
          description:
            "Names of job variables the start command may see beyond PATH, HOME, LANG and the like (e.g. NODE_OPTIONS). The target's values are set anyway; the workflow token, INPUT_*, ACTIONS_* runner tokens and LAUNCH_READY_* are never passed.",
          errorMessage: 'expected a list of variable names; e.g. [NODE_OPTIONS, JAVA_HOME]',
        },
      },
    },
    ignore: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Variable names never reported (set by the platform, or deliberately optional).',
      errorMessage: 'expected a list of names; e.g. [SENTRY_DSN]',
    },
    exclude: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description:
        'Files to leave out when finding what the app reads, as globs relative to `repo` (test fixtures, examples, docs). Vendored and build folders are always skipped.',
      errorMessage: 'expected a list of globs; e.g. ["test/fixtures/**", "examples/**"]',
    },
    history: { type: 'boolean', default: true, description: 'Also look for dotenv files committed anywhere in git history.' },
    list: {
      type: 'boolean',
      default: false,
      description:
        'Show every variable found (why it is required or not, where it is read, whether the target sets it), not only the ones that matter (set by `--list`).',
    },
  },
};

/** The section as validated (the schema filled every default), as typed options; the core calls it once. */
export function envConfigOf(section: Record<string, unknown>): EnvConfig {
  const environments: Record<string, EnvironmentConfig> = {};
  const given = section.environments;
  for (const [name, raw] of Object.entries(isRecord(given) ? given : {})) {
    if (!isRecord(raw)) continue;
    const from = [raw.from].flat().filter((f) => isOneOf(FROM_VALUES, f));
    environments[name] = { files: read.strings(raw, 'files'), from };
    if (typeof raw.githubEnvironment === 'string') environments[name].githubEnvironment = raw.githubEnvironment;
  }
  const config: EnvConfig = {
    repo: read.string(section, 'repo'),
    target: read.string(section, 'target'),
    envFiles: read.strings(section, 'envFiles'),
    environments,
    ignore: read.strings(section, 'ignore'),
    exclude: read.strings(section, 'exclude'),
    history: read.boolean(section, 'history'),
    list: read.boolean(section, 'list'),
  };
  const probe = section.probe;
  if (isRecord(probe)) {
    config.probe = {
      timeoutSeconds: read.number(probe, 'timeoutSeconds'),
      variables: read.number(probe, 'variables'),
      passEnv: read.strings(probe, 'passEnv'),
    };
    if (typeof probe.command === 'string') config.probe.command = probe.command;
  }
  return config;
}

/** Every env file named in the config must exist; the repo folder too. */
export function validateEnvConfig(section: Record<string, unknown>, baseDir: string): ConfigProblem[] {
  const config = envConfigOf(section);
  const problems: ConfigProblem[] = [];
  const checkFile = (file: string, path: (string | number)[]): void => {
    const full = resolve(baseDir, file);
    if (!existsSync(full)) problems.push({ path, message: `${file}: no such env file; create it or fix the path (relative to ${baseDir})` });
    else if (!statSync(full).isFile()) problems.push({ path, message: `${file}: is not a file; give the path of a dotenv file` });
  };
  config.envFiles.forEach((file, i) => checkFile(file, ['envFiles', i]));
  for (const [name, environment] of Object.entries(config.environments)) {
    environment.files.forEach((file, i) => checkFile(file, ['environments', name, 'files', i]));
  }
  const repo = resolve(baseDir, config.repo);
  if (!existsSync(repo) || !statSync(repo).isDirectory())
    problems.push({ path: ['repo'], message: `${config.repo}: no such folder; give the folder of the app to scan` });
  return problems;
}
