import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ConfigProblem, JsonSchema, StageFlag } from '../../core/stage.js';
import { errorCode, isRecord, read, stringOr } from '../../core/guards.js';
import { GITLEAKS_CONFIG, loadBaseline, loadScanPolicy, type ScanPolicy } from './suppress.js';

/** Files larger than this are skipped and counted (vendored blobs, datasets). */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** The `secrets` section of launch-ready.yml. */
export interface SecretsOptions {
  /** Absolute folder scanned. */
  repo: string;
  /** True when the user named the folder (config or --repo), false for the current folder. */
  repoGiven: boolean;
  history: boolean;
  untracked: boolean;
  bundles: string[];
  logs: string[];
  urls: string[];
  baseline?: string;
  maxFileBytes: number;
}

export const SECRETS_SCHEMA: JsonSchema = {
  properties: {
    repo: {
      type: 'string',
      minLength: 1,
      // No `default`: the folder of launch-ready.yml (else the current folder) is used, and a folder
      // the user did not name is never a configuration error for the other stages' commands.
      description: 'Folder of the git repository to scan, relative to launch-ready.yml. Default: the folder of launch-ready.yml, else the current folder.',
      errorMessage: 'expected the path of a git clone; e.g. "."',
    },
    history: {
      type: 'boolean',
      default: true,
      description: 'Scan every commit on every ref (branches, tags, remotes), not just the working tree.',
      errorMessage: 'expected true or false',
    },
    untracked: {
      type: 'boolean',
      default: false,
      description: 'Also scan untracked files that .gitignore does not ignore.',
      errorMessage: 'expected true or false',
    },
    bundles: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: [],
      description:
        'Globs of built output to scan, relative to the repository or absolute (a build folder outside it, `$RUNNER_TEMP/out/**`): minified JS, CSS, HTML and `.map` source maps (their `sourcesContent`).',
      errorMessage: 'expected a list of globs; e.g. ["dist/**", ".next/static/**"]',
    },
    logs: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: [],
      description:
        'Build or deploy log files to scan for echoed tokens, Authorization headers and KEY=value dumps; relative to the repository folder (or absolute).',
      errorMessage: 'expected a list of file paths; e.g. ["build.log"]',
    },
    urls: {
      type: 'array',
      items: { type: 'string', pattern: '^https?://' },
      default: [],
      description: 'Live pages to fetch and scan with their same-origin scripts and source maps.',
      errorMessage: 'expected a list of http(s) URLs; e.g. ["https://app.example.com/"]',
    },
    baseline: {
      type: 'string',
      minLength: 1,
      description: 'A previous JSON report (launch-ready or gitleaks): findings it lists are accepted and not reported again.',
      errorMessage: 'expected the path of a JSON report; e.g. secrets-baseline.json',
    },
    maxFileBytes: {
      type: 'integer',
      minimum: 1,
      default: DEFAULT_MAX_FILE_BYTES,
      description: "Files (and one commit's added text per file) larger than this many bytes are skipped and counted in the metrics.",
      errorMessage: 'expected a positive number of bytes; e.g. 10485760',
    },
  },
};

export const SECRETS_FLAGS: StageFlag[] = [
  { name: 'repo', type: 'string', configKey: 'repo', valueName: 'DIR', description: 'git repository to scan (default: current folder)' },
  { name: 'no-history', type: 'boolean', configKey: 'history', negate: true, description: 'scan the working tree only, not every commit' },
  {
    name: 'bundles',
    type: 'string',
    multiple: true,
    configKey: 'bundles',
    valueName: 'GLOB',
    description: 'built output to scan: a glob relative to --repo, or absolute (repeatable), e.g. "dist/**"',
  },
  {
    name: 'logs',
    type: 'string',
    multiple: true,
    configKey: 'logs',
    valueName: 'FILE',
    description: 'build log to scan, relative to --repo or absolute (repeatable)',
  },
  {
    name: 'url',
    type: 'string',
    multiple: true,
    configKey: 'urls',
    valueName: 'URL',
    description: 'live page to scan with its scripts and source maps (repeatable)',
  },
  { name: 'baseline', type: 'string', configKey: 'baseline', valueName: 'FILE', description: 'accept the findings of a previous JSON report' },
  { name: 'untracked', type: 'boolean', configKey: 'untracked', description: 'also scan untracked, not ignored files' },
];

