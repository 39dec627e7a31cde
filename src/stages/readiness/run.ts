/** The readiness stage: monitors, health, error tracking, log hygiene, burst p95, handover, and a diagnosis per critical URL. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BlockCell, ReportBlock } from '../../core/blocks.js';
import type { FindingInput } from '../../core/findings.js';
import { errorMessage } from '../../core/read-config.js';
import type { StageContext, StageOutcome, StagePartError } from '../../core/stage.js';
import { parseReadinessOptions, type ReadinessOptions } from './config.js';
import { diagnoseUrl, layersTable, type Diagnosis } from './diagnose/index.js';
import { fetchHealth, type EdgeContext } from './edges.js';
import { errorTrackingFindings, readTargetEnvironment } from './error-tracking.js';
import { failingDependencies, healthFindings, type HealthReport } from './health.js';
import { handoverFindings } from './handover-check.js';
import { burstRoutesOf, latencyFindings, p95For, type BurstRoute } from './latency.js';
import { checkLogs } from './log-check.js';
import { alertingFindings, coverageFindings, coverageOf, type Coverage, type WatchTarget } from './monitors/checks.js';
import { formatInterval } from './monitors/model.js';
import { configuredHostnames, criticalUrls, homepageOf, watchTargets, type Scope } from './targets.js';

/** One row of the "is it ready" table: a check and yes / no / not checked. */
type CheckRow = [string, 'yes' | 'no' | 'not checked', string];

/** Options as parsed by the core (parseOptions), or the raw section when a caller did not parse it. */
export function optionsOf(ctx: StageContext<ReadinessOptions>): ReadinessOptions {
  return parsedOrParse(ctx.options, ctx.baseDir);
}

// The parameter is the union on purpose: the context's type says parsed, a caller may still hand a raw section.
function parsedOrParse(given: ReadinessOptions | Record<string, unknown>, baseDir: string): ReadinessOptions {
  return isParsed(given) ? given : parseReadinessOptions(given, baseDir);
}

function isParsed(given: ReadinessOptions | Record<string, unknown>): given is ReadinessOptions {
  return given.parsed === true;
}

/** What the checks add to as they go. */
interface Collected {
  findings: FindingInput[];
  errors: StagePartError[];
  notes: string[];
  checks: CheckRow[];
}

export async function runReadiness(ctx: StageContext<ReadinessOptions>): Promise<StageOutcome> {
  const options = optionsOf(ctx);
  const edge: EdgeContext = { network: ctx.network, timeoutMs: options.timeoutMs, signal: ctx.signal, ...(ctx.services ? { services: ctx.services } : {}) };
  const scope: Scope = { criticalPaths: ctx.criticalPaths ?? [] };
  const out: Collected = { findings: [], errors: [], notes: [], checks: [] };
  const { findings, errors, notes, checks } = out;

  const { targets, coverage, uncovered } = checkMonitors(options, scope, out);
  const health = await checkHealth(edge, options, findings, checks);
  checkErrorTracking(ctx, options, findings, checks, errors);
  const logs = await checkLogs(ctx, options, edge);
  findings.push(...logs.findings);
  checks.push(['Request logs keep no secrets', logs.verdict, logs.detail]);
  if (logs.note) notes.push(logs.note);
  if (logs.error) errors.push(logs.error);

  const routes = readBurstRoutes(ctx, options, errors);
  if (routes) findings.push(...latencyFindings(routes, options.monitors, options.latencyBudgetMs));
  else notes.push('p95 per route: not measured (set readiness.burstResult to a previous `launch-ready burst --format json` result).');
  const handover = checkHandover(ctx, options, scope, out);
  const diagnoses = options.diagnose ? await diagnoseCriticalUrls(ctx, options, scope, health) : [];
  findings.push(...diagnosisFindings(diagnoses));

  const outcome: StageOutcome = {
    summary: summaryOf(
      options,
      targets.length,
      uncovered.length,
      logs.verdict,
      diagnoses.map((d) => d.diagnosis),
    ),
    findings,
    metrics: {
      monitors: options.monitors.length,
      ...(options.monitorsFile ? { monitorsFormat: options.monitorsFile.format } : {}),
      covered: targets.length - uncovered.length,
      targets: targets.length,
      uncovered: uncovered.map((c) => c.target.url),
      ...(health
        ? { health: { url: health.url, httpStatus: health.httpStatus ?? null, kind: health.kind, down: failingDependencies(health).map((d) => d.name) } }
        : {}),
      logs: logs.verdict,
      handover,
      diagnose: diagnoses.map(({ diagnosis, path }) => ({ url: diagnosis.facts.url, path, answer: diagnosis.answer, sentence: diagnosis.sentence })),
    },
    checkedPaths: checkedPathsOf(
      coverage,
      diagnoses.map((d) => d.path),
    ),
    blocks: blocksOf(
      out,
      monitorsTable(options, coverage, routes),
      diagnoses.map((d) => d.diagnosis),
    ),
  };
  if (errors.length > 0) outcome.errors = errors;
  return outcome;
}

