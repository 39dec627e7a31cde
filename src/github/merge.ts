import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import { STAGE_IDS, type StageId } from '../core/findings.js';
import type { GateResult, StageResult } from '../core/result.js';
import { isBurstShard, mergeBurstShards } from '../core/burst/shards.js';

/** A stage's result file as the stage actions write it: `<stage>.json` holding a one-stage gate result. */
export const stageResultFile = (id: StageId): string => `${id}.json`;

/**
 * Every stage result under the given folders: the runner's temp folder (stages as steps of one
 * job) or a folder of downloaded artifacts (one subfolder per artifact). Only files named after a
 * stage are read, so the merged `result.json` is never read back. When a stage appears twice the
 * newest file wins.
 */
export function readStageResults(folders: readonly string[]): StageResult[] {
  const found = new Map<StageId, { stage: StageResult; mtime: number }>();
  const burstShards: StageResult[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) throw new UsageError(`report: --from ${folder}: no such folder; point it at the folder the stage results were downloaded to`);
    for (const file of walk(folder, 4)) {
      const id = basename(file, '.json') as StageId;
      const stage = readOne(file, id);
      // `burst --shard i/n` in a matrix: one file per shard, merged exactly (histograms, not percentiles).
      if (isBurstShard(stage)) burstShards.push(stage);
      const mtime = statSync(file).mtimeMs;
      const previous = found.get(id);
      if (!previous || previous.mtime <= mtime) found.set(id, { stage, mtime });
    }
  }
  if (burstShards.length > 0) found.set('burst', { stage: mergeBurstShards(burstShards), mtime: Infinity });
  if (found.size === 0) {
    throw new UsageError(`report: no stage results (${STAGE_IDS.map(stageResultFile).join(', ')}) under ${folders.join(', ')}; run the stage actions first, or download their artifacts into that folder`);
  }
  return STAGE_IDS.flatMap((id) => (found.has(id) ? [found.get(id)!.stage] : []));
}

function readOne(file: string, id: StageId): StageResult {
  let data: Partial<GateResult>;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<GateResult>;
  } catch (error) {
    throw new UsageError(`report: ${file}: not a launch-ready JSON result (${error instanceof Error ? error.message : String(error)}); re-run the stage action`);
  }
  const stage = data.version === 1 && Array.isArray(data.stages) ? data.stages.find((s) => s.id === id) : undefined;
  if (!stage) throw new UsageError(`report: ${file}: holds no "${id}" stage result (version 1); re-run the ${id} stage action`);
  return stage;
}

function* walk(folder: string, depth: number): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && depth > 0) yield* walk(path, depth - 1);
    else if (entry.isFile() && (STAGE_IDS as readonly string[]).includes(basename(entry.name, '.json')) && entry.name.endsWith('.json')) yield path;
  }
}
