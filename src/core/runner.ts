import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LaunchReadyConfig } from './config/types.js';
import { reasonOf, UsageError } from './errors.js';
import { pathsCheckedBy } from './critical-paths.js';
import { toFinding, type Finding, type StageId } from './findings.js';
import type { SecretRegistry } from './redaction.js';
import type { StageResult } from './result.js';
import type { GitHubAccess, NetworkOptions, StageContext, StageDefinition, StagePartError } from './stage.js';

export interface RunStagesOptions {
  config: LaunchReadyConfig;
  /** Stages to run, in report order. */
  selected: readonly StageDefinition[];
  /** Stages the user asked for by name: an unbuilt one is an error, not a quiet skip. */
  explicit: boolean;
  secrets: SecretRegistry;
  env: Readonly<Record<string, string | undefined>>;
  github?: GitHubAccess;
  progress?: (stage: StageId, message: string) => void;
  signal?: AbortSignal;
}

/**
 * Run the selected stages concurrently (they are independent), time each, and isolate failures:
 * a stage that throws reports `error` with its reason and the others still run and report.
 * Statuses other than `skipped`/`error` are derived later by the gate, against `--fail-on`.
 */
export async function runStages(options: RunStagesOptions): Promise<StageResult[]> {
  const signal = options.signal ?? new AbortController().signal;
  const network = networkOptionsOf(options.config);
  return Promise.all(options.selected.map((stage) => runOne(stage, options, network, signal)));
}

async function runOne(stage: StageDefinition, options: RunStagesOptions, network: NetworkOptions, signal: AbortSignal): Promise<StageResult> {
  const started = performance.now();
  const base = { id: stage.id, metrics: {}, findings: [] as Finding[] };
  const elapsed = () => Math.round(performance.now() - started);
  const section = options.config.stages[stage.id];
  if (!stage.built) {
    const summary = `${stage.title}: not built yet in this version`;
    if (options.explicit) return { ...base, status: 'error', summary, durationMs: 0, errors: [{ part: stage.id, message: 'not built yet in this version', fix: 'leave it out of --stages until a release includes it' }] };
    return { ...base, status: 'skipped', summary, durationMs: 0 };
  }
  const notConfigured = stage.notConfigured?.(section);
  if (notConfigured) return { ...base, status: 'skipped', summary: notConfigured, durationMs: 0 };

  // The stage's own signal: aborted with the run, or when the stage outlives its maxMinutes.
  const controller = new AbortController();
  const stopWithRun = () => controller.abort(signal.reason);
  signal.addEventListener('abort', stopWithRun, { once: true });
  const ctx: StageContext = {
    config: options.config,
    options: section,
    baseDir: options.config.baseDir,
    network,
    signal: controller.signal,
    secrets: options.secrets,
    progress: (message) => options.progress?.(stage.id, message),
    env: options.env,
  };
  if (options.github) ctx.github = options.github;
  const maxMinutes = typeof section.maxMinutes === 'number' ? section.maxMinutes : 15;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new StageOverrun(stage.id, maxMinutes));
    }, maxMinutes * 60_000);
  });
  try {
    const outcome = await Promise.race([stage.run(ctx), deadline]);
    const findings = outcome.findings.map((input) => {
      options.secrets.add(input.secret);
      return toFinding(stage.id, input);
    });
    const result: StageResult = {
      ...base,
      status: outcome.skipped ? 'skipped' : 'pass',
      summary: outcome.summary,
      durationMs: elapsed(),
      metrics: outcome.metrics ?? {},
      findings,
    };
    if (outcome.errors?.length) result.errors = outcome.errors;
    if (!outcome.skipped) result.checkedPaths = pathsCheckedBy(stage.checks, options.config.criticalPaths, outcome.checkedPaths);
    return result;
  } catch (error) {
    const reason = reasonOf(error);
    const part: StagePartError = { part: stage.id, message: reason };
    if (error instanceof StageOverrun) part.fix = error.fix;
    return { ...base, status: 'error', summary: `${stage.title} could not run: ${reason}`, durationMs: elapsed(), errors: [part] };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', stopWithRun);
  }
}

/** A stage that outlived its `maxMinutes`. */
class StageOverrun extends Error {
  readonly fix: string;
  constructor(id: StageId, minutes: number) {
    super(`did not finish within ${minutes} min and was stopped`);
    this.fix = `raise ${id}.maxMinutes in launch-ready.yml if the work is that large, or look for what it waits on (a host that never answers, a hung probe)`;
  }
}

/** The offline-friendly knobs from the `trust` section, with `ca` read from its PEM file. */
export function networkOptionsOf(config: LaunchReadyConfig): NetworkOptions {
  const trust = config.stages.trust ?? {};
  const ca = typeof trust.ca === 'string' ? [readCa(resolve(config.baseDir, trust.ca), trust.ca)] : [];
  return {
    resolvers: (trust.resolvers as string[] | undefined) ?? [],
    connectTo: (trust.connectTo as string[] | undefined) ?? [],
    ca,
  };
}

function readCa(path: string, shown: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`trust.ca: cannot read ${shown} (${code}); give a readable PEM file of extra trusted roots`);
  }
}
