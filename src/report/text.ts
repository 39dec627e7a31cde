import type { GateResult, StageStatus } from '../core/result.js';
import type { Severity } from '../core/severity.js';
import { failsGate } from '../core/severity.js';
import { renderBlocksText } from './blocks.js';
import { locationLabel, phaseNote, rankedFindings } from './shared.js';

export interface TextOptions {
  /** ANSI colours; the CLI asks for them only on a TTY without NO_COLOR. */
  color?: boolean;
}

const SEVERITY_COLOR: Record<Severity, string> = { blocker: '1;31', high: '31', medium: '33', low: '36', info: '2' };
const STATUS_COLOR: Record<StageStatus, string> = { pass: '32', fail: '31', warn: '33', error: '33', skipped: '2' };

/**
 * Terminal report, compact: the verdict, the ranked findings (blockers first) with their fix,
 * the critical paths yes/no, then one line per stage with the parts that could not run and their fix.
 */
export function renderText(result: GateResult, options: TextOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const verdict = { pass: paint('1;32', 'PASS'), fail: paint('1;31', 'FAIL'), error: paint('1;33', 'ERROR') }[result.status];
  const findings = rankedFindings(result);
  const blocking = findings.filter((f) => failsGate(f.severity, result.failOn)).length;
  const tally = findings.length === 0 ? 'no findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}, ${blocking} fail the gate`;
  const lines = [`launch-ready ${result.tool.version}: gate ${verdict} (${tally}; fail-on ${result.failOn}; ${result.durationMs} ms)`];

  if (findings.length > 0) {
    lines.push('', 'Launch blockers, most urgent first:');
    for (const f of findings) {
      const where = locationLabel(f.location);
      lines.push(`  ${f.id.padEnd(4)}${paint(SEVERITY_COLOR[f.severity], f.severity.toUpperCase().padEnd(8))}${f.title}  [${f.stage}/${f.ruleId}]`);
      if (where) lines.push(`        at ${where}`);
      if (f.evidence) lines.push(`        evidence: ${f.evidence}`);
      lines.push(`        fix: ${f.fix}`);
    }
  }

  if (result.criticalPaths.length > 0) {
    lines.push('', 'Critical paths:');
    const width = Math.max(...result.criticalPaths.map((p) => p.title.length));
    for (const p of result.criticalPaths) {
      if (p.checkedBy.length === 0) {
        lines.push(`  ${p.title.padEnd(width)}  ${paint('33', 'not checked')}  no stage that checks it ran`);
        continue;
      }
      const answer = p.ok ? paint('32', 'yes') : paint('31', 'no ');
      lines.push(`  ${p.title.padEnd(width)}  ${answer}${p.ok ? `  checked by ${p.checkedBy.join(', ')}` : `  blocked by ${p.blockers.join(', ')}`}`);
    }
  }

  lines.push('', 'Stages:');
  for (const s of result.stages) {
    lines.push(
      `  ${s.id.padEnd(Math.max(9, s.id.length + 1))}${paint(STATUS_COLOR[s.status], s.status.padEnd(8))}${s.summary} (${s.durationMs} ms${phaseNote(s, '; ')})`,
    );
    for (const e of s.errors ?? []) lines.push(`           could not run ${e.part}: ${e.message}${e.fix ? `; fix: ${e.fix}` : ''}`);
    lines.push(...renderBlocksText(s.blocks, '           '));
  }
  return `${lines.join('\n')}\n`;
}
