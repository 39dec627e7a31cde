import { LatencyHistogram } from './latency.js';
import type { TagFilter, Threshold, ThresholdCounts, ThresholdData } from './thresholds.js';
import { addCounts, type Counts, type ErrorClass, type WindowSnapshot } from './window.js';

/** One second of the latency-over-time series. */
export interface SeriesPoint extends Counts {
  second: number;
  vus: number;
  latency: LatencyHistogram;
}

interface RouteTotal extends Counts {
  name: string;
  method: string;
  url: string;
  criticalPath?: string;
  hist: LatencyHistogram;
}

interface ScenarioTotal extends Counts {
  hist: LatencyHistogram;
  iterations: number;
  dropped: number;
}

/** A ramp stage's latency, for the knee note. */
export interface StageLatency {
  index: number;
  label: string;
  hist: LatencyHistogram;
}

/** Everything a burst run measured, in a form that crosses threads, files and shards (histograms encoded). */
export interface BurstData {
  elapsedMs: number;
  counts: Counts & { iterations: number; dropped: number; bytes: number };
  errors: Partial<Record<ErrorClass, number>>;
  status: Record<string, number>;
  latency: string;
  lag: string;
  routes: (Counts & { name: string; method: string; url: string; criticalPath?: string; latency: string })[];
  scenarios: (Counts & { name: string; iterations: number; dropped: number; latency: string })[];
  series: (Counts & { second: number; vus: number; latency: string })[];
  stages: { index: number; label: string; latency: string }[];
  thresholds: Threshold[];
  vusMax: number;
}

/** The run's counters, which add up across loops and shards. */
const TOTAL_KEYS = [
  'requests',
  'failed',
  'checksPassed',
  'checksFailed',
  'iterations',
  'dropped',
  'bytes',
] as const satisfies readonly (keyof BurstData['counts'])[];

/**
 * The coordinator's running totals: windows from every load loop (threads, or shards read back
 * from their results) add up exactly, histograms included; it answers threshold queries.
 */
export class BurstAggregate implements ThresholdData {
  readonly overall = new LatencyHistogram();
  readonly lagHist = new LatencyHistogram();
  readonly totals: Record<(typeof TOTAL_KEYS)[number], number> = {
    requests: 0,
    failed: 0,
    checksPassed: 0,
    checksFailed: 0,
    iterations: 0,
    dropped: 0,
    bytes: 0,
  };
  readonly errors: Partial<Record<ErrorClass, number>> = {};
  readonly status: Record<string, number> = {};
  readonly routes = new Map<string, RouteTotal>();
  readonly scenarios = new Map<string, ScenarioTotal>();
  readonly seconds = new Map<number, SeriesPoint>();
  readonly stages = new Map<number, StageLatency>();
  elapsedMs = 0;
  vusMax = 0;

  /** `stageOf(second)`: which ramp stage a second belongs to (for the knee), or undefined. */
  constructor(private readonly stageOf: (second: number) => { index: number; label: string } | undefined = () => undefined) {}

  get elapsedSeconds(): number {
    return this.elapsedMs / 1000;
  }

  /** Add one window of one load loop. */
  add(w: WindowSnapshot): void {
    const hist = LatencyHistogram.decode(w.latency);
    this.overall.add(hist);
    this.lagHist.add(LatencyHistogram.decode(w.lag));
    addCounts(this.totals, w);
    this.totals.iterations += w.iterations;
    this.totals.dropped += w.dropped;
    this.totals.bytes += w.bytes;
    mergeCounts(this.errors, w.errors);
    mergeCounts(this.status, w.status);
    for (const r of w.routes) this.addRoute(r, LatencyHistogram.decode(r.latency));
    for (const s of w.scenarios) this.addScenario(s.name, s, LatencyHistogram.decode(s.latency), s.iterations, s.dropped);
    this.addSecond(w.second, w, w.vus, hist);
  }

  private addRoute(r: Counts & { name: string; method: string; url: string; criticalPath?: string }, hist: LatencyHistogram): void {
    let route = this.routes.get(r.name);
    if (!route) {
      route = { name: r.name, method: r.method, url: r.url, requests: 0, failed: 0, checksPassed: 0, checksFailed: 0, hist: new LatencyHistogram() };
      if (r.criticalPath) route.criticalPath = r.criticalPath;
      this.routes.set(r.name, route);
    }
    addCounts(route, r);
    route.hist.add(hist);
  }

