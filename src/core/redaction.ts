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

/**
 * `acme`, `launchready`, `Staging2024`: letters, maybe a few trailing digits. Such a value (an app's
 * name used as its database password) also occurs in paths and titles where it is not the secret,
 * so it is scrubbed only where it stands as a value. Anything else is scrubbed wherever it appears.
 */
export function isPlainWord(value: string): boolean {
  return value.length <= 32 && /^[A-Za-z][a-z]*(?:[-_ ]?[A-Za-z][a-z]*)*[0-9]{0,4}$/.test(value);
}

/**
 * The userinfo of a URL (`https://user:password@host`): a credential wherever it appears. Bounded
 * quantifiers and a literal `://` anchor each match, so the scan stays linear.
 */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]{0,30}:\/\/)([^\s/?#@'"`<>]{1,256})@(?=[^\s/?#@'"`<>]{1,253})/gi;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Collects every secret value seen during a run so any text can be scrubbed of them. */
export class SecretRegistry {
  private readonly values = new Set<string>();

  /** Remember a raw secret value. Values shorter than 6 characters are too common to scrub safely. */
  add(value: string | undefined): void {
    if (value && value.length >= 6) this.values.add(value);
  }

  /** Remember the credentials in a URL's userinfo (`user:password`, or a token as the user). */
  addUrl(url: string | undefined): void {
    if (!url) return;
    URL_USERINFO.lastIndex = 0;
    for (let match = URL_USERINFO.exec(url); match; match = URL_USERINFO.exec(url)) {
      const userinfo = match[2]!;
      const colon = userinfo.indexOf(':');
      this.add(colon === -1 ? userinfo : userinfo.slice(colon + 1));
    }
  }

  get size(): number {
    return this.values.size;
  }

  /**
   * Replace every occurrence of a remembered secret (longest first) with its redacted form, and
   * the userinfo of every URL. A plain-word value is replaced only where it stands as a value
   * (after `=` or `:`, in quotes, as a URL password), so paths and titles that share the word stay
   * readable.
   */
  scrub(text: string): string {
    let out = scrubUserinfo(text);
    if (this.values.size === 0) return out;
    const sorted = [...this.values].sort((a, b) => b.length - a.length);
    for (const value of sorted) {
      const escaped = JSON.stringify(value).slice(1, -1);
      const forms = escaped === value ? [value] : [value, escaped];
      for (const form of forms) {
        if (!out.includes(form)) continue;
        out = isPlainWord(value) ? scrubInValuePositions(out, form, value) : out.split(form).join(redactSecret(value));
      }
    }
    return out;
  }
}

/** `https://user:pass@host` → `https://user…(9 chars)@host`: the whole userinfo is one secret. */
function scrubUserinfo(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(URL_USERINFO, (_all, scheme: string, userinfo: string) => `${scheme}${redactSecret(userinfo)}@`);
}

/** `PASSWORD=acme`, `"password": "acme"`, `password: acme`, `'acme'`: the word where it is a value, not inside a path. */
function scrubInValuePositions(text: string, form: string, value: string): string {
  const word = escapeRegExp(form);
  const quoted = new RegExp(`(["'\`])${word}\\1`, 'g');
  const assigned = new RegExp(`([=:]\\s{0,3})${word}(?=$|[\\s"'\`,;&)}\\]])`, 'gm');
  const masked = redactSecret(value);
  return text.replace(quoted, (_all, quote: string) => `${quote}${masked}${quote}`).replace(assigned, (_all, before: string) => `${before}${masked}`);
}
