import type { HttpPool } from '../../core/services.js';
import { WindowRecorder, type WindowSnapshot } from '../../core/burst/window.js';
import { peakVUs, scenarioDurationMs, type ScenarioSpec } from './config.js';
import { cut, runIteration, type LoopContext, type VuState } from './journey.js';
import { arrivalTimes, RateCap, vusAt, vusOfShare, type Share } from './schedule.js';

/** What one load loop (the main thread, or one worker thread) runs. */
export interface LoopPlan {
  scenarios: ScenarioSpec[];
  share: Share;
  timeoutMs: number;
  /** This loop's part of `burst.limits.maxRate`, requests per second. */
  maxRate: number;
  /** Wall-clock start shared by every loop (ms since the epoch), so their seconds line up. */
  startAt: number;
}

export interface LoopHooks {
  /** A keep-alive pool to a declared origin. */
  createPool(origin: string, connections: number): HttpPool;
  /** One second of measurements. */
  onWindow(window: WindowSnapshot): void;
}

/**
 * The load loop: runs every scenario's share on schedule, closed model (VUs loop over the journey)
 * or open model (iterations start on schedule whatever the server does), and hands over one window
 * of measurements per second. Every loop is bounded by the scenario's end and `stop()`.
 */
export class LoadLoop {
  private readonly recorder = new WindowRecorder();
  private readonly pools = new Map<string, HttpPool>();
  private readonly sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private stopped = false;
  private busy = 0;
  /** Most VUs busy at once in the current window. */
  private peak = 0;
  private startPerf = 0;
  private windows = 0;
  private readonly context: LoopContext;

  constructor(
    private readonly plan: LoopPlan,
    private readonly hooks: LoopHooks,
  ) {
    const cap = RateCap.perSecond(Math.max(plan.maxRate, 0.001));
    this.context = {
      pool: (origin) => this.poolFor(origin),
      recorder: this.recorder,
      timeoutMs: plan.timeoutMs,
      cap,
      stopping: () => this.stopped,
      sleep: (ms) => this.sleep(ms),
    };
  }

