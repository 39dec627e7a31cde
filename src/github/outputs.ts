import * as core from '@actions/core';
import type { GateResult } from '../core/result.js';
import { failsGate } from '../core/severity.js';

/** The action's outputs: `status` (pass|fail|error), `blockers` (findings that fail the gate), `report` (JSON result path). */
export function setActionOutputs(result: GateResult, reportPath: string): void {
  core.setOutput('status', result.status);
  core.setOutput('blockers', String(blockerCount(result)));
  core.setOutput('report', reportPath);
}

/** Findings at or above `--fail-on`. */
export function blockerCount(result: GateResult): number {
  return result.stages.flatMap((s) => s.findings).filter((f) => failsGate(f.severity, result.failOn)).length;
}
