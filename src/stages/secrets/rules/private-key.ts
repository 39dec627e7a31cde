import type { SecretRule } from './types.js';

const BEGIN = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const MAX_KEY_CHARS = 20_000;

/**
 * PEM and OpenSSH private keys. The body is found with `indexOf` rather than a lazy `[\s\S]*?`,
 * which would re-scan up to the END line from every BEGIN and go quadratic on crafted input.
 * The secret is the key body (between the armour lines), so redaction shows `MIIE…(1675 chars)`;
 * the match is located at its `-----BEGIN` line.
 */
export function findPrivateKeys(text: string): { secret: string; index: number }[] {
  const out: { secret: string; index: number }[] = [];
  BEGIN.lastIndex = 0;
  // The END found for one BEGIN serves every BEGIN before it: each byte is searched once.
  let end = -2;
  for (let match = BEGIN.exec(text); match; match = BEGIN.exec(text)) {
    const start = match.index + match[0].length;
    if (end < start) end = text.indexOf('-----END', start);
    if (end === -1) break;
    if (end - start > MAX_KEY_CHARS) continue;
    const body = trimKeyBody(text.slice(start, end));
    if (body.replace(/\\n|[^A-Za-z0-9+/=]/g, '').length < 64) continue;
    // Located at the `-----BEGIN` line, where a reader (and an annotation) sees the key start.
    out.push({ secret: body, index: match.index });
    BEGIN.lastIndex = end;
  }
  return out;
}

/** Trim whitespace and JSON-escaped `\n` from both ends, in linear time. */
function trimKeyBody(raw: string): string {
  let from = 0;
  let to = raw.length;
  const skippable = (i: number) => /\s/.test(raw[i]!) || (raw[i] === '\\' && (raw[i + 1] === 'n' || raw[i + 1] === 'r'));
  while (from < to && skippable(from)) from += raw[from] === '\\' ? 2 : 1;
  while (to > from && (/\s/.test(raw[to - 1]!) || (raw[to - 2] === '\\' && (raw[to - 1] === 'n' || raw[to - 1] === 'r'))))
    to -= /\s/.test(raw[to - 1]!) ? 1 : 2;
  return raw.slice(from, to);
}

/** Rule entry for the PEM finder; its `pattern` only serves the prefilter and `.gitleaks.toml` ids. */
export const PRIVATE_KEY_RULE: SecretRule = {
  id: 'private-key',
  title: 'Private key (PEM or OpenSSH)',
  keywords: ['private key'],
  pattern: BEGIN,
  severity: 'blocker',
  find: findPrivateKeys,
};
