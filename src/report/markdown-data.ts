import { STAGE_IDS, type Finding, type StageId } from '../core/findings.js';
import { isOneOf, isRecord, stringOr, stringsOf } from '../core/guards.js';
import type { StageResult } from '../core/result.js';
import { isCompactFinding, isReportBlock, isStagePartError, STAGE_STATUSES } from '../core/result-file.js';
import { severityRank } from '../core/severity.js';

/**
 * The hidden markers of the PR comment. Each stage section carries its own compact result so any
 * job can re-render the launch-blocker list and the critical paths from every section it finds,
 * which is what lets stage jobs running in parallel each replace only their own section.
 */
export const COMMENT_MARKER = '<!-- launch-ready -->';
export const stageStartMarker = (id: StageId): string => `<!-- launch-ready:stage:${id}:start -->`;
export const stageEndMarker = (id: StageId): string => `<!-- launch-ready:stage:${id}:end -->`;
const DATA_PREFIX = '<!-- launch-ready:data ';
const DATA_SUFFIX = ' -->';

/** Largest hidden result per stage; findings are trimmed (least urgent first) to fit. */
export const STAGE_DATA_LIMIT = 8000;

/**
 * The stage result as a hidden HTML comment. Plain JSON (not base64) on purpose: the output is
 * scrubbed of every registered secret after rendering, and an encoded blob would hide a secret from
 * that scrub. `>` is escaped so nothing inside can close the comment.
 */
export function encodeStageData(stage: StageResult, revision?: string): string {
  const base = {
    id: stage.id,
    ...(stage.title ? { title: stage.title } : {}),
    ...(stage.phase ? { phase: stage.phase } : {}),
    ...(revision ? { revision } : {}),
    status: stage.status,
    summary: clip(stage.summary, 500),
    durationMs: stage.durationMs,
    ...(stage.errors ? { errors: stage.errors.slice(0, 10) } : {}),
    ...(stage.checkedPaths ? { checkedPaths: stage.checkedPaths } : {}),
  };
  const ordered = [...stage.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  let findings = ordered.map(compactFinding);
  let text = JSON.stringify({ ...base, findings });
  while (text.length > STAGE_DATA_LIMIT * 0.75 && findings.length > 0) {
    findings = findings.slice(0, Math.floor(findings.length * 0.8));
    text = JSON.stringify({ ...base, findings, omittedFindings: ordered.length - findings.length });
  }
  // What the section shows beyond findings comes along when it fits: blocks first, then metrics.
  const withBlocks = stage.blocks ? JSON.stringify({ ...JSON.parse(text), blocks: stage.blocks }) : text;
  const withMetrics = JSON.stringify({ ...JSON.parse(withBlocks), metrics: stage.metrics });
  if (withMetrics.length <= STAGE_DATA_LIMIT) text = withMetrics;
  else if (withBlocks.length <= STAGE_DATA_LIMIT) text = withBlocks;
  return `${DATA_PREFIX}${text.replace(/>/g, '\\u003e')}${DATA_SUFFIX}`;
}

function compactFinding(f: Finding): Omit<Finding, 'id'> {
  const { id: _id, ...rest } = f;
  return rest;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One stage section found in a comment body: its full text (markers included) and its result. */
export interface CommentSection {
  id: StageId;
  text: string;
  result?: StageResult;
  /** The commit the section's stage checked, when the writer knew it. */
  revision?: string;
}

/** Every stage section of a comment body, in stage order; sections whose data cannot be read have no `result`. */
export function readStageSections(body: string): CommentSection[] {
  const sections: CommentSection[] = [];
  for (const id of STAGE_IDS) {
    const start = body.indexOf(stageStartMarker(id));
    if (start === -1) continue;
    const endMarker = stageEndMarker(id);
    const end = body.indexOf(endMarker, start);
    if (end === -1) continue;
    const text = body.slice(start, end + endMarker.length);
    const section: CommentSection = { id, text };
    const decoded = decodeStageData(text, id);
    if (decoded?.result) section.result = decoded.result;
    if (decoded?.revision) section.revision = decoded.revision;
    sections.push(section);
  }
  return sections;
}

function decodeStageData(section: string, id: StageId): { result: StageResult; revision?: string } | undefined {
  const at = section.indexOf(DATA_PREFIX);
  if (at === -1) return undefined;
  const end = section.indexOf(DATA_SUFFIX, at + DATA_PREFIX.length);
  if (end === -1) return undefined;
  try {
    const data: unknown = JSON.parse(section.slice(at + DATA_PREFIX.length, end));
    if (!isRecord(data) || data.id !== id || !Array.isArray(data.findings)) return undefined;
    const result: StageResult = {
      id,
      status: isOneOf(STAGE_STATUSES, data.status) ? data.status : 'error',
      summary: stringOr(data.summary) ?? '',
      durationMs: typeof data.durationMs === 'number' ? data.durationMs : 0,
      metrics: isRecord(data.metrics) ? data.metrics : {},
      findings: data.findings.filter(isCompactFinding).map((f) => ({ ...f, id: '', paths: f.paths ?? [] })),
    };
    if (Array.isArray(data.errors)) result.errors = data.errors.filter(isStagePartError);
    if (typeof data.title === 'string') result.title = data.title;
    if (data.phase === 'passive' || data.phase === 'load' || data.phase === 'change') result.phase = data.phase;
    if (Array.isArray(data.blocks)) result.blocks = data.blocks.filter(isReportBlock);
    if (Array.isArray(data.checkedPaths)) result.checkedPaths = stringsOf(data.checkedPaths);
    return typeof data.revision === 'string' ? { result, revision: data.revision } : { result };
  } catch {
    return undefined;
  }
}
