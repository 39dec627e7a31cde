import { setTimeout as sleep } from 'node:timers/promises';
import { isRecord } from '../core/guards.js';

/**
 * A small GitHub REST client on Node's built-in fetch (undici): the few calls the action makes,
 * pagination by `Link` header, and errors that keep the HTTP status so callers can tell a
 * read-only token (403) from an outage.
 */

/** A REST call that did not succeed; `status` is 0 when the server could not be reached. */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${method} ${path}: ${status === 0 ? 'no answer' : `HTTP ${status}`}${detail ? `: ${detail}` : ''}`);
  }

  /** The token may read but not write (a pull request from a fork), or the repository hides the resource. */
  get isPermission(): boolean {
    return this.status === 401 || this.status === 403 || this.status === 404;
  }
}

export interface GitHubApiOptions {
  /** `GITHUB_API_URL`, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  baseUrl: string;
  token: string;
  /** Abandon a single request after this long (ms). */
  timeoutMs?: number;
}

/** Answers are parsed JSON of no known shape: the caller checks what it reads (see `comment.ts`). */
export interface GitHubApi {
  /** The answer's JSON, or undefined for 204 No Content. */
  request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  /** Every item of a list endpoint, following `Link: rel="next"` (100 per page). */
  paginate(path: string): Promise<unknown[]>;
}

/** Never follow more pages than this (100 per page: 20,000 items) so a broken `Link` cannot loop. */
const MAX_PAGES = 200;

export function createGitHubApi(options: GitHubApiOptions): GitHubApi {
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers = {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${options.token}`,
    'user-agent': 'launch-ready',
    'x-github-api-version': '2022-11-28',
  };
  const send = async (method: string, url: string, path: string, body?: unknown): Promise<Response> => {
    try {
      return await fetch(url, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new GitHubApiError(method, path, 0, error instanceof Error ? error.message : String(error));
    }
  };
  const call = async (method: string, url: string, body?: unknown): Promise<Response> => {
    const path = (url.startsWith(base) ? url.slice(base.length) : url).split('?')[0]!;
    let response = await send(method, url, path, body);
    const wait = retryDelayMs(response);
    if (wait !== undefined) {
      await response.body?.cancel();
      await sleep(wait);
      response = await send(method, url, path, body);
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      let detail = text.slice(0, 200);
      try {
        const parsed: unknown = JSON.parse(text);
        detail = String((isRecord(parsed) ? parsed.message : undefined) ?? detail);
      } catch {
        /* not JSON: keep the text */
      }
      throw new GitHubApiError(method, path, response.status, detail);
    }
    return response;
  };

  return {
    async request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
      const response = await call(method, `${base}${path}`, body);
      if (response.status === 204) return undefined;
      return response.json();
    },
    async paginate(path: string): Promise<unknown[]> {
      const items: unknown[] = [];
      let url: string | undefined = `${base}${path}${path.includes('?') ? '&' : '?'}per_page=100`;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const response: Response = await call('GET', url);
        const page: unknown = await response.json();
        if (Array.isArray(page)) items.push(...page);
        url = nextLink(response.headers.get('link'));
      }
      return items;
    },
  };
}

/**
 * One retry for what passes: a 502/503/504 after a second, or a rate limit that says when it ends
 * (403/429 with `retry-after`, or `x-ratelimit-remaining: 0` with `x-ratelimit-reset`) when that is
 * 10 s or less away. A 403 without either is a permission answer: retrying cannot change it.
 */
export function retryDelayMs(response: Pick<Response, 'status' | 'headers'>, now = Date.now()): number | undefined {
  if ([502, 503, 504].includes(response.status)) return 1000;
  if (response.status !== 403 && response.status !== 429) return undefined;
  const header = (name: string) => {
    const raw = response.headers.get(name);
    return raw === null || raw.trim() === '' ? undefined : Number(raw);
  };
  const after = header('retry-after');
  const reset = header('x-ratelimit-remaining') === 0 ? header('x-ratelimit-reset') : undefined;
  const waitMs = after !== undefined ? after * 1000 : reset !== undefined ? reset * 1000 - now : undefined;
  if (waitMs === undefined || !Number.isFinite(waitMs)) return undefined;
  return waitMs <= 10_000 ? Math.max(0, waitMs) : undefined;
}

/** The `rel="next"` URL of a `Link` header, if any. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}
