/**
 * Stage blocks (tables, series, timelines, notes) rendered generically, so the report layer never
 * needs to know a stage's metrics: text gets compact tables and one-line series, Markdown gets
 * tables, a mermaid chart per series and a timeline table against its budget.
 */
import type { BlockCell, NotesBlock, ReportBlock, SeriesBlock, TableBlock, TimelineBlock } from '../core/blocks.js';

/** Markdown table cell: one line, no pipe or HTML that could break the table. */
export function cell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

/** Inline code when safe, else escaped text. */
export function code(text: string): string {
  if (text === '') return '';
  return text.includes('`') ? cell(text) : `\`${text.replace(/\|/g, '\\|')}\``;
}

/** A block cell as Markdown: lines become `<br>`, yes/no for booleans, code for names. */
function markdownCell(value: BlockCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return value.note ? `${code(value.code)} ${cell(value.note)}` : code(value.code);
  return String(value).split(/\r?\n/).map(cell).join('<br>');
}

/** A block cell as plain text, on one line. */
function textCell(value: BlockCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return value.note ? `${value.code} ${value.note}` : value.code;
  return String(value).split(/\r?\n/).join(', ');
}

/** Every block of a stage as Markdown lines, each table cut to `maxRows` rows. */
export function renderBlocksMarkdown(blocks: readonly ReportBlock[] | undefined, maxRows: number): string[] {
  const lines: string[] = [];
  for (const block of blocks ?? []) {
    if (block.kind === 'table') lines.push(...markdownTable(block, maxRows));
    else if (block.kind === 'series') lines.push(...markdownSeries(block));
    else if (block.kind === 'timeline') lines.push(...markdownTimeline(block, maxRows));
    else lines.push(...markdownNotes(block, maxRows));
  }
  return lines;
}

function markdownTable(block: TableBlock, maxRows: number): string[] {
  if (block.rows.length === 0) return [];
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const lines = ['', `**${cell(block.title)}**`, '', row(block.columns.map(cell)), row(block.columns.map(() => '---')).replace(/ /g, '')];
  for (const cells of block.rows.slice(0, maxRows)) lines.push(row(block.columns.map((_, i) => markdownCell(cells[i] ?? null))));
  if (block.rows.length > maxRows) lines.push(`_…and ${block.rows.length - maxRows} more rows (see the JSON result)._`);
  if (block.note) lines.push('', `_${cell(block.note)}_`);
  return lines;
}

