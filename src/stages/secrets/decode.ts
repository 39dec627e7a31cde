/**
 * Kubernetes `Secret` manifests (and Helm values that mimic them) hold values base64-encoded under
 * `data:`, which hides every provider prefix from the rules. This finds those values so the scanner
 * can decode and rescan them.
 */
const KIND_SECRET = /kind:[ \t]{0,5}["']?Secret\b/;
const DATA_LINE = /^[ \t]{1,16}([A-Za-z0-9_.-]{1,100}):[ \t]{0,5}["']?([A-Za-z0-9+/]{12,8000}={0,2})["']?[ \t]*\r?$/gm;

/** One base64 value of a Secret manifest, decoded, with where its encoded form starts. */
export interface EncodedValue {
  name: string;
  decoded: string;
  /** Offset of the base64 text in the scanned text. */
  index: number;
}

/** Decoded `data:` values of Kubernetes Secret manifests in `text`; none when there is no `kind: Secret`. */
export function encodedSecretValues(text: string): EncodedValue[] {
  if (!KIND_SECRET.test(text)) return [];
  const out: EncodedValue[] = [];
  DATA_LINE.lastIndex = 0;
  for (let match = DATA_LINE.exec(text); match; match = DATA_LINE.exec(text)) {
    const encoded = match[2]!;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    // Binary payloads (certificates in DER, keystores) are not text a rule could match.
    if (decoded.length < 8 || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded)) continue;
    out.push({ name: match[1]!, decoded, index: match.index + match[0].indexOf(encoded) });
  }
  return out;
}
