/**
 * Narrowing reads for the shapes config sections and parsed documents take beyond `guards.ts`:
 * typed maps, "one or a list", and the message of whatever was thrown. Each one checks
 * the value it returns; none asserts a type.
 */
import { isRecord } from './guards.js';

/** A check that narrows `unknown` to `T` (`isString`, `isRecord`...). */
export type Guard<T> = (value: unknown) => value is T;

/** `value` is a string. */
export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** `value` is a number. */
export function isNumber(value: unknown): value is number {
  return typeof value === 'number';
}

/** `value` is `true` or `false`. */
export function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

/** The object's entries whose values pass `guard` (others dropped); empty when it is not an object. */
export function entriesOf<T>(value: unknown, guard: Guard<T>): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(value)) return out;
  for (const [key, item] of Object.entries(value)) if (guard(item)) out[key] = item;
  return out;
}

/** A value the schema allows as one item or a list of them, as a list of the items that pass `guard`. */
export function oneOrMany<T>(value: unknown, guard: Guard<T>): T[] {
  if (Array.isArray(value)) return value.filter(guard);
  return guard(value) ? [value] : [];
}

/** What was thrown, as one message: an error's `message`, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
