import { availableParallelism } from 'node:os';
import { BurstAggregate } from '../../core/burst/aggregate.js';
import { buildBurstReport, type BurstStop } from '../../core/burst/report.js';
import { evaluateThreshold } from '../../core/burst/thresholds.js';
import type { WindowSnapshot } from '../../core/burst/window.js';
import type { HttpPool } from '../../core/services.js';
import type { StageContext, StageOutcome } from '../../core/stage.js';
import { abuseVerdict, probeAbuse } from './abuse.js';
import { peakArrivalRate, peakVUs, scenarioDurationMs, type BurstOptions, type ScenarioSpec } from './config.js';
import type { LoopPlan } from './engine.js';
import { composeShare } from './schedule.js';
import { poolFactory, startLoops } from './threads.js';

/** How the stage reaches the network: core's client when the runner gives one, else the load pool. */
export type PoolMaker = (origin: string, connections: number) => HttpPool;

/** Threads for the load loop: more only when one thread would be the bottleneck and cores are free. */
function threadCount(options: BurstOptions, cores = availableParallelism()): number {
  if (options.workers !== 'auto') return options.workers;
  const rate = options.scenarios.reduce((sum, s) => sum + peakArrivalRate(s.executor) * s.steps.length, 0);
  const vus = options.scenarios.reduce((sum, s) => sum + peakVUs(s.executor), 0);
  // One thread drives a few thousand requests/s; keep a core for the coordinator and the system.
  const wanted = Math.max(Math.ceil(rate / 3000), Math.ceil(vus / 500));
  return Math.max(1, Math.min(wanted, cores - 1, 8));
}

/** The plans of the load loops of this run: one share each of this shard's share of every scenario. */
function loopPlans(options: BurstOptions, threads: number, startAt: number): LoopPlan[] {
  const shards = options.shard?.count ?? 1;
  return Array.from({ length: threads }, (_, worker) => ({
    scenarios: options.scenarios,
    share: composeShare(options.shard, worker, threads),
    timeoutMs: options.timeoutMs,
    maxRate: options.limits.maxRate / shards / threads,
    startAt,
  }));
}

/** Seconds of the run that belong to each ramp stage of the first ramping scenario (for the knee). */
function stageMap(scenarios: ScenarioSpec[]): (second: number) => { index: number; label: string } | undefined {
  const ramp = scenarios.find((s) => s.executor.kind === 'ramping-vus' || s.executor.kind === 'ramping-arrival-rate');
  if (!ramp || (ramp.executor.kind !== 'ramping-vus' && ramp.executor.kind !== 'ramping-arrival-rate')) return () => undefined;
  const executor = ramp.executor;
  const unit = executor.kind === 'ramping-vus' ? 'VUs' : 'iterations/s';
  const bounds: { from: number; to: number; label: string }[] = [];
  let at = ramp.startTimeMs;
  let prev = executor.kind === 'ramping-vus' ? executor.startVUs : executor.startRate;
  for (const stage of executor.stages) {
    bounds.push({ from: at, to: at + stage.durationMs, label: prev === stage.target ? `${stage.target} ${unit}` : `${prev}→${stage.target} ${unit}` });
    at += stage.durationMs;
    prev = stage.target;
  }
  return (second) => {
    const mid = second * 1000 + 500;
    const index = bounds.findIndex((b) => mid >= b.from && mid < b.to);
    return index === -1 ? undefined : { index, label: bounds[index]!.label };
  };
}

