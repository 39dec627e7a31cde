import { simpleGit } from 'simple-git';
import { reasonOf } from '../../core/errors.js';
import type { StageContext, StageDefinition, StageOutcome, StagePartError } from '../../core/stage.js';
import {
  gitRepositoryProblem,
  parseSecretsOptions,
  SECRETS_FLAGS,
  SECRETS_SCHEMA,
  validateSecretsConfig,
  type SecretsOptions,
  type SecretsStageOptions,
} from './config.js';
import { FindingCollector } from './report.js';
import { scanText } from './scan.js';
import { scanBundles } from './sources/bundles.js';
import { newCounters, type FileCounters } from './sources/files.js';
import { streamHistory, type HistoryStats } from './sources/history.js';
import { scanLiveSite } from './sources/live-site.js';
import { readLogs } from './sources/logs.js';
import { workspaceOf } from './sources/paths.js';
import { scanWorkingTree } from './sources/tree.js';
import { loadGitleaksIgnore, type ScanPolicy } from './suppress.js';

interface RunState {
  options: SecretsOptions;
  policy: ScanPolicy;
  collector: FindingCollector;
  counters: FileCounters;
  errors: StagePartError[];
  history: HistoryStats & { refs: number; ms: number; shallow: boolean };
  bundles: number;
  urlDocuments: number;
  isRepo: boolean;
  /** What every finding's path is relative to: the git top level, else the scanned folder. */
  workspace: string;
}

/** The `secrets` stage: no secret in history, tree, bundles, build logs or the live site. */
export const secretsStage: StageDefinition<SecretsStageOptions> = {
  id: 'secrets',
  phase: 'passive',
  title: 'Secrets',
  description: 'no secret in git history, the working tree, bundles, build logs or the live site',
  built: true,
  checks: { paths: ['deploy'] },
  configSchema: SECRETS_SCHEMA,
  flags: SECRETS_FLAGS,
  validateConfig: validateSecretsConfig,
  parseOptions: parseSecretsOptions,
  run: runSecrets,
};

async function runSecrets(ctx: StageContext<SecretsStageOptions>): Promise<StageOutcome> {
  const started = performance.now();
  const options = ctx.options;
  const repoProblem = gitRepositoryProblem(options.repo);
  const isRepo = repoProblem === undefined;
  const { policy, accepted: baseline } = options;
  const state: RunState = {
    options,
    policy,
    collector: new FindingCollector(policy, isRepo ? loadGitleaksIgnore(options.repo) : new Set(), baseline),
    counters: newCounters(),
    errors: [],
    history: { commits: 0, bytes: 0, skippedLargeBlocks: 0, refs: 0, ms: 0, shallow: false },
    bundles: 0,
    urlDocuments: 0,
    isRepo,
    workspace: isRepo ? workspaceOf(options.repo) : options.repo,
  };
  const parts: Promise<void>[] = [];
  if (isRepo) {
    if (options.history) parts.push(guard(state, 'history', () => scanHistoryPart(state, ctx)));
    parts.push(
      guard(state, 'tree', () =>
        scanWorkingTree(options.repo, state.workspace, options, state.counters, (f) =>
          state.collector.add({ kind: 'tree', file: f.file }, scanText(f.text, policy.rules, f.file)),
        ),
      ),
    );
  } else {
    const message = `${repoProblem}; history and the working tree were not scanned`;
    state.errors.push({ part: 'history', message, fix: 'run in a git clone or pass --repo DIR' });
  }
  parts.push(guard(state, 'bundles', () => scanBundlesPart(state)));
  parts.push(guard(state, 'logs', () => scanLogsPart(state)));
  parts.push(guard(state, 'urls', () => scanUrlsPart(state, ctx)));
  await Promise.all(parts);

  const seconds = (performance.now() - started) / 1000;
  const scannedBytes = state.counters.bytes + state.history.bytes;
  const findings = state.collector.findings;
  const blockers = findings.filter((f) => f.severity === 'blocker').length;
  const metrics: Record<string, unknown> = {
    commits: state.history.commits,
    refs: state.history.refs,
    historyBytes: state.history.bytes,
    historyMs: Math.round(state.history.ms),
    files: state.counters.files,
    bundles: state.bundles,
    logs: options.logs.length,
    urlDocuments: state.urlDocuments,
    bytesScanned: scannedBytes,
    mbPerSecond: Math.round((scannedBytes / 1e6 / Math.max(seconds, 0.001)) * 10) / 10,
    skippedLargeFiles: state.counters.skipped.large + state.history.skippedLargeBlocks,
    skippedBinaryFiles: state.counters.skipped.binary,
    brokenSymlinks: state.counters.skipped.brokenSymlink,
    unreadableFiles: state.counters.skipped.unreadable,
    suppressed: state.collector.suppressed,
    rules: policy.rules.length,
  };
  if (state.collector.truncated > 0) metrics.findingsNotShown = state.collector.truncated;
  metrics.places = state.collector.places;
  const outcome: StageOutcome = { summary: summaryOf(state, findings.length, blockers), findings, metrics };
  if (state.errors.length > 0) outcome.errors = state.errors;
  return outcome;
}

