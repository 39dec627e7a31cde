import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the action runs, read once from the runner's environment. */
export interface RunnerContext {
  eventName: string;
  owner?: string;
  repo?: string;
  /** The pull request this run is about, when there is one (no PR on push / workflow_dispatch). */
  pullRequest?: number;
  apiUrl: string;
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
  const pullRequest = pullRequestOf(env.GITHUB_EVENT_PATH);
  if (pullRequest !== undefined) context.pullRequest = pullRequest;
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) context.runUrl = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  if (env.GITHUB_STEP_SUMMARY) context.summaryPath = env.GITHUB_STEP_SUMMARY;
  if (env.GITHUB_OUTPUT) context.outputPath = env.GITHUB_OUTPUT;
  return context;
}

/** The PR number from the event payload: `pull_request`/`pull_request_target`, or a comment on a PR. */
function pullRequestOf(eventPath: string | undefined): number | undefined {
  if (!eventPath) return undefined;
  let event: { pull_request?: { number?: unknown }; issue?: { number?: unknown; pull_request?: unknown } };
  try {
    event = JSON.parse(readFileSync(eventPath, 'utf8')) as typeof event;
  } catch {
    return undefined;
  }
  const number = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
  return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
}
