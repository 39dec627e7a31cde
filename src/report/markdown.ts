import type { Finding } from '../core/findings.js';
import type { GateResult, StageResult, StageStatus } from '../core/result.js';
import { failsGate, type Severity } from '../core/severity.js';
import { COMMENT_MARKER, encodeStageData, stageEndMarker, stageStartMarker } from './markdown-data.js';
import { cell, code, renderBlocksMarkdown } from './blocks.js';
import { locationLabel, locationUrl, phaseNote, rankedFindings, severityCounts, stageTitle, type SourceLinks } from './shared.js';

export { COMMENT_MARKER, stageEndMarker, stageStartMarker } from './markdown-data.js';

/** GitHub rejects issue comments longer than this many characters. */
export const COMMENT_LIMIT = 65_536;
/** GitHub's cap on one step's job summary (1 MiB). */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;

export interface MarkdownOptions {
  /** Largest output in characters (JavaScript string length); default {@link COMMENT_LIMIT}. */
  maxLength?: number;
  /** Where the full report is when this one had to be shortened; default: the job summary of this run. */
  fullReport?: string;
  /** The commit checked, embedded in each stage section so a later run can tell stale sections apart. */
  revision?: string;
  /**
   * Keep `@name` in findings from pinging people and teams when posted on GitHub. Off for plain
   * `--format markdown`; the GitHub variants scrub secrets before rendering, so escaping cannot
   * hide a secret from the scrub.
   */
  escapeMentions?: boolean;
  /** Link each file location to the file at its commit on the code host. */
  links?: SourceLinks;
}

const SEVERITY_ICON: Record<Severity, string> = { blocker: '🔴', high: '🟠', medium: '🟡', low: '🔵', info: '⚪' };
const STATUS_LABEL: Record<StageStatus, string> = { pass: '✅ pass', fail: '❌ fail', warn: '⚠️ warn', error: '💥 error', skipped: '⏭️ skipped' };

/** How much detail a rendering keeps; the renderer steps down until the output fits. */
interface Detail {
  topFindings: number;
  stageFindings: number;
  metricRows: number;
  note: boolean;
}
const DETAIL_LEVELS: Detail[] = [
  { topFindings: Infinity, stageFindings: Infinity, metricRows: Infinity, note: false },
  ...[2000, 500, 100, 30, 10].map((n) => ({ topFindings: Math.min(n, 30), stageFindings: n, metricRows: n, note: true })),
  { topFindings: 10, stageFindings: 0, metricRows: 0, note: true },
];

/**
 * The PR comment (and, with a larger `maxLength`, the job summary): a hidden marker, the ranked
 * launch-blocker list, a yes/no table of the critical paths, then one collapsible section per stage
 * wrapped in its own markers. Shortened step by step to fit `maxLength`, with a note saying where
 * the full report is.
 */
export function renderMarkdown(result: GateResult, options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? COMMENT_LIMIT;
  let text = '';
  const finish = (t: string) => (options.escapeMentions ? escapeMentions(t) : t);
  for (const detail of DETAIL_LEVELS) {
    text = finish(renderAt(result, detail, options));
    if (text.length <= max) return text;
  }
  const note = `\n\n> ✂️ Cut to fit. ${fullReportHint(options)}\n`;
  return `${text.slice(0, Math.max(0, max - note.length))}${note}`;
}

/** `@name` → `&#64;name` outside HTML comments (the embedded data) and code spans (where it cannot ping). */
export function escapeMentions(markdown: string): string {
  return markdown
    .split(/(<!--[\s\S]*?-->|`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^\w&])@(?=[A-Za-z0-9])/g, '$1&#64;')))
    .join('');
}

function fullReportHint(options: MarkdownOptions): string {
  return `The full report is in ${options.fullReport ?? 'the job summary of this workflow run'}.`;
}

function renderAt(result: GateResult, detail: Detail, options: MarkdownOptions): string {
  const findings = rankedFindings(result);
  const lines = [COMMENT_MARKER, ...header(result, findings)];
  if (detail.note) lines.push('', `> ✂️ This report was shortened to fit. ${fullReportHint(options)}`);
  lines.push(...topList(result, findings, detail.topFindings, options.fullReport ?? 'the job summary', options.links), ...criticalPathTable(result));
  lines.push('', '### Stages', '');
  for (const stage of result.stages)
    lines.push(
      renderStageSection(stage, {
        maxFindings: detail.stageFindings,
        maxRows: detail.metricRows,
        ...(options.revision ? { revision: options.revision } : {}),
        ...(options.links ? { links: options.links } : {}),
      }),
    );
  lines.push('', `<sub>launch-ready ${result.tool.version} · fail-on \`${result.failOn}\` · ${formatMs(result.durationMs)}</sub>`, '');
  return lines.join('\n');
}

function header(result: GateResult, findings: Finding[]): string[] {
  const blocking = findings.filter((f) => failsGate(f.severity, result.failOn));
  const unchecked = result.criticalPaths.filter((p) => p.checkedBy.length === 0);
  // "Ready to launch" only when every critical path was looked at; silence from skipped stages is not readiness.
  const pass = unchecked.length === 0 ? '✅ ready to launch' : '✅ no blockers found';
  const verdict = { pass, fail: '❌ not ready to launch', error: '💥 a stage could not run' }[result.status];
  const counts =
    findings.length > 0
      ? `${findings.length} finding${findings.length === 1 ? '' : 's'} (${severityCounts(findings)}), ${blocking.length} fail the gate`
      : 'no findings';
  const lines = [`## launch-ready: ${verdict}`, '', counts];
  if (unchecked.length > 0)
    lines.push('', `Not checked: ${unchecked.map((p) => p.title).join(', ')}. Configure the stages that check them (see the stage sections).`);
  return lines;
}

function topList(result: GateResult, findings: Finding[], max: number, fullReport: string, links?: SourceLinks): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, max);
  const lines = ['', '### Launch blockers, most urgent first', '', '| | Severity | Finding | Where | Fix |', '|---|---|---|---|---|'];
  for (const f of shown)
    lines.push(
      `| **${f.id}** | ${SEVERITY_ICON[f.severity]} ${f.severity}${failsGate(f.severity, result.failOn) ? ' **(gate)**' : ''} | ${findingCell(f)} | ${whereCell(f, links)} | ${cell(f.fix)} |`,
    );
  // A blocker cut from the table is said out loud, with where to find it: never hidden below the table.
  const hidden = findings.slice(shown.length);
  const hiddenBlocking = hidden.filter((f) => failsGate(f.severity, result.failOn)).length;
  const others = hidden.length - hiddenBlocking;
  if (hiddenBlocking > 0) {
    lines.push(
      '',
      `**…and ${hiddenBlocking} more ${hiddenBlocking === 1 ? 'blocker' : 'blockers'} (see ${fullReport})**${others > 0 ? `, plus ${others} other finding${others === 1 ? '' : 's'}` : ''}.`,
    );
  } else if (hidden.length > 0) lines.push('', `_…and ${hidden.length} more findings in the stage sections below._`);
  return lines;
}