async function guard(state: RunState, part: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    state.errors.push({ part, message: reasonOf(error) });
  }
}

async function scanHistoryPart(state: RunState, ctx: StageContext<SecretsStageOptions>): Promise<void> {
  const started = performance.now();
  const git = simpleGit({ baseDir: state.options.repo });
  const refs = (await git.raw(['for-each-ref', '--format=%(refname)'])).split('\n').filter(Boolean);
  state.history.refs = refs.length;
  if (refs.length === 0) return; // an empty repository has no history yet
  state.history.shallow = (await git.revparse(['--is-shallow-repository'])).trim() === 'true';
  if (state.history.shallow) {
    state.errors.push({
      part: 'history',
      message: 'the clone is shallow, so older commits (where leaks usually hide) are missing; only the fetched commits were scanned',
      fix: 'fetch-depth: 0',
    });
  }
  ctx.progress('scanning git history');
  // Counted apart: the patch stream leaves out merges and deletion-only commits, which add no line.
  const total = git.raw(['rev-list', '--all', '--count']).then(
    (n) => Number.parseInt(n, 10) || 0,
    () => 0,
  );
  const { rules } = state.policy;
  const stats = await streamHistory({ repo: state.options.repo, maxBlockBytes: state.options.maxFileBytes, signal: ctx.signal }, (block) => {
    const matches = scanText(block.text, rules, block.file);
    if (matches.length > 0)
      state.collector.add({ kind: 'history', file: block.file, commit: block.commit, ref: block.ref, date: block.date, lines: block.lines }, matches);
  });
  state.history = { ...state.history, ...stats, commits: Math.max(stats.commits, await total), ms: performance.now() - started };
}

async function scanBundlesPart(state: RunState): Promise<void> {
  const { options, policy, collector } = state;
  state.bundles = await scanBundles(options.repo, state.workspace, options.bundles, options.maxFileBytes, state.counters, (piece) => {
    const origin =
      piece.source !== undefined ? { kind: 'bundle' as const, file: piece.file, source: piece.source } : { kind: 'bundle' as const, file: piece.file };
    collector.add(origin, scanText(piece.text, policy.rules, piece.file));
  });
  if (options.bundles.length > 0 && state.bundles === 0) {
    state.errors.push({
      part: 'bundles',
      message: `no file matches ${options.bundles.join(', ')} (relative globs are read under ${options.repo})`,
      fix: 'build first, or fix the --bundles glob: relative to --repo ("dist/**") or absolute ("$RUNNER_TEMP/out/**")',
    });
  }
}

async function scanLogsPart(state: RunState): Promise<void> {
  const { options, policy, collector } = state;
  const { logs, problems } = await readLogs(options.repo, state.workspace, options.logs, options.maxFileBytes, state.counters);
  for (const log of logs) collector.add({ kind: 'log', file: log.file }, scanText(log.text, policy.rules, log.file));
  for (const problem of problems) state.errors.push({ part: 'logs', message: problem, fix: 'pass the path of a readable log file with --logs' });
}

/** What one live URL (its page, scripts and maps together) may take. */
const LIVE_SITE_BUDGET_MS = 60_000;

async function scanUrlsPart(state: RunState, ctx: StageContext<SecretsStageOptions>): Promise<void> {
  const { options, policy, collector } = state;
  if (options.urls.length === 0) return;
  for (const url of options.urls) ctx.secrets.addUrl(url);
  for (const url of options.urls) {
    try {
      const site = { maxBytes: options.maxFileBytes, maxScripts: 50, budgetMs: LIVE_SITE_BUDGET_MS, signal: ctx.signal, http: ctx.services.http };
      const result = await scanLiveSite(url, site, (doc) => {
        const origin = doc.source !== undefined ? { kind: 'url' as const, url: doc.url, source: doc.source } : { kind: 'url' as const, url: doc.url };
        collector.add(origin, scanText(doc.text, policy.rules));
      });
      state.urlDocuments += result.documents;
      state.counters.bytes += result.bytes;
      for (const problem of result.problems) state.errors.push({ part: 'urls', message: problem, fix: 'check that the script and its source map are served' });
    } catch (error) {
      state.errors.push({ part: 'urls', message: `${url}: ${reasonOf(error)}`, fix: 'check that the URL answers 200 from where the gate runs' });
    }
  }
}

/** "3 secrets to rotate (2 blockers), in 7 places": found, not "live", since nothing was verified with the provider. */
function summaryOf(state: RunState, total: number, blockers: number): string {
  const bits: string[] = [];
  if (state.options.history && state.isRepo) bits.push(`${state.history.commits.toLocaleString('en-US')} commits on ${state.history.refs} refs`);
  bits.push(`${state.counters.files.toLocaleString('en-US')} files`);
  if (state.options.urls.length > 0) bits.push(`${state.options.urls.length} live URL${state.options.urls.length === 1 ? '' : 's'}`);
  const places = state.collector.places;
  const verdict =
    total === 0
      ? 'no secret found'
      : `${total} secret${total === 1 ? '' : 's'} found to rotate (${blockers} blocker${blockers === 1 ? '' : 's'})${places > total ? `, in ${places} places` : ''}`;
  return `scanned ${bits.join(', ')}: ${verdict}`;
}
