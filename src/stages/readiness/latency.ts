/**
 * The burst stage's p95 per route, next to the monitor that watches it. The stage cannot import
 * burst: it reads a previous burst result (`--format json`) named in `readiness.burstResult`.
 */
import type { FindingInput } from '../../core/findings.js';
import { isRecord, recordsOf, stringOr } from '../../core/guards.js';
import { covers } from './monitors/checks.js';
import type { Monitor } from './monitors/model.js';

/** One route of a burst result. */
export interface BurstRoute {
  name: string;
  url: string;
  p95Ms: number;
}

/** Routes from a gate result or a bare burst stage result; [] when it holds no burst metrics. */
export function burstRoutesOf(result: unknown): BurstRoute[] {
  const stages = isRecord(result) ? result.stages : undefined;
  const stage: unknown = Array.isArray(stages) ? stages.find((s) => isRecord(s) && s.id === 'burst') : result;
  const metrics = isRecord(stage) ? stage.metrics : undefined;
  const routes = isRecord(metrics) ? metrics.routes : undefined;
  const out: BurstRoute[] = [];
  for (const route of recordsOf(routes)) {
    const p95 = isRecord(route.latencyMs) ? route.latencyMs.p95 : undefined;
    if (typeof route.url === 'string' && typeof p95 === 'number') out.push({ name: stringOr(route.name) ?? route.url, url: route.url, p95Ms: p95 });
  }
  return out;
}

/** The p95 of the route a monitor watches, when the burst measured it. */
export function p95For(monitor: Monitor, routes: readonly BurstRoute[]): number | undefined {
  const matches = routes.filter((r) => covers(monitor.url, r.url)).map((r) => r.p95Ms);
  return matches.length > 0 ? Math.max(...matches) : undefined;
}

/** A route whose p95 is over budget with no response-time alert on a monitor of it is medium. */
export function latencyFindings(routes: readonly BurstRoute[], monitors: readonly Monitor[], budgetMs: number): FindingInput[] {
  const findings: FindingInput[] = [];
  for (const route of routes) {
    if (route.p95Ms <= budgetMs) continue;
    const watching = monitors.filter((m) => covers(m.url, route.url));
    if (watching.some((m) => m.alertThresholdMs !== undefined && m.alertThresholdMs <= budgetMs)) continue;
    findings.push({
      ruleId: 'p95-unwatched',
      severity: 'medium',
      title: `${route.name} has p95 ${Math.round(route.p95Ms)} ms under the launch burst (over ${budgetMs} ms) and ${watching.length > 0 ? 'its monitor has no response-time alert' : 'no monitor watches it'}: it can get slower without anyone noticing`,
      fix: `add a response-time alert at ${budgetMs} ms on the monitor of ${route.url} (alertThresholdMs in readiness.monitors, or [RESPONSE_TIME] < ${budgetMs} in Gatus)`,
      location: { url: route.url },
      evidence: `p95 ${Math.round(route.p95Ms)} ms`,
    });
  }
  return findings;
}
