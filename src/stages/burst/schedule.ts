import type { ExecutorSpec, RampStage } from './config.js';

/**
 * Which part of a scenario one load loop runs: share `index` of `count` (0-based). Shards and worker
 * threads compose into one share, so the shares of every shard and thread add up to the scenario.
 */
export interface Share {
  index: number;
  count: number;
}

const WHOLE: Share = { index: 0, count: 1 };

/** Share `worker` of `workers` inside shard `shard` (1-based, as `--shard i/n`) of `shards`. */
export function composeShare(shard: { index: number; count: number } | undefined, worker: number, workers: number): Share {
  const n = shard?.count ?? 1;
  const i = (shard?.index ?? 1) - 1;
  return { index: i + n * worker, count: n * workers };
}

/** VUs of a share when the scenario runs `total`: the remainder goes to the first shares, so shares sum to `total`. */
export function vusOfShare(total: number, share: Share): number {
  const whole = Math.floor(total);
  return Math.floor(whole / share.count) + (share.index < whole % share.count ? 1 : 0);
}

/** Value of a ramp at `t` ms: linear inside each stage from the previous target; undefined after the last stage. */
export function rampValueAt(start: number, stages: readonly RampStage[], t: number): number | undefined {
  let from = start;
  let at = 0;
  for (const stage of stages) {
    if (t < at + stage.durationMs) return stage.durationMs === 0 ? stage.target : from + ((stage.target - from) * (t - at)) / stage.durationMs;
    at += stage.durationMs;
    from = stage.target;
  }
  return undefined;
}

/** Target VUs of a closed-model scenario at `t` ms after its start (k6 rounds down); 0 once it ends. */
export function vusAt(executor: ExecutorSpec, t: number): number {
  if (executor.kind === 'constant-vus') return t < executor.durationMs ? executor.vus : 0;
  if (executor.kind === 'ramping-vus') return Math.floor(rampValueAt(executor.startVUs, executor.stages, t) ?? 0);
  return 0;
}

/**
 * Start times (ms after the scenario starts) of the iterations of an open-model scenario, in order,
 * for one share: iteration k belongs to share `k mod count`, so shares interleave and add up exactly.
 * Iterations start on schedule whatever the server does; `limit` bounds the count.
 */
export function* arrivalTimes(executor: ExecutorSpec, share: Share = WHOLE, limit = 100_000_000): Generator<number> {
  if (executor.kind !== 'constant-arrival-rate' && executor.kind !== 'ramping-arrival-rate') return;
  const perMs = (rate: number) => rate / executor.timeUnitMs;
  const stages = executor.kind === 'constant-arrival-rate' ? [{ durationMs: executor.durationMs, target: executor.rate }] : executor.stages;
  let from = executor.kind === 'constant-arrival-rate' ? executor.rate : executor.startRate;
  let stageStart = 0;
  let done = 0; // iterations due before this stage
  let k = 0;
  let yielded = 0;
  for (const stage of stages) {
    const r0 = perMs(from);
    const r1 = perMs(stage.target);
    const d = stage.durationMs;
    const inStage = ((r0 + r1) / 2) * d;
    // Iteration k starts where the cumulative count N(t) = r0 t + (r1 - r0) t^2 / 2d reaches k.
    while (k < done + inStage - 1e-9 && yielded < limit) {
      const need = k - done;
      const t = timeForCount(need, r0, r1, d);
      if (k % share.count === share.index) {
        yield stageStart + t;
        yielded++;
      }
      k++;
    }
    done += inStage;
    stageStart += d;
    from = stage.target;
  }
}

function timeForCount(n: number, r0: number, r1: number, d: number): number {
  if (n <= 0) return 0;
  const a = (r1 - r0) / (2 * d);
  if (Math.abs(a) < 1e-15) return n / r0;
  const disc = r0 * r0 + 4 * a * n;
  return (-r0 + Math.sqrt(Math.max(0, disc))) / (2 * a);
}

/** Requests a token bucket lets through: `ratePerSecond`, with a tenth of a second of burst. */
export class RateCap {
  private tokens: number;
  private last = performance.now();
  private readonly capacity: number;

  constructor(private readonly ratePerMs: number) {
    this.capacity = Math.max(1, ratePerMs * 100);
    this.tokens = this.capacity;
  }

  static perSecond(rate: number): RateCap {
    return new RateCap(rate / 1000);
  }

  /** Take one token: 0 when granted now, else the ms to wait before asking again. */
  take(): number {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.ratePerMs);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerMs));
  }
}
