import { LatencyHistogram } from './latency.js';

/** Why a request failed, counted apart: a timeout is not a 5xx, a 429 is not a refused connection. */
const ERROR_CLASSES = ['timeout', 'refused', 'closed', 'dns', 'tls', 'network', 'http5xx', 'http429', 'http4xx', 'capture'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/** Counts of one route (or scenario, or everything) in one window. */
export interface Counts {
  requests: number;
  failed: number;
  checksPassed: number;
  checksFailed: number;
}

/** One route's window as it crosses a thread boundary (the histogram encoded). */
export interface RouteSnapshot extends Counts {
  name: string;
  method: string;
  url: string;
  criticalPath?: string;
  latency: string;
}

/** One second of one load loop, as sent to the coordinator. */
export interface WindowSnapshot extends Counts {
  second: number;
  iterations: number;
  dropped: number;
  /** Most VUs busy at once during the window. */
  vus: number;
  errors: Partial<Record<ErrorClass, number>>;
  status: Record<string, number>;
  latency: string;
  /** How late the load loop started iterations (open model): its own lag, not the server's. */
  lag: string;
  bytes: number;
  routes: RouteSnapshot[];
  scenarios: (Counts & { name: string; latency: string; iterations: number; dropped: number })[];
}

interface RouteAcc extends Counts {
  name: string;
  method: string;
  url: string;
  criticalPath?: string;
  hist: LatencyHistogram;
}

interface ScenarioAcc extends Counts {
  hist: LatencyHistogram;
  iterations: number;
  dropped: number;
}

const zero = (): Counts => ({ requests: 0, failed: 0, checksPassed: 0, checksFailed: 0 });

/** What one request did, as the journey reports it. */
export interface RequestRecord {
  scenario: string;
  route: string;
  method: string;
  url: string;
  criticalPath?: string;
  latencyMs: number;
  status?: number;
  error?: ErrorClass;
  failed: boolean;
  checksPassed: number;
  checksFailed: number;
  bytes: number;
}

/** The current window of one load loop; {@link flush} hands it over and starts the next. */
export class WindowRecorder {
  private counts = zero();
  private hist = new LatencyHistogram();
  private lagHist = new LatencyHistogram();
  private routes = new Map<string, RouteAcc>();
  private scenarios = new Map<string, ScenarioAcc>();
  private errors: Partial<Record<ErrorClass, number>> = {};
  private status: Record<string, number> = {};
  private iterations = 0;
  private dropped = 0;
  private bytes = 0;

  record(r: RequestRecord): void {
    add(this.counts, r);
    this.hist.recordMs(r.latencyMs);
    this.bytes += r.bytes;
    let route = this.routes.get(r.route);
    if (!route) {
      route = { ...zero(), name: r.route, method: r.method, url: r.url, hist: new LatencyHistogram() };
      if (r.criticalPath) route.criticalPath = r.criticalPath;
      this.routes.set(r.route, route);
    }
    add(route, r);
    route.hist.recordMs(r.latencyMs);
    const scenario = this.scenario(r.scenario);
    add(scenario, r);
    scenario.hist.recordMs(r.latencyMs);
    if (r.error) this.errors[r.error] = (this.errors[r.error] ?? 0) + 1;
    if (r.status !== undefined) this.status[r.status] = (this.status[r.status] ?? 0) + 1;
  }

  /** A check that failed without a request (a capture that found nothing). */
  recordCheck(scenario: string, passed: boolean): void {
    const s = this.scenario(scenario);
    if (passed) {
      this.counts.checksPassed++;
      s.checksPassed++;
    } else {
      this.counts.checksFailed++;
      s.checksFailed++;
    }
  }

  iterationDone(scenario: string): void {
    this.iterations++;
    this.scenario(scenario).iterations++;
  }

  iterationDropped(scenario: string): void {
    this.dropped++;
    this.scenario(scenario).dropped++;
  }

  /** How late an iteration started against its schedule (open model). */
  lag(ms: number): void {
    this.lagHist.recordMs(Math.max(0, ms));
  }

  private scenario(name: string): ScenarioAcc {
    let s = this.scenarios.get(name);
    if (!s) {
      s = { ...zero(), hist: new LatencyHistogram(), iterations: 0, dropped: 0 };
      this.scenarios.set(name, s);
    }
    return s;
  }

  /** The window so far, encoded, and a fresh one started. */
  flush(second: number, vus: number): WindowSnapshot {
    const snapshot: WindowSnapshot = {
      second,
      ...this.counts,
      iterations: this.iterations,
      dropped: this.dropped,
      vus,
      errors: this.errors,
      status: this.status,
      latency: this.hist.encode(),
      lag: this.lagHist.encode(),
      bytes: this.bytes,
      routes: [...this.routes.values()].map(({ hist, ...rest }) => ({ ...rest, latency: hist.encode() })),
      scenarios: [...this.scenarios.entries()].map(([name, { hist, ...rest }]) => ({ name, ...rest, latency: hist.encode() })),
    };
    this.counts = zero();
    this.hist = new LatencyHistogram();
    this.lagHist = new LatencyHistogram();
    this.routes = new Map();
    this.scenarios = new Map();
    this.errors = {};
    this.status = {};
    this.iterations = 0;
    this.dropped = 0;
    this.bytes = 0;
    return snapshot;
  }
}

function add(into: Counts, r: RequestRecord): void {
  into.requests++;
  if (r.failed) into.failed++;
  into.checksPassed += r.checksPassed;
  into.checksFailed += r.checksFailed;
}

/** Add counts of one window into a running total. */
export function addCounts(into: Counts, from: Counts): void {
  into.requests += from.requests;
  into.failed += from.failed;
  into.checksPassed += from.checksPassed;
  into.checksFailed += from.checksFailed;
}
