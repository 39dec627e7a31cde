import type { LaunchReadyConfig } from './config/types.js';
import { reasonOf } from './errors.js';
import { pathsCheckedBy } from './critical-paths.js';
import { toFinding, type StageId } from './findings.js';
import { createHttpClient } from './http.js';
import { createProcessRunner } from './process.js';
import type { SecretRegistry } from './redaction.js';
import type { StageResult } from './result.js';
import type { GitHubApi, StageServices } from './services.js';
import type { NetworkOptions, StageContext, StageDefinition, StageOutcome, StagePartError, StagePhase } from './stage.js';
import { createWaiter, sleep } from './wait.js';

export interface RunStagesOptions {
  config: LaunchReadyConfig;
  /** Stages to run, in report order within their phase. */
  selected: readonly StageDefinition<unknown>[];
  /** Stages the user asked for by name: an unbuilt one is an error, not a quiet skip. */
  explicit: boolean;
  secrets: SecretRegistry;
  env: Readonly<Record<string, string | undefined>>;
  /** The repository's GitHub API for stages (`ctx.services.github`), built by the entry point. */
  github?: GitHubApi;
  /** Replace shared services (tests pass doubles); the rest are built from the config. */
  services?: Partial<StageServices>;
  progress?: (stage: StageId, message: string) => void;
  signal?: AbortSignal;
}

/** The order of the schedule: every passive stage together, then each load stage alone, then each change stage. */
export const PHASE_ORDER: readonly StagePhase[] = ['passive', 'load', 'change'];
const DEFAULT_GRACE_SECONDS = 10;

/**
 * Run the selected stages on the schedule (ARCHITECTURE.md, "The schedule"): passive stages
 * concurrently, then `load` stages one at a time, then `change` stages one at a time, each timed and
 * isolated (a stage that throws reports `error` and the others still run). Results come in schedule
 * order. Statuses other than `skipped`/`error` are derived later by the gate, against `--fail-on`.
 */
export async function runStages(options: RunStagesOptions): Promise<StageResult[]> {
  const signal = options.signal ?? new AbortController().signal;
  const services = servicesOf(options);
  const inPhase = (phase: StagePhase) => options.selected.filter((stage) => stage.phase === phase);
  const results = await Promise.all(inPhase('passive').map((stage) => runOne(stage, options, services, signal)));
  for (const phase of PHASE_ORDER.slice(1)) {
    for (const stage of inPhase(phase)) {
      // After a Ctrl-C nothing new starts: above all not a stage that changes what is deployed.
      results.push(signal.aborted ? notStarted(stage) : await runOne(stage, options, services, signal));
    }
  }
  return results;
}

function servicesOf(options: RunStagesOptions): StageServices {
  const services: StageServices = {
    http: options.services?.http ?? createHttpClient(options.config.network),
    processes: options.services?.processes ?? createProcessRunner({ secrets: options.secrets, env: options.env }),
    wait: options.services?.wait ?? createWaiter(),
  };
  const github = options.services?.github ?? options.github;
  if (github) services.github = github;
  return services;
}

function baseOf(stage: StageDefinition<unknown>): Pick<StageResult, 'id' | 'title' | 'phase' | 'metrics' | 'findings'> {
  return { id: stage.id, title: stage.title, phase: stage.phase, metrics: {}, findings: [] };
}

function notStarted(stage: StageDefinition<unknown>): StageResult {
  const message = 'not started: the run was cancelled before its turn';
  return {
    ...baseOf(stage),
    status: 'error',
    summary: `${stage.title}: ${message}`,
    durationMs: 0,
    errors: [{ part: stage.id, message, fix: 'run again without interrupting it' }],
  };
}

async function runOne(stage: StageDefinition<unknown>, options: RunStagesOptions, services: StageServices, signal: AbortSignal): Promise<StageResult> {
  const base = baseOf(stage);
  const section = options.config.stages[stage.id];
  if (!stage.built) {
    const summary = `${stage.title}: not built yet in this version`;
    if (options.explicit)
      return {
        ...base,
        status: 'error',
        summary,
        durationMs: 0,
        errors: [{ part: stage.id, message: 'not built yet in this version', fix: 'leave it out of --stages until a release includes it' }],
      };
    return { ...base, status: 'skipped', summary, durationMs: 0 };
  }
  const notConfigured = stage.notConfigured?.(section);
  if (notConfigured) return { ...base, status: 'skipped', summary: notConfigured, durationMs: 0 };

  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const ctx = contextOf(stage, options, services, options.config.network);
    const ended = await supervise(stage, ctx, section.maxMinutes, signal);
    if (ended.kind === 'threw') throw ended.error;
    if (ended.kind === 'abandoned')
      return { ...base, status: 'error', summary: `${stage.title} could not run: ${ended.stop.message}`, durationMs: elapsed(), errors: [ended.stop] };
    return resultOf(stage, ended.outcome, options, elapsed(), ended.stop);
  } catch (error) {
    const reason = reasonOf(error);
    return {
      ...base,
      status: 'error',
      summary: `${stage.title} could not run: ${reason}`,
      durationMs: elapsed(),
      errors: [{ part: stage.id, message: reason }],
    };
  }
}

