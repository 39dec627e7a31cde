/**
 * Environment reads in JS/TS, recognised on tokens: `process.env.X`, `process.env["X"]`,
 * `const { X, Y = "d" } = process.env`, `import.meta.env.X`, `Deno.env.get("X")`, `Bun.env.X`,
 * plus env schemas whose names can be read statically (t3-env `createEnv`, envalid `cleanEnv`, a zod
 * `z.object({...})` parsed from `process.env`) and project helpers (`function env(name) { return process.env[name] }`).
 *
 * Linear by construction: one pass over the tokens; bracket pairs and assignments are indexed once,
 * so no read walks the file again, and a schema nested in another schema is not read twice.
 */
import { Kind, tokenizeJs, type Token } from './js-tokens.js';
import { readJsHelpers } from './js-helpers.js';
import { emptyDiscovery, type FileDiscovery } from './types.js';
import { isVariableName } from '../names.js';

/** Cheap pre-check: a file without any of these substrings cannot read the environment. */
const HINTS = ['.env', 'Env(', 'env('];

/** Object.prototype members read through `process.env` are not variables. */
const NOT_VARIABLES = new Set([
  'hasOwnProperty',
  'toString',
  'valueOf',
  'constructor',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'get',
  'set',
  'has',
  'toObject',
]);
/** Vite's built-ins on `import.meta.env`. */
const VITE_BUILTINS = new Set(['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);
/** After the read: a fallback (`??`, `||`), a test (`X ? a : b`, `X && …`, `X === 'true'`) or optional chaining. */
const GUARD_AFTER = new Set(['??', '||', '??=', '||=', '?', '&&', '===', '!==', '==', '!=', '?.']);
/** Before the read: a negation or a test whose other side decides (`!X`, `!!X`, `a && X`, `c ? X : y`); not `:`, which is mostly an object key. */
const GUARD_BEFORE = new Set(['!', '&&', '||', '??', '?', '===', '!==', '==', '!=']);
/** Schema modifiers that make a field optional (zod, valibot, envalid options). */
const OPTIONAL_MARKERS = new Set(['optional', 'nullish', 'default', 'prefault', 'catch', 'devDefault']);
const RUNTIME_MAPPINGS = new Set(['runtimeEnv', 'experimental__runtimeEnv']);

/** Per-file indexes built once: bracket partners and the first `NAME =` of each identifier. */
export interface TokenIndex {
  tokens: Token[];
  /** For each opening bracket, the index of its partner (or -1 when it never closes). */
  partner: Int32Array;
  assignments: Map<string, number>;
}

/** Index the bracket pairs of a token list in one pass. */
export function indexTokens(tokens: Token[]): TokenIndex {
  const partner = new Int32Array(tokens.length).fill(-1);
  const stack: number[] = [];
  const assignments = new Map<string, number>();
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind === Kind.Ident) {
      if (isPunct(tokens[j + 1], '=') && !assignments.has(t.value)) assignments.set(t.value, j);
      continue;
    }
    if (t.kind !== Kind.Punct) continue;
    if (t.value === '{' || t.value === '(' || t.value === '[') stack.push(j);
    else if (t.value === '}' || t.value === ')' || t.value === ']') {
      const open = stack.pop();
      if (open !== undefined) {
        partner[open] = j;
        partner[j] = open;
      }
    }
  }
  return { tokens, partner, assignments };
}

interface ScanState {
  file: string;
  out: FileDiscovery;
  index: TokenIndex;
  /** Tokens before this index belong to a schema already read (a nested one is not read again). */
  schemaEnd: number;
  /** `runtimeEnv: {…}` ranges: reads there feed a schema, which decides. */
  mappings: { from: number; to: number }[];
}