/** Coverage of every URL that must be watched, and owner/channels/interval per monitor. */
function checkMonitors(options: ReadinessOptions, scope: Scope, out: Collected): { targets: WatchTarget[]; coverage: Coverage[]; uncovered: Coverage[] } {
  const targets = watchTargets(options, scope);
  const coverage = coverageOf(targets, options.monitors);
  const uncovered = coverage.filter((c) => c.monitors.length === 0);
  out.findings.push(...coverageFindings(coverage));
  const alerting = alertingFindings(options.monitors, coverage, {
    maxIntervalMinutes: options.maxIntervalMinutes,
    ...(options.owner ? { defaultOwner: options.owner } : {}),
  });
  out.findings.push(...alerting);
  const covered =
    targets.length === 0 ? 'no critical URL, homepage, login or health URL configured' : `${targets.length - uncovered.length} of ${targets.length} covered`;
  out.checks.push(['Every critical URL has a monitor', targets.length === 0 ? 'not checked' : uncovered.length === 0 ? 'yes' : 'no', covered]);
  const from = options.monitorsFile ? ` (${options.monitorsFile.path}: ${options.monitorsFile.format})` : '';
  out.checks.push([
    'Monitors have an owner, email and a real-time channel, and check often',
    options.monitors.length === 0 ? 'not checked' : alerting.length === 0 ? 'yes' : 'no',
    `${options.monitors.length} monitor(s)${from}`,
  ]);
  if (!homepageOf(options, scope)) out.notes.push('The homepage is not known: set readiness.homepage so a monitor is required on it.');
  const skipped = options.monitorsFile?.skipped ?? [];
  if (skipped.length > 0) out.notes.push(`Not counted from ${options.monitorsFile!.path}: ${skipped.slice(0, 5).join('; ')}${skipped.length > 5 ? '...' : ''}`);
  return { targets, coverage, uncovered };
}

/** HANDOVER.md exists, has the sections, names every hostname and monitor. */
function checkHandover(ctx: StageContext<ReadinessOptions>, options: ReadinessOptions, scope: Scope, out: Collected): 'missing' | 'current' | 'stale' {
  const file = options.handover;
  const text = readOptional(resolve(ctx.baseDir, file));
  const found = handoverFindings(file, text, { hostnames: configuredHostnames(options, scope), monitors: options.monitors });
  out.findings.push(...found);
  out.checks.push([
    `${file} is current`,
    found.length === 0 ? 'yes' : 'no',
    text === undefined ? 'missing' : found.length === 0 ? 'has every section, hostname and monitor' : `${found.length} gap(s)`,
  ]);
  return text === undefined ? 'missing' : found.length === 0 ? 'current' : 'stale';
}