  private addScenario(name: string, c: Counts, hist: LatencyHistogram, iterations: number, dropped: number): void {
    let s = this.scenarios.get(name);
    if (!s) {
      s = { requests: 0, failed: 0, checksPassed: 0, checksFailed: 0, hist: new LatencyHistogram(), iterations: 0, dropped: 0 };
      this.scenarios.set(name, s);
    }
    addCounts(s, c);
    s.hist.add(hist);
    s.iterations += iterations;
    s.dropped += dropped;
  }

  private addSecond(second: number, c: Counts, vus: number, hist: LatencyHistogram): void {
    let point = this.seconds.get(second);
    if (!point) {
      point = { second, requests: 0, failed: 0, checksPassed: 0, checksFailed: 0, vus: 0, latency: new LatencyHistogram() };
      this.seconds.set(second, point);
    }
    addCounts(point, c);
    point.vus += vus;
    point.latency.add(hist);
    this.vusMax = Math.max(this.vusMax, point.vus);
    const stage = this.stageOf(second);
    if (stage) {
      let acc = this.stages.get(stage.index);
      if (!acc) {
        acc = { ...stage, hist: new LatencyHistogram() };
        this.stages.set(stage.index, acc);
      }
      acc.hist.add(hist);
    }
  }

  /** Requests and failures in the seconds `[from, to)`. */
  window(from: number, to: number): { requests: number; failed: number } {
    let requests = 0;
    let failed = 0;
    for (const [second, point] of this.seconds) {
      if (second >= from && second < to) {
        requests += point.requests;
        failed += point.failed;
      }
    }
    return { requests, failed };
  }

  latency(tags: TagFilter): LatencyHistogram | undefined {
    if (tags.name !== undefined) return this.routes.get(tags.name)?.hist;
    if (tags.scenario !== undefined) return this.scenarios.get(tags.scenario)?.hist;
    return this.overall;
  }

  counts(tags: TagFilter): ThresholdCounts | undefined {
    if (tags.name !== undefined) {
      const r = this.routes.get(tags.name);
      return r && { ...r, iterations: 0, dropped: 0 };
    }
    if (tags.scenario !== undefined) return this.scenarios.get(tags.scenario);
    return this.totals;
  }

  /** The serialisable form (shards, results). */
  toData(thresholds: Threshold[]): BurstData {
    return {
      elapsedMs: this.elapsedMs,
      counts: { ...this.totals },
      errors: { ...this.errors },
      status: { ...this.status },
      latency: this.overall.encode(),
      lag: this.lagHist.encode(),
      routes: [...this.routes.values()].map(({ hist, ...rest }) => ({ ...rest, latency: hist.encode() })),
      scenarios: [...this.scenarios.entries()].map(([name, { hist, ...rest }]) => ({ name, ...rest, latency: hist.encode() })),
      series: [...this.seconds.values()].sort((a, b) => a.second - b.second).map(({ latency, ...rest }) => ({ ...rest, latency: latency.encode() })),
      stages: [...this.stages.values()].sort((a, b) => a.index - b.index).map(({ hist, ...rest }) => ({ ...rest, latency: hist.encode() })),
      thresholds,
      vusMax: this.vusMax,
    };
  }

  /** Merge the data of several runs (shards of one burst) exactly: counts add, histograms add. */
  static fromData(parts: readonly BurstData[]): BurstAggregate {
    const agg = new BurstAggregate();
    for (const part of parts) {
      agg.elapsedMs = Math.max(agg.elapsedMs, part.elapsedMs);
      agg.overall.add(LatencyHistogram.decode(part.latency));
      agg.lagHist.add(LatencyHistogram.decode(part.lag));
      for (const key of TOTAL_KEYS) agg.totals[key] += part.counts[key];
      mergeCounts(agg.errors, part.errors);
      mergeCounts(agg.status, part.status);
      for (const r of part.routes) agg.addRoute(r, LatencyHistogram.decode(r.latency));
      for (const s of part.scenarios) agg.addScenario(s.name, s, LatencyHistogram.decode(s.latency), s.iterations, s.dropped);
      for (const p of part.series) agg.addSecond(p.second, p, p.vus, LatencyHistogram.decode(p.latency));
      for (const s of part.stages) {
        let acc = agg.stages.get(s.index);
        if (!acc) {
          acc = { index: s.index, label: s.label, hist: new LatencyHistogram() };
          agg.stages.set(s.index, acc);
        }
        acc.hist.add(LatencyHistogram.decode(s.latency));
      }
    }
    return agg;
  }
}

function mergeCounts<K extends string>(into: Partial<Record<K, number>>, from: Partial<Record<K, number>>): void {
  for (const key in from) into[key] = (into[key] ?? 0) + (from[key] ?? 0);
}