/** The location as code, linked to the file at its commit when the code host is known. */
function whereCell(f: Finding, links: SourceLinks | undefined): string {
  const label = code(locationLabel(f.location));
  const url = locationUrl(f.location, links);
  return url && label ? `[${label}](${url})` : label;
}

function findingCell(f: Finding): string {
  const evidence = f.evidence ? ` (${code(f.evidence)})` : '';
  return `${cell(f.title)}${evidence} <sub>${f.stage}/${cell(f.ruleId)}</sub>`;
}

function criticalPathTable(result: GateResult): string[] {
  if (result.criticalPaths.length === 0) return [];
  const lines = ['', '### Critical paths', '', '| Critical path | Ready | Blocked by | Checked by |', '|---|---|---|---|'];
  for (const p of result.criticalPaths) {
    const ready = p.checkedBy.length === 0 ? '➖ not checked' : p.ok ? '✅ yes' : '❌ no';
    lines.push(`| ${cell(p.title)} | ${ready} | ${p.blockers.join(', ')} | ${p.checkedBy.join(', ')} |`);
  }
  return lines;
}

/**
 * One stage's section, markers included: what a stage job replaces in the shared PR comment.
 * It embeds the stage's compact result so the rest of the comment can be re-rendered from it.
 */
export function renderStageSection(
  stage: StageResult,
  limits: { maxFindings?: number; maxRows?: number; revision?: string; links?: SourceLinks } = {},
): string {
  const maxFindings = limits.maxFindings ?? Infinity;
  const maxRows = limits.maxRows ?? Infinity;
  const title = stageTitle(stage);
  const body: string[] = [];
  if (stage.findings.length > 0 && maxFindings > 0) {
    body.push('| | Severity | Finding | Where | Fix |', '|---|---|---|---|---|');
    for (const f of stage.findings.slice(0, maxFindings))
      body.push(`| ${f.id} | ${SEVERITY_ICON[f.severity]} ${f.severity} | ${findingCell(f)} | ${whereCell(f, limits.links)} | ${cell(f.fix)} |`);
  }
  if (stage.findings.length > Math.min(maxFindings, stage.findings.length))
    body.push(
      '',
      `_${stage.findings.length - Math.min(maxFindings, stage.findings.length)} more findings (${severityCounts(stage.findings)} in all): see the full report._`,
    );
  if (stage.errors?.length) {
    body.push('', '**Could not run:**', '');
    for (const e of stage.errors.slice(0, 10))
      body.push(`- \`${cell(e.part)}\`: ${cell(clip(e.message, 400))}${e.fix ? `. **Fix:** ${cell(clip(e.fix, 300))}` : ''}`);
  }
  if (maxRows > 0) body.push(...renderBlocksMarkdown(stage.blocks, maxRows));
  if (body.length === 0) body.push(stage.status === 'skipped' ? '_Nothing to check._' : '_No findings._');
  return [
    stageStartMarker(stage.id),
    encodeStageData(stage, limits.revision),
    `<details><summary><b>${cell(title)}</b>: ${STATUS_LABEL[stage.status]} · ${cell(clip(stage.summary, 300))} <sub>(${formatMs(stage.durationMs)}${phaseNote(stage, ', ')})</sub></summary>`,
    '',
    ...body,
    '',
    '</details>',
    stageEndMarker(stage.id),
  ].join('\n');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
