#!/usr/bin/env -S node --
import { createRequire as __lrCreateRequire } from 'node:module';
const require = __lrCreateRequire(import.meta.url);

// src/core/guards.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isOneOf(allowed, value) {
  return typeof value === "string" && allowed.some((item) => item === value);
}
function stringOr(value) {
  return typeof value === "string" ? value : void 0;
}
function stringsOf(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function recordsOf(value) {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}
function errorCode(error) {
  return isRecord(error) && typeof error.code === "string" ? error.code : void 0;
}
function withSchemaDefaults(schema, section) {
  const out = { ...section };
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const [key, property] of Object.entries(properties)) {
    if (out[key] === void 0 && isRecord(property) && property.default !== void 0) out[key] = structuredClone(property.default);
  }
  return out;
}
var read = {
  string(section, key) {
    const value = section[key];
    if (typeof value !== "string") throw new TypeError(`config key ${key}: expected the schema to give a string`);
    return value;
  },
  number(section, key) {
    const value = section[key];
    if (typeof value !== "number") throw new TypeError(`config key ${key}: expected the schema to give a number`);
    return value;
  },
  boolean(section, key) {
    const value = section[key];
    if (typeof value !== "boolean") throw new TypeError(`config key ${key}: expected the schema to give true or false`);
    return value;
  },
  strings(section, key) {
    const value = section[key];
    if (!Array.isArray(value)) throw new TypeError(`config key ${key}: expected the schema to give a list`);
    return stringsOf(value);
  },
  /** A key the schema does not default: undefined when absent, else it must be a string. */
  optionalString(section, key) {
    return section[key] === void 0 ? void 0 : read.string(section, key);
  },
  /** A key the schema does not default: undefined when absent, else it must be a number. */
  optionalNumber(section, key) {
    return section[key] === void 0 ? void 0 : read.number(section, key);
  },
  /** A nested mapping (`burst.limits`): undefined when absent, else it must be a plain object. */
  optionalRecord(section, key) {
    const value = section[key];
    if (value === void 0) return void 0;
    if (!isRecord(value)) throw new TypeError(`config key ${key}: expected the schema to give a mapping`);
    return value;
  },
  /** A list of mappings (`steps`): undefined when absent, else it must be a list; items that are not mappings are dropped. */
  optionalRecords(section, key) {
    const value = section[key];
    if (value === void 0) return void 0;
    if (!Array.isArray(value)) throw new TypeError(`config key ${key}: expected the schema to give a list`);
    return recordsOf(value);
  },
  /** A mapping of names to texts (`headers`, `form`): undefined when absent, else it must be a mapping; values that are not strings are dropped. */
  optionalStringMap(section, key) {
    const value = read.optionalRecord(section, key);
    if (value === void 0) return void 0;
    return Object.fromEntries(Object.entries(value).filter((entry) => typeof entry[1] === "string"));
  }
};

export {
  isRecord,
  isOneOf,
  stringOr,
  stringsOf,
  recordsOf,
  errorCode,
  withSchemaDefaults,
  read
};
