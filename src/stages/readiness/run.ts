/** The readiness stage: monitors, health, error tracking, log hygiene, burst p95, handover, and a diagnosis per critical URL. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BlockCell, ReportBlock } from '../../core/blocks.js';
import type { FindingInput } from '../../core/findings.js';
import type { StageContext, StageOutcome, StagePartError } from '../../core/stage.js';
import { parseReadinessOptions, type ReadinessOptions } from './config.js';
import { diagnoseUrl, layersTable, type Diagnosis } from './diagnose/index.js';
import { fetchHealth, type EdgeContext } from './edges.js';
import { errorTrackingFindings, readTargetEnvironment } from './error-tracking.js';
import { failingDependencies, healthFindings, type HealthReport } from './health.js';
import { handoverFindings } from './handover-check.js';
import { burstRoutesOf, latencyFindings, p95For, type BurstRoute } from './latency.js';
import { checkLogs } from './log-check.js';
import { alertingFindings, coverageFindings, coverageOf, type Coverage } from './monitors/checks.js';
import { formatInterval } from './monitors/model.js';
import { configuredHostnames, criticalUrls, homepageOf, watchTargets, type Scope } from './targets.js';

/** One row of the "is it ready" table: a check and yes / no / not checked. */
type CheckRow = [string, 'yes' | 'no' | 'not checked', string];

/** Options as parsed by the core (parseOptions), or the raw section when a caller did not parse it. */
export function optionsOf(ctx: StageContext<ReadinessOptions>): ReadinessOptions {
  const given = ctx.options as ReadinessOptions | Record<string, unknown>;
  return (given as ReadinessOptions).parsed === true ? (given as ReadinessOptions) : parseReadinessOptions(given as Record<string, unknown>, ctx.baseDir);
}

export async function runReadiness(ctx: StageContext<ReadinessOptions>): Promise<StageOutcome> {
  const options = optionsOf(ctx);
  const edge: EdgeContext = { network: ctx.network, timeoutMs: options.timeoutMs, signal: ctx.signal, ...(ctx.services ? { services: ctx.services } : {}) };
  const scope: Scope = { criticalPaths: ctx.criticalPaths ?? [] };
  const findings: FindingInput[] = [];
  const errors: StagePartError[] = [];
  const notes: string[] = [];
  const checks: CheckRow[] = [];

  const targets = watchTargets(options, scope);
  const coverage = coverageOf(targets, options.monitors);
  const uncovered = coverage.filter((c) => c.monitors.length === 0);
  findings.push(...coverageFindings(coverage));
  const alerting = alertingFindings(options.monitors, coverage, { maxIntervalMinutes: options.maxIntervalMinutes, ...(options.owner ? { defaultOwner: options.owner } : {}) });
  findings.push(...alerting);
  checks.push(['Every critical URL has a monitor', targets.length === 0 ? 'not checked' : uncovered.length === 0 ? 'yes' : 'no', targets.length === 0 ? 'no critical URL, homepage, login or health URL configured' : `${targets.length - uncovered.length} of ${targets.length} covered`]);
  checks.push(['Monitors have an owner, email and a real-time channel, and check often', options.monitors.length === 0 ? 'not checked' : alerting.length === 0 ? 'yes' : 'no', `${options.monitors.length} monitor(s)${options.monitorsFile ? ` (${options.monitorsFile.path}: ${options.monitorsFile.format})` : ''}`]);
  if (!homepageOf(options, scope)) notes.push('The homepage is not known: set readiness.homepage so a monitor is required on it.');
  if (options.monitorsFile?.skipped.length) notes.push(`Not counted from ${options.monitorsFile.path}: ${options.monitorsFile.skipped.slice(0, 5).join('; ')}${options.monitorsFile.skipped.length > 5 ? '...' : ''}`);

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

  const handoverFile = options.handover;
  const handoverText = readOptional(resolve(ctx.baseDir, handoverFile));
  const handover = handoverFindings(handoverFile, handoverText, { hostnames: configuredHostnames(options, scope), monitors: options.monitors });
  findings.push(...handover);
  checks.push([`${handoverFile} is current`, handover.length === 0 ? 'yes' : 'no', handoverText === undefined ? 'missing' : handover.length === 0 ? 'has every section, hostname and monitor' : `${handover.length} gap(s)`]);

  const diagnoses = options.diagnose ? await diagnoseCriticalUrls(ctx, options, scope, health) : [];
  for (const { diagnosis, path } of diagnoses) {
    if (diagnosis.answer === 'healthy') continue;
    findings.push({
      ruleId: `diagnose-${diagnosis.answer}`,
      // DNS that could not be told (SERVFAIL, a timeout) is not proof the site is down: high, not blocker.
      severity: diagnosis.answer === 'third-party' || diagnosis.facts.dns.status === 'unknown' ? 'high' : 'blocker',
      title: diagnosis.sentence,
      fix: fixOf(diagnosis),
      paths: [path],
      location: { url: diagnosis.facts.url },
    });
  }

  const blocks: ReportBlock[] = [
    { kind: 'table', title: 'Launch readiness', columns: ['Check', 'Verdict', 'Detail'], rows: checks },
    monitorsTable(options, coverage, routes),
  ];
  if (diagnoses.length > 0) blocks.push({ kind: 'table', title: 'Is it DNS or the app?', columns: ['URL', 'Answer', 'Why'], rows: diagnoses.map(({ diagnosis }) => [diagnosis.facts.url, diagnosis.answer, diagnosis.sentence]) });
  for (const { diagnosis } of diagnoses) if (diagnosis.answer !== 'healthy') blocks.push(layersTable(diagnosis));
  if (notes.length > 0) blocks.push({ kind: 'notes', title: 'Not checked, and why', items: notes });

  const outcome: StageOutcome = {
    summary: summaryOf(options, targets.length, uncovered.length, logs.verdict, diagnoses.map((d) => d.diagnosis)),
    findings,
    metrics: {
      monitors: options.monitors.length,
      ...(options.monitorsFile ? { monitorsFormat: options.monitorsFile.format } : {}),
      covered: targets.length - uncovered.length,
      targets: targets.length,
      uncovered: uncovered.map((c) => c.target.url),
      ...(health ? { health: { url: health.url, httpStatus: health.httpStatus ?? null, kind: health.kind, down: failingDependencies(health).map((d) => d.name) } } : {}),
      logs: logs.verdict,
      handover: handoverText === undefined ? 'missing' : handover.length === 0 ? 'current' : 'stale',
      diagnose: diagnoses.map(({ diagnosis, path }) => ({ url: diagnosis.facts.url, path, answer: diagnosis.answer, sentence: diagnosis.sentence })),
    },
    checkedPaths: checkedPathsOf(coverage, diagnoses.map((d) => d.path)),
    blocks,
  };
  if (errors.length > 0) outcome.errors = errors;
  return outcome;
}

