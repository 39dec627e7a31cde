/**
 * Sources of an environment (edges): dotenv files, the job's own environment, and the names of a
 * GitHub environment's secrets and variables (names only: secret values are not readable, and
 * variable values are not needed).
 */
import { readFileSync } from 'node:fs';
import { reasonOf } from '../../core/errors.js';
import { isRecord } from '../../core/guards.js';
import { GitHubRequestError, type GitHubApi } from '../../core/services.js';
import { parseDotenv, type DotenvProblem } from './dotenv.js';
import type { EnvironmentSource } from './target.js';

/** A dotenv file as a source, plus its malformed lines. Throws when the file cannot be read. */
export function dotenvSource(path: string, shown: string): { source: EnvironmentSource; problems: DotenvProblem[] } {
  const parsed = parseDotenv(readFileSync(path, 'utf8'));
  const variables = new Map(parsed.entries.map((e) => [e.key, { value: e.value, line: e.line }] as const));
  return { source: { label: shown, file: shown, variables }, problems: parsed.problems };
}

/** The environment the gate runs in (`from: process`). */
export function processSource(env: Readonly<Record<string, string | undefined>>): EnvironmentSource {
  const variables = new Map<string, { value: string }>();
  for (const [name, value] of Object.entries(env)) if (value !== undefined) variables.set(name, { value });
  return { label: 'the job environment', variables };
}

/**
 * Names of a GitHub environment's secrets and variables, through the run's GitHub API (the token
 * stays in src/github/). Throws with a one-line reason.
 */
export async function githubEnvironmentSource(github: GitHubApi, environment: string): Promise<EnvironmentSource> {
  const variables = new Map<string, Record<string, never>>();
  // The API caps pages at 100 secrets but 30 variables.
  for (const [kind, perPage] of [
    ['secrets', 100],
    ['variables', 30],
  ] as const) {
    let items: unknown[];
    try {
      items = await github.paginate(`/repos/{owner}/{repo}/environments/${encodeURIComponent(environment)}/${kind}`, { per_page: perPage }, 1000);
    } catch (error) {
      const status = error instanceof GitHubRequestError ? error.status : 0;
      const why =
        status === 404
          ? 'not found (no such environment, or the token cannot see it)'
          : status === 403 || status === 401
            ? 'the token lacks permission'
            : reasonOf(error);
      throw new Error(`GitHub environment "${environment}" ${kind}: ${why}`, { cause: error });
    }
    for (const item of items) if (isRecord(item) && typeof item.name === 'string') variables.set(item.name, {});
  }
  return { label: `GitHub environment "${environment}"`, variables };
}