/** One finding per critical URL that is not healthy, named after the layer that fails. */
function diagnosisFindings(diagnoses: readonly { diagnosis: Diagnosis; path: string }[]): FindingInput[] {
  return diagnoses
    .filter(({ diagnosis }) => diagnosis.answer !== 'healthy')
    .map(({ diagnosis, path }) => ({
      ruleId: `diagnose-${diagnosis.answer}`,
      // DNS that could not be told (SERVFAIL, a timeout) is not proof the site is down: high, not blocker.
      severity: diagnosis.answer === 'third-party' || diagnosis.facts.dns.status === 'unknown' ? 'high' : 'blocker',
      title: diagnosis.sentence,
      fix: fixOf(diagnosis),
      paths: [path],
      location: { url: diagnosis.facts.url },
    }));
}

function blocksOf(out: Collected, monitors: ReportBlock, diagnoses: readonly Diagnosis[]): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'table', title: 'Launch readiness', columns: ['Check', 'Verdict', 'Detail'], rows: out.checks }, monitors];
  if (diagnoses.length > 0)
    blocks.push({
      kind: 'table',
      title: 'Is it DNS or the app?',
      columns: ['URL', 'Answer', 'Why'],
      rows: diagnoses.map((d) => [d.facts.url, d.answer, d.sentence]),
    });
  for (const diagnosis of diagnoses) if (diagnosis.answer !== 'healthy') blocks.push(layersTable(diagnosis));
  if (out.notes.length > 0) blocks.push({ kind: 'notes', title: 'Not checked, and why', items: out.notes });
  return blocks;
}

async function checkHealth(edge: EdgeContext, options: ReadinessOptions, findings: FindingInput[], checks: CheckRow[]): Promise<HealthReport | undefined> {
  if (!options.healthUrl) {
    findings.push({
      ruleId: 'health-missing',
      severity: 'medium',
      title: 'No health endpoint is configured: a monitor can see that a page loads, not that the database or payments work',
      fix: 'serve a health endpoint (application/health+json with its dependencies) and set readiness.healthUrl to it',
    });
    checks.push(['The health endpoint answers and lists its dependencies', 'no', 'readiness.healthUrl not set']);
    return undefined;
  }
  const report = await fetchHealth(edge, options.healthUrl);
  const own = healthFindings(report);
  findings.push(...own);
  const detail =
    report.kind === 'none'
      ? report.error!
      : `HTTP ${report.httpStatus}, ${report.contentType ?? 'no content type'}, ${report.dependencies.length} dependenc${report.dependencies.length === 1 ? 'y' : 'ies'}`;
  checks.push(['The health endpoint answers and lists its dependencies', own.length === 0 ? 'yes' : 'no', detail]);
  return report;
}

function checkErrorTracking(
  ctx: StageContext<ReadinessOptions>,
  options: ReadinessOptions,
  findings: FindingInput[],
  checks: CheckRow[],
  errors: StagePartError[],
): void {
  try {
    const env = readTargetEnvironment(options.envFiles, ctx.baseDir, ctx.env);
    const own = errorTrackingFindings(options.errorTracking, env);
    findings.push(...own);
    const what = options.errorTracking?.variable
      ? `${options.errorTracking.variable} in ${env.label}`
      : (options.errorTracking?.provider ?? 'readiness.errorTracking not set');
    checks.push(['Server-side error tracking is configured', own.length === 0 ? 'yes' : 'no', what]);
  } catch (error) {
    errors.push({ part: 'error tracking', message: errorMessage(error), fix: 'fix readiness.envFiles so every file can be read' });
    checks.push(['Server-side error tracking is configured', 'not checked', errorMessage(error)]);
  }
}

