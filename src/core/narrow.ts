/**
 * Generic narrowing for parsed JSON and other `unknown` input, beside `guards.ts`: read what is
 * there without asserting a shape.
 */
import { isRecord } from './guards.js';

/**
 * The value at a path of object keys (`valueAt(event, 'pull_request', 'head', 'sha')`), or
 * undefined as soon as a step is not an object (arrays included) or lacks the key.
 */
export function valueAt(root: unknown, ...keys: readonly string[]): unknown {
  let current = root;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}
