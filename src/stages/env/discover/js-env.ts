/**
 * Environment reads in JS/TS, recognised on tokens: `process.env.X`, `process.env["X"]`,
 * `const { X, Y = "d" } = process.env`, `import.meta.env.X`, `Deno.env.get("X")`, `Bun.env.X`,
 * plus env schemas whose names can be read statically (t3-env `createEnv`, envalid `cleanEnv`, a zod
 * `z.object({...})` parsed from `process.env`).
 */
import { Kind, tokenizeJs, type Token } from './js-tokens.js';
import { emptyDiscovery, type FileDiscovery } from './types.js';
import { isVariableName } from '../names.js';

/** Cheap pre-check: a file without any of these substrings cannot read the environment. */
const HINTS = ['.env', 'Env('];

/** Object.prototype members read through `process.env` are not variables. */
const NOT_VARIABLES = new Set(['hasOwnProperty', 'toString', 'valueOf', 'constructor', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'get', 'set', 'has', 'toObject']);
/** Vite's built-ins on `import.meta.env`. */
const VITE_BUILTINS = new Set(['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);
const DEFAULT_OPERATORS = new Set(['??', '||', '??=', '||=', '?']);

/** Find every environment read in one JS/TS file. */
export function discoverJs(file: string, text: string): FileDiscovery {
  const out = emptyDiscovery();
  if (!HINTS.some((hint) => text.includes(hint))) return out;
  const tokens = tokenizeJs(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Ident) continue;
    const base = envBaseAt(tokens, i);
    if (base) {
      readAccess(tokens, i, base.end, base.form, file, out);
      continue;
    }
    if (t.value === 'createEnv' && isPunct(tokens[i + 1], '(') && isPunct(tokens[i + 2], '{')) readCreateEnv(tokens, i + 2, file, out);
    else if (t.value === 'cleanEnv' && isPunct(tokens[i + 1], '(')) readCleanEnv(tokens, i + 1, file, out);
    else if ((t.value === 'parse' || t.value === 'safeParse') && isPunct(tokens[i - 1], '.') && isPunct(tokens[i + 1], '(')) {
      const arg = tokens[i + 2] ? envBaseAt(tokens, i + 2) : undefined;
      if (arg && isPunct(tokens[arg.end], ')')) readZodParse(tokens, i - 1, file, out);
    }
  }
  return out;
}

function isPunct(t: Token | undefined, value: string): boolean {
  return t !== undefined && t.kind === Kind.Punct && t.value === value;
}
function isIdent(t: Token | undefined, value?: string): boolean {
  return t !== undefined && t.kind === Kind.Ident && (value === undefined || t.value === value);
}
function isDot(t: Token | undefined): boolean {
  return isPunct(t, '.') || isPunct(t, '?.');
}

/** `process.env`, `import.meta.env`, `Bun.env`, `Deno.env` starting at token `i`: where it ends and its form. */
function envBaseAt(tokens: Token[], i: number): { end: number; form: string } | undefined {
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

function readAccess(tokens: Token[], start: number, end: number, form: string, file: string, out: FileDiscovery): void {
  const next = tokens[end];
  if (form === 'Deno.env') {
    if (isDot(next) && isIdent(tokens[end + 1], 'get') && isPunct(tokens[end + 2], '(')) {
      const arg = tokens[end + 3];
      if (arg?.kind === Kind.String && isPunct(tokens[end + 4], ')')) addUse(out, arg.value, file, arg.line, tokens[end + 5], form);
      else out.dynamic.push({ file, line: tokens[start]!.line, form: 'Deno.env.get(…)' });
    }
    return;
  }
  if (isDot(next) && tokens[end + 1]?.kind === Kind.Ident && !isPunct(tokens[end + 2], '(')) {
    const name = tokens[end + 1]!;
    if (isAssignment(tokens[end + 2])) return; // the code sets it: not a read
    if (form === 'import.meta.env' && VITE_BUILTINS.has(name.value)) return;
    addUse(out, name.value, file, name.line, tokens[end + 2], form);
    return;
  }
  const bracket = isPunct(next, '[') ? end : isPunct(next, '?.') && isPunct(tokens[end + 1], '[') ? end + 1 : -1;
  if (bracket !== -1) {
    const key = tokens[bracket + 1];
    if (key?.kind === Kind.String && isPunct(tokens[bracket + 2], ']')) {
      if (!isAssignment(tokens[bracket + 3])) addUse(out, key.value, file, key.line, tokens[bracket + 3], form);
    } else {
      out.dynamic.push({ file, line: tokens[start]!.line, form: `${form}[…]` });
    }
    return;
  }
  // `const { A, B = "d", C: c } = process.env`
  if (isPunct(tokens[start - 1], '=') && isPunct(tokens[start - 2], '}')) readDestructuring(tokens, start - 2, file, out);
}

function isAssignment(t: Token | undefined): boolean {
  return t !== undefined && t.kind === Kind.Punct && (t.value === '=' || t.value === '+=');
}

function addUse(out: FileDiscovery, name: string, file: string, line: number, after: Token | undefined, _form: string): void {
  if (!isVariableName(name) || NOT_VARIABLES.has(name)) return;
  const optional = after !== undefined && after.kind === Kind.Punct && DEFAULT_OPERATORS.has(after.value);
  out.uses.push({ name, file, line, kind: 'js', optional });
}

/** Walk back from the `}` at `close` to its `{` and read the names of the pattern. */
function readDestructuring(tokens: Token[], close: number, file: string, out: FileDiscovery): void {
  let depth = 0;
  let open = -1;
  for (let j = close; j >= 0 && close - j < 2000; j--) {
    const t = tokens[j]!;
    if (t.kind !== Kind.Punct) continue;
    if (t.value === '}') depth++;
    else if (t.value === '{' && --depth === 0) {
      open = j;
      break;
    }
  }
  if (open === -1) return;
  for (const entry of topLevelEntries(tokens, open, close)) {
    const first = tokens[entry.from];
    if (!first || isPunct(first, '...')) continue;
    if (first.kind !== Kind.Ident && first.kind !== Kind.String) continue;
    const optional = rangeHas(tokens, entry.from, entry.to, (t) => isPunct(t, '='));
    if (isVariableName(first.value)) out.uses.push({ name: first.value, file, line: first.line, kind: 'js', optional });
  }
}

/** The comma-separated entries directly inside the bracket pair `open`..`close`. */
function topLevelEntries(tokens: Token[], open: number, close: number): { from: number; to: number }[] {
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

/** Index of the bracket closing the one at `open`, or -1. */
function matching(tokens: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== Kind.Punct) continue;
    if (t.value === '{' || t.value === '(' || t.value === '[') depth++;
    else if ((t.value === '}' || t.value === ')' || t.value === ']') && --depth === 0) return j;
  }
  return -1;
}

/**
 * Keys of an object literal of validators (`{ DATABASE_URL: z.string().url(), PORT: port({ default: 3000 }) }`).
 * A validator with `.optional()`, `.default(…)`, `.nullish()` or a `default:` option is optional.
 */
function readSchemaObject(tokens: Token[], open: number, file: string, out: FileDiscovery): void {
  const close = matching(tokens, open);
  if (close === -1) return;
  for (const entry of topLevelEntries(tokens, open, close)) {
    const key = tokens[entry.from];
    if (!key || (key.kind !== Kind.Ident && key.kind !== Kind.String) || !isVariableName(key.value)) continue;
    const optional = rangeHas(tokens, entry.from + 1, entry.to, (t) => t.kind === Kind.Ident && (t.value === 'optional' || t.value === 'nullish' || t.value === 'default'));
    out.uses.push({ name: key.value, file, line: key.line, kind: 'schema', optional, startup: true });
    out.declarations.push({ name: key.value, file, line: key.line, kind: 'schema-code', required: !optional });
  }
}

/** t3-env: `createEnv({ server: {...}, client: {...}, shared: {...} })`. */
function readCreateEnv(tokens: Token[], open: number, file: string, out: FileDiscovery): void {
  const close = matching(tokens, open);
  if (close === -1) return;
  for (const entry of topLevelEntries(tokens, open, close)) {
    const key = tokens[entry.from];
    if (!isIdent(key) || !['server', 'client', 'shared'].includes(key!.value)) continue;
    if (isPunct(tokens[entry.from + 1], ':') && isPunct(tokens[entry.from + 2], '{')) readSchemaObject(tokens, entry.from + 2, file, out);
  }
}

/** envalid: `cleanEnv(process.env, { ... })`: the validators are the second argument. */
function readCleanEnv(tokens: Token[], open: number, file: string, out: FileDiscovery): void {
  const close = matching(tokens, open);
  if (close === -1) return;
  const args = topLevelEntries(tokens, open, close);
  const second = args[1];
  if (second && isPunct(tokens[second.from], '{')) readSchemaObject(tokens, second.from, file, out);
}

/** `z.object({...}).parse(process.env)` or `const schema = z.object({...}); schema.parse(process.env)`. */
function readZodParse(tokens: Token[], dot: number, file: string, out: FileDiscovery): void {
  const callee = tokens[dot - 1];
  if (isPunct(callee, ')')) {
    // Walk back to the `(` of `z.object(` and check the call is `.object({`.
    let depth = 0;
    for (let j = dot - 1; j >= 0; j--) {
      const t = tokens[j]!;
      if (t.kind !== Kind.Punct) continue;
      if (t.value === ')' || t.value === ']' || t.value === '}') depth++;
      else if ((t.value === '(' || t.value === '[' || t.value === '{') && --depth === 0) {
        if (t.value === '(' && isIdent(tokens[j - 1], 'object') && isPunct(tokens[j + 1], '{')) readSchemaObject(tokens, j + 1, file, out);
        return;
      }
    }
    return;
  }
  if (!isIdent(callee)) return;
  for (let j = 0; j < dot - 1; j++) {
    if (isIdent(tokens[j], callee!.value) && isPunct(tokens[j + 1], '=')) {
      for (let k = j + 2; k < Math.min(j + 8, tokens.length); k++) {
        if (isIdent(tokens[k], 'object') && isPunct(tokens[k + 1], '(') && isPunct(tokens[k + 2], '{')) {
          readSchemaObject(tokens, k + 2, file, out);
          return;
        }
      }
    }
  }
}