/** Find every environment read in one JS/TS file. */
export function discoverJs(file: string, text: string): FileDiscovery {
  const out = emptyDiscovery();
  if (!HINTS.some((hint) => text.includes(hint))) return out;
  const tokens = tokenizeJs(text);
  const index = indexTokens(tokens);
  const state: ScanState = { file, out, index, schemaEnd: 0, mappings: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Ident) continue;
    const base = envBaseAt(tokens, i);
    if (base) {
      readAccess(state, i, base.end, base.form);
      continue;
    }
    if (i < state.schemaEnd) continue;
    if (t.value === 'createEnv' && isPunct(tokens[i + 1], '(') && isPunct(tokens[i + 2], '{')) readCreateEnv(state, i + 2);
    else if (t.value === 'cleanEnv' && isPunct(tokens[i + 1], '(')) readCleanEnv(state, i + 1);
    else if ((t.value === 'parse' || t.value === 'safeParse') && isPunct(tokens[i - 1], '.') && isPunct(tokens[i + 1], '(')) {
      const arg = tokens[i + 2] ? envBaseAt(tokens, i + 2) : undefined;
      if (arg && isPunct(tokens[arg.end], ')')) readZodParse(state, i - 1);
    }
  }
  readJsHelpers(file, index, out);
  return out;
}

export function isPunct(t: Token | undefined, value: string): boolean {
  return t !== undefined && t.kind === Kind.Punct && t.value === value;
}
export function isIdent(t: Token | undefined, value?: string): boolean {
  return t !== undefined && t.kind === Kind.Ident && (value === undefined || t.value === value);
}
function isDot(t: Token | undefined): boolean {
  return isPunct(t, '.') || isPunct(t, '?.');
}

/** `process.env`, `import.meta.env`, `Bun.env`, `Deno.env` starting at token `i`: where it ends and its form. */
export function envBaseAt(tokens: Token[], i: number): { end: number; form: string } | undefined {
  const t = tokens[i]!;
  if (t.kind !== Kind.Ident) return undefined;
  // `foo.process.env` is someone else's object (but `globalThis.process.env` is the real one).
  if (isDot(tokens[i - 1]) && !isIdent(tokens[i - 2], 'globalThis')) return undefined;
  if ((t.value === 'process' || t.value === 'Bun') && isDot(tokens[i + 1]) && isIdent(tokens[i + 2], 'env')) {
    return { end: i + 3, form: `${t.value}.env` };
  }
  if (t.value === 'import' && isPunct(tokens[i + 1], '.') && isIdent(tokens[i + 2], 'meta') && isDot(tokens[i + 3]) && isIdent(tokens[i + 4], 'env')) {
    return { end: i + 5, form: 'import.meta.env' };
  }
  if (t.value === 'Deno' && isDot(tokens[i + 1]) && isIdent(tokens[i + 2], 'env')) return { end: i + 3, form: 'Deno.env' };
  return undefined;
}

function readAccess(state: ScanState, start: number, end: number, form: string): void {
  const { tokens } = state.index;
  const { file, out } = state;
  const next = tokens[end];
  if (form === 'Deno.env') {
    if (isDot(next) && isIdent(tokens[end + 1], 'get') && isPunct(tokens[end + 2], '(')) {
      const arg = tokens[end + 3];
      if (arg?.kind === Kind.String && isPunct(tokens[end + 4], ')')) addUse(state, arg.value, arg.line, start, end + 5, `Deno.env.get("${arg.value}")`);
      else out.dynamic.push({ file, line: tokens[start]!.line, form: 'Deno.env.get(…)' });
    }
    return;
  }
  if (isDot(next) && tokens[end + 1]?.kind === Kind.Ident && !isPunct(tokens[end + 2], '(')) {
    const name = tokens[end + 1]!;
    if (isAssignment(tokens[end + 2])) return; // the code sets it: not a read
    if (form === 'import.meta.env' && VITE_BUILTINS.has(name.value)) return;
    addUse(state, name.value, name.line, start, end + 2, `${form}.${name.value}`);
    return;
  }
  const bracket = isPunct(next, '[') ? end : isPunct(next, '?.') && isPunct(tokens[end + 1], '[') ? end + 1 : -1;
  if (bracket !== -1) {
    const key = tokens[bracket + 1];
    if (key?.kind === Kind.String && isPunct(tokens[bracket + 2], ']')) {
      if (!isAssignment(tokens[bracket + 3])) addUse(state, key.value, key.line, start, bracket + 3, `${form}["${key.value}"]`);
    } else {
      out.dynamic.push({ file, line: tokens[start]!.line, form: `${form}[…]` });
    }
    return;
  }
  // `const { A, B = "d", C: c } = process.env`
  if (isPunct(tokens[start - 1], '=') && isPunct(tokens[start - 2], '}')) readDestructuring(state, start - 2);
}

