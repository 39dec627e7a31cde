import type { GateResult } from '../core/result.js';

/** SARIF 2.1.0. (Placeholder: the full renderer is built with the GitHub surface.) */
export function renderSarif(result: GateResult): string {
  const results = result.stages.flatMap((s) => s.findings).map((f) => ({ ruleId: `${f.stage}/${f.ruleId}`, level: 'error', message: { text: f.title } }));
  return `${JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'launch-ready', version: result.tool.version } }, results }] }, null, 2)}\n`;
}
