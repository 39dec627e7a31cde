import type { GateResult } from '../core/result.js';

/** Terminal report: verdict, ranked blockers, critical paths, one line per stage. */
export function renderText(result: GateResult, options: { color?: boolean } = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const verdict = { pass: paint('32', 'PASS'), fail: paint('31', 'FAIL'), error: paint('33', 'ERROR') }[result.status];
  const lines = [`launch-ready ${result.tool.version}: gate ${verdict} (fail-on ${result.failOn}, ${result.durationMs} ms)`, ''];
  const findings = result.stages.flatMap((s) => s.findings).sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
  if (findings.length > 0) {
    lines.push('Launch blockers, most urgent first:');
    for (const f of findings) {
      const where = f.location ? ` (${[f.location.file && `${f.location.file}${f.location.line ? `:${f.location.line}` : ''}`, f.location.host, f.location.url].filter(Boolean).join(' ')})` : '';
      lines.push(`  ${f.id} ${f.severity.toUpperCase()} [${f.stage}/${f.ruleId}] ${f.title}${where}`);
      if (f.evidence) lines.push(`     evidence: ${f.evidence}`);
      lines.push(`     fix: ${f.fix}`);
    }
    lines.push('');
  }
  lines.push('Critical paths:');
  for (const p of result.criticalPaths) lines.push(`  ${p.ok ? paint('32', 'yes') : paint('31', 'no ')} ${p.title}${p.ok ? '' : ` (${p.blockers.join(', ')})`}`);
  lines.push('', 'Stages:');
  for (const s of result.stages) {
    lines.push(`  ${s.id.padEnd(8)} ${s.status.padEnd(7)} ${s.summary}`);
    for (const e of s.errors ?? []) lines.push(`           ${e.part}: ${e.message}${e.fix ? `; ${e.fix}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
