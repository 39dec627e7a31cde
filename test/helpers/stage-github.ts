/**
 * The stages' read-only GitHub API (`ctx.services.github`, src/core/services.ts) over the real client
 * in src/github, pointed at a base URL (the OpenAPI-checked double): what an entry point hands the
 * runner as `githubApi`.
 */
import type { GitHubApi } from '../../src/core/services.js';
import { createGitHubApi } from '../../src/github/api.js';

export function stageGitHubApi(baseUrl: string, owner: string, repo: string, token = 'ghs_test0123456789'): GitHubApi {
  const client = createGitHubApi({ baseUrl, token });
  const pathOf = (path: string, query: Record<string, string | number> = {}) => {
    const expanded = path.replace('{owner}', encodeURIComponent(owner)).replace('{repo}', encodeURIComponent(repo));
    const search = new URLSearchParams(
      Object.entries(query)
        .filter(([key]) => key !== 'per_page')
        .map(([key, value]) => [key, String(value)]),
    ).toString();
    return search ? `${expanded}?${search}` : expanded;
  };
  return {
    owner,
    repo,
    // Untyped JSON, as from the real client; the double's answers are checked against GitHub's OpenAPI.
    get: async (path: string, query?: Record<string, string | number>): Promise<unknown> => await client.request('GET', pathOf(path, query)),
    paginate: async (path: string, query?: Record<string, string | number>, maxItems?: number): Promise<unknown[]> =>
      (await client.paginate(pathOf(path, query))).slice(0, maxItems ?? Infinity),
  };
}
