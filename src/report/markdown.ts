import type { GateResult } from '../core/result.js';

/** PR comment / job summary. (Placeholder: the full renderer is built with the GitHub surface.) */
export function renderMarkdown(result: GateResult): string {
  const rows = result.criticalPaths.map((p) => `| ${p.title} | ${p.ok ? 'yes' : `no (${p.blockers.join(', ')})`} |`);
  return [`## launch-ready: ${result.status}`, '', '| Critical path | OK |', '|---|---|', ...rows, ''].join('\n');
}