function contextOf(stage: StageDefinition<unknown>, options: RunStagesOptions, services: StageServices, network: NetworkOptions): StageContext<unknown> {
  const section = options.config.stages[stage.id];
  const ctx: StageContext<unknown> = {
    options: options.config.options?.[stage.id] ?? stage.parseOptions?.(section, options.config.baseDir) ?? section,
    services,
    baseDir: options.config.baseDir,
    network,
    criticalPaths: options.config.criticalPaths,
    // Replaced by the supervisor's own signal.
    signal: new AbortController().signal,
    secrets: options.secrets,
    progress: (message) => options.progress?.(stage.id, message),
    env: options.env,
  };
  return ctx;
}

type Ended =
  { kind: 'returned'; outcome: StageOutcome; stop?: StagePartError } | { kind: 'threw'; error: unknown } | { kind: 'abandoned'; stop: StagePartError };

/**
 * Run a stage under its deadline and the run's signal. When either fires, the stage's own signal
 * aborts and the stage gets `graceSeconds` to return (its cleanup runs, its partial outcome is
 * reported) before it is abandoned.
 */
async function supervise(stage: StageDefinition<unknown>, ctx: StageContext<unknown>, maxMinutes: number, runSignal: AbortSignal): Promise<Ended> {
  const controller = new AbortController();
  ctx.signal = controller.signal;
  let stopReason: StagePartError | undefined;
  let wake: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (wake = resolve));
  const stop = (reason: StagePartError): void => {
    stopReason ??= reason;
    controller.abort();
    wake();
  };
  const onRunAbort = () => stop({ part: stage.id, message: 'stopped: the run was cancelled (SIGINT or SIGTERM)', fix: 'run again without interrupting it' });
  const timer = setTimeout(() => stop(overrun(stage.id, maxMinutes)), maxMinutes * 60_000);
  if (runSignal.aborted) onRunAbort();
  else runSignal.addEventListener('abort', onRunAbort, { once: true });
  const running: Promise<Ended> = Promise.resolve()
    .then(() => stage.run(ctx))
    .then(
      (outcome): Ended => ({ kind: 'returned', outcome }),
      (error: unknown): Ended => ({ kind: 'threw', error }),
    );
  try {
    const first = await Promise.race([running, stopped.then(() => undefined)]);
    if (first) return withStop(first, stopReason);
    const graceMs = (stage.graceSeconds ?? DEFAULT_GRACE_SECONDS) * 1000;
    const graceOver = new AbortController();
    const late = await Promise.race([running, sleep(graceMs, graceOver.signal).then(() => undefined)]);
    graceOver.abort();
    if (late) return withStop(late, stopReason);
    return { kind: 'abandoned', stop: stopReason! };
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', onRunAbort);
  }
}

function withStop(ended: Ended, stop: StagePartError | undefined): Ended {
  if (!stop) return ended;
  if (ended.kind === 'returned') return { ...ended, stop };
  // A stage that throws once stopped was stopped: the stop is the reason worth reporting.
  return { kind: 'abandoned', stop };
}

function overrun(id: StageId, minutes: number): StagePartError {
  return {
    part: id,
    message: `did not finish within ${minutes} min and was stopped`,
    fix: `raise ${id}.maxMinutes in launch-ready.yml if the work is that large, or look for what it waits on (a host that never answers, a hung probe)`,
  };
}

function resultOf(stage: StageDefinition<unknown>, outcome: StageOutcome, options: RunStagesOptions, durationMs: number, stop?: StagePartError): StageResult {
  const findings = outcome.findings.map((input) => {
    options.secrets.add(input.secret);
    return toFinding(stage.id, input);
  });
  const result: StageResult = {
    ...baseOf(stage),
    status: outcome.skipped ? 'skipped' : 'pass',
    summary: stop ? `${outcome.summary} (${stop.message})` : outcome.summary,
    durationMs,
    metrics: outcome.metrics ?? {},
    findings,
  };
  const errors = [...(outcome.errors ?? []), ...(stop ? [stop] : [])];
  if (errors.length > 0) result.errors = errors;
  if (outcome.blocks?.length) result.blocks = outcome.blocks;
  if (!outcome.skipped) result.checkedPaths = pathsCheckedBy(stage.checks, options.config.criticalPaths, outcome.checkedPaths);
  return result;
}