async function checkHealth(edge: EdgeContext, options: ReadinessOptions, findings: FindingInput[], checks: CheckRow[]): Promise<HealthReport | undefined> {
  if (!options.healthUrl) {
    findings.push({ ruleId: 'health-missing', severity: 'medium', title: 'No health endpoint is configured: a monitor can see that a page loads, not that the database or payments work', fix: 'serve a health endpoint (application/health+json with its dependencies) and set readiness.healthUrl to it' });
    checks.push(['The health endpoint answers and lists its dependencies', 'no', 'readiness.healthUrl not set']);
    return undefined;
  }
  const report = await fetchHealth(edge, options.healthUrl);
  const own = healthFindings(report);
  findings.push(...own);
  const detail = report.kind === 'none' ? report.error! : `HTTP ${report.httpStatus}, ${report.contentType ?? 'no content type'}, ${report.dependencies.length} dependenc${report.dependencies.length === 1 ? 'y' : 'ies'}`;
  checks.push(['The health endpoint answers and lists its dependencies', own.length === 0 ? 'yes' : 'no', detail]);
  return report;
}

function checkErrorTracking(ctx: StageContext<ReadinessOptions>, options: ReadinessOptions, findings: FindingInput[], checks: CheckRow[], errors: StagePartError[]): void {
  try {
    const env = readTargetEnvironment(options.envFiles, ctx.baseDir, ctx.env);
    const own = errorTrackingFindings(options.errorTracking, env);
    findings.push(...own);
    const what = options.errorTracking?.variable ? `${options.errorTracking.variable} in ${env.label}` : (options.errorTracking?.provider ?? 'readiness.errorTracking not set');
    checks.push(['Server-side error tracking is configured', own.length === 0 ? 'yes' : 'no', what]);
  } catch (error) {
    errors.push({ part: 'error tracking', message: (error as Error).message, fix: 'fix readiness.envFiles so every file can be read' });
    checks.push(['Server-side error tracking is configured', 'not checked', (error as Error).message]);
  }
}

function readBurstRoutes(ctx: StageContext<ReadinessOptions>, options: ReadinessOptions, errors: StagePartError[]): BurstRoute[] | undefined {
  if (!options.burstResult) return undefined;
  const text = readOptional(resolve(ctx.baseDir, options.burstResult));
  if (text === undefined) {
    errors.push({ part: 'burst result', message: `${options.burstResult}: no such file`, fix: 'run launch-ready burst --format json --output burst.json first, or drop readiness.burstResult' });
    return undefined;
  }
  try {
    return burstRoutesOf(JSON.parse(text));
  } catch {
    errors.push({ part: 'burst result', message: `${options.burstResult}: not JSON`, fix: 'write it with launch-ready burst --format json --output FILE' });
    return undefined;
  }
}

async function diagnoseCriticalUrls(ctx: StageContext<ReadinessOptions>, options: ReadinessOptions, scope: Scope, health: HealthReport | undefined): Promise<{ diagnosis: Diagnosis; path: string }[]> {
  const urls = criticalUrls(scope).slice(0, 20);
  if (urls.length > 2) ctx.progress(`diagnosing ${urls.length} critical URLs`);
  return Promise.all(
    urls.map(async ({ url, path }) => ({
      path,
      diagnosis: await diagnoseUrl(url, { network: ctx.network, authoritative: options.authoritative, timeoutMs: options.timeoutMs, signal: ctx.signal, ...(health ? { health } : {}) }),
    })),
  );
}

function fixOf(diagnosis: Diagnosis): string {
  switch (diagnosis.answer) {
    case 'dns':
      return 'fix the DNS records at your DNS provider (or wait out the TTL while resolvers still serve the old address); launch-ready diagnose URL shows each resolver\'s answer';
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
    return [m.name, m.url, m.owner ?? options.owner ?? null, m.channels.map((c) => c.label).join(', ') || null, formatInterval(m.intervalSeconds), covers.join(', ') || null, routes ? (p95 !== undefined ? `${Math.round(p95)} ms` : 'not in the burst') : 'not measured'];
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
  if (diagnoses.length > 0) parts.push(sick.length === 0 ? `${diagnoses.length} critical URL(s) healthy` : `${sick.length} of ${diagnoses.length} critical URL(s) failing (${[...new Set(sick.map((d) => d.answer))].join(', ')})`);
  return parts.join('; ');
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
