/**
 * The GitHub API as stages see it (`ctx.services.github`): read-only calls on one repository. The
 * token stays in here; a stage asks for a path and gets data or a {@link GitHubRequestError}.
 */
import { GitHubRequestError, type GitHubApi } from '../core/services.js';
import type { GitHubAccess } from '../core/stage.js';

const TIMEOUT_MS = 30_000;
/** Never read more than this many pages of one list, whatever `maxItems` says. */
const MAX_PAGES = 50;

/** Build the stage-facing API for the repository of `access`. */
export function createStageGitHubApi(access: GitHubAccess): GitHubApi {
  const base = access.apiUrl.replace(/\/+$/, '');
  const headers = {
    authorization: `Bearer ${access.token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    'user-agent': 'launch-ready',
  };
  const urlOf = (path: string, query: Record<string, string | number> = {}): string => {
    const filled = path.replace('{owner}', encodeURIComponent(access.owner)).replace('{repo}', encodeURIComponent(access.repo));
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
    return `${base}${filled.startsWith('/') ? '' : '/'}${filled}${search ? `?${search}` : ''}`;
  };
  const get = async (path: string, query?: Record<string, string | number>): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(urlOf(path, query), { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new GitHubRequestError(0, `GET ${path}: no answer (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new GitHubRequestError(response.status, `GET ${path}: HTTP ${response.status}`);
    }
    return response.json();
  };
  return {
    owner: access.owner,
    repo: access.repo,
    get: (path: string, query?: Record<string, string | number>) => get(path, query),
    async paginate(path: string, query: Record<string, string | number> = {}, maxItems = 1000): Promise<unknown[]> {
      const perPage = Number(query.per_page ?? 100);
      const items: unknown[] = [];
      for (let page = 1; page <= MAX_PAGES && items.length < maxItems; page++) {
        const batch = itemsOf(await get(path, { ...query, per_page: perPage, page }));
        items.push(...batch.slice(0, maxItems - items.length));
        if (batch.length < perPage) break;
      }
      return items;
    },
  };
}

/** A list answer is an array, or an object holding one (`{total_count, secrets: [...]}`). */
function itemsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (typeof body === 'object' && body !== null) {
    for (const value of Object.values(body)) if (Array.isArray(value)) return value;
  }
  return [];
}