/** Run the burst: the abuse probe, the load on schedule with the abort rules, then the report. */
export async function runBurst(ctx: StageContext<unknown>, options: BurstOptions, makePool?: PoolMaker): Promise<StageOutcome> {
  const createPool =
    makePool ?? (ctx.services ? (origin: string, connections: number) => ctx.services!.http.pool(origin, { connections }) : poolFactory(ctx.network));
  const extraFindings: StageOutcome['findings'] = [];
  const extraBlocks: NonNullable<StageOutcome['blocks']> = [];
  if (options.abuse && (options.shard?.index ?? 1) === 1 && !ctx.signal.aborted) {
    ctx.progress(`abuse probe: ${options.abuse.name}`);
    const pool = createPool(options.abuse.origin, options.abuse.concurrency);
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
    try {
      const seen = await probeAbuse(options.abuse, pool, sleep, () => ctx.signal.aborted, options.timeoutMs);
      const verdict = abuseVerdict(options.abuse, options.target, seen);
      extraFindings.push(...verdict.findings);
      extraBlocks.push(verdict.block);
    } finally {
      await pool.close().catch(() => undefined);
    }
  }

  const plannedMs = Math.max(...options.scenarios.map((s) => s.startTimeMs + scenarioDurationMs(s.executor)));
  const agg = new BurstAggregate(stageMap(options.scenarios));
  const threads = threadCount(options);
  let startAt = Date.now() + 100;
  let stopped: BurstStop | undefined;
  const loops = startLoops(loopPlans(options, threads, startAt), ctx.network, (w: WindowSnapshot) => agg.add(w), createPool);
  startAt = await loops.started;
  const stop = (why: BurstStop) => {
    if (stopped) return;
    stopped = why;
    loops.stop();
  };
  const onAbort = () => stop({ kind: 'signal', reason: `cancelled (${signalName(ctx.signal.reason)})`, atSeconds: (Date.now() - startAt) / 1000 });
  if (ctx.signal.aborted) onAbort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  const tick = setInterval(() => {
    const elapsedMs = Date.now() - startAt;
    agg.elapsedMs = elapsedMs;
    const why = abortReason(options, agg, elapsedMs);
    if (why) stop(why);
    ctx.progress(progressLine(agg, elapsedMs, plannedMs));
  }, 1000);
  try {
    await loops.done;
  } finally {
    clearInterval(tick);
    ctx.signal.removeEventListener('abort', onAbort);
  }
  // Rates are per second of the schedule (as k6 reports them), or of the part that ran.
  agg.elapsedMs = stopped ? Math.min(Date.now() - startAt, plannedMs) : plannedMs;

  const shard = options.shard ? { index: options.shard.index, count: options.shard.count } : undefined;
  const report = buildBurstReport({
    agg,
    thresholds: options.thresholds,
    target: options.target,
    timeoutMs: options.timeoutMs,
    plannedSeconds: Math.round(plannedMs / 1000),
    threads: loops.threads,
    keepData: options.shard !== undefined,
    ...(stopped ? { stopped } : {}),
    ...(shard ? { shard } : {}),
  });
  const outcome: StageOutcome = {
    summary: options.shard ? `${report.summary} (shard ${options.shard.index}/${options.shard.count})` : report.summary,
    findings: [...report.findings, ...extraFindings],
    metrics: report.metrics,
    blocks: [...report.blocks, ...extraBlocks],
    // The critical paths whose routes were measured, not every path a burst could speak to.
    checkedPaths: [...new Set([...agg.routes.values()].filter((r) => r.requests > 0).flatMap((r) => (r.criticalPath ? [r.criticalPath] : [])))],
  };
  return outcome;
}

/** The default abort rule (error rate over the last window) and `abortOnFail` thresholds. */
function abortReason(options: BurstOptions, agg: BurstAggregate, elapsedMs: number): BurstStop | undefined {
  const now = Math.floor(elapsedMs / 1000);
  if (options.abort.enabled) {
    const windowSeconds = Math.max(1, Math.round(options.abort.windowMs / 1000));
    const recent = agg.window(now - windowSeconds, now + 1);
    if (recent.requests >= options.abort.minRequests && recent.failed / recent.requests > options.abort.errorRate) {
      return {
        kind: 'error-rate',
        reason: `${Math.round((recent.failed / recent.requests) * 100)}% of ${recent.requests} requests failed in the last ${windowSeconds} s (the abort rule stops above ${Math.round(options.abort.errorRate * 100)}%)`,
        atSeconds: elapsedMs / 1000,
      };
    }
  }
  for (const threshold of options.thresholds) {
    if (!threshold.abortOnFail || elapsedMs < threshold.delayAbortEvalMs) continue;
    const result = evaluateThreshold(threshold, agg);
    if (!result.ok && result.actual !== null) {
      return {
        kind: 'threshold',
        reason: `threshold ${threshold.metricText} ${threshold.expression} failed (measured ${result.actual}) and has abortOnFail`,
        atSeconds: elapsedMs / 1000,
      };
    }
  }
  return undefined;
}

function progressLine(agg: BurstAggregate, elapsedMs: number, plannedMs: number): string {
  const t = agg.totals;
  const last = agg.seconds.get(Math.floor(elapsedMs / 1000) - 1);
  return `${Math.round(elapsedMs / 1000)}s/${Math.round(plannedMs / 1000)}s: ${t.requests} requests, ${last?.requests ?? 0}/s, p95 ${agg.overall.percentileMs(95)} ms, ${t.requests ? ((t.failed / t.requests) * 100).toFixed(1) : '0.0'}% failed, ${last?.vus ?? 0} VUs`;
}

function signalName(reason: unknown): string {
  if (typeof reason === 'string') return reason;
  if (reason instanceof Error) return reason.message;
  return 'stopped';
}
