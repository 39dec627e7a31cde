/**
 * The rollback drill as a small state machine: roll back → wait until the previous release is
 * served → smoke → roll forward → wait until the current release is back → smoke. Every leg is
 * timed. An abort (deadline, SIGTERM) between legs skips to rolling forward, so the drill never
 * leaves the old release live; commands themselves are never cut short by the abort (a half-run
 * rollback is worse than a late one), only by their own time limit.
 */
import type { ProcessResult, ProcessRunner, Waiter } from '../../core/services.js';
import type { DrillOptions } from './config.js';
import type { PreviousRelease } from './previous.js';
import type { SmokeResult } from './smoke.js';
import { sameRelease, type VersionReading } from './version.js';

export type LegName =
  'rollback' | 'wait for previous release' | 'smoke after rollback' | 'roll forward' | 'wait for current release' | 'smoke after roll forward';

/** One timed step of the drill. */
export interface Leg {
  name: LegName;
  /** Seconds since the drill started. */
  startSeconds: number;
  seconds: number;
  ok: boolean;
  note?: string;
}

/** Why the drill failed, one entry per failure, for the findings. */
export type DrillFailure =
  | { kind: 'rollback-command-failed'; result: ProcessResult }
  | { kind: 'version-unchanged'; served: string; waitSeconds: number }
  | { kind: 'wrong-release'; served: string; expected: string; waitSeconds: number }
  | { kind: 'version-unreadable'; problem: string; waitSeconds: number }
  | { kind: 'smoke-after-rollback'; results: SmokeResult[] }
  | { kind: 'roll-forward-failed'; result?: ProcessResult; served?: string; problem?: string; restored: boolean }
  | { kind: 'smoke-after-roll-forward'; results: SmokeResult[] }
  | { kind: 'over-budget'; totalSeconds: number; budgetSeconds: number };

export interface DrillReport {
  legs: Leg[];
  failures: DrillFailure[];
  /** Release the site served during the rollback, when it changed. */
  servedAfterRollback?: string;
  /** Seconds from the rollback command to the previous release being served (when it was). */
  rollbackSeconds?: number;
  /** Seconds from the roll-forward command to the current release being served again (when it was). */
  rollForwardSeconds?: number;
  totalSeconds: number;
  /** Set when an abort stopped the drill between legs: after which leg, and whether it rolled forward. */
  interrupted?: { afterLeg: LegName | 'start'; reason: string };
  /** Whether the current release is served at the end (false: the manual command is needed). */
  restored: boolean;
  smokeAfterRollback: SmokeResult[];
  smokeAfterRollForward: SmokeResult[];
}

export interface DrillPlan {
  options: DrillOptions;
  /** The release served before the drill. */
  current: string;
  previous?: PreviousRelease;
  cwd: string;
}

export interface DrillDeps {
  processes: ProcessRunner;
  wait: Waiter;
  readVersion: (signal?: AbortSignal) => Promise<VersionReading>;
  smoke: (signal?: AbortSignal) => Promise<SmokeResult[]>;
  /** Milliseconds, monotonic. */
  now: () => number;
  signal: AbortSignal;
  /** A line of a command's output (already redacted), or a step starting. */
  progress?: (message: string) => void;
  /** Raw text → text safe to keep (the registry's scrub), for what the stage adds itself. */
  scrub: (text: string) => string;
}

