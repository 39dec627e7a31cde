import { toFinding, type Finding } from '../findings.js';
import { isOneOf, isRecord } from '../guards.js';
import type { StageResult } from '../result.js';
import { BurstAggregate, type BurstData } from './aggregate.js';
import { buildBurstReport, type BurstStop } from './report.js';

/** Rules a merge re-derives from the merged data; the others (the abuse probe's) are carried over. */
const REBUILT = new Set(['burst-latency-threshold', 'burst-error-threshold', 'burst-threshold', 'burst-aborted', 'burst-dropped-iterations']);

/** True when a burst result carries shard data (`--shard i/n`) that {@link mergeBurstShards} can merge. */
export function isBurstShard(result: StageResult): boolean {
  const shard = isRecord(result.metrics.shard) ? result.metrics.shard : undefined;
  return result.id === 'burst' && typeof shard?.index === 'number' && typeof shard.count === 'number' && typeof result.metrics.shardData === 'object';
}

/** What one shard result carries for the merge. */
interface ShardPart {
  index: number;
  count: number;
  data: BurstData;
  stopped?: BurstStop;
}

/** Shard data as `BurstAggregate.toData` writes it, checked by the keys the merge reads. */
function isBurstData(value: unknown): value is BurstData {
  if (!isRecord(value) || !isRecord(value.counts) || !isRecord(value.errors) || !isRecord(value.status)) return false;
  const lists = [value.routes, value.scenarios, value.series, value.stages, value.thresholds];
  return typeof value.elapsedMs === 'number' && typeof value.latency === 'string' && typeof value.lag === 'string' && lists.every(Array.isArray);
}

const STOP_KINDS: readonly BurstStop['kind'][] = ['error-rate', 'threshold', 'signal'];

function isBurstStop(value: unknown): value is BurstStop {
  return isRecord(value) && isOneOf(STOP_KINDS, value.kind) && typeof value.reason === 'string' && typeof value.atSeconds === 'number';
}

/** The shard's share, data and early stop; a result `isBurstShard` let through with other data is a broken file, said as such. */
function shardPartOf(result: StageResult): ShardPart {
  const { shard, shardData, stopped } = result.metrics;
  if (!isRecord(shard) || typeof shard.index !== 'number' || typeof shard.count !== 'number' || !isBurstData(shardData))
    throw new Error('a burst shard result has no readable shard data; upload the burst.json each shard job wrote, unchanged');
  return { index: shard.index, count: shard.count, data: shardData, ...(isBurstStop(stopped) ? { stopped } : {}) };
}

/**
 * Merge the results of the shards of one burst (`--shard 1/n` ... `n/n`, one matrix job each) into one
 * result, exactly: counts add and HDR histograms add, then percentiles and thresholds are computed
 * again from the merged histograms (never averaged). A missing shard is said in the summary and as
 * an error, since the load measured was less than planned.
 */
export function mergeBurstShards(results: readonly StageResult[]): StageResult {
  const shards = results.filter(isBurstShard);
  if (shards.length === 0) throw new Error('no burst shard results to merge');
  const byIndex = new Map<number, { result: StageResult; part: ShardPart }>();
  for (const result of shards) {
    const part = shardPartOf(result);
    byIndex.set(part.index, { result, part });
  }
  const parts = [...byIndex.values()].map((entry) => entry.result);
  const shardParts = [...byIndex.values()].map((entry) => entry.part);
  const count = Math.max(...shardParts.map((part) => part.count));
  const data = shardParts.map((part) => part.data);
  const agg = BurstAggregate.fromData(data);
  const first = parts[0]!;
  const stops = shardParts.flatMap((part) => (part.stopped ? [part.stopped] : []));
  const report = buildBurstReport({
    agg,
    thresholds: data[0]!.thresholds,
    target: String(first.metrics.target ?? ''),
    timeoutMs: 10_000,
    plannedSeconds: Number(first.metrics.plannedSeconds ?? agg.elapsedSeconds),
    shard: { merged: parts.length, of: count },
    ...(stops[0] ? { stopped: stops[0] } : {}),
  });
  const carried = new Map<string, Finding>();
  for (const r of parts) for (const f of r.findings) if (!REBUILT.has(f.ruleId)) carried.set(f.fingerprint, f);
  const findings = [...report.findings.map((input) => toFinding('burst', input)), ...carried.values()];
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  const merged: StageResult = {
    id: 'burst',
    status: 'pass',
    summary: `${report.summary} (${parts.length} of ${count} shards merged)`,
    durationMs: Math.max(...parts.map((r) => r.durationMs)),
    metrics: report.metrics,
    findings,
  };
  const errors = parts.flatMap((r) => r.errors ?? []);
  if (missing.length)
    errors.push({
      part: 'shards',
      message: `shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing from the merge`,
      fix: "upload every shard job's burst.json (if: always()) before the report job",
    });
  if (errors.length) merged.errors = errors;
  if (first.checkedPaths) merged.checkedPaths = first.checkedPaths;
  if (first.blocks !== undefined) merged.blocks = report.blocks;
  return merged;
}
