import type { CriticalPathConfig } from './config/types.js';
import { attachCriticalPaths, evaluateCriticalPaths } from './critical-paths.js';
import type { Finding } from './findings.js';
import { rankFindings } from './ranking.js';
import type { GateResult, GateStatus, StageResult, StageStatus } from './result.js';
import { failsGate, type FailOn } from './severity.js';

export interface AssembleOptions {
  failOn: FailOn;
  criticalPaths: readonly CriticalPathConfig[];
  version: string;
  durationMs: number;
}

/**
 * Turn stage results into the gate: attach critical paths, rank every finding, number them F1..Fn
 * in rank order, derive each stage's status against `failOn`, and the gate's status. Also used to
 * merge stage results written by separate jobs, so it derives everything from the stage results.
 */
export function assembleGate(stages: readonly StageResult[], options: AssembleOptions): GateResult {
  const all = stages.flatMap((stage) => stage.findings.map((f) => attachCriticalPaths(f, options.criticalPaths)));
  const ranked = rankFindings(all, options.criticalPaths).map((f, i) => ({ ...f, id: `F${i + 1}` }));
  const byStage = new Map<string, Finding[]>();
  for (const finding of ranked) byStage.set(finding.stage, [...(byStage.get(finding.stage) ?? []), finding]);

  const rebuilt = stages.map((stage) => {
    const findings = byStage.get(stage.id) ?? [];
    return { ...stage, findings, status: statusOf(stage, findings, options.failOn) };
  });
  return {
    version: 1,
    tool: { name: 'launch-ready', version: options.version },
    status: gateStatusOf(rebuilt),
    failOn: options.failOn,
    durationMs: options.durationMs,
    criticalPaths: evaluateCriticalPaths(ranked, options.criticalPaths, options.failOn, rebuilt),
    stages: rebuilt,
  };
}

function statusOf(stage: StageResult, findings: Finding[], failOn: FailOn): StageStatus {
  if (findings.some((f) => failsGate(f.severity, failOn))) return 'fail';
  if (stage.status === 'skipped') return 'skipped';
  if (stage.status === 'error' || (stage.errors?.length ?? 0) > 0) return 'error';
  if (findings.some((f) => f.severity !== 'info')) return 'warn';
  return 'pass';
}

function gateStatusOf(stages: readonly StageResult[]): GateStatus {
  if (stages.some((s) => s.status === 'fail')) return 'fail';
  if (stages.some((s) => s.status === 'error')) return 'error';
  return 'pass';
}