function isAssignment(t: Token | undefined): boolean {
  return t !== undefined && t.kind === Kind.Punct && (t.value === '=' || t.value === '+=');
}

/** How the code around a read handles a missing value: the guard's wording, or undefined for none. */
function guardOf(tokens: Token[], start: number, after: number): string | undefined {
  const next = tokens[after];
  if (next?.kind === Kind.Punct && GUARD_AFTER.has(next.value)) return `followed by ${next.value}`;
  const before = tokens[start - 1];
  if (before?.kind === Kind.Punct && GUARD_BEFORE.has(before.value)) return `after ${before.value}`;
  // `if (process.env.X)`, `while (…)`, `Boolean(process.env.X)`: a test of presence.
  if (
    isPunct(before, '(') &&
    isPunct(next, ')') &&
    (isIdent(tokens[start - 2], 'if') || isIdent(tokens[start - 2], 'while') || isIdent(tokens[start - 2], 'Boolean'))
  ) {
    return `tested by ${tokens[start - 2]!.value} (…)`;
  }
  return undefined;
}

function inMapping(state: ScanState, at: number): boolean {
  const last = state.mappings[state.mappings.length - 1];
  return last !== undefined && at > last.from && at < last.to;
}

function addUse(state: ScanState, name: string, line: number, start: number, after: number, form: string): void {
  if (!isVariableName(name) || NOT_VARIABLES.has(name)) return;
  const { tokens } = state.index;
  const file = state.file;
  if (inMapping(state, start)) {
    state.out.uses.push({ name, file, line, kind: 'js', optional: true, mapping: true, why: `${form} feeds an env schema, which decides` });
    return;
  }
  const guard = guardOf(tokens, start, after);
  state.out.uses.push({ name, file, line, kind: 'js', optional: guard !== undefined, why: guard ? `${form} ${guard}` : `${form} with no fallback` });
}

/** Walk back from the `}` at `close` to its `{` and read the names of the pattern. */
function readDestructuring(state: ScanState, close: number): void {
  const { tokens, partner } = state.index;
  const open = partner[close]!;
  if (open < 0 || open > close) return;
  for (const entry of topLevelEntries(tokens, open, close)) {
    const first = tokens[entry.from];
    if (!first || isPunct(first, '...')) continue;
    if (first.kind !== Kind.Ident && first.kind !== Kind.String) continue;
    const optional = rangeHas(tokens, entry.from, entry.to, (t) => isPunct(t, '='));
    if (isVariableName(first.value)) {
      state.out.uses.push({
        name: first.value,
        file: state.file,
        line: first.line,
        kind: 'js',
        optional,
        why: optional ? `destructured from process.env with a default` : 'destructured from process.env with no default',
      });
    }
  }
}

/** The comma-separated entries directly inside the bracket pair `open`..`close`. */
export function topLevelEntries(tokens: Token[], open: number, close: number): { from: number; to: number }[] {
  const entries: { from: number; to: number }[] = [];
  let depth = 0;
  let from = open + 1;
  for (let j = open + 1; j < close; j++) {
    const t = tokens[j]!;
    if (t.kind !== Kind.Punct) continue;
    if (t.value === '{' || t.value === '(' || t.value === '[') depth++;
    else if (t.value === '}' || t.value === ')' || t.value === ']') depth--;
    else if (t.value === ',' && depth === 0) {
      if (j > from) entries.push({ from, to: j });
      from = j + 1;
    }
  }
  if (close > from) entries.push({ from, to: close });
  return entries;
}

function rangeHas(tokens: Token[], from: number, to: number, test: (t: Token) => boolean): boolean {
  for (let j = from; j < to; j++) if (test(tokens[j]!)) return true;
  return false;
}