/** Variables the drill sets for its commands. */
export function commandEnv(plan: DrillPlan): Record<string, string> {
  const env: Record<string, string> = { LAUNCH_READY_CURRENT_RELEASE: plan.current };
  if (plan.previous) env.LAUNCH_READY_PREVIOUS_RELEASE = plan.previous.release;
  return env;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The exact command a person runs to restore the current release by hand. */
export function manualRollForward(plan: DrillPlan): string {
  const exports = Object.entries(commandEnv(plan)).map(([name, value]) => `export ${name}=${shellQuote(value)}`);
  const needs = plan.options.passEnv.length > 0 ? ` (with ${plan.options.passEnv.join(', ')} set)` : '';
  return `${[...exports, plan.options.rollForwardCommand].join('; ')}${needs}`;
}

function commandOk(result: ProcessResult): boolean {
  return result.exitCode === 0 && !result.timedOut;
}

/** How a command ended, in words. */
export function commandOutcome(result: ProcessResult, timeoutSeconds: number): string {
  if (result.timedOut) return `still running after ${timeoutSeconds} s and was killed`;
  if (result.exitCode === null) return `killed by ${result.signal ?? 'a signal'}`;
  return `exited with code ${result.exitCode}`;
}

class Drill {
  private readonly started: number;
  private readonly report: DrillReport;
  private lastLeg: LegName | 'start' = 'start';

  constructor(
    private readonly plan: DrillPlan,
    private readonly deps: DrillDeps,
  ) {
    this.started = deps.now();
    this.report = { legs: [], failures: [], totalSeconds: 0, restored: false, smokeAfterRollback: [], smokeAfterRollForward: [] };
  }

  private seconds(fromMs: number): number {
    return Math.round((this.deps.now() - fromMs) / 10) / 100;
  }

  private async leg<T>(name: LegName, work: () => Promise<{ ok: boolean; note?: string; value: T }>): Promise<{ ok: boolean; value: T }> {
    const start = this.deps.now();
    this.deps.progress?.(`rollback drill: ${name}`);
    const outcome = await work();
    const leg: Leg = { name, startSeconds: Math.round((start - this.started) / 10) / 100, seconds: this.seconds(start), ok: outcome.ok };
    if (outcome.note) leg.note = this.deps.scrub(outcome.note);
    this.report.legs.push(leg);
    this.lastLeg = name;
    return outcome;
  }

  private async runCommand(command: string): Promise<ProcessResult> {
    const { options } = this.plan;
    const started = this.deps.now();
    try {
      return await this.deps.processes.run({
        command,
        cwd: this.plan.cwd,
        passEnv: options.passEnv,
        env: commandEnv(this.plan),
        timeoutMs: options.commandTimeoutSeconds * 1000,
        keepLines: 20,
        onLine: (line) => this.deps.progress?.(`  ${line}`),
      });
    } catch (error) {
      // The shell itself could not start: report it as a failed command, not a crashed stage.
      const message = this.deps.scrub(error instanceof Error ? error.message : String(error));
      return { exitCode: 127, signal: null, timedOut: false, aborted: false, durationMs: Math.round(this.deps.now() - started), lastLines: [message] };
    }
  }

  /** Poll the served release until `wanted` holds; bounded by waitSeconds (and `signal` when given). */
  private async waitFor(wanted: (version: string) => boolean, signal?: AbortSignal): Promise<{ ok: boolean; aborted: boolean; last?: VersionReading }> {
    let last: VersionReading | undefined;
    const options: { timeoutMs: number; intervalMs: number; signal?: AbortSignal } = {
      timeoutMs: this.plan.options.waitSeconds * 1000,
      intervalMs: this.plan.options.pollSeconds * 1000,
    };
    if (signal) options.signal = signal;
    const outcome = await this.deps.wait.until(async () => {
      last = await this.deps.readVersion(signal);
      return last.ok && wanted(last.version) ? true : undefined;
    }, options);
    const result: { ok: boolean; aborted: boolean; last?: VersionReading } = { ok: outcome.value === true, aborted: outcome.aborted };
    if (last) result.last = last;
    return result;
  }

  private interrupted(): boolean {
    if (!this.deps.signal.aborted) return false;
    const reason: unknown = this.deps.signal.reason;
    // The core aborts without a reason of its own (a plain AbortError): say what can cause it.
    const plain =
      reason === undefined ||
      (reason instanceof Error && reason.name === 'AbortError') ||
      (typeof DOMException !== 'undefined' && reason instanceof DOMException);
    const text = plain ? 'the stage was stopped: its deadline passed, or SIGTERM/SIGINT' : reason instanceof Error ? reason.message : String(reason);
    this.report.interrupted = { afterLeg: this.lastLeg, reason: text };
    this.deps.progress?.(`rollback drill interrupted after "${this.lastLeg}": rolling forward to ${this.plan.current} before exiting`);
    return true;
  }

  async run(): Promise<DrillReport> {
    if (this.interrupted()) {
      // Nothing was changed yet: the current release is still live.
      this.report.restored = true;
      return this.finish();
    }
    const rolledBack = await this.rollBack();
    if (rolledBack === 'restore') await this.rollForward();
    else if (rolledBack === 'nothing-changed') this.report.restored = true;
    return this.finish();
  }

  /** Legs 1-3. What follows: roll forward, or nothing (the site never left the current release). */
  private async rollBack(): Promise<'restore' | 'nothing-changed'> {
    const { plan } = this;
    const commandStarted = this.deps.now();
    const command = await this.leg('rollback', async () => {
      const result = await this.runCommand(plan.options.rollbackCommand);
      return { ok: commandOk(result), value: result, note: commandOutcome(result, plan.options.commandTimeoutSeconds) };
    });
    if (!command.ok) {
      this.report.failures.push({ kind: 'rollback-command-failed', result: command.value });
      // A failed rollback may have half-happened: restore unless the current release is still served
      // (a command killed at its limit may still have started the switch: always restore then).
      if (command.value.timedOut) return 'restore';
      const now = await this.deps.readVersion();
      return now.ok && sameRelease(now.version, plan.current) ? 'nothing-changed' : 'restore';
    }
    if (this.interrupted()) return 'restore';

    const isPrevious = (v: string) =>
      !sameRelease(v, plan.current) && (!plan.previous || [plan.previous.release, ...plan.previous.aliases].some((p) => sameRelease(v, p)));
    const waited = await this.leg('wait for previous release', async () => {
      const result = await this.waitFor(isPrevious, this.deps.signal);
      const seen = result.last?.ok ? `serves ${result.last.version}` : result.last?.problem;
      return { ok: result.ok, value: result, note: result.aborted ? `interrupted${seen ? `; ${seen}` : ''}` : seen };
    });
    if (waited.value.aborted && this.interrupted()) return 'restore';
    if (!waited.ok) {
      this.recordWaitFailure(waited.value.last);
      return 'restore';
    }
    this.report.rollbackSeconds = this.seconds(commandStarted);
    if (waited.value.last?.ok) this.report.servedAfterRollback = waited.value.last.version;
    if (this.interrupted()) return 'restore';

    await this.leg('smoke after rollback', async () => {
      const results = await this.deps.smoke(this.deps.signal);
      this.report.smokeAfterRollback = results;
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0 && !this.deps.signal.aborted) this.report.failures.push({ kind: 'smoke-after-rollback', results: failed });
      return { ok: failed.length === 0, value: results, note: `${results.length - failed.length}/${results.length} passed` };
    });
    this.interrupted();
    return 'restore';
  }

  private recordWaitFailure(last: VersionReading | undefined): void {
    const { plan } = this;
    const waitSeconds = plan.options.waitSeconds;
    if (!last || !last.ok) this.report.failures.push({ kind: 'version-unreadable', problem: last && !last.ok ? last.problem : 'no reading', waitSeconds });
    else if (sameRelease(last.version, plan.current)) this.report.failures.push({ kind: 'version-unchanged', served: last.version, waitSeconds });
    else this.report.failures.push({ kind: 'wrong-release', served: last.version, expected: plan.previous?.release ?? '', waitSeconds });
  }

  /** Legs 4-6; also the cleanup after an abort (no abort signal here: it must finish). */
  private async rollForward(): Promise<void> {
    const { plan } = this;
    const interrupted = this.report.interrupted !== undefined;
    const start = this.deps.now();
    const command = await this.leg('roll forward', async () => {
      const result = await this.runCommand(plan.options.rollForwardCommand);
      return { ok: commandOk(result), value: result, note: commandOutcome(result, plan.options.commandTimeoutSeconds) };
    });
    const waited = await this.leg('wait for current release', async () => {
      const result = await this.waitFor((v) => sameRelease(v, plan.current));
      return { ok: result.ok, value: result, note: result.last?.ok ? `serves ${result.last.version}` : result.last?.problem };
    });
    this.report.restored = waited.ok;
    if (waited.ok) this.report.rollForwardSeconds = this.seconds(start);
    if (!command.ok || !waited.ok) {
      const failure: DrillFailure = { kind: 'roll-forward-failed', restored: waited.ok };
      if (!command.ok) failure.result = command.value;
      const last = waited.value.last;
      if (waited.ok) {
        // The command failed, yet the current release is back (it was never gone, or came back anyway).
      } else if (last?.ok) failure.served = last.version;
      else if (last) failure.problem = last.problem;
      this.report.failures.push(failure);
    }
    if (interrupted || !waited.ok) return;
    await this.leg('smoke after roll forward', async () => {
      const results = await this.deps.smoke();
      this.report.smokeAfterRollForward = results;
      const failed = results.filter((r) => !r.ok);
      if (failed.length > 0) this.report.failures.push({ kind: 'smoke-after-roll-forward', results: failed });
      return { ok: failed.length === 0, value: results, note: `${results.length - failed.length}/${results.length} passed` };
    });
  }

  private finish(): DrillReport {
    this.report.totalSeconds = this.seconds(this.started);
    const budget = this.plan.options.budgetSeconds;
    if (!this.report.interrupted && this.report.legs.length > 0 && this.report.totalSeconds > budget) {
      this.report.failures.push({ kind: 'over-budget', totalSeconds: this.report.totalSeconds, budgetSeconds: budget });
    }
    return this.report;
  }
}

/** Run the drill. Never throws for a failing command or site: failures are in the report. */
export function runDrill(plan: DrillPlan, deps: DrillDeps): Promise<DrillReport> {
  return new Drill(plan, deps).run();
}
