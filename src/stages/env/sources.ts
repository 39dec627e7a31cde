/**
 * Sources of an environment (edges): dotenv files, the job's own environment, and the names of a
 * GitHub environment's secrets and variables (names only: secret values are not readable, and
 * variable values are not needed).
 */
import { readFileSync } from 'node:fs';
import type { GitHubAccess } from '../../core/stage.js';
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

const MAX_PAGES = 10;

/** Names of a GitHub environment's secrets and variables, via the REST API. Throws with a one-line reason. */
export async function githubEnvironmentSource(github: GitHubAccess, environment: string, signal?: AbortSignal): Promise<EnvironmentSource> {
  const variables = new Map<string, Record<string, never>>();
  // The API caps pages at 100 secrets but 30 variables.
  for (const [kind, perPage] of [['secrets', 100], ['variables', 30]] as const) {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const url = `${github.apiUrl.replace(/\/$/, '')}/repos/${encodeURIComponent(github.owner)}/${encodeURIComponent(github.repo)}/environments/${encodeURIComponent(environment)}/${kind}?per_page=${perPage}&page=${page}`;
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${github.token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'launch-ready' },
        ...(signal ? { signal } : {}),
      });
      if (!response.ok) {
        await response.body?.cancel();
        const why = response.status === 404 ? 'not found (no such environment, or the token cannot see it)' : response.status === 403 || response.status === 401 ? 'the token lacks permission' : `HTTP ${response.status}`;
        throw new Error(`GitHub environment "${environment}" ${kind}: ${why}`);
      }
      const body = (await response.json()) as { total_count?: number; secrets?: { name: string }[]; variables?: { name: string }[] };
      const items = body[kind] ?? [];
      for (const item of items) variables.set(item.name, {});
      if (items.length < perPage) break;
    }
  }
  return { label: `GitHub environment "${environment}"`, variables };
}
