/**
 * The small JSON-path subset smoke checks need: `$.a.b`, `$.items[0].id`, `$['odd key']`, and
 * `.length` of arrays and strings. No filters or wildcards: a check names one value.
 */
import { isRecord } from '../../core/guards.js';

/** Path segments of `$.a[0]['b c']`, or undefined when it does not parse. */
export function parseJsonPath(path: string): (string | number)[] | undefined {
  let rest = path.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  else if (rest && !rest.startsWith('.') && !rest.startsWith('[')) rest = `.${rest}`;
  const segments: (string | number)[] = [];
  const token = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;
  while (rest.length > 0) {
    const match = token.exec(rest);
    if (!match) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push((match[3] ?? match[4])!);
    rest = rest.slice(match[0].length);
  }
  return segments;
}

/** The value at `path` in `data`; `found: false` when a step is missing or the path does not parse. */
export function readJsonPath(data: unknown, path: string): { found: boolean; value?: unknown } {
  const segments = parseJsonPath(path);
  if (!segments) return { found: false };
  let current: unknown = data;
  for (const segment of segments) {
    if (segment === 'length' && (Array.isArray(current) || typeof current === 'string')) {
      current = current.length;
      continue;
    }
    if (Array.isArray(current)) {
      const index = Number(segment);
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return { found: false };
      current = current[index];
    } else if (isRecord(current)) {
      const key = String(segment);
      if (!Object.prototype.hasOwnProperty.call(current, key)) return { found: false };
      current = current[key];
    } else return { found: false };
  }
  return { found: true, value: current };
}
