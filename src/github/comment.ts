import { setTimeout as sleep } from 'node:timers/promises';
import { COMMENT_MARKER } from '../report/markdown.js';
import { isRecord, stringOr } from '../core/guards.js';
import type { GitHubApi } from './api.js';

/** Which marker comment is ours: written by `author` (the token's identity) for the gate `key`. */
export interface CommentIdentity {
  /** Login of the token's user: `github-actions[bot]` for the workflow token, `<app>[bot]` for an app. */
  author: string;
  /** Keeps two gates on one pull request apart; '' = the default gate. */
  key: string;
}

/** The pull request (an issue, to the REST API) whose comment we keep. */
export interface CommentTarget extends Partial<CommentIdentity> {
  owner: string;
  repo: string;
  issueNumber: number;
}

interface IssueComment {
  id: number;
  body?: string;
  user?: { login?: string } | null;
}

/** A comment as far as the upsert reads it (id, body, author); anything without a numeric id is passed over. */
function issueCommentOf(value: unknown): IssueComment | undefined {
  if (!isRecord(value) || typeof value.id !== 'number') return undefined;
  const comment: IssueComment = { id: value.id };
  const body = stringOr(value.body);
  if (body !== undefined) comment.body = body;
  if (isRecord(value.user)) {
    const login = stringOr(value.user.login);
    comment.user = login === undefined ? {} : { login };
  }
  return comment;
}

const KEY_LINE = /^<!-- launch-ready-key: ([A-Za-z0-9._-]{1,64}) -->$/;

/** The body with the gate's key under the marker, so another gate's comment is never taken for ours. */
export function withCommentKey(body: string, key: string): string {
  if (!key || !body.startsWith(COMMENT_MARKER)) return body;
  const [first, ...rest] = body.split('\n');
  return [first, `<!-- launch-ready-key: ${key} -->`, ...rest.filter((line, i) => !(i === 0 && KEY_LINE.test(line)))].join('\n');
}

/** The key of a marker comment ('' when it has none). */
export function commentKeyOf(body: string): string {
  return KEY_LINE.exec(body.split('\n', 2)[1] ?? '')?.[1] ?? '';
}

export interface UpsertOptions {
  /**
   * Build the body from the comment as it is now (undefined when there is none yet). Called again
   * on every retry, so a section another job wrote in the meantime is merged, not lost.
   */
  compose: (existing: string | undefined) => string;
  /** True when a re-read body still holds what this job wrote; default: always. */
  holdsOurs?: (body: string) => boolean;
  /** Attempts before giving up on a busy comment. */
  attempts?: number;
  /** Wait before each re-read, so a concurrent writer's update is visible; default 250-750 ms. */
  settleMs?: () => number;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Our comments on the PR, oldest first, across every page: the body starts with the marker, carries
 * our key, and was written by our identity. Anyone can paste the marker; only ours is ever edited.
 */
export async function findOurComments(api: GitHubApi, target: CommentTarget): Promise<IssueComment[]> {
  const listed = await api.paginate(`/repos/${enc(target.owner)}/${enc(target.repo)}/issues/${target.issueNumber}/comments`);
  const all = listed.map(issueCommentOf).filter((c): c is IssueComment => c !== undefined);
  const author = (target.author ?? DEFAULT_AUTHOR).toLowerCase();
  const key = target.key ?? '';
  return all
    .filter((c) => typeof c.body === 'string' && c.body.startsWith(COMMENT_MARKER) && commentKeyOf(c.body) === key && c.user?.login?.toLowerCase() === author)
    .sort((a, b) => a.id - b.id);
}

const DEFAULT_AUTHOR = 'github-actions[bot]';

/**
 * Create or update the one launch-ready comment of a PR. GitHub has no conditional update for
 * comments, so concurrent jobs are reconciled optimistically: write, wait, re-read twice, and write
 * again (merging what the other job wrote) until the comment holds ours on both reads. Two jobs that both create a
 * comment converge on the oldest; the newer one is deleted by the job that created it.
 */
export async function upsertComment(api: GitHubApi, target: CommentTarget, options: UpsertOptions): Promise<UpsertOutcome> {
  const holdsOurs = options.holdsOurs ?? (() => true);
  const attempts = options.attempts ?? 6;
  const settle = options.settleMs ?? (() => 250 + Math.floor(Math.random() * 500));
  const base = `/repos/${enc(target.owner)}/${enc(target.repo)}/issues`;
  let outcome: UpsertOutcome = 'unchanged';
  let created: number | undefined;

  for (let attempt = 1; attempt <= attempts; attempt++) {
    const ours = await findOurComments(api, target);
    const existing = ours[0];
    const body = withCommentKey(options.compose(existing?.body), target.key ?? '');
    if (!existing) {
      created = issueCommentOf(await api.request('POST', `${base}/${target.issueNumber}/comments`, { body }))?.id;
      outcome = 'created';
    } else if (existing.body !== body) {
      await api.request('PATCH', `${base}/comments/${existing.id}`, { body });
      if (outcome === 'unchanged') outcome = 'updated';
    } else if (holdsOurs(body)) {
      return outcome;
    }
    await sleep(settle());
    const after = await findOurComments(api, target);
    const winner = after[0];
    if (created !== undefined && winner && winner.id !== created && after.some((c) => c.id === created)) {
      await api.request('DELETE', `${base}/comments/${created}`);
      created = undefined;
      outcome = 'updated';
      continue;
    }
    if (winner?.body !== undefined && holdsOurs(winner.body)) {
      // Look once more: a writer that read before our update may still land a stale body.
      await sleep(settle());
      const confirm = (await findOurComments(api, target))[0];
      if (confirm?.body !== undefined && holdsOurs(confirm.body)) return outcome;
    }
  }
  throw new Error(`the PR comment kept changing under us after ${attempts} attempts (many jobs writing at once); the job summary has this job's report`);
}

function enc(part: string): string {
  return encodeURIComponent(part);
}
