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
    get: <T>(path: string, query?: Record<string, string | number>) => client.request<T>('GET', pathOf(path, query)),
    paginate: async <T>(path: string, query?: Record<string, string | number>, maxItems?: number) =>
      (await client.paginate<T>(pathOf(path, query))).slice(0, maxItems ?? Infinity),
  };
}
