import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SecretRule } from '../rules/index.js';
import { scanText, type SecretMatch } from '../scan.js';
import { streamHistory, type AddedBlock, type HistoryStats } from './history.js';

/** Below this many commits one stream wins: starting threads and extra git processes costs more than it saves. */
export const SPLIT_MIN_COMMITS = 2_000;

export interface HistoryScanOptions {
  repo: string;
  maxBlockBytes: number;
  signal?: AbortSignal;
  /** How many shares to split the walk into; default the machine's cores. 1 is the single stream. */
  workers?: number;
  /** Repositories with fewer commits are scanned as one stream. */
  minCommitsToSplit?: number;
}

/** What one share sends back: a block's place and its matches, the rule named by id (functions do not cross threads). */
export interface SharedMatch {
  block: Omit<AddedBlock, 'text'>;
  matches: { rule: string; secret: string; severity: SecretMatch['severity']; line: number; column: number }[];
}

/** Input of one worker thread: its commits (with the ref `git log --all` would name) and the rules it must hold. */
export interface HistoryShare {
  repo: string;
  maxBlockBytes: number;
  commits: string[];
  refs: string[];
  ruleIds: string[];
}

export type HistoryWorkerMessage = { type: 'blocks'; blocks: SharedMatch[] } | { type: 'done'; stats: HistoryStats } | { type: 'error'; message: string };

/** The bundled worker entry (`dist/secrets-worker.js`), next to this module in the bundle. */
function workerScript(): URL | undefined {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../../../dist/secrets-worker.js', here) : new URL('./secrets-worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Scan the history of every ref, handing each block's matches to `onMatches` in `git log --all`
 * order. A large history is split into contiguous shares of the commit list, each diffed by its own
 * git and scanned by its own thread; shares are replayed in order, so findings, fingerprints and
 * occurrences are those of the single stream. Memory stays bounded: a share holds matches, not text.
 */
export async function scanHistory(
  options: HistoryScanOptions,
  rules: readonly SecretRule[],
  onMatches: (block: Omit<AddedBlock, 'text'>, matches: SecretMatch[]) => void,
): Promise<HistoryStats & { shares: number }> {
  const workers = Math.max(1, Math.floor(options.workers ?? workersFromEnv() ?? availableParallelism()));
  const script = workers > 1 ? workerScript() : undefined;
  const single = async () => ({
    ...(await streamHistory({ repo: options.repo, maxBlockBytes: options.maxBlockBytes, signal: options.signal }, (block) => {
      const matches = scanText(block.text, rules, block.file);
      if (matches.length === 0) return;
      const { text: _text, ...place } = block;
      onMatches(place, matches);
    })),
    shares: 1,
  });
  if (!script) return single();
  const listed = await listCommits(options.repo, options.signal);
  if (listed.commits.length < (options.minCommitsToSplit ?? SPLIT_MIN_COMMITS) || listed.commits.length < workers) return single();
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const replay = (found: SharedMatch) => {
    const matches = found.matches.map((m) => ({ ...m, rule: byId.get(m.rule)! })).filter((m) => m.rule !== undefined);
    if (matches.length > 0) onMatches(found.block, matches);
  };
  // One share failing stops the others: no thread or git outlives the scan.
  const stopAll = new AbortController();
  const onAbort = () => stopAll.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const shares = splitShares(listed, workers).map((share) =>
    runShare(script, { repo: options.repo, maxBlockBytes: options.maxBlockBytes, ...share, ruleIds: [...byId.keys()] }, stopAll.signal),
  );
  shares.forEach((share) => share.catch(() => stopAll.abort()));
  const total: HistoryStats = { commits: 0, bytes: 0, skippedLargeBlocks: 0 };
  try {
    // Replay in share order: matches of later shares wait (as matches, not text) for the earlier ones.
    for (const share of shares) {
      const { stats, found } = await share;
      found.forEach(replay);
      total.commits += stats.commits;
      total.bytes += stats.bytes;
      total.skippedLargeBlocks += stats.skippedLargeBlocks;
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  return { ...total, shares: shares.length };
}

/** `LAUNCH_READY_HISTORY_WORKERS=1` forces the single stream (benchmarks, a runner that shares its cores). */
function workersFromEnv(): number | undefined {
  const value = Number.parseInt(process.env.LAUNCH_READY_HISTORY_WORKERS ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Contiguous, near-equal slices of the commit list. */
export function splitShares(listed: { commits: string[]; refs: string[] }, count: number): { commits: string[]; refs: string[] }[] {
  const size = Math.ceil(listed.commits.length / count);
  const out: { commits: string[]; refs: string[] }[] = [];
  for (let start = 0; start < listed.commits.length; start += size) {
    out.push({ commits: listed.commits.slice(start, start + size), refs: listed.refs.slice(start, start + size) });
  }
  return out;
}

/** `git log --all` without patches: every commit in `git log --all` order, with the ref that reached it (what `%S` prints). */
export function listCommits(repo: string, signal?: AbortSignal): Promise<{ commits: string[]; refs: string[] }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', ['-C', repo, 'log', '--all', '--format=%H%x09%S'], { stdio: ['ignore', 'pipe', 'pipe'], signal });
    const commits: string[] = [];
    const refs: string[] = [];
    let carry = '';
    let stderr = '';
    const take = (line: string) => {
      if (!line) return;
      const tab = line.indexOf('\t');
      commits.push(tab === -1 ? line : line.slice(0, tab));
      refs.push(tab === -1 ? '' : line.slice(tab + 1));
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (carry + chunk).split('\n');
      carry = lines.pop() ?? '';
      lines.forEach(take);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      take(carry);
      if (code !== 0) return reject(new Error(`git log --all failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`));
      resolvePromise({ commits, refs });
    });
  });
}

function runShare(script: URL, share: HistoryShare, signal?: AbortSignal): Promise<{ stats: HistoryStats; found: SharedMatch[] }> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(script, { workerData: share });
    const found: SharedMatch[] = [];
    let settled = false;
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      done();
    };
    worker.on('message', (message: HistoryWorkerMessage) => {
      if (message.type === 'blocks') found.push(...message.blocks);
      else if (message.type === 'done') settle(() => resolvePromise({ stats: message.stats, found }));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(signal?.aborted ? 'history scan aborted' : `history worker exited (code ${code}) before it finished`))),
    );
  });
}
