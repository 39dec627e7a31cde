import { setTimeout as sleep } from 'node:timers/promises';
import { COMMENT_MARKER } from '../report/markdown.js';
import type { GitHubApi } from './api.js';

/** The pull request (an issue, to the REST API) whose comment we keep. */
export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

interface IssueComment {
  id: number;
  body?: string;
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

/** Our comments on the PR (body starts with the marker), oldest first, across every page. */
export async function findOurComments(api: GitHubApi, target: CommentTarget): Promise<IssueComment[]> {
  const all = await api.paginate<IssueComment>(`/repos/${enc(target.owner)}/${enc(target.repo)}/issues/${target.issueNumber}/comments`);
  return all.filter((c) => typeof c.body === 'string' && c.body.startsWith(COMMENT_MARKER)).sort((a, b) => a.id - b.id);
}

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
    const body = options.compose(existing?.body);
    if (!existing) {
      created = (await api.request<IssueComment>('POST', `${base}/${target.issueNumber}/comments`, { body })).id;
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
