/**
 * Redaction: the one place that decides how a secret value may be shown.
 * A secret is shown as its first 4 characters and its length, never whole. Every reporter's output
 * also passes through {@link SecretRegistry.scrub}, so a secret that slipped into a title, a summary
 * or a metric is still masked (defence in depth; the first line of defence is that stages hand raw
 * values only to `secret`, never to `evidence` or `title`).
 */

const SHOWN_PREFIX = 4;

/** `ghp_…(40 chars)`. Values of 8 characters or fewer show no prefix at all. */
export function redactSecret(value: string): string {
  const length = [...value].length;
  const prefix = length > 8 ? [...value].slice(0, SHOWN_PREFIX).join('') : '';
  return `${prefix}…(${length} chars)`;
}

/** Collects every secret value seen during a run so any text can be scrubbed of them. */
export class SecretRegistry {
  private readonly values = new Set<string>();

  /** Remember a raw secret value. Values shorter than 6 characters are too common to scrub safely. */
  add(value: string | undefined): void {
    if (value && value.length >= 6) this.values.add(value);
  }

  get size(): number {
    return this.values.size;
  }

  /** Replace every occurrence of a remembered secret (longest first) with its redacted form. */
  scrub(text: string): string {
    if (this.values.size === 0) return text;
    const sorted = [...this.values].sort((a, b) => b.length - a.length);
    let out = text;
    for (const value of sorted) {
      if (out.includes(value)) out = out.split(value).join(redactSecret(value));
      // JSON output escapes some characters (quotes, backslashes, newlines): scrub that form too.
      const escaped = JSON.stringify(value).slice(1, -1);
      if (escaped !== value && out.includes(escaped)) out = out.split(escaped).join(redactSecret(value));
    }
    return out;
  }
}
