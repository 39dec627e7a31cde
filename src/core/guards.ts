/**
 * Type guards for values that arrive untyped (parsed YAML, TOML and JSON, flag values, errors), so
 * the code narrows them instead of asserting their type.
 */

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` is one of `allowed` (an enum list such as the formats or the stage ids). */
export function isOneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && allowed.some((item) => item === value);
}

/** The string, when it is one. */
export function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The strings of a list (other items dropped); empty when it is not a list. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The objects of a list (other items dropped); empty when it is not a list. */
export function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** An error's `code` (`ENOENT`, `EISDIR`...), when it has one. */
export function errorCode(error: unknown): string | undefined {
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The section with the schema's own top-level `default`s filled in for missing keys, for callers
 * that hand a stage a section the core did not validate (unit tests); the defaults stay in the schema.
 */
export function withSchemaDefaults(schema: Record<string, unknown>, section: Record<string, unknown>): Record<string, unknown> {
  const out = { ...section };
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const [key, property] of Object.entries(properties)) {
    if (out[key] === undefined && isRecord(property) && property.default !== undefined) out[key] = structuredClone(property.default);
  }
  return out;
}

/**
 * Typed reads of a config section the schema has validated and filled with its defaults: a key
 * the schema defaults is always there, so a missing or mistyped one is a bug in the schema, not
 * user input, and throws.
 */
export const read = {
  string(section: Record<string, unknown>, key: string): string {
    const value = section[key];
    if (typeof value !== 'string') throw new TypeError(`config key ${key}: expected the schema to give a string`);
    return value;
  },
  number(section: Record<string, unknown>, key: string): number {
    const value = section[key];
    if (typeof value !== 'number') throw new TypeError(`config key ${key}: expected the schema to give a number`);
    return value;
  },
  boolean(section: Record<string, unknown>, key: string): boolean {
    const value = section[key];
    if (typeof value !== 'boolean') throw new TypeError(`config key ${key}: expected the schema to give true or false`);
    return value;
  },
  strings(section: Record<string, unknown>, key: string): string[] {
    const value = section[key];
    if (!Array.isArray(value)) throw new TypeError(`config key ${key}: expected the schema to give a list`);
    return stringsOf(value);
  },
  /** A key the schema does not default: undefined when absent, else it must be a string. */
  optionalString(section: Record<string, unknown>, key: string): string | undefined {
    return section[key] === undefined ? undefined : read.string(section, key);
  },
  /** A key the schema does not default: undefined when absent, else it must be a number. */
  optionalNumber(section: Record<string, unknown>, key: string): number | undefined {
    return section[key] === undefined ? undefined : read.number(section, key);
  },
  /** A nested mapping (`burst.limits`): undefined when absent, else it must be a plain object. */
  optionalRecord(section: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
    const value = section[key];
    if (value === undefined) return undefined;
    if (!isRecord(value)) throw new TypeError(`config key ${key}: expected the schema to give a mapping`);
    return value;
  },
  /** A list of mappings (`steps`): undefined when absent, else it must be a list; items that are not mappings are dropped. */
  optionalRecords(section: Record<string, unknown>, key: string): Record<string, unknown>[] | undefined {
    const value = section[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw new TypeError(`config key ${key}: expected the schema to give a list`);
    return recordsOf(value);
  },
  /** A mapping of names to texts (`headers`, `form`): undefined when absent, else it must be a mapping; values that are not strings are dropped. */
  optionalStringMap(section: Record<string, unknown>, key: string): Record<string, string> | undefined {
    const value = read.optionalRecord(section, key);
    if (value === undefined) return undefined;
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  },
};
