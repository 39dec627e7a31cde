import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CriticalPathConfig } from '../core/config/types.js';
import { reasonOf } from '../core/errors.js';
import { STAGE_IDS } from '../core/findings.js';
import { assembleGate } from '../core/gate.js';
import type { SecretRegistry } from '../core/redaction.js';
import type { GateResult, StageResult } from '../core/result.js';
import { renderComment } from '../report/github.js';
import { renderReport } from '../report/index.js';
import { readStageSections } from '../report/markdown-data.js';
import { emitAnnotations, planAnnotations } from './annotations.js';
import { createGitHubApi, GitHubApiError } from './api.js';
import { upsertComment, type CommentIdentity } from './comment.js';
import type { RunnerContext } from './context.js';
import { setActionOutputs } from './outputs.js';
import { jobSummaryOf, writeJobSummary } from './summary.js';

export interface PublishOptions {
  result: GateResult;
  secrets: SecretRegistry;
  context: RunnerContext;
  token: string;
  /** Input `comment`. */
  comment: boolean;
  /** Whose marker comment is ours (input `comment-author`), and which gate's (input `comment-key`). */
  commentIdentity: CommentIdentity;
  /**
   * `replace`: this run is the whole gate, its comment replaces the old one. `merge`: this run is
   * one stage job; only its own sections are replaced and the rest of the comment re-rendered.
   */
  commentMode: 'replace' | 'merge';
  criticalPaths: readonly CriticalPathConfig[];
  /** Where the JSON result goes (output `report`). */
  reportFile: string;
  /** Emit annotations for the findings (false when other steps annotated them already). */
  annotate: boolean;
  /** Warnings for the log and the job summary. */
  notes: readonly string[];
}

/**
 * Everything a finished run leaves on GitHub: the JSON result file, annotations, the PR comment,
 * the job summary and the outputs. A comment that cannot be written is a warning, never an error:
 * the summary is still written and the gate still applies.
 */
export async function publishGate(options: PublishOptions): Promise<void> {
  const { result, secrets, context } = options;
  mkdirSync(dirname(options.reportFile), { recursive: true });
  writeFileSync(options.reportFile, renderReport(result, 'json', { secrets }));

  const annotations = options.annotate ? planAnnotations(result, secrets) : undefined;
  if (annotations) emitAnnotations(annotations);
  for (const note of options.notes) core.warning(`launch-ready: ${secrets.scrub(note)}`);
  const commentNote = await postComment(options);
  const notes = { extra: options.notes, ...(annotations ? { annotations } : {}), ...(commentNote ? { comment: commentNote } : {}) };
  writeJobSummary(context.summaryPath, jobSummaryOf(result, secrets, options.reportFile, notes, context.links));
  setActionOutputs(result, options.reportFile);
}

/** Upsert the PR comment; returns a note for the job summary when it was not written. */
async function postComment(options: PublishOptions): Promise<string | undefined> {
  const { context } = options;
  if (!options.comment) return undefined;
  if (context.pullRequest === undefined) {
    core.info(`launch-ready: no pull request for this ${context.eventName || 'run'} event: PR comment skipped`);
    return undefined;
  }
  if (!options.token || !context.owner || !context.repo) {
    const note = 'PR comment skipped: no github-token (or GITHUB_REPOSITORY); pass github-token: ${{ github.token }}';
    core.warning(`launch-ready: ${note}`);
    return note;
  }
  const api = createGitHubApi({ baseUrl: context.apiUrl, token: options.token });
  const target = { owner: context.owner, repo: context.repo, issueNumber: context.pullRequest, ...options.commentIdentity };
  try {
    const outcome = await upsertComment(api, target, commentPlan(options));
    core.info(`launch-ready: PR comment ${outcome} on #${context.pullRequest}`);
    return undefined;
  } catch (error) {
    const note =
      error instanceof GitHubApiError && error.isPermission
        ? `PR comment not written: the token cannot write to pull request #${context.pullRequest} (${error.message}). A pull request from a fork gets a read-only token; give the job \`permissions: pull-requests: write\` for branches of this repository. The report is in this job summary and the gate still applies.`
        : `PR comment not written: ${reasonOf(error)}. The report is in this job summary and the gate still applies.`;
    core.warning(`launch-ready: ${options.secrets.scrub(note)}`);
    return note;
  }
}

/** How this run writes the comment: the whole body (`replace`) or its own sections merged into the rest (`merge`). */
export function commentPlan(
  options: Pick<PublishOptions, 'result' | 'secrets' | 'context' | 'commentMode' | 'criticalPaths'>,
): Parameters<typeof upsertComment>[2] {
  const { result, secrets, context } = options;
  const runUrl = context.runUrl;
  const revision = context.revision;
  if (options.commentMode === 'replace') return { compose: () => renderComment(result, secrets, runUrl, revision, context.links) };
  const own = new Set(result.stages.map((s) => s.id));
  const signature = (s: StageResult) => `${s.durationMs}|${secrets.scrub(s.summary).slice(0, 200)}`;
  return {
    compose: (existing) => {
      // Sections from an older commit are dropped: their blockers may be fixed already.
      const current = (s: { revision?: string }) => !revision || !s.revision || s.revision === revision;
      const kept = existing ? readStageSections(existing).flatMap((s) => (s.result && !own.has(s.id) && current(s) ? [s.result] : [])) : [];
      const stages = [...kept, ...result.stages].sort((a, b) => STAGE_IDS.indexOf(a.id) - STAGE_IDS.indexOf(b.id));
      const durationMs = Math.max(...stages.map((s) => s.durationMs), result.durationMs);
      const merged = assembleGate(stages, { failOn: result.failOn, criticalPaths: options.criticalPaths, version: result.tool.version, durationMs });
      return renderComment(merged, secrets, runUrl, revision, context.links);
    },
    holdsOurs: (body) => {
      const sections = readStageSections(body);
      return result.stages.every((s) => {
        const found = sections.find((x) => x.id === s.id)?.result;
        return found !== undefined && signature(found) === signature(s);
      });
    },
  };
}
