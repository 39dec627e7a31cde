/**
 * `--format html`: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the
 * ranked launch blockers, the critical-path table and each stage's blocks: tables, a line chart per
 * series (burst latency over time), a bar per timeline step against its budget (the rollback drill).
 */
import type { BlockCell, NotesBlock, ReportBlock, SeriesBlock, TableBlock, TimelineBlock } from '../core/blocks.js';
import type { Finding } from '../core/findings.js';
import type { GateResult, StageResult } from '../core/result.js';
import { failsGate, type Severity } from '../core/severity.js';
import { round, totalSeconds } from './blocks.js';
import { locationLabel, rankedFindings, stageTitle } from './shared.js';

const SEVERITY_COLOR: Record<Severity, string> = { blocker: '#b42318', high: '#c4320a', medium: '#b54708', low: '#175cd3', info: '#667085' };
const SERIES_COLORS = ['#175cd3', '#b42318', '#067647', '#6941c6', '#b54708'];

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The whole report as one HTML page. */
export function renderHtml(result: GateResult): string {
  const findings = rankedFindings(result);
  const blocking = findings.filter((f) => failsGate(f.severity, result.failOn));
  const verdict = { pass: 'Gate passed', fail: 'Gate failed', error: 'A stage could not run' }[result.status];
  const body = [
    `<header class="verdict ${result.status}" data-testid="verdict"><h1>launch-ready: ${escapeHtml(verdict)}</h1>`,
    `<p>${findings.length} finding${findings.length === 1 ? '' : 's'}, ${blocking.length} at or above <code>${escapeHtml(result.failOn)}</code> · launch-ready ${escapeHtml(result.tool.version)} · ${Math.round(result.durationMs / 100) / 10} s</p></header>`,
    findingsSection(findings, result),
    criticalPathsSection(result),
    ...result.stages.map(stageSection),
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>launch-ready report</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body></html>
`;
}

function findingsSection(findings: readonly Finding[], result: GateResult): string {
  if (findings.length === 0) return '<section><h2>Launch blockers</h2><p data-testid="no-findings">Nothing found that blocks the launch.</p></section>';
  const items = findings.map((f, i) => {
    const where = locationLabel(f.location);
    const gate = failsGate(f.severity, result.failOn) ? ' fails-gate' : '';
    return `<li class="finding${gate}"${i === 0 ? ' data-testid="first-finding"' : ''}>
<span class="badge" style="background:${SEVERITY_COLOR[f.severity]}">${escapeHtml(f.severity)}</span> <strong>${escapeHtml(f.id)}</strong> ${escapeHtml(f.title)} <span class="muted">${escapeHtml(f.stage)}/${escapeHtml(f.ruleId)}</span>
${where ? `<div class="muted">at <code>${escapeHtml(where)}</code></div>` : ''}${f.evidence ? `<div>evidence: <code>${escapeHtml(f.evidence)}</code></div>` : ''}
<div class="fix">fix: ${escapeHtml(f.fix)}</div></li>`;
  });
  return `<section><h2>Launch blockers, most urgent first</h2><ol class="findings" data-testid="findings">${items.join('\n')}</ol></section>`;
}

function criticalPathsSection(result: GateResult): string {
  if (result.criticalPaths.length === 0) return '';
  const rows = result.criticalPaths.map((p) => {
    const answer = p.checkedBy.length === 0 ? '<span class="muted">not checked</span>' : p.ok ? '<span class="yes">yes</span>' : '<span class="no">no</span>';
    const why =
      p.checkedBy.length === 0
        ? 'no stage that checks it ran'
        : p.ok
          ? `checked by ${escapeHtml(p.checkedBy.join(', '))}`
          : `blocked by ${escapeHtml(p.blockers.join(', '))}`;
    return `<tr><td>${escapeHtml(p.title)}</td><td>${answer}</td><td>${why}</td></tr>`;
  });
  return `<section><h2>Critical paths</h2><table data-testid="critical-paths"><thead><tr><th>Path</th><th>Ready</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function stageSection(stage: StageResult): string {
  const errors = (stage.errors ?? []).map(
    (e) => `<li>could not run ${escapeHtml(e.part)}: ${escapeHtml(e.message)}${e.fix ? `; fix: ${escapeHtml(e.fix)}` : ''}</li>`,
  );
  return `<section class="stage" data-stage="${escapeHtml(stage.id)}"><h2>${escapeHtml(stageTitle(stage))} <span class="status ${escapeHtml(stage.status)}">${escapeHtml(stage.status)}</span></h2>
<p>${escapeHtml(stage.summary)} <span class="muted">(${stage.durationMs} ms)</span></p>${errors.length > 0 ? `<ul class="errors">${errors.join('')}</ul>` : ''}
${(stage.blocks ?? []).map(blockHtml).join('\n')}</section>`;
}

function blockHtml(block: ReportBlock): string {
  if (block.kind === 'table') return tableHtml(block);
  if (block.kind === 'series') return seriesHtml(block);
  if (block.kind === 'timeline') return timelineHtml(block);
  return notesHtml(block);
}

function cellHtml(value: BlockCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '<span class="yes">yes</span>' : '<span class="no">no</span>';
  if (typeof value === 'object') return `<code>${escapeHtml(value.code)}</code>${value.note ? ` ${escapeHtml(value.note)}` : ''}`;
  return escapeHtml(value).replace(/\r?\n/g, '<br>');
}

function tableHtml(block: TableBlock): string {
  if (block.rows.length === 0) return '';
  const head = block.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const rows = block.rows.map((cells) => `<tr>${block.columns.map((_, i) => `<td>${cellHtml(cells[i] ?? null)}</td>`).join('')}</tr>`).join('');
  return `<h3>${escapeHtml(block.title)}</h3><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${block.note ? `<p class="muted">${escapeHtml(block.note)}</p>` : ''}`;
}

function notesHtml(block: NotesBlock): string {
  if (block.items.length === 0) return '';
  return `<h3>${escapeHtml(block.title)}</h3><ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

const CHART = { width: 720, height: 260, left: 56, right: 16, top: 16, bottom: 36 };

/** A line chart in SVG: one polyline per series, axes with min/max labels, a legend. */
function seriesHtml(block: SeriesBlock): string {
  const values = block.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  if (block.x.length === 0 || values.length === 0) return '';
  const [x0, x1] = [Math.min(...block.x), Math.max(...block.x)];
  const yMax = Math.max(...values, 1);
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const px = (x: number) => CHART.left + (x1 === x0 ? plotW / 2 : ((x - x0) / (x1 - x0)) * plotW);
  const py = (y: number) => CHART.top + plotH - (y / yMax) * plotH;
  const lines = block.series.map((series, i) => {
    const points = series.values
      .map((v, j) => (v === null || !Number.isFinite(v) || block.x[j] === undefined ? null : `${round(px(block.x[j]!))},${round(py(v))}`))
      .filter((p) => p !== null);
    return `<polyline class="series" fill="none" stroke-width="2" stroke="${SERIES_COLORS[i % SERIES_COLORS.length]}" points="${points.join(' ')}"><title>${escapeHtml(series.name)}</title></polyline>`;
  });
  const axis = `<line x1="${CHART.left}" y1="${CHART.top + plotH}" x2="${CHART.left + plotW}" y2="${CHART.top + plotH}" stroke="#98a2b3"/><line x1="${CHART.left}" y1="${CHART.top}" x2="${CHART.left}" y2="${CHART.top + plotH}" stroke="#98a2b3"/>`;
  const labels = `<text x="${CHART.left - 6}" y="${CHART.top + 4}" text-anchor="end">${round(yMax)}</text><text x="${CHART.left - 6}" y="${CHART.top + plotH}" text-anchor="end">0</text>
<text x="${CHART.left}" y="${CHART.height - 18}">${round(x0)}</text><text x="${CHART.left + plotW}" y="${CHART.height - 18}" text-anchor="end">${round(x1)}</text>
<text x="${CHART.left + plotW / 2}" y="${CHART.height - 4}" text-anchor="middle">${escapeHtml(block.xLabel)}</text><text x="12" y="${CHART.top + plotH / 2}" transform="rotate(-90 12 ${CHART.top + plotH / 2})" text-anchor="middle">${escapeHtml(block.yLabel)}</text>`;
  const legend = block.series
    .map((s, i) => `<span class="legend"><i style="background:${SERIES_COLORS[i % SERIES_COLORS.length]}"></i>${escapeHtml(s.name)}</span>`)
    .join(' ');
  return `<h3>${escapeHtml(block.title)}</h3><svg class="chart" data-testid="chart" role="img" aria-label="${escapeHtml(block.title)}" viewBox="0 0 ${CHART.width} ${CHART.height}" width="${CHART.width}" height="${CHART.height}">${axis}${labels}${lines.join('')}</svg><div>${legend}</div>`;
}

/** One bar per step on a shared time axis, with the budget as a line. */
function timelineHtml(block: TimelineBlock): string {
  if (block.steps.length === 0) return '';
  const total = totalSeconds(block);
  const span = Math.max(total, block.budgetSeconds ?? 0, 1);
  const pct = (s: number) => `${Math.max(0, Math.min(100, (s / span) * 100)).toFixed(2)}%`;
  const rows = block.steps.map(
    (step) =>
      `<div class="step"><span class="step-name">${escapeHtml(step.name)}</span><span class="track"><span class="bar ${step.ok ? 'ok' : 'bad'}" style="left:${pct(step.startSeconds)};width:${pct(Math.max(step.seconds, span / 200))}"></span>${block.budgetSeconds !== undefined ? `<span class="budget" style="left:${pct(block.budgetSeconds)}"></span>` : ''}</span><span class="muted">${round(step.seconds)} s${step.note ? ` · ${escapeHtml(step.note)}` : ''}</span></div>`,
  );
  const budget =
    block.budgetSeconds !== undefined
      ? ` · ${round(total)} s of a ${round(block.budgetSeconds)} s budget${total > block.budgetSeconds ? ' (over)' : ''}`
      : ` · ${round(total)} s`;
  return `<h3>${escapeHtml(block.title)}<span class="muted">${budget}</span></h3><div class="timeline" data-testid="timeline">${rows.join('')}</div>`;
}

const STYLE = `body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#101828;background:#f9fafb;margin:0}
main{max-width:1000px;margin:0 auto;padding:24px}section{background:#fff;border:1px solid #eaecf0;border-radius:8px;padding:16px 20px;margin:16px 0}
.verdict{border-radius:8px;padding:12px 20px;color:#fff}.verdict.pass{background:#067647}.verdict.fail{background:#b42318}.verdict.error{background:#b54708}.verdict h1{margin:0 0 4px;font-size:22px}
.verdict p{margin:0}.verdict code{color:#fff;background:rgba(255,255,255,.2)}h2{font-size:18px;margin:0 0 8px}h3{font-size:15px;margin:16px 0 6px}code{font-family:ui-monospace,Menlo,monospace;font-size:13px;background:#f2f4f7;padding:1px 4px;border-radius:4px;color:#101828}
.badge{color:#fff;border-radius:4px;padding:1px 6px;font-size:12px;text-transform:uppercase;font-weight:600}.muted{color:#667085}.fix{color:#344054}
ol.findings{padding-left:20px}li.finding{margin:0 0 10px}table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;border-bottom:1px solid #eaecf0;padding:4px 8px;vertical-align:top}
.yes{color:#067647;font-weight:600}.no{color:#b42318;font-weight:600}.status{font-size:12px;border-radius:4px;padding:1px 6px;background:#f2f4f7;color:#344054;vertical-align:middle}
.status.fail,.status.error{background:#fee4e2;color:#b42318}.status.pass{background:#dcfae6;color:#067647}svg.chart{max-width:100%;height:auto;font-size:11px;fill:#475467}
.legend{margin-right:12px;font-size:13px}.legend i{display:inline-block;width:12px;height:3px;margin-right:4px;vertical-align:middle}
.step{display:grid;grid-template-columns:180px 1fr 200px;gap:8px;align-items:center;margin:4px 0}.track{position:relative;height:14px;background:#f2f4f7;border-radius:3px}
.bar{position:absolute;top:0;height:14px;border-radius:3px}.bar.ok{background:#12b76a}.bar.bad{background:#f04438}.budget{position:absolute;top:-3px;width:2px;height:20px;background:#101828}`;
