/**
 * The `rollback` stage: smoke checks pass, the previous good release is known, the rollback path is
 * written down, and a drill (roll back, smoke, roll forward, smoke) finishes inside its budget.
 * It runs last (phase `change`): the drill changes what is deployed.
 */
import { resolve } from 'node:path';
import type { FindingInput } from '../../core/findings.js';
import type { StageServices } from '../../core/services.js';
import type { StageContext, StageDefinition, StageOutcome } from '../../core/stage.js';
import { parseRollbackOptions, rollbackConfigSchema, rollbackNotConfigured, validateRollbackConfig, type RollbackOptions } from './config.js';
import { runDrill, manualRollForward, type DrillPlan, type DrillReport } from './drill.js';
import { drillFindings, noRunbookFinding, previousUnknownFinding, smokeFindings, versionUnreadableFinding } from './findings.js';
import { discoverPrevious } from './discover.js';
import { rollbackBlocks, rollbackMetrics, rollbackSummary } from './report.js';
import { findRunbook } from './runbook.js';
import { runSmokeChecks, type SmokeDeps, type SmokeResult } from './smoke.js';
import { readServedVersion, type VersionReading } from './version.js';

/** Options as parsed once; tagged so a raw section (from a core that does not parse) is told apart. */
type ParsedOptions = RollbackOptions & { readonly parsed: 'rollback' };

function parseOptions(section: Record<string, unknown>): ParsedOptions {
  return { ...parseRollbackOptions(section), parsed: 'rollback' };
}

function isParsed(given: ParsedOptions | Record<string, unknown>): given is ParsedOptions {
  return given.parsed === 'rollback';
}

function optionsOf(given: ParsedOptions | Record<string, unknown>): RollbackOptions {
  return isParsed(given) ? given : parseOptions(given);
}

/** The `rollback` stage definition. */
export const rollbackStage: StageDefinition<ParsedOptions> = {
  id: 'rollback',
  phase: 'change',
  // Stopped mid-drill, it must still roll forward: a command limit plus a wait, with room to spare.
  graceSeconds: 900,
  title: 'Rollback',
  description: 'smoke checks pass, the previous release is known, and a rollback drill finishes inside its time budget',
  built: true,
  checks: { paths: ['deploy', 'homepage'] },
  configSchema: rollbackConfigSchema,
  flags: [
    { name: 'dry-run', type: 'boolean', configKey: 'dryRun', description: "smoke checks and discovery only: show the drill's commands without running them" },
    { name: 'url', type: 'string', configKey: 'url', valueName: 'URL', description: 'the deployment under test' },
    { name: 'previous-release', type: 'string', configKey: 'previousRelease', valueName: 'RELEASE', description: 'the known-good release to roll back to' },
  ],
  validateConfig: (section) => validateRollbackConfig(section),
  notConfigured: rollbackNotConfigured,
  parseOptions,
  run: (ctx) => runRollbackStage(ctx),
};

async function runRollbackStage(ctx: StageContext<ParsedOptions>): Promise<StageOutcome> {
  const options = optionsOf(ctx.options);
  const services = ctx.services;
  const findings: FindingInput[] = [];
  const smokeDeps: SmokeDeps = {
    http: services.http,
    wait: services.wait,
    env: ctx.env,
    secrets: ctx.secrets,
    retry: options.retry,
    followRedirects: options.followRedirects,
  };
  const smokeNow = (signal?: AbortSignal) => runSmokeChecks(options.smoke, signal ? { ...smokeDeps, signal } : smokeDeps);

  ctx.progress(`smoke: ${options.smoke.length} check(s)`);
  const smoke = await smokeNow(ctx.signal);
  findings.push(...smokeFindings(smoke));

  const served = options.version ? await readServedVersion(options.version, services.http, ctx.signal) : undefined;
  if (options.version && served && !served.ok) findings.push(versionUnreadableFinding(options.version.url, served.problem, options.drill !== undefined));

  const repo = resolve(ctx.baseDir, options.repo);
  const current = { ...(served?.ok ? { version: served.version } : {}), ...(ctx.env.GITHUB_SHA ? { sha: ctx.env.GITHUB_SHA } : {}) };
  const discovery = await discoverPrevious({ options, github: services.github, repo, current });
  if (!discovery.previous) findings.push(previousUnknownFinding(discovery.tried));
  const runbook = findRunbook(repo);
  if (!runbook) findings.push(noRunbookFinding());

  const drill = await drillStep(ctx, options, services, { served, smoke, smokeNow, findings, repo, previous: discovery.previous });
  const facts = { options, smoke, served, previous: discovery.previous, runbook, drill };
  return {
    summary: rollbackSummary(facts),
    findings,
    metrics: rollbackMetrics(facts),
    blocks: rollbackBlocks(facts),
    checkedPaths: checkedPaths(options, drill),
  };
}

/** `deploy` says yes only after a whole drill; `homepage` when a smoke check requests it. */
function checkedPaths(options: RollbackOptions, drill: DrillStep): string[] {
  const paths: string[] = [];
  if (drill.state === 'ran' && !drill.report.interrupted) paths.push('deploy');
  if (options.smoke.some((check) => new URL(check.url).pathname === '/')) paths.push('homepage');
  return paths;
}

/** What happened to the drill: ran (report), not run (why), or a dry run (the plan). */
export type DrillStep =
  { state: 'none' } | { state: 'skipped'; why: string } | { state: 'dry-run'; plan: DrillPlan } | { state: 'ran'; plan: DrillPlan; report: DrillReport };

interface DrillInputs {
  served: VersionReading | undefined;
  smoke: SmokeResult[];
  smokeNow: (signal?: AbortSignal) => Promise<SmokeResult[]>;
  findings: FindingInput[];
  repo: string;
  previous: DrillPlan['previous'];
}

async function drillStep(ctx: StageContext<ParsedOptions>, options: RollbackOptions, services: StageServices, inputs: DrillInputs): Promise<DrillStep> {
  if (!options.drill) return { state: 'none' };
  if (!inputs.served?.ok) return { state: 'skipped', why: 'the served release is unknown (see the version finding), so a switch could not be seen' };
  const plan: DrillPlan = { options: options.drill, current: inputs.served.version, cwd: inputs.repo };
  if (inputs.previous) plan.previous = inputs.previous;
  if (options.dryRun) return { state: 'dry-run', plan };
  // On a pull request the config (and so the commands) comes from the change under review.
  const event = ctx.env.GITHUB_EVENT_NAME;
  if (event === 'pull_request' || event === 'pull_request_target') {
    return {
      state: 'skipped',
      why: `drills do not run on ${event} events: the commands would come from the pull request under review; run the drill on deployment_status, workflow_dispatch or schedule`,
    };
  }
  const failing = inputs.smoke.filter((r) => !r.ok).length;
  if (failing > 0) return { state: 'skipped', why: `${failing} smoke check(s) fail on the current deployment; a drill on a broken site proves nothing` };
  if (ctx.signal.aborted) return { state: 'skipped', why: 'the run was stopped before the drill started' };
  for (const name of options.drill.passEnv) ctx.secrets.add(ctx.env[name]);
  const report = await runDrill(plan, {
    processes: services.processes,
    wait: services.wait,
    readVersion: (signal) => readServedVersion(options.version!, services.http, signal),
    smoke: inputs.smokeNow,
    now: () => performance.now(),
    signal: ctx.signal,
    progress: ctx.progress,
    scrub: (text) => ctx.secrets.scrub(text),
  });
  inputs.findings.push(...drillFindings(report, options.drill, plan.current, manualRollForward(plan)));
  return { state: 'ran', plan, report };
}