/** The closing partner of the bracket at `open`, or -1 (unclosed): an index lookup, never a scan. */
function closeOf(state: ScanState, open: number): number {
  const close = state.index.partner[open] ?? -1;
  return close > open ? close : -1;
}

/**
 * Keys of an object literal of validators (`{ DATABASE_URL: z.string().url(), PORT: port({ default: 3000 }) }`).
 * A validator with `.optional()`, `.default(…)`, `.prefault(…)`, `.catch(…)`, `.nullish()` or a `default:`/`devDefault:` option is optional.
 */
function readSchemaObject(state: ScanState, open: number, library: string): void {
  const { tokens } = state.index;
  const close = closeOf(state, open);
  if (close === -1) return;
  state.schemaEnd = Math.max(state.schemaEnd, close);
  for (const entry of topLevelEntries(tokens, open, close)) {
    const key = tokens[entry.from];
    if (!key || (key.kind !== Kind.Ident && key.kind !== Kind.String) || !isVariableName(key.value)) continue;
    let marker: string | undefined;
    for (let j = entry.from + 1; j < entry.to && !marker; j++)
      if (tokens[j]!.kind === Kind.Ident && OPTIONAL_MARKERS.has(tokens[j]!.value)) marker = tokens[j]!.value;
    const optional = marker !== undefined;
    const why = optional ? `${library} field with .${marker}` : `${library} field with no default (validated at start-up)`;
    state.out.uses.push({ name: key.value, file: state.file, line: key.line, kind: 'schema', optional, startup: !optional, why });
    state.out.declarations.push({ name: key.value, file: state.file, line: key.line, kind: 'schema-code', required: !optional, why });
  }
}

/** t3-env: `createEnv({ server: {...}, client: {...}, shared: {...}, runtimeEnv: {...} })`. */
function readCreateEnv(state: ScanState, open: number): void {
  const { tokens } = state.index;
  const close = closeOf(state, open);
  if (close === -1) return;
  for (const entry of topLevelEntries(tokens, open, close)) {
    const key = tokens[entry.from];
    if (!isIdent(key) || !isPunct(tokens[entry.from + 1], ':') || !isPunct(tokens[entry.from + 2], '{')) continue;
    if (['server', 'client', 'shared'].includes(key!.value)) readSchemaObject(state, entry.from + 2, 't3-env');
    else if (RUNTIME_MAPPINGS.has(key!.value)) {
      const to = closeOf(state, entry.from + 2);
      if (to !== -1) state.mappings.push({ from: entry.from + 2, to });
    }
  }
  state.schemaEnd = Math.max(state.schemaEnd, close);
}

/** envalid: `cleanEnv(process.env, { ... })`: the validators are the second argument. */
function readCleanEnv(state: ScanState, open: number): void {
  const { tokens } = state.index;
  const close = closeOf(state, open);
  if (close === -1) return;
  const second = topLevelEntries(tokens, open, close)[1];
  if (second && isPunct(tokens[second.from], '{')) readSchemaObject(state, second.from, 'envalid');
}

/** `z.object({...}).parse(process.env)` or `const schema = z.object({...}); schema.parse(process.env)`. */
function readZodParse(state: ScanState, dot: number): void {
  const { tokens, partner, assignments } = state.index;
  const callee = tokens[dot - 1];
  if (isPunct(callee, ')')) {
    const j = partner[dot - 1]!;
    if (j >= 0 && j < dot - 1 && isIdent(tokens[j - 1], 'object') && isPunct(tokens[j + 1], '{')) readSchemaObject(state, j + 1, 'zod');
    return;
  }
  if (!isIdent(callee)) return;
  const j = assignments.get(callee!.value);
  if (j === undefined || j >= dot) return;
  for (let k = j + 2; k < Math.min(j + 8, tokens.length); k++) {
    if (isIdent(tokens[k], 'object') && isPunct(tokens[k + 1], '(') && isPunct(tokens[k + 2], '{')) {
      if (k + 2 >= state.schemaEnd) readSchemaObject(state, k + 2, 'zod');
      return;
    }
  }
}
