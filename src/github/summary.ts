import { appendFileSync } from 'node:fs';
import type { SecretRegistry } from '../core/redaction.js';
import type { GateResult } from '../core/result.js';
import { renderJobSummary } from '../report/github.js';
import { JOB_SUMMARY_LIMIT } from '../report/markdown.js';
import type { SourceLinks } from '../report/shared.js';
import type { AnnotationPlan } from './annotations.js';

/** Notes appended under the report: annotations left out, why there is no PR comment. */
export interface SummaryNotes {
  annotations?: AnnotationPlan;
  comment?: string;
  /** Other warnings of this step (result files the report rejected...). */
  extra?: readonly string[];
}

/** The job summary (`GITHUB_STEP_SUMMARY`): the Markdown report plus notes, capped at 1 MiB. */
export function jobSummaryOf(result: GateResult, secrets: SecretRegistry, reportPath: string | undefined, notes: SummaryNotes, links?: SourceLinks): string {
  const lines: string[] = [];
  const omitted = notes.annotations?.omitted;
  if (omitted && omitted.error + omitted.warning > 0) {
    lines.push(
      `> ${omitted.error} error and ${omitted.warning} warning annotations were not added (GitHub shows at most 10 of each per step); every finding is listed above.`,
    );
  }
  for (const note of notes.extra ?? []) lines.push(`> ⚠️ ${secrets.scrub(note)}`);
  if (notes.comment) lines.push(`> ${secrets.scrub(notes.comment)}`);
  const tail = lines.length > 0 ? `\n${lines.join('\n\n')}\n` : '';
  const report = renderJobSummary(result, secrets, reportPath, links);
  // The notes are short; if they tip the summary over the cap, they lose, not the report.
  return Buffer.byteLength(report + tail, 'utf8') <= JOB_SUMMARY_LIMIT ? report + tail : report;
}

/** Append to the step's summary file; a run outside Actions (no file) writes nothing. */
export function writeJobSummary(path: string | undefined, text: string): void {
  if (path) appendFileSync(path, text);
}