/** A mermaid `xychart-beta` (GitHub renders it): one line per series, x as the axis labels. */
function markdownSeries(block: SeriesBlock): string[] {
  if (block.x.length === 0) return [];
  const label = (text: string) => JSON.stringify(text.replace(/["\n]/g, ' '));
  const numbers = (values: readonly (number | null)[]) => values.map((v) => (v === null || !Number.isFinite(v) ? 0 : round(v))).join(', ');
  const lines = [
    '',
    `**${cell(block.title)}**`,
    '',
    '```mermaid',
    'xychart-beta',
    `  title ${label(block.title)}`,
    `  x-axis ${label(block.xLabel)} [${block.x.map((x) => round(x)).join(', ')}]`,
    `  y-axis ${label(block.yLabel)}`,
  ];
  for (const series of block.series) lines.push(`  line [${numbers(series.values)}]`);
  lines.push('```');
  if (block.series.length > 1) lines.push('', `_Lines: ${block.series.map((s) => cell(s.name)).join(', ')}._`);
  return lines;
}

function markdownTimeline(block: TimelineBlock, maxRows: number): string[] {
  const total = totalSeconds(block);
  const budget =
    block.budgetSeconds !== undefined
      ? ` · ${round(total)} s of a ${round(block.budgetSeconds)} s budget${total > block.budgetSeconds ? ' **(over)**' : ''}`
      : ` · ${round(total)} s`;
  const lines = ['', `**${cell(block.title)}**${budget}`, '', '| Step | Starts at | Took | OK | Note |', '|---|---|---|---|---|'];
  for (const step of block.steps.slice(0, maxRows))
    lines.push(`| ${cell(step.name)} | ${round(step.startSeconds)} s | ${round(step.seconds)} s | ${step.ok ? 'yes' : '**no**'} | ${cell(step.note)} |`);
  if (block.steps.length > maxRows) lines.push(`_…and ${block.steps.length - maxRows} more steps (see the JSON result)._`);
  return lines;
}

function markdownNotes(block: NotesBlock, maxRows: number): string[] {
  if (block.items.length === 0) return [];
  return ['', `**${cell(block.title)}**`, '', ...block.items.slice(0, maxRows).map((item) => `- ${cell(item)}`)];
}

/** Text lines for a stage's blocks, indented under its line: compact tables, one line per series. */
export function renderBlocksText(blocks: readonly ReportBlock[] | undefined, indent: string, maxRows = 10): string[] {
  const lines: string[] = [];
  for (const block of blocks ?? []) {
    if (block.kind === 'table') lines.push(...textTable(block, indent, maxRows));
    else if (block.kind === 'series') lines.push(`${indent}${block.title}: ${seriesSummary(block)}`);
    else if (block.kind === 'timeline') lines.push(...textTimeline(block, indent, maxRows));
    else if (block.items.length > 0) lines.push(`${indent}${block.title}:`, ...block.items.slice(0, maxRows).map((item) => `${indent}  - ${item}`));
  }
  return lines;
}

function textTable(block: TableBlock, indent: string, maxRows: number): string[] {
  if (block.rows.length === 0) return [];
  if (block.complete) maxRows = block.rows.length;
  const rows = block.rows.slice(0, maxRows).map((cells) => block.columns.map((_, i) => textCell(cells[i] ?? null)));
  const widths = block.columns.map((name, i) => Math.min(40, Math.max(name.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: readonly string[]) =>
    `${indent}  ${cells.map((c, i) => (c.length > widths[i]! ? `${c.slice(0, widths[i]! - 1)}…` : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  const lines = [`${indent}${block.title}:`, line(block.columns), ...rows.map(line)];
  if (block.rows.length > maxRows) lines.push(`${indent}  …and ${block.rows.length - maxRows} more rows (see --format json)`);
  return lines;
}

/** `p95: 120 → 340 ms (min 80, max 410) over 30 points`: the shape of a series in one line. */
function seriesSummary(block: SeriesBlock): string {
  const parts = block.series.map((series) => {
    const values = series.values.filter((v): v is number => v !== null && Number.isFinite(v));
    if (values.length === 0) return `${series.name}: no data`;
    return `${series.name} ${round(values[0]!)} → ${round(values[values.length - 1]!)} ${block.yLabel} (min ${round(Math.min(...values))}, max ${round(Math.max(...values))})`;
  });
  return `${parts.join('; ')} over ${block.x.length} points`;
}

function textTimeline(block: TimelineBlock, indent: string, maxRows: number): string[] {
  const total = totalSeconds(block);
  const budget =
    block.budgetSeconds !== undefined
      ? ` (${round(total)} s of a ${round(block.budgetSeconds)} s budget${total > block.budgetSeconds ? ', over' : ''})`
      : ` (${round(total)} s)`;
  const lines = [`${indent}${block.title}${budget}:`];
  for (const step of block.steps.slice(0, maxRows))
    lines.push(
      `${indent}  ${step.ok ? 'ok  ' : 'FAIL'}  ${step.name}: ${round(step.seconds)} s at ${round(step.startSeconds)} s${step.note ? ` (${step.note})` : ''}`,
    );
  return lines;
}

export function totalSeconds(block: TimelineBlock): number {
  return block.steps.reduce((end, step) => Math.max(end, step.startSeconds + step.seconds), 0);
}

export function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}
