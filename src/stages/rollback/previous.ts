/**
 * The previous good release: from the config, else GitHub deployments (the newest earlier
 * deployment to the same environment that once reached `success`), else the newest earlier semver
 * tag. The choices are pure; reading deployments and tags are thin edges.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { GitHubApi } from '../../core/services.js';
import { isRecord, stringOr } from '../../core/guards.js';
import { sameRelease } from './version.js';

const run = promisify(execFile);

export interface PreviousRelease {
  /** The name shown and passed to commands as LAUNCH_READY_PREVIOUS_RELEASE. */
  release: string;
  source: 'config' | 'deployments' | 'tags';
  /** Other names of the same release the site may serve (its commit sha). */
  aliases: string[];
  /** One line: where it came from. */
  detail: string;
}

/** What identifies the release being tested. */
export interface CurrentRelease {
  /** What the site serves now. */
  version?: string;
  /** The commit under test (GITHUB_SHA). */
  sha?: string;
}

export interface DeploymentFacts {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  createdAt: string;
}

function isCurrent(names: string[], current: CurrentRelease): boolean {
  const ids = [current.version, current.sha].filter((v): v is string => Boolean(v));
  return names.some((name) => ids.some((id) => sameRelease(name, id)));
}

/**
 * Deployments to look at, best first (pure): same environment, newest first by creation time
 * (the API's order is not relied on), only those created before the current one (when it is
 * among them) and of another release.
 */
export function previousDeploymentCandidates(deployments: readonly DeploymentFacts[], environment: string, current: CurrentRelease): DeploymentFacts[] {
  const sorted = deployments.filter((d) => d.environment === environment).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
  const at = sorted.findIndex((d) => isCurrent([d.sha, d.ref], current));
  const earlier = at >= 0 ? sorted.slice(at + 1) : sorted;
  return earlier.filter((d) => !isCurrent([d.sha, d.ref], current));
}

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** `[major, minor, patch]` of a release tag, or undefined for other names and pre-releases. */
export function releaseNumbers(name: string): [number, number, number] | undefined {
  const match = SEMVER.exec(name.trim());
  if (!match || match[4] !== undefined) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compareNumbers(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The release name of a deployment: its ref when that is a release tag, else its commit. */
export function deploymentRelease(d: DeploymentFacts): PreviousRelease {
  const tagged = releaseNumbers(d.ref) !== undefined;
  return {
    release: tagged ? d.ref : d.sha,
    source: 'deployments',
    aliases: tagged ? [d.sha] : [],
    detail: `deployment ${d.id} to ${d.environment} (${d.ref === d.sha ? d.sha.slice(0, 12) : `${d.ref} at ${d.sha.slice(0, 12)}`}, created ${d.createdAt})`,
  };
}

export interface TagFacts {
  name: string;
  /** The commit it points at. */
  commit: string;
}

/**
 * The newest release tag before the current release (pure): pre-releases and tags on the current
 * commit are left out; when the current release is itself a version, only lower ones count.
 */
export function pickPreviousTag(tags: readonly TagFacts[], current: CurrentRelease): TagFacts | undefined {
  const currentNumbers = current.version ? releaseNumbers(current.version) : undefined;
  const onCurrent = tags.filter((t) => isCurrent([t.commit], current) || (current.version !== undefined && sameRelease(t.name, current.version)));
  const ceiling =
    onCurrent
      .map((t) => releaseNumbers(t.name))
      .filter((n): n is [number, number, number] => n !== undefined)
      .sort(compareNumbers)
      .pop() ?? currentNumbers;
  let best: { tag: TagFacts; numbers: [number, number, number] } | undefined;
  for (const tag of tags) {
    const numbers = releaseNumbers(tag.name);
    if (!numbers || onCurrent.includes(tag)) continue;
    if (ceiling && compareNumbers(numbers, ceiling) >= 0) continue;
    if (!best || compareNumbers(numbers, best.numbers) > 0) best = { tag, numbers };
  }
  return best?.tag;
}

/** The facts of one deployment as GitHub lists it; undefined for an item without them. */
function deploymentFacts(item: unknown): DeploymentFacts | undefined {
  if (!isRecord(item) || typeof item.id !== 'number') return undefined;
  const text = (key: string) => stringOr(item[key]) ?? '';
  return { id: item.id, sha: text('sha'), ref: text('ref'), environment: text('environment'), createdAt: text('created_at') };
}

/** At most this many earlier deployments have their statuses read. */
const MAX_STATUS_LOOKUPS = 20;

/** The newest earlier deployment to `environment` that ever reached `success` (an edge: GitHub API). */
export async function previousFromDeployments(github: GitHubApi, environment: string, current: CurrentRelease): Promise<PreviousRelease | undefined> {
  const listed = await github.paginate('/repos/{owner}/{repo}/deployments', { environment }, 300);
  const facts = listed.map(deploymentFacts).filter((d): d is DeploymentFacts => d !== undefined);
  for (const candidate of previousDeploymentCandidates(facts, environment, current).slice(0, MAX_STATUS_LOOKUPS)) {
    // A deployment that succeeded and was later superseded is `inactive` now: any success counts.
    const statuses = await github.paginate(`/repos/{owner}/{repo}/deployments/${candidate.id}/statuses`, {}, 100);
    if (statuses.some((s) => isRecord(s) && s.state === 'success')) return deploymentRelease(candidate);
  }
  return undefined;
}

async function git(repo: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd: repo, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  return stdout;
}

/** Tags reachable from the current commit (else HEAD), with the commit each points at, and that commit. */
export async function readTags(repo: string, current: CurrentRelease): Promise<{ tags: TagFacts[]; base: string }> {
  let base = 'HEAD';
  for (const candidate of [current.sha, current.version]) {
    if (!candidate || !/^[0-9a-f]{7,40}$/i.test(candidate)) continue;
    try {
      base = (await git(repo, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`])).trim();
      break;
    } catch {
      // not in this clone
    }
  }
  const out = await git(repo, ['tag', '--merged', base, '--format=%(refname:short)%09%(objectname)%09%(*objectname)']);
  const tags = out
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [name, object, peeled] = line.split('\t');
      return { name: name!, commit: peeled || object! };
    });
  return { tags, base: (await git(repo, ['rev-parse', base])).trim() };
}

/** The newest earlier release tag (an edge: git). Without a known current commit, the checked-out one is under test. */
export async function previousFromTags(repo: string, current: CurrentRelease): Promise<PreviousRelease | undefined> {
  const { tags, base } = await readTags(repo, current);
  const tag = pickPreviousTag(tags, { ...current, sha: current.sha ?? base });
  if (!tag) return undefined;
  return {
    release: tag.name,
    source: 'tags',
    aliases: [tag.commit],
    detail: `tag ${tag.name} (${tag.commit.slice(0, 12)}), the newest release tag before the current release`,
  };
}
