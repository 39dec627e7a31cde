import type { GateResult } from '../core/result.js';

/** The result contract (ARCHITECTURE.md, "Stable ids and the result contract"; version 1), pretty-printed. */
export function renderJson(result: GateResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
