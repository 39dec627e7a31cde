/**
 * GitHub deployments and their statuses, served through the OpenAPI-checked double
 * (`repos/list-deployments`, `repos/list-deployment-statuses`), paginated with `Link` headers as
 * GitHub does. Objects carry every field the description requires, so the double validates them.
 */
import type { DoubleRequest, DoubleResponse, GitHubDouble, OperationHandler } from './github-double.js';

export interface StoredDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  created_at: string;
  /** Status states, oldest first (`success`, then `inactive` once a newer one succeeded). */
  states: string[];
}

const USER = {
  login: 'deployer',
  id: 1001,
  node_id: 'MDQ6VXNlcjEwMDE=',
  avatar_url: 'https://avatars.githubusercontent.com/u/1001?v=4',
  gravatar_id: '',
  url: 'https://api.github.com/users/deployer',
  html_url: 'https://github.com/deployer',
  followers_url: 'https://api.github.com/users/deployer/followers',
  following_url: 'https://api.github.com/users/deployer/following{/other_user}',
  gists_url: 'https://api.github.com/users/deployer/gists{/gist_id}',
  starred_url: 'https://api.github.com/users/deployer/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.com/users/deployer/subscriptions',
  organizations_url: 'https://api.github.com/users/deployer/orgs',
  repos_url: 'https://api.github.com/users/deployer/repos',
  events_url: 'https://api.github.com/users/deployer/events{/privacy}',
  received_events_url: 'https://api.github.com/users/deployer/received_events',
  type: 'User',
  site_admin: false,
};

function page<T>(request: DoubleRequest, double: GitHubDouble, items: T[], maxPerPage: number): DoubleResponse {
  const perPage = Math.min(Number(request.query.get('per_page') ?? 30), maxPerPage);
  const number = Number(request.query.get('page') ?? 1);
  const slice = items.slice((number - 1) * perPage, number * perPage);
  const headers: Record<string, string> = {};
  if (number * perPage < items.length) {
    const next = new URL(request.path, double.url);
    for (const [key, value] of request.query) next.searchParams.set(key, value);
    next.searchParams.set('page', String(number + 1));
    headers.link = `<${next.href}>; rel="next"`;
  }
  return { status: 200, body: slice, headers };
}

/**
 * Handlers for the two operations. `maxPerPage` caps a page below what was asked for, so a test
 * sees the client follow `Link: rel="next"`. The list keeps the order given (not sorted by time).
 */
export function deploymentHandlers(owner: string, repo: string, deployments: StoredDeployment[], maxPerPage = 2): Record<string, OperationHandler> {
  const base = `https://api.github.com/repos/${owner}/${repo}`;
  const toApi = (d: StoredDeployment) => ({
    url: `${base}/deployments/${d.id}`,
    id: d.id,
    node_id: `DE_${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: 'deploy',
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    creator: USER,
    created_at: d.created_at,
    updated_at: d.created_at,
    statuses_url: `${base}/deployments/${d.id}/statuses`,
    repository_url: base,
    transient_environment: false,
    production_environment: d.environment === 'production',
  });
  const statusOf = (d: StoredDeployment, state: string, i: number) => ({
    url: `${base}/deployments/${d.id}/statuses/${d.id * 10 + i}`,
    id: d.id * 10 + i,
    node_id: `DES_${d.id * 10 + i}`,
    state,
    creator: USER,
    description: '',
    environment: d.environment,
    target_url: '',
    created_at: d.created_at,
    updated_at: d.created_at,
    deployment_url: `${base}/deployments/${d.id}`,
    repository_url: base,
    environment_url: '',
    log_url: '',
  });
  return {
    'repos/list-deployments': (request, double) => {
      const environment = request.query.get('environment');
      const listed = deployments.filter((d) => environment === null || d.environment === environment).map(toApi);
      return page(request, double, listed, maxPerPage);
    },
    'repos/list-deployment-statuses': (request, double) => {
      const deployment = deployments.find((d) => String(d.id) === request.params.deployment_id);
      if (!deployment) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
      // GitHub lists statuses newest first.
      return page(request, double, deployment.states.map((s, i) => statusOf(deployment, s, i)).reverse(), maxPerPage);
    },
  };
}
