import type { SecretRegistry } from '../core/redaction.js';
import type { GateResult } from '../core/result.js';
import { isGateResult } from '../core/result-file.js';
import { COMMENT_LIMIT, JOB_SUMMARY_LIMIT, renderMarkdown } from './markdown.js';
import type { SourceLinks } from './shared.js';

/**
 * The two Markdown variants the GitHub surface posts. Like `renderReport`, both are scrubbed of
 * every registered secret here, so nothing under `src/github/` ever handles unscrubbed report text.
 */
export function renderComment(result: GateResult, secrets: SecretRegistry, runUrl?: string, revision?: string, links?: SourceLinks): string {
  const fullReport = runUrl ? `the [job summary of this workflow run](${runUrl})` : 'the job summary of this workflow run';
  const options = { fullReport, escapeMentions: true, ...(revision ? { revision } : {}), ...(links ? { links } : {}) };
  const clean = scrubbed(result, secrets);
  return fit(
    (maxLength) => secrets.scrub(renderMarkdown(clean, { ...options, maxLength })),
    (t) => t.length,
    COMMENT_LIMIT,
  );
}

/** The job summary: the same Markdown with room for far more detail (GitHub caps a step's summary at 1 MiB of UTF-8). */
export function renderJobSummary(result: GateResult, secrets: SecretRegistry, reportPath?: string, links?: SourceLinks): string {
  const fullReport = reportPath ? `the JSON result (\`${reportPath}\`)` : 'the JSON result (`--format json`)';
  const clean = scrubbed(result, secrets);
  return fit(
    (maxLength) => secrets.scrub(renderMarkdown(clean, { maxLength, fullReport, escapeMentions: true, ...(links ? { links } : {}) })),
    (t) => Buffer.byteLength(t, 'utf8'),
    JOB_SUMMARY_LIMIT,
  );
}

/** The result with every registered secret already masked, so escaping during rendering cannot split one. */
function scrubbed(result: GateResult, secrets: SecretRegistry): GateResult {
  if (secrets.size === 0) return result;
  const parsed: unknown = JSON.parse(secrets.scrub(JSON.stringify(result)));
  // Scrubbing replaces text inside strings, so the shape survives; never render the unscrubbed result instead.
  if (!isGateResult(parsed)) throw new Error('internal: masking the secrets changed the shape of the result');
  return parsed;
}

/** Render at `limit` characters; scrubbing and multi-byte characters can change the size, so shrink until it fits. */
function fit(render: (maxLength: number) => string, size: (text: string) => number, limit: number): string {
  let maxLength = limit;
  for (let attempt = 0; attempt < 8; attempt++) {
    const text = render(maxLength);
    const measured = size(text);
    if (measured <= limit) return text;
    maxLength = Math.max(1024, Math.floor((maxLength * limit) / measured) - 256);
  }
  return render(1024);
}