/** The section as validated (the schema filled every default), paths resolved against `baseDir`. */
export function secretsOptionsOf(section: Record<string, unknown>, baseDir: string): SecretsOptions {
  const given = stringOr(section.repo);
  const options: SecretsOptions = {
    repo: resolve(baseDir, given ?? '.'),
    repoGiven: given !== undefined,
    history: read.boolean(section, 'history'),
    untracked: read.boolean(section, 'untracked'),
    bundles: read.strings(section, 'bundles'),
    logs: read.strings(section, 'logs'),
    urls: read.strings(section, 'urls'),
    maxFileBytes: read.number(section, 'maxFileBytes'),
  };
  if (typeof section.baseline === 'string') options.baseline = resolve(baseDir, section.baseline);
  return options;
}

/** Why `dir` cannot be scanned as a git work tree, or undefined when it can. */
export function gitRepositoryProblem(dir: string): string | undefined {
  try {
    const inside = execFileSync('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    return inside === 'true' ? undefined : `${dir} is not a git work tree (a bare repository?); pass the folder of a checkout`;
  } catch (error) {
    const stderr = isRecord(error) ? String(error.stderr ?? '') : '';
    const code = errorCode(error);
    if (code === 'ENOENT') return 'git is not installed or not on PATH; install git (the scan reads history with it)';
    // Containers often check out as another user; git then refuses the folder, which is not "no repo".
    if (stderr.includes('dubious ownership'))
      return `git refuses ${dir}: it is owned by another user; run git config --global --add safe.directory ${dir} first`;
    return `${dir} is not a git repository; pass the folder of a git clone (git clone URL, or git init there first)`;
  }
}

/** Checks the schema cannot make: the named folder is a git repository and the baseline exists. */
export function validateSecretsConfig(section: Record<string, unknown>, baseDir: string): ConfigProblem[] {
  const options = secretsOptionsOf(section, baseDir);
  const problems: ConfigProblem[] = [];
  if (options.repoGiven && (!existsSync(options.repo) || !statSync(options.repo).isDirectory())) {
    problems.push({ path: ['repo'], message: `${options.repo}: no such folder; pass the folder of your git clone, e.g. --repo .` });
    return problems;
  }
  const problem = gitRepositoryProblem(options.repo);
  if (problem) {
    // Without --repo the user may not know the stage looks at the current folder: say how to choose.
    const choose = options.repoGiven ? '' : ' (or run launch-ready inside your clone, or set secrets: {enabled: false} to leave this stage out)';
    problems.push({ path: ['repo'], message: `${problem}${choose}` });
    return problems;
  }
  if (options.baseline !== undefined && !existsSync(options.baseline)) {
    problems.push({ path: ['baseline'], message: `${options.baseline}: no such file; write one with launch-ready secrets --format json --output FILE` });
  }
  return problems;
}

/** The stage's options: the section, plus `.gitleaks.toml` and the baseline, each read and parsed once. */
export interface SecretsStageOptions extends SecretsOptions {
  policy: ScanPolicy;
  /** Fingerprints the baseline accepts. */
  accepted: Set<string>;
}

/**
 * Parse the section, `.gitleaks.toml` and the baseline once, while the config is validated: their
 * errors throw a UsageError with `file:line`, so the CLI exits 2 before anything runs.
 */
export function parseSecretsOptions(section: Record<string, unknown>, baseDir: string): SecretsStageOptions {
  const options = secretsOptionsOf(section, baseDir);
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const policy = loadScanPolicy(options.repo, shown(join(options.repo, GITLEAKS_CONFIG)));
  const accepted = options.baseline !== undefined ? loadBaseline(options.baseline, shown(options.baseline)) : new Set<string>();
  return { ...options, policy, accepted };
}
