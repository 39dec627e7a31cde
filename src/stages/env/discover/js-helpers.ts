/**
 * Project helpers in JS/TS: a function whose body reads `process.env[param]` with its own parameter
 * (`function requireEnv(name) { const v = process.env[name]; if (!v) throw … }`). Each call with a
 * literal name, in any file, is then a read; the stage resolves calls against definitions repo-wide.
 */
import { Kind, type Token } from './js-tokens.js';
import { envBaseAt, isIdent, isPunct, topLevelEntries, type TokenIndex } from './js-env.js';
import type { FileDiscovery } from './types.js';

/** How far past a parameter list the body may start (return type annotations). */
const HEADER_WINDOW = 30;
/** An arrow function's expression body ends within this many tokens. */
const EXPRESSION_WINDOW = 300;
const CALL_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Sorted positions: is any within [from, to)? (binary search, so each question costs log n). */
function anyWithin(sorted: number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! < to;
}

interface FunctionShape {
  name: string;
  line: number;
  params: string[];
  from: number;
  to: number;
}

function paramsOf(tokens: Token[], open: number, close: number): string[] {
  return topLevelEntries(tokens, open, close)
    .map((entry) => tokens[entry.from]!)
    .filter((t) => t.kind === Kind.Ident)
    .map((t) => t.value);
}

/** The body range after the parameter list closing at `close`: a block, or an arrow's expression. */
function bodyAfter(index: TokenIndex, close: number, arrow: boolean): { from: number; to: number } | undefined {
  const { tokens, partner } = index;
  const stop = Math.min(tokens.length, close + HEADER_WINDOW);
  for (let j = close + 1; j < stop; j++) {
    const t = tokens[j]!;
    if (arrow && isPunct(t, '=>')) {
      if (isPunct(tokens[j + 1], '{')) return partner[j + 1]! > j + 1 ? { from: j + 1, to: partner[j + 1]! } : undefined;
      let depth = 0;
      const end = Math.min(tokens.length, j + EXPRESSION_WINDOW);
      for (let k = j + 1; k < end; k++) {
        const u = tokens[k]!;
        if (u.kind !== Kind.Punct) continue;
        if (u.value === '(' || u.value === '[' || u.value === '{') depth++;
        else if (u.value === ')' || u.value === ']' || u.value === '}') {
          if (--depth < 0) return { from: j + 1, to: k };
        } else if ((u.value === ';' || u.value === ',') && depth === 0) return { from: j + 1, to: k };
      }
      return { from: j + 1, to: end };
    }
    if (!arrow && isPunct(t, '{')) return partner[j]! > j ? { from: j, to: partner[j]! } : undefined;
    if (isPunct(t, ';')) return undefined;
  }
  return undefined;
}

/** `function NAME(…) {…}`, `NAME = (…) => …`, `NAME = async (…) => …`, `NAME = function (…) {…}`. */
function functionsOf(index: TokenIndex): FunctionShape[] {
  const { tokens, partner } = index;
  const out: FunctionShape[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Ident) continue;
    let name: Token | undefined;
    let open = -1;
    let arrow = false;
    if (t.value === 'function' && isIdent(tokens[i + 1]) && isPunct(tokens[i + 2], '(')) {
      name = tokens[i + 1];
      open = i + 2;
    } else if (isPunct(tokens[i + 1], '=') && !isPunct(tokens[i - 1], '.')) {
      let j = i + 2;
      if (isIdent(tokens[j], 'async')) j++;
      if (isIdent(tokens[j], 'function') && isPunct(tokens[j + 1], '(')) open = j + 1;
      else if (isPunct(tokens[j], '(')) {
        open = j;
        arrow = true;
      }
      name = t;
    }
    if (!name || open === -1) continue;
    const close = partner[open]!;
    if (close <= open) continue;
    const body = bodyAfter(index, close, arrow);
    if (body) out.push({ name: name.value, line: name.line, params: paramsOf(tokens, open, close), ...body });
  }
  return out;
}

/** Definitions of env helpers in this file, and calls with a literal upper-case name that may be helper calls. */
export function readJsHelpers(file: string, index: TokenIndex, out: FileDiscovery): void {
  const { tokens } = index;
  // Where `process.env[ident]` reads a parameter, by parameter name; where the code throws or exits.
  const reads = new Map<string, number[]>();
  const throws: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Ident) continue;
    if (t.value === 'throw' || (t.value === 'exit' && isPunct(tokens[i - 1], '.'))) throws.push(i);
    const base = envBaseAt(tokens, i);
    if (base && isPunct(tokens[base.end], '[') && isIdent(tokens[base.end + 1]) && isPunct(tokens[base.end + 2], ']')) {
      const list = reads.get(tokens[base.end + 1]!.value) ?? [];
      list.push(i);
      reads.set(tokens[base.end + 1]!.value, list);
    } else if (!isPunct(tokens[i - 1], '.') && isPunct(tokens[i + 1], '(') && tokens[i + 2]?.kind === Kind.String && CALL_NAME.test(tokens[i + 2]!.value)) {
      const after = tokens[i + 3];
      if (isPunct(after, ',') || isPunct(after, ')')) {
        out.calls.push({
          callee: t.value,
          name: tokens[i + 2]!.value,
          file,
          line: tokens[i + 2]!.line,
          language: 'js',
          withDefault: isPunct(after, ',') && !isPunct(tokens[i + 4], ')'),
        });
      }
    }
  }
  if (reads.size === 0) return;
  for (const fn of functionsOf(index)) {
    const param = fn.params[0];
    const at = param === undefined ? undefined : reads.get(param);
    if (!at || !anyWithin(at, fn.from, fn.to)) continue;
    out.helpers.push({ name: fn.name, file, line: fn.line, language: 'js', throws: anyWithin(throws, fn.from, fn.to) });
  }
}
