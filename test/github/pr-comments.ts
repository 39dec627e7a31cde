import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { startGitHubDouble, type DoubleResponse, type GitHubDouble, type OperationHandler } from '../helpers/github-double.js';

/** A pull request's comments as GitHub keeps them, served through the OpenAPI-checked double. */
export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  /** Login of the comment's author. */
  author: string;
  created_at: string;
  updated_at: string;
}

const BOT = {
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  gravatar_id: '',
  url: 'https://api.github.com/users/github-actions%5Bbot%5D',
  html_url: 'https://github.com/apps/github-actions',
  followers_url: 'https://api.github.com/users/github-actions%5Bbot%5D/followers',
  following_url: 'https://api.github.com/users/github-actions%5Bbot%5D/following{/other_user}',
  gists_url: 'https://api.github.com/users/github-actions%5Bbot%5D/gists{/gist_id}',
  starred_url: 'https://api.github.com/users/github-actions%5Bbot%5D/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.com/users/github-actions%5Bbot%5D/subscriptions',
  organizations_url: 'https://api.github.com/users/github-actions%5Bbot%5D/orgs',
  repos_url: 'https://api.github.com/users/github-actions%5Bbot%5D/repos',
  events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/events{/privacy}',
  received_events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/received_events',
  type: 'Bot',
  site_admin: false,
};

/** The user object GitHub sends for `login` (the workflow token's bot, or a person). */
function userOf(login: string): typeof BOT {
  if (login === BOT.login) return BOT;
  const url = `https://api.github.com/users/${encodeURIComponent(login)}`;
  return {
    ...BOT,
    login,
    id: 1000 + login.length,
    node_id: `U_${login}`,
    avatar_url: 'https://avatars.githubusercontent.com/u/1000?v=4',
    url,
    html_url: `https://github.com/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'User',
  };
}

const FORBIDDEN = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  status: '403',
};

export class PrComments {
  readonly comments: StoredComment[] = [];
  /** Answer writes with 403, like a pull request from a fork. */
  readOnly = false;
  /** Who a token writes as; any token not listed is the workflow token (`github-actions[bot]`). */
  readonly identities: Record<string, string> = {};
  private nextId = 5000;
  private clock = Date.parse('2026-11-28T09:00:00Z');

  constructor(
    readonly owner = 'acme',
    readonly repo = 'shop',
  ) {}

  /** Comments by other people, before ours. */
  seed(issue: number, count: number): void {
    for (let i = 0; i < count; i++) this.add(issue, `LGTM #${i}`, 'octocat');
  }

  /** One comment with this body by `author`, as if posted by hand. */
  post(issue: number, body: string, author: string): StoredComment {
    return this.add(issue, body, author);
  }

  /** The comments of one PR, oldest first. */
  on(issue: number): StoredComment[] {
    return this.comments.filter((c) => c.issue === issue).sort((a, b) => a.id - b.id);
  }

  private add(issue: number, body: string, author: string): StoredComment {
    const at = new Date((this.clock += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const comment = { id: this.nextId++, issue, body, author, created_at: at, updated_at: at };
    this.comments.push(comment);
    return comment;
  }

  private json(c: StoredComment, base: string) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${base}/repos/${this.owner}/${this.repo}/issues/comments/${c.id}`,
      body: c.body,
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${base}/repos/${this.owner}/${this.repo}/issues/${c.issue}`,
      user: userOf(c.author),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: 'NONE',
    };
  }

  /** Handlers for the issue-comment operations, by operationId. */
  handlers(): Record<string, OperationHandler> {
    const find = (id: string): StoredComment | undefined => this.comments.find((c) => c.id === Number(id));
    const notFound: DoubleResponse = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    return {
      'issues/list-comments': (req, double: GitHubDouble) => {
        const perPage = Math.min(Number(req.query.get('per_page') ?? 30), 100);
        const page = Number(req.query.get('page') ?? 1);
        const all = this.on(Number(req.params.issue_number));
        const items = all.slice((page - 1) * perPage, page * perPage).map((c) => this.json(c, double.url));
        const last = Math.max(1, Math.ceil(all.length / perPage));
        const link = (p: number, rel: string) => `<${double.url}${req.path}?per_page=${perPage}&page=${p}>; rel="${rel}"`;
        const headers: Record<string, string> = {};
        if (page < last) headers.link = [link(page + 1, 'next'), link(last, 'last')].join(', ');
        return { status: 200, body: items, headers };
      },
      'issues/create-comment': (req, double) => {
        if (this.readOnly) return { status: 403, body: FORBIDDEN };
        const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
        const comment = this.add(Number(req.params.issue_number), (req.body as { body: string }).body, this.identities[token] ?? BOT.login);
        return {
          status: 201,
          body: this.json(comment, double.url),
          headers: { location: `${double.url}/repos/${this.owner}/${this.repo}/issues/comments/${comment.id}` },
        };
      },
      'issues/update-comment': (req, double) => {
        if (this.readOnly) return { status: 403, body: FORBIDDEN };
        const comment = find(req.params.comment_id!);
        if (!comment) return notFound;
        // As GitHub does: a token with write access may edit anyone's comment, so the action must pick only its own.
        comment.body = (req.body as { body: string }).body;
        comment.updated_at = new Date((this.clock += 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
        return { status: 200, body: this.json(comment, double.url) };
      },
      'issues/delete-comment': (req) => {
        if (this.readOnly) return { status: 403, body: FORBIDDEN };
        const comment = find(req.params.comment_id!);
        if (!comment) return notFound;
        this.comments.splice(this.comments.indexOf(comment), 1);
        return { status: 204 };
      },
    };
  }
}

/**
 * Start the OpenAPI-checked GitHub double once per test file, and give each test a fresh store of
 * PR comments behind it (no requests or violations carried over). Read `double` and `store` inside tests.
 */
export function usePrCommentDouble(): { double: GitHubDouble; store: PrComments } {
  const live = {} as { double: GitHubDouble; store: PrComments };
  beforeAll(async () => {
    live.double = await startGitHubDouble();
  });
  beforeEach(() => {
    live.store = new PrComments();
    for (const [id, handler] of Object.entries(live.store.handlers())) live.double.handle(id, handler);
    live.double.violations.length = 0;
    live.double.requests.length = 0;
  });
  afterAll(() => live.double.close());
  return live;
}
