/**
 * Presentation-neutral report blocks. A stage describes what it wants shown (a table, a chart, a
 * timeline, notes) and every reporter (text, Markdown, HTML, the job summary) renders blocks
 * generically, so `src/report/` never needs to know a stage's metrics.
 */

/**
 * One table cell: text (a line break separates values: one DNS record per line), a number, a
 * yes/no, empty, or a name shown as code (a host, a path) with an optional plain note after it.
 */
export type BlockCell = string | number | boolean | null | { code: string; note?: string };

/** A table: the per-route latency table, the domain map, the smoke checks. */
export interface TableBlock {
  kind: 'table';
  title: string;
  columns: string[];
  rows: BlockCell[][];
  /** Optional one-line note under the table (units, what was cut). */
  note?: string;
  /** The user asked for every row (`launch-ready env --list`): the terminal shows them all (Markdown still fits the comment). */
  complete?: boolean;
}

/** Numbers over time: the burst latency-over-time chart. `x` and each `values` have one entry per point. */
export interface SeriesBlock {
  kind: 'series';
  title: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  series: { name: string; values: (number | null)[] }[];
}

/** Steps of a timed procedure against a budget: the rollback drill. */
export interface TimelineBlock {
  kind: 'timeline';
  title: string;
  budgetSeconds?: number;
  steps: { name: string; startSeconds: number; seconds: number; ok: boolean; note?: string }[];
}

/** Sentences worth reading: bottleneck notes, what was not checked and why. */
export interface NotesBlock {
  kind: 'notes';
  title: string;
  items: string[];
}

export type ReportBlock = TableBlock | SeriesBlock | TimelineBlock | NotesBlock;
