/**
 * Results read back from JSON files (the report step merges stage files, `handover` reads the last
 * results): a file is trusted as a result only when its shape is one, so a stray or hand-edited
 * file is rejected by name instead of failing deep inside a renderer.
 */
import { STAGE_IDS } from './findings.js';
import { isOneOf, isRecord } from './guards.js';
import type { StageResult, StageStatus } from './result.js';
import { SEVERITIES } from './severity.js';

const STATUSES: readonly StageStatus[] = ['pass', 'fail', 'warn', 'error', 'skipped'];

/** A finding as results carry it: its rule, severity, title and fix, and the paths it breaks. */
function isFindingShape(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.ruleId === 'string' &&
    isOneOf(SEVERITIES, value.severity) &&
    typeof value.title === 'string' &&
    typeof value.fix === 'string' &&
    Array.isArray(value.paths)
  );
}

/** One stage's result: a known stage id and status, its summary, duration, metrics and findings. */
export function isStageResult(value: unknown): value is StageResult {
  return (
    isRecord(value) &&
    isOneOf(STAGE_IDS, value.id) &&
    isOneOf(STATUSES, value.status) &&
    typeof value.summary === 'string' &&
    typeof value.durationMs === 'number' &&
    isRecord(value.metrics) &&
    Array.isArray(value.findings) &&
    value.findings.every(isFindingShape)
  );
}
