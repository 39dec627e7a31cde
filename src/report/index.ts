import type { SecretRegistry } from '../core/redaction.js';
import type { Format } from '../core/request.js';
import type { GateResult } from '../core/result.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export interface RenderOptions {
  /** Every secret met during the run: the output is scrubbed of each (defence in depth). */
  secrets: SecretRegistry;
  color?: boolean;
}

/** Render the gate in one format. Every format goes through redaction here, and only here. */
export function renderReport(result: GateResult, format: Format, options: RenderOptions): string {
  const text = {
    text: () => renderText(result, { color: options.color ?? false }),
    json: () => renderJson(result),
    markdown: () => renderMarkdown(result),
    sarif: () => renderSarif(result),
    html: () => renderHtml(result),
  }[format]();
  return options.secrets.scrub(text);
}
