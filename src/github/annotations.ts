import * as core from '@actions/core';
import type { Finding } from '../core/findings.js';
import type { SecretRegistry } from '../core/redaction.js';
import type { GateResult } from '../core/result.js';
import type { Severity } from '../core/severity.js';
import { rankedFindings } from '../report/shared.js';

/** GitHub shows at most this many annotations of each level per step; more are dropped silently. */
export const ANNOTATION_LIMIT = 10;

export interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
  file: string;
  startLine?: number;
  startColumn?: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Located findings left out by the per-step limit, by level; the job summary counts them. */
  omitted: { error: number; warning: number };
}

const LEVEL: Partial<Record<Severity, Annotation['level']>> = { blocker: 'error', high: 'error', medium: 'warning', low: 'warning' };

/**
 * Annotations for findings located in a file, most urgent first, within GitHub's per-step limits
 * (10 errors + 10 warnings). Every message is scrubbed of registered secrets.
 */
export function planAnnotations(result: GateResult, secrets: SecretRegistry): AnnotationPlan {
  const plan: AnnotationPlan = { annotations: [], omitted: { error: 0, warning: 0 } };
  const used = { error: 0, warning: 0 };
  for (const f of rankedFindings(result)) {
    const level = LEVEL[f.severity];
    if (!level || !f.location?.file) continue;
    if (used[level] >= ANNOTATION_LIMIT) {
      plan.omitted[level]++;
      continue;
    }
    used[level]++;
    plan.annotations.push(annotationOf(f, level, secrets));
  }
  return plan;
}

function annotationOf(f: Finding, level: Annotation['level'], secrets: SecretRegistry): Annotation {
  const evidence = f.evidence ? ` (${f.evidence})` : '';
  const annotation: Annotation = {
    level,
    title: secrets.scrub(`launch-ready ${f.id} ${f.severity} ${f.stage}/${f.ruleId}`),
    message: secrets.scrub(`${f.title}${evidence}. Fix: ${f.fix}`),
    file: f.location!.file!,
  };
  if (f.location?.line) annotation.startLine = f.location.line;
  if (f.location?.line && f.location.column) annotation.startColumn = f.location.column;
  return annotation;
}

/** Print the plan as workflow commands (`::error file=…,line=…::…`). */
export function emitAnnotations(plan: AnnotationPlan): void {
  for (const a of plan.annotations) {
    const properties: core.AnnotationProperties = { title: a.title, file: a.file };
    if (a.startLine !== undefined) properties.startLine = a.startLine;
    if (a.startColumn !== undefined) properties.startColumn = a.startColumn;
    (a.level === 'error' ? core.error : core.warning)(a.message, properties);
  }
}