  /** Stop starting requests, end sleeps and cut in-flight requests (a signal, the abort rule). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const s of this.sleepers) {
      clearTimeout(s.timer);
      s.resolve();
    }
    this.sleepers.clear();
    for (const pool of this.pools.values()) void pool.close().catch(() => undefined);
  }

  /** Run the schedule from `startAt` (ms since the epoch; default the plan's). */
  async run(startAt = this.plan.startAt): Promise<void> {
    await this.sleep(Math.max(0, startAt - Date.now()));
    this.startPerf = performance.now();
    const tick = setInterval(() => this.flush(), 1000);
    const longest = Math.max(...this.plan.scenarios.map((s) => s.startTimeMs + scenarioDurationMs(s.executor) + s.gracefulStopMs));
    const deadline = setTimeout(() => this.stop(), longest + this.plan.timeoutMs);
    try {
      await Promise.all(this.plan.scenarios.map((s) => this.runScenario(s)));
    } finally {
      clearInterval(tick);
      clearTimeout(deadline);
      this.flush();
      const pools = [...this.pools.values()];
      this.stopped = true;
      // A graceful close waits for requests in flight (up to their timeout); a stopped run has a
      // short grace period to report in, so wait at most a second.
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000)));
      await Promise.race([Promise.all(pools.map((p) => p.close().catch(() => undefined))), bound]);
      clearTimeout(timer);
    }
  }

  /** Hand over the window: window k covers second k of the run (ticks are a second apart). */
  private flush(): void {
    this.hooks.onWindow(this.recorder.flush(this.windows++, Math.max(this.peak, this.busy)));
    this.peak = this.busy;
  }

  private poolFor(origin: string): HttpPool {
    let pool = this.pools.get(origin);
    if (!pool) {
      const connections = Math.max(
        1,
        this.plan.scenarios.reduce((sum, s) => sum + vusOfShare(peakVUs(s.executor), this.plan.share), 0),
      );
      pool = this.hooks.createPool(origin, connections);
      this.pools.set(origin, pool);
    }
    return pool;
  }

  private now(): number {
    return performance.now() - this.startPerf;
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.sleepers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.sleepers.add(entry);
    });
  }

  private async runScenario(scenario: ScenarioSpec): Promise<void> {
    await this.sleep(scenario.startTimeMs - this.now());
    if (this.stopped) return;
    const kind = scenario.executor.kind;
    if (kind === 'constant-vus' || kind === 'ramping-vus') await this.runClosed(scenario);
    else await this.runOpen(scenario);
  }

  /** Closed model: each VU runs the journey again as soon as it finishes; VUs follow the ramp. */
  private async runClosed(scenario: ScenarioSpec): Promise<void> {
    const start = this.now();
    const end = start + scenarioDurationMs(scenario.executor);
    let target = 0;
    const running = new Map<number, Promise<void>>();
    const states = new Map<number, VuState>();
    const vu = async (id: number): Promise<void> => {
      const state: VuState = { id: id + 1, iterations: 0, cookies: new Map() };
      states.set(id, state);
      this.busy++;
      this.peak = Math.max(this.peak, this.busy);
      try {
        while (!this.stopped && this.now() < end && id < target && state.iterations < 10_000_000) {
          await runIteration(this.context, scenario, state).catch(() => undefined);
          state.iterations++;
          // An iteration cut by gracefulRampDown is not a complete one (k6 counts it as interrupted).
          if (!this.stopped && !cut(state)) this.recorder.iterationDone(scenario.name);
        }
      } finally {
        this.busy--;
        running.delete(id);
        states.delete(id);
      }
    };
    const rampDownMs = scenario.executor.kind === 'ramping-vus' ? scenario.executor.gracefulRampDownMs : 0;
    while (!this.stopped && this.now() < end) {
      target = vusOfShare(vusAt(scenario.executor, this.now() - start), this.plan.share);
      for (let id = 0; id < target; id++) if (!running.has(id)) running.set(id, vu(id));
      // A VU the ramp removed finishes its iteration within gracefulRampDown (k6); one brought back keeps going.
      for (const [id, state] of states) state.cutAt = id < target ? undefined : (state.cutAt ?? performance.now() + rampDownMs);
      await this.sleep(Math.min(100, end - this.now()));
    }
    await this.graceful([...running.values()], scenario.gracefulStopMs);
  }

  /** Open model: iterations start on schedule; with every VU busy an iteration is dropped. */
  private async runOpen(scenario: ScenarioSpec): Promise<void> {
    const executor = scenario.executor;
    if (executor.kind !== 'constant-arrival-rate' && executor.kind !== 'ramping-arrival-rate') return;
    const start = this.now();
    const maxVUs = Math.max(1, vusOfShare(executor.maxVUs, this.plan.share));
    const free: VuState[] = [];
    let created = 0;
    const inFlight = new Set<Promise<void>>();
    for (const offset of arrivalTimes(executor, this.plan.share)) {
      if (this.stopped) break;
      const due = start + offset;
      if (due - this.now() >= 1) await this.sleep(due - this.now());
      if (this.stopped) break;
      this.recorder.lag(this.now() - due);
      if (inFlight.size >= maxVUs) {
        this.recorder.iterationDropped(scenario.name);
        continue;
      }
      const state = free.pop() ?? { id: ++created, iterations: 0, cookies: new Map<string, string>() };
      this.busy++;
      this.peak = Math.max(this.peak, this.busy);
      const run: Promise<void> = runIteration(this.context, scenario, state, this.startPerf + due)
        .then(
          () => {
            state.iterations++;
            if (!this.stopped) this.recorder.iterationDone(scenario.name);
          },
          () => undefined,
        )
        .finally(() => {
          this.busy--;
          inFlight.delete(run);
          free.push(state);
        });
      inFlight.add(run);
    }
    await this.graceful([...inFlight], scenario.gracefulStopMs);
  }

  /** Let running iterations finish, for at most `ms`. */
  private async graceful(runs: Promise<void>[], ms: number): Promise<void> {
    if (runs.length === 0 || this.stopped) return;
    // A stop (signal, abort rule) ends the wait at once, as it ends every sleep.
    let entry: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
    const limit = new Promise<void>((resolve) => {
      entry = { timer: setTimeout(resolve, ms), resolve };
      this.sleepers.add(entry);
    });
    await Promise.race([Promise.all(runs), limit]);
    clearTimeout(entry!.timer);
    this.sleepers.delete(entry!);
  }
}
