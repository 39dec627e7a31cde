import { toFinding, type Finding } from '../findings.js';
import type { StageResult } from '../result.js';
import { BurstAggregate, type BurstData } from './aggregate.js';
import { buildBurstReport, type BurstStop } from './report.js';

/** Rules a merge re-derives from the merged data; the others (the abuse probe's) are carried over. */
const REBUILT = new Set(['burst-latency-threshold', 'burst-error-threshold', 'burst-threshold', 'burst-aborted', 'burst-dropped-iterations']);

/** True when a burst result carries shard data (`--shard i/n`) that {@link mergeBurstShards} can merge. */
export function isBurstShard(result: StageResult): boolean {
  const shard = result.metrics.shard as { index?: unknown; count?: unknown } | undefined;
  return result.id === 'burst' && typeof shard?.index === 'number' && typeof shard.count === 'number' && typeof result.metrics.shardData === 'object';
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
  const byIndex = new Map<number, StageResult>();
  for (const r of shards) byIndex.set((r.metrics.shard as { index: number }).index, r);
  const parts = [...byIndex.values()];
  const count = Math.max(...parts.map((r) => (r.metrics.shard as { count: number }).count));
  const data = parts.map((r) => r.metrics.shardData as BurstData);
  const agg = BurstAggregate.fromData(data);
  const first = parts[0]!;
  const stops = parts.map((r) => r.metrics.stopped as BurstStop | undefined).filter((s): s is BurstStop => s !== undefined);
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
  const blocks = (first as StageResult & { blocks?: unknown }).blocks;
  if (blocks !== undefined) (merged as StageResult & { blocks?: unknown }).blocks = report.blocks;
  return merged;
}
