/** What the rollback stage reports beyond findings: its summary line, metrics (the result contract in ARCHITECTURE.md) and blocks. */
import type { NotesBlock, ReportBlock, TableBlock } from '../../core/blocks.js';
import type { RollbackOptions } from './config.js';
import { commandEnv, manualRollForward } from './drill.js';
import type { DrillStep } from './index.js';
import type { PreviousRelease } from './previous.js';
import type { SmokeResult } from './smoke.js';
import type { VersionReading } from './version.js';

export interface RollbackFacts {
  options: RollbackOptions;
  smoke: SmokeResult[];
  served: VersionReading | undefined;
  previous: PreviousRelease | undefined;
  runbook: string | undefined;
  drill: DrillStep;
}

function seconds(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} s`;
}

/** One line: smoke, previous release, drill. */
export function rollbackSummary(facts: RollbackFacts): string {
  const passed = facts.smoke.filter((r) => r.ok).length;
  const parts = [`smoke ${passed}/${facts.smoke.length} passed`];
  parts.push(facts.previous ? `previous release ${facts.previous.release} (${facts.previous.source})` : 'no known previous release');
  const { drill } = facts;
  if (drill.state === 'dry-run') parts.push('drill: dry run, no commands run');
  else if (drill.state === 'skipped') parts.push(`drill not run: ${drill.why}`);
  else if (drill.state === 'ran') {
    const { report, plan } = drill;
    if (report.interrupted) parts.push(`drill interrupted; ${report.restored ? `rolled forward to ${plan.current}` : 'ROLL FORWARD FAILED'}`);
    else {
      const back = report.rollbackSeconds !== undefined ? `back in ${seconds(report.rollbackSeconds)}` : 'rollback failed';
      const forward = report.rollForwardSeconds !== undefined ? `forward in ${seconds(report.rollForwardSeconds)}` : 'roll forward failed';
      parts.push(`drill ${seconds(report.totalSeconds)} of ${plan.options.budgetSeconds} s budget: ${back}, ${forward}`);
    }
  }
  return parts.join('; ');
}

function smokeMetric(results: readonly SmokeResult[]): { url: string; ok: boolean; status: number | null; ms: number | null }[] {
  return results.map((r) => ({ url: r.url, ok: r.ok, status: r.status, ms: r.ms }));
}

/** Metrics per the result contract (ARCHITECTURE.md): (`previousRelease`, `rollbackSeconds`, `rollForwardSeconds`, `smoke`), plus the drill's legs. */
export function rollbackMetrics(facts: RollbackFacts): Record<string, unknown> {
  const { drill } = facts;
  const report = drill.state === 'ran' ? drill.report : undefined;
  const metrics: Record<string, unknown> = {
    previousRelease: facts.previous?.release ?? null,
    previousReleaseSource: facts.previous?.source ?? null,
    currentRelease: facts.served?.ok ? facts.served.version : null,
    rollbackSeconds: report?.rollbackSeconds ?? null,
    rollForwardSeconds: report?.rollForwardSeconds ?? null,
    smoke: smokeMetric(facts.smoke),
    runbook: facts.runbook ?? null,
    drill: drill.state,
  };
  if (report) {
    metrics.drillSeconds = report.totalSeconds;
    metrics.budgetSeconds = drill.state === 'ran' ? drill.plan.options.budgetSeconds : null;
    metrics.legs = report.legs;
    metrics.restored = report.restored;
    metrics.interrupted = report.interrupted ?? null;
    metrics.smokeAfterRollback = smokeMetric(report.smokeAfterRollback);
    metrics.smokeAfterRollForward = smokeMetric(report.smokeAfterRollForward);
  }
  return metrics;
}

function smokeRows(phase: string, results: readonly SmokeResult[]): TableBlock['rows'] {
  return results.map((r) => {
    const hops = r.redirects.length > 0 ? `via ${r.redirects.map((h) => `${h.status} ${h.url}`).join(', ')}` : '';
    const retried = r.attempts > 1 ? `${r.attempts} attempts` : '';
    return [phase, r.name, r.status, r.ms, r.ok, [r.problems.join('; '), hops, retried].filter(Boolean).join('; ') || null];
  });
}

function drillNotes(facts: RollbackFacts): string[] {
  const { drill } = facts;
  const notes: string[] = [];
  if (facts.previous) notes.push(`Previous release ${facts.previous.release}: ${facts.previous.detail}.`);
  notes.push(facts.runbook ? `Runbook: ${facts.runbook}.` : 'Runbook: none found (ROLLBACK.md, or a README/docs section on rolling back).');
  if (drill.state === 'skipped') notes.push(`Drill not run: ${drill.why}.`);
  if (drill.state === 'dry-run') {
    const env = Object.entries(commandEnv(drill.plan))
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const pass = drill.plan.options.passEnv.length > 0 ? `, passing only ${drill.plan.options.passEnv.join(', ')}` : '';
    notes.push(
      `Dry run: would run \`${drill.plan.options.rollbackCommand}\` (${env}${pass}), wait up to ${drill.plan.options.waitSeconds} s for ${drill.plan.previous?.release ?? 'another release'}, smoke, then \`${drill.plan.options.rollForwardCommand}\` and wait for ${drill.plan.current}.`,
    );
  }
  if (drill.state === 'ran' && drill.report.interrupted) {
    const { report } = drill;
    notes.push(
      `Interrupted after "${report.interrupted!.afterLeg}" (${report.interrupted!.reason}): ${report.restored ? `rolled forward before exiting; the site serves ${drill.plan.current} again` : 'rolling forward FAILED'}.`,
    );
  }
  if (drill.state === 'ran' && !drill.report.restored) notes.push(`ROLL FORWARD FAILED. Restore the current release by hand: ${manualRollForward(drill.plan)}`);
  return notes;
}

/** Smoke table, drill timeline against the budget, notes. */
export function rollbackBlocks(facts: RollbackFacts): ReportBlock[] {
  const { drill } = facts;
  const rows = smokeRows('current', facts.smoke);
  if (drill.state === 'ran')
    rows.push(...smokeRows('after rollback', drill.report.smokeAfterRollback), ...smokeRows('after roll forward', drill.report.smokeAfterRollForward));
  const blocks: ReportBlock[] = [{ kind: 'table', title: 'Smoke checks', columns: ['when', 'check', 'status', 'ms', 'ok', 'note'], rows }];
  if (drill.state === 'ran') {
    blocks.push({
      kind: 'timeline',
      // The reporters add "N s of a B s budget" themselves.
      title: 'Rollback drill',
      budgetSeconds: drill.plan.options.budgetSeconds,
      steps: drill.report.legs.map((leg) => ({
        name: leg.name,
        startSeconds: leg.startSeconds,
        seconds: leg.seconds,
        ok: leg.ok,
        ...(leg.note ? { note: leg.note } : {}),
      })),
    });
  }
  const notes: NotesBlock = { kind: 'notes', title: 'Rollback', items: drillNotes(facts) };
  blocks.push(notes);
  return blocks;
}
