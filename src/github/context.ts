import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringOr } from '../core/guards.js';
import { valueAt } from '../core/narrow.js';
import type { RunIdentity } from '../core/result.js';
import type { GitHubAccess } from '../core/stage.js';
import type { SourceLinks } from '../report/shared.js';

/** Where the action runs, read once from the runner's environment. */
export interface RunnerContext {
  eventName: string;
  owner?: string;
  repo?: string;
  /** The pull request this run is about, when there is one (no PR on push / workflow_dispatch). */
  pullRequest?: number;
  /** The commit checked: the PR's head, else `GITHUB_SHA`. */
  revision?: string;
  /** The PR's base commit (`pull_request.base.sha`): launch-ready's own config is compared with it. */
  baseRevision?: string;
  /** This run, as stage results are stamped with it (absent outside Actions). */
  run?: RunIdentity;
  apiUrl: string;
  /** The code host and repository, for links to a file at a commit (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`). */
  links?: SourceLinks;
  /** Link to this workflow run, for "the full report is in the job summary". */
  runUrl?: string;
  /** Folder for result files: `$RUNNER_TEMP/launch-ready`. */
  resultDir: string;
  summaryPath?: string;
  outputPath?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export function readRunnerContext(env: Env, tmpdir: string): RunnerContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const context: RunnerContext = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    resultDir: join(env.RUNNER_TEMP || tmpdir, 'launch-ready'),
  };
  if (owner && repo) {
    context.owner = owner;
    context.repo = repo;
  }
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const pullRequest = pullRequestOf(event);
  if (pullRequest !== undefined) context.pullRequest = pullRequest;
  const revision = stringOr(valueAt(event, 'pull_request', 'head', 'sha')) ?? env.GITHUB_SHA;
  if (revision) context.revision = revision;
  const base = valueAt(event, 'pull_request', 'base', 'sha');
  if (typeof base === 'string' && /^[0-9a-f]{40}$/i.test(base)) context.baseRevision = base;
  const runId = Number(env.GITHUB_RUN_ID);
  if (env.GITHUB_REPOSITORY && Number.isSafeInteger(runId) && runId > 0 && revision) {
    context.run = { repository: env.GITHUB_REPOSITORY, runId, runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1, sha: revision };
  }
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID)
    context.runUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY)
    context.links = { serverUrl: env.GITHUB_SERVER_URL, repository: env.GITHUB_REPOSITORY, ...(revision ? { revision } : {}) };
  if (env.GITHUB_STEP_SUMMARY) context.summaryPath = env.GITHUB_STEP_SUMMARY;
  if (env.GITHUB_OUTPUT) context.outputPath = env.GITHUB_OUTPUT;
  return context;
}

/** API access for stages that read repository settings (env `from: github`), when a token and the repository are known. */
export function gitHubAccessOf(context: RunnerContext, token: string | undefined): GitHubAccess | undefined {
  if (!token || !context.owner || !context.repo) return undefined;
  return { apiUrl: context.apiUrl, token, owner: context.owner, repo: context.repo };
}

/** The event payload, parsed JSON of no checked shape (read with `valueAt`); undefined when missing or not JSON. */
function readEvent(eventPath: string | undefined): unknown {
  if (!eventPath) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(eventPath, 'utf8'));
    return parsed;
  } catch {
    return undefined;
  }
}

/** The PR number from the event payload: `pull_request`/`pull_request_target`, or a comment on a PR. */
function pullRequestOf(event: unknown): number | undefined {
  const number = valueAt(event, 'pull_request', 'number') ?? (valueAt(event, 'issue', 'pull_request') ? valueAt(event, 'issue', 'number') : undefined);
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}
