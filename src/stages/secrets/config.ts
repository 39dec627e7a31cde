import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ConfigProblem, JsonSchema, StageFlag } from '../../core/stage.js';
import { GITLEAKS_CONFIG, loadBaseline, loadScanPolicy } from './suppress.js';

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
    history: { type: 'boolean', default: true, description: 'Scan every commit on every ref (branches, tags, remotes), not just the working tree.', errorMessage: 'expected true or false' },
    untracked: { type: 'boolean', default: false, description: 'Also scan untracked files that .gitignore does not ignore.', errorMessage: 'expected true or false' },
    bundles: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: [],
      description: 'Globs of built output to scan, relative to the repository or absolute (a build folder outside it, `$RUNNER_TEMP/out/**`): minified JS, CSS, HTML and `.map` source maps (their `sourcesContent`).',
      errorMessage: 'expected a list of globs; e.g. ["dist/**", ".next/static/**"]',
    },
    logs: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      default: [],
      description: 'Build or deploy log files to scan for echoed tokens, Authorization headers and KEY=value dumps; relative to the repository folder (or absolute).',
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
      description: 'Files (and one commit\'s added text per file) larger than this many bytes are skipped and counted in the metrics.',
      errorMessage: 'expected a positive number of bytes; e.g. 10485760',
    },
  },
};

export const SECRETS_FLAGS: StageFlag[] = [
  { name: 'repo', type: 'string', configKey: 'repo', valueName: 'DIR', description: 'git repository to scan (default: current folder)' },
  { name: 'no-history', type: 'boolean', configKey: 'history', negate: true, description: 'scan the working tree only, not every commit' },
  { name: 'bundles', type: 'string', multiple: true, configKey: 'bundles', valueName: 'GLOB', description: 'built output to scan: a glob relative to --repo, or absolute (repeatable), e.g. "dist/**"' },
  { name: 'logs', type: 'string', multiple: true, configKey: 'logs', valueName: 'FILE', description: 'build log to scan, relative to --repo or absolute (repeatable)' },
  { name: 'url', type: 'string', multiple: true, configKey: 'urls', valueName: 'URL', description: 'live page to scan with its scripts and source maps (repeatable)' },
  { name: 'baseline', type: 'string', configKey: 'baseline', valueName: 'FILE', description: 'accept the findings of a previous JSON report' },
  { name: 'untracked', type: 'boolean', configKey: 'untracked', description: 'also scan untracked, not ignored files' },
];

/** The section with defaults applied and paths resolved against `baseDir`. */
export function secretsOptionsOf(section: Record<string, unknown>, baseDir: string): SecretsOptions {
  const repoGiven = typeof section.repo === 'string';
  const repo = resolve(baseDir, repoGiven ? (section.repo as string) : '.');
  const options: SecretsOptions = {
    repo,
    repoGiven,
    history: section.history !== false,
    untracked: section.untracked === true,
    bundles: (section.bundles as string[] | undefined) ?? [],
    logs: (section.logs as string[] | undefined) ?? [],
    urls: (section.urls as string[] | undefined) ?? [],
    maxFileBytes: (section.maxFileBytes as number | undefined) ?? DEFAULT_MAX_FILE_BYTES,
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
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'git is not installed or not on PATH; install git (the scan reads history with it)';
    // Containers often check out as another user; git then refuses the folder, which is not "no repo".
    if (stderr.includes('dubious ownership')) return `git refuses ${dir}: it is owned by another user; run git config --global --add safe.directory ${dir} first`;
    return `${dir} is not a git repository; pass the folder of a git clone (git clone URL, or git init there first)`;
  }
}

/** True when `dir` is inside a git work tree. */
export function isGitRepository(dir: string): boolean {
  return gitRepositoryProblem(dir) === undefined;
}

/**
 * Checks the schema cannot make: the named folder is a git repository, the baseline exists, and
 * `.gitleaks.toml` parses (its errors throw a UsageError with `file:line`, so the CLI exits 2).
 */
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
  if (options.baseline !== undefined) {
    if (!existsSync(options.baseline)) problems.push({ path: ['baseline'], message: `${options.baseline}: no such file; write one with launch-ready secrets --format json --output FILE` });
    else loadBaseline(options.baseline, relative(process.cwd(), options.baseline) || options.baseline);
  }
  if (existsSync(join(options.repo, GITLEAKS_CONFIG))) loadScanPolicy(options.repo, relative(process.cwd(), join(options.repo, GITLEAKS_CONFIG)) || GITLEAKS_CONFIG);
  return problems;
}