function readBurstRoutes(ctx: StageContext<ReadinessOptions>, options: ReadinessOptions, errors: StagePartError[]): BurstRoute[] | undefined {
  if (!options.burstResult) return undefined;
  const text = readOptional(resolve(ctx.baseDir, options.burstResult));
  if (text === undefined) {
    errors.push({
      part: 'burst result',
      message: `${options.burstResult}: no such file`,
      fix: 'run launch-ready burst --format json --output burst.json first, or drop readiness.burstResult',
    });
    return undefined;
  }
  try {
    return burstRoutesOf(JSON.parse(text));
  } catch {
    errors.push({ part: 'burst result', message: `${options.burstResult}: not JSON`, fix: 'write it with launch-ready burst --format json --output FILE' });
    return undefined;
  }
}

async function diagnoseCriticalUrls(
  ctx: StageContext<ReadinessOptions>,
  options: ReadinessOptions,
  scope: Scope,
  health: HealthReport | undefined,
): Promise<{ diagnosis: Diagnosis; path: string }[]> {
  const urls = criticalUrls(scope).slice(0, 20);
  if (urls.length > 2) ctx.progress(`diagnosing ${urls.length} critical URLs`);
  return Promise.all(
    urls.map(async ({ url, path }) => ({
      path,
      diagnosis: await diagnoseUrl(url, {
        network: ctx.network,
        authoritative: options.authoritative,
        timeoutMs: options.timeoutMs,
        signal: ctx.signal,
        ...(health ? { health } : {}),
      }),
    })),
  );
}

function fixOf(diagnosis: Diagnosis): string {
  switch (diagnosis.answer) {
    case 'dns':
      return "fix the DNS records at your DNS provider (or wait out the TTL while resolvers still serve the old address); launch-ready diagnose URL shows each resolver's answer";
    case 'edge':
      return 'look at the CDN or load balancer in front of the app (certificate, origin settings, firewall rules): the origin itself answers';
    case 'app':
      return 'look at the app: its logs and the last deploy (roll back if the last release broke it); DNS and TLS are not the problem';
    default:
      return 'check the status page of the dependency the health endpoint names, and degrade gracefully (queue, retry, a clear message) while it is down';
  }
}

function monitorsTable(options: ReadinessOptions, coverage: readonly Coverage[], routes: BurstRoute[] | undefined): ReportBlock {
  const rows: BlockCell[][] = options.monitors.map((m) => {
    const covers = coverage.filter((c) => c.monitors.includes(m)).map((c) => c.target.label);
    const p95 = routes ? p95For(m, routes) : undefined;
    return [
      m.name,
      m.url,
      m.owner ?? options.owner ?? null,
      m.channels.map((c) => c.label).join(', ') || null,
      formatInterval(m.intervalSeconds),
      covers.join(', ') || null,
      routes ? (p95 !== undefined ? `${Math.round(p95)} ms` : 'not in the burst') : 'not measured',
    ];
  });
  for (const c of coverage.filter((x) => x.monitors.length === 0)) rows.push(['(no monitor)', c.target.url, null, null, null, c.target.label, null]);
  return { kind: 'table', title: 'Monitors', columns: ['Monitor', 'URL', 'Owner', 'Channels', 'Interval', 'Covers', 'Burst p95'], rows };
}

function checkedPathsOf(coverage: readonly Coverage[], diagnosed: readonly string[]): string[] {
  return [...new Set([...coverage.map((c) => c.target.path).filter((p): p is string => p !== undefined), ...diagnosed])];
}

function summaryOf(options: ReadinessOptions, targets: number, uncovered: number, logs: string, diagnoses: Diagnosis[]): string {
  const parts = [`${options.monitors.length} monitor(s) cover ${targets - uncovered} of ${targets} URLs`, `logs clean: ${logs}`];
  const sick = diagnoses.filter((d) => d.answer !== 'healthy');
  if (diagnoses.length > 0)
    parts.push(
      sick.length === 0
        ? `${diagnoses.length} critical URL(s) healthy`
        : `${sick.length} of ${diagnoses.length} critical URL(s) failing (${[...new Set(sick.map((d) => d.answer))].join(', ')})`,
    );
  return parts.join('; ');
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
