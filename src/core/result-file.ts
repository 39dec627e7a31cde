/**
 * Results read back from JSON (the report step merges stage files, the PR comment carries each
 * section's compact result, `handover` reads the last results): a value is trusted as a result only
 * when its shape is one, so a stray or hand-edited file is rejected by name instead of failing deep
 * inside a renderer.
 */
import type { BlockCell, ReportBlock } from './blocks.js';
import { STAGE_IDS, type Finding } from './findings.js';
import { isOneOf, isRecord } from './guards.js';
import { isBoolean, isNumber, isString } from './read-config.js';
import type { CriticalPathResult, GateResult, GateStatus, StageResult, StageStatus } from './result.js';
import { FAIL_ON_VALUES, SEVERITIES } from './severity.js';
import type { StagePartError } from './stage.js';

const GATE_STATUSES: readonly GateStatus[] = ['pass', 'fail', 'error'];

/** Every stage status a result may carry. */
export const STAGE_STATUSES: readonly StageStatus[] = ['pass', 'fail', 'warn', 'error', 'skipped'];

const optional = (value: unknown, guard: (v: unknown) => boolean): boolean => value === undefined || guard(value);
const listOf = (value: unknown, guard: (v: unknown) => boolean): boolean => Array.isArray(value) && value.every(guard);

/** A finding as the PR comment's data carries it: no id, `paths` possibly dropped. */
export type CompactFinding = Omit<Finding, 'id' | 'paths'> & { paths?: string[] };

/** A finding without its id: stage, rule, severity, title, fix and fingerprint, with the optional parts well typed. */
export function isCompactFinding(value: unknown): value is CompactFinding {
  return (
    isRecord(value) &&
    isOneOf(STAGE_IDS, value.stage) &&
    isString(value.ruleId) &&
    isOneOf(SEVERITIES, value.severity) &&
    isString(value.title) &&
    isString(value.fix) &&
    isString(value.fingerprint) &&
    optional(value.paths, (p) => listOf(p, isString)) &&
    optional(value.location, isRecord) &&
    optional(value.evidence, isString) &&
    optional(value.occurrences, Array.isArray) &&
    optional(value.weight, isNumber)
  );
}

/** A finding with its id and paths, as a result file holds it. */
export function isFinding(value: unknown): value is Finding {
  return isRecord(value) && isString(value.id) && Array.isArray(value.paths) && isCompactFinding(value);
}

/** A part of a stage that could not run: which part, why, and (optionally) how to fix it. */
export function isStagePartError(value: unknown): value is StagePartError {
  return isRecord(value) && isString(value.part) && isString(value.message) && optional(value.fix, isString);
}

const isCell = (value: unknown): value is BlockCell =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value) || (isRecord(value) && isString(value.code) && optional(value.note, isString));

/** A table, series, timeline or notes block with the fields its renderer reads. */
export function isReportBlock(value: unknown): value is ReportBlock {
  if (!isRecord(value) || !isString(value.title)) return false;
  switch (value.kind) {
    case 'table':
      return listOf(value.columns, isString) && listOf(value.rows, (row) => listOf(row, isCell)) && optional(value.note, isString);
    case 'series':
      return (
        isString(value.xLabel) &&
        isString(value.yLabel) &&
        listOf(value.x, isNumber) &&
        listOf(value.series, (s) => isRecord(s) && isString(s.name) && listOf(s.values, (v) => v === null || isNumber(v)))
      );
    case 'timeline':
      return (
        optional(value.budgetSeconds, isNumber) &&
        listOf(
          value.steps,
          (s) => isRecord(s) && isString(s.name) && isNumber(s.startSeconds) && isNumber(s.seconds) && isBoolean(s.ok) && optional(s.note, isString),
        )
      );
    case 'notes':
      return listOf(value.items, isString);
    default:
      return false;
  }
}

/** One stage's result: a known stage id and status, its summary, duration, metrics and findings. */
export function isStageResult(value: unknown): value is StageResult {
  return (
    isRecord(value) &&
    isOneOf(STAGE_IDS, value.id) &&
    isOneOf(STAGE_STATUSES, value.status) &&
    isString(value.summary) &&
    isNumber(value.durationMs) &&
    isRecord(value.metrics) &&
    listOf(value.findings, isFinding) &&
    optional(value.errors, (e) => listOf(e, isStagePartError)) &&
    optional(value.blocks, (b) => listOf(b, isReportBlock)) &&
    optional(value.checkedPaths, (p) => listOf(p, isString))
  );
}

/** A whole gate result (version 1): its status, fail-on, critical paths and stage results. */
export function isGateResult(value: unknown): value is GateResult {
  return (
    isRecord(value) &&
    value.version === 1 &&
    isRecord(value.tool) &&
    value.tool.name === 'launch-ready' &&
    isString(value.tool.version) &&
    isOneOf(GATE_STATUSES, value.status) &&
    isOneOf(FAIL_ON_VALUES, value.failOn) &&
    isNumber(value.durationMs) &&
    listOf(value.criticalPaths, isCriticalPathResult) &&
    listOf(value.stages, isStageResult) &&
    optional(value.run, (r) => isRecord(r) && isString(r.repository) && isNumber(r.runId) && isNumber(r.runAttempt) && isString(r.sha))
  );
}

function isCriticalPathResult(value: unknown): value is CriticalPathResult {
  return (
    isRecord(value) &&
    isString(value.id) &&
    isString(value.title) &&
    isBoolean(value.ok) &&
    listOf(value.blockers, isString) &&
    listOf(value.checkedBy, isString)
  );
}
