import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { STAGE_IDS, type StageId } from '../core/findings.js';
import { isOneOf, isRecord } from '../core/guards.js';
import { valueAt } from '../core/narrow.js';
import type { RunIdentity, StageResult } from '../core/result.js';
import { isStageResult } from '../core/result-file.js';
import { isBurstShard, mergeBurstShards } from '../core/burst/shards.js';

/** A stage's result file as the stage actions write it: `<stage>.json` holding a one-stage gate result. */
export const stageResultFile = (id: StageId): string => `${id}.json`;

/** What the report found under its folders. */
export interface StageResults {
  /** One result per stage, in stage order. */
  stages: StageResult[];
  /** Files that were not merged, each with the reason (named in the log and the job summary). */
  rejected: { file: string; reason: string }[];
  /** Folders that do not exist (no artifact was downloaded there). */
  missingFolders: string[];
}

/**
 * Every stage result under the given folders: the runner's temp folder (stages as steps of one
 * job) or a folder of downloaded artifacts (one subfolder per artifact). Only files named after a
 * stage are read, so the merged `result.json` is never read back. With `run` (in Actions), only
 * results stamped with this repository, run and commit are merged: a result file committed in the
 * pull request, or one left by another run, is rejected. For a stage found twice, the latest
 * attempt (then the newest file) wins.
 */
export function readStageResults(folders: readonly string[], run?: RunIdentity): StageResults {
  const found = new Map<StageId, { stage: StageResult; attempt: number; mtime: number }>();
  const out: StageResults = { stages: [], rejected: [], missingFolders: [] };
  const burstShards: StageResult[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) {
      out.missingFolders.push(folder);
      continue;
    }
    for (const file of walk(folder, 4)) {
      const id = basename(file, '.json');
      if (!isOneOf(STAGE_IDS, id)) continue;
      const read = readOne(file, id, run);
      if ('reason' in read) {
        out.rejected.push({ file, reason: read.reason });
        continue;
      }
      const entry = { stage: read.stage, attempt: read.attempt, mtime: statSync(file).mtimeMs };
      // `burst --shard i/n` in a matrix: one file per shard, merged exactly (histograms, not percentiles).
      if (isBurstShard(read.stage)) burstShards.push(read.stage);
      const previous = found.get(id);
      if (!previous || previous.attempt < entry.attempt || (previous.attempt === entry.attempt && previous.mtime <= entry.mtime)) found.set(id, entry);
    }
  }
  if (burstShards.length > 0) found.set('burst', { stage: mergeBurstShards(burstShards), attempt: Infinity, mtime: Infinity });
  out.stages = STAGE_IDS.flatMap((id) => (found.has(id) ? [found.get(id)!.stage] : []));
  return out;
}

/** The result of a stage the workflow expected and no job delivered: an error, never a quiet pass. */
export function missingStageResult(id: StageId): StageResult {
  const message = `no result from the \`${id}\` job: it failed, was cancelled or did not upload its artifact`;
  return {
    id,
    status: 'error',
    summary: message,
    durationMs: 0,
    metrics: {},
    findings: [],
    errors: [
      {
        part: id,
        message,
        fix: `look at the ${id} job's log; give the report job needs: [${id}...] and if: \${{ !cancelled() }}, and upload $RUNNER_TEMP/launch-ready/${id}.json as an artifact`,
      },
    ],
  };
}

function readOne(file: string, id: StageId, run: RunIdentity | undefined): { stage: StageResult; attempt: number } | { reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { reason: `not a launch-ready JSON result (${error instanceof Error ? error.message : String(error)})` };
  }
  const stages = valueAt(data, 'version') === 1 ? valueAt(data, 'stages') : undefined;
  const stage = Array.isArray(stages) ? stages.find((s) => valueAt(s, 'id') === id) : undefined;
  if (!isStageResult(stage)) return { reason: `holds no "${id}" stage result (version 1)` };
  const stamp = valueAt(data, 'run');
  const runAttempt = valueAt(stamp, 'runAttempt');
  const attempt = typeof runAttempt === 'number' ? runAttempt : 0;
  if (!run) return { stage, attempt };
  const mismatch = runMismatch(stamp, run);
  return mismatch ? { reason: mismatch } : { stage, attempt };
}

/** Why a result's run stamp is not this run's, or undefined when it is (an earlier attempt counts: re-run jobs keep the others' artifacts). */
function runMismatch(stamp: unknown, run: RunIdentity): string | undefined {
  if (!isRecord(stamp)) return 'carries no run stamp: it was not written by a stage job of this run (a file committed in the pull request?)';
  if (stamp.repository !== run.repository || stamp.runId !== run.runId)
    return `was written by run ${String(stamp.runId)} of ${String(stamp.repository)}, not this run (${run.runId} of ${run.repository})`;
  if (stamp.sha !== run.sha) return `was written for commit ${String(stamp.sha).slice(0, 12)}, not ${run.sha.slice(0, 12)}`;
  if (typeof stamp.runAttempt !== 'number' || stamp.runAttempt > run.runAttempt)
    return `was written by attempt ${String(stamp.runAttempt)} of this run; this is attempt ${run.runAttempt}`;
  return undefined;
}

function* walk(folder: string, depth: number): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && depth > 0) yield* walk(path, depth - 1);
    else if (entry.isFile() && isOneOf(STAGE_IDS, basename(entry.name, '.json')) && entry.name.endsWith('.json')) yield path;
  }
}
