import { parentPort, workerData } from 'node:worker_threads';
import { isRecord } from '../../core/guards.js';
import { scanText } from './scan.js';
import { streamHistory } from './sources/history.js';
import type { HistoryShare, HistoryWorkerMessage, SharedMatch } from './sources/history-split.js';
import { loadScanPolicy } from './suppress.js';

// One worker thread diffs and scans one contiguous share of the history; the main thread replays
// the shares in order. The rules are loaded here again (their functions cannot cross threads).
const share = shareOf(workerData);

/** The share the main thread sent; anything else is a bug in the caller, said once. */
function shareOf(data: unknown): HistoryShare {
  const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (
    isRecord(data) &&
    typeof data.repo === 'string' &&
    typeof data.maxBlockBytes === 'number' &&
    strings(data.commits) &&
    strings(data.refs) &&
    strings(data.ruleIds)
  )
    return { repo: data.repo, maxBlockBytes: data.maxBlockBytes, commits: data.commits, refs: data.refs, ruleIds: data.ruleIds };
  throw new Error('history worker: the main thread sent no share of the history');
}
const port = parentPort!;
const send = (message: HistoryWorkerMessage) => port.postMessage(message);

async function run(): Promise<void> {
  const rules = loadScanPolicy(share.repo).rules;
  const ids = rules.map((rule) => rule.id);
  if (ids.length !== share.ruleIds.length || ids.some((id, i) => id !== share.ruleIds[i])) {
    throw new Error('the rules changed while the history was scanned (.gitleaks.toml was edited); run the scan again');
  }
  const refOf = new Map(share.commits.map((commit, i) => [commit, share.refs[i] ?? '']));
  let batch: SharedMatch[] = [];
  const stats = await streamHistory({ repo: share.repo, maxBlockBytes: share.maxBlockBytes, commits: share.commits }, (block) => {
    const matches = scanText(block.text, rules, block.file);
    if (matches.length === 0) return;
    const { text: _text, ...place } = block;
    batch.push({ block: { ...place, ref: refOf.get(block.commit) ?? block.ref }, matches: matches.map((m) => ({ ...m, rule: m.rule.id })) });
    if (batch.length >= 100) {
      send({ type: 'blocks', blocks: batch });
      batch = [];
    }
  });
  if (batch.length > 0) send({ type: 'blocks', blocks: batch });
  send({ type: 'done', stats });
}

run().then(
  () => port.close(),
  (error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
);
