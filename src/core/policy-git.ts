import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LaunchReadyConfig } from './config/types.js';
import { DEFAULT_CONFIG_FILE } from './config/load.js';
import { isRecord } from './guards.js';
import { comparePolicy, type PolicyFiles, type PolicyPaths, type PolicyReview, type WorkflowPolicy } from './policy.js';

/**
 * The git edge of the policy check: launch-ready's policy files as the pull request has them (the
 * working tree) and as its base commit has them (`git show`), fetching the base when the checkout
 * is shallow. The comparison itself is `policy.ts`.
 */

const GIT_TIMEOUT_MS = 60_000;
/** The policy files, in the order they are read. */
const POLICY_FILES = ['config', 'gitleaksConfig', 'gitleaksIgnore', 'baseline'] as const satisfies readonly (keyof PolicyFiles & keyof PolicyPaths)[];

/** Compare the policy files of the checkout with those of `baseRevision`. Not a git checkout: nothing to compare. */
export function reviewPolicy(config: LaunchReadyConfig, baseRevision: string, workflow: WorkflowPolicy): PolicyReview {
  const top = git(config.baseDir, ['rev-parse', '--show-toplevel']);
  if (top === undefined) return { changes: [] };
  const root = top.trim();
  const missing = ensureCommit(root, baseRevision);
  if (missing) return { unavailable: missing };

  const secrets = config.stages.secrets ?? {};
  const secretsRepo = resolve(config.baseDir, typeof secrets.repo === 'string' ? secrets.repo : '.');
  const absolute: PolicyPaths = {
    config: config.file ?? join(config.baseDir, DEFAULT_CONFIG_FILE),
    gitleaksConfig: join(secretsRepo, '.gitleaks.toml'),
    gitleaksIgnore: join(secretsRepo, '.gitleaksignore'),
    ...(typeof secrets.baseline === 'string' ? { baseline: resolve(config.baseDir, secrets.baseline) } : {}),
  };
  const paths: PolicyPaths = {
    config: relativeTo(root, absolute.config),
    gitleaksConfig: relativeTo(root, absolute.gitleaksConfig),
    gitleaksIgnore: relativeTo(root, absolute.gitleaksIgnore),
    ...(absolute.baseline !== undefined ? { baseline: relativeTo(root, absolute.baseline) } : {}),
  };
  const base: PolicyFiles = {};
  const head: PolicyFiles = {};
  for (const key of POLICY_FILES) {
    const path = absolute[key];
    const shown = paths[key];
    if (path === undefined || shown === undefined) continue;
    const atBase = git(root, ['show', `${baseRevision}:${shown}`]);
    if (atBase !== undefined) base[key] = atBase;
    if (existsSync(path)) head[key] = readFileSync(path, 'utf8');
  }
  return { changes: comparePolicy(base, head, paths, workflow) };
}

/** Undefined when the commit is there (or was fetched); else why not, with the fix. */
function ensureCommit(root: string, sha: string): string | undefined {
  if (git(root, ['cat-file', '-e', `${sha}^{commit}`]) !== undefined) return undefined;
  const fetched = gitResult(root, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', sha]);
  if (fetched.ok && git(root, ['cat-file', '-e', `${sha}^{commit}`]) !== undefined) return undefined;
  const why = fetched.ok ? 'the fetch did not bring it' : fetched.error;
  return `the pull request's base commit ${sha.slice(0, 12)} is not in the checkout and could not be fetched (${why}); check out with fetch-depth: 0, or keep the checkout's credentials for this step`;
}

function relativeTo(root: string, path: string): string {
  const rel = relative(root, path);
  return (isAbsolute(rel) ? path : rel).split(sep).join('/');
}

function git(cwd: string, args: string[]): string | undefined {
  const result = gitResult(cwd, args);
  return result.ok ? result.stdout : undefined;
}

function gitResult(cwd: string, args: string[]): { ok: true; stdout: string } | { ok: false; error: string } {
  try {
    const stdout = execFileSync('git', ['-C', cwd, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: GIT_TIMEOUT_MS,
      maxBuffer: 32 * 1024 * 1024,
    });
    return { ok: true, stdout };
  } catch (error) {
    const stderr =
      String((isRecord(error) ? error.stderr : undefined) ?? '')
        .trim()
        .split('\n')
        .pop() ?? '';
    return { ok: false, error: stderr || (error instanceof Error ? error.message.split('\n')[0]! : String(error)) };
  }
}
