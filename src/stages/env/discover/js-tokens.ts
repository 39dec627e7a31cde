/**
 * A small JavaScript/TypeScript tokenizer: just enough to find environment accesses on tokens
 * rather than on raw text. It skips comments, strings, regex literals and template literal text
 * correctly (but tokenizes `${…}` expressions inside templates), so `process.env.X` inside a string
 * or a comment is not a reference, and one in a template expression is.
 *
 * Why not a real parser: the bundle must stay self-contained on Node 20 (no native oxc/swc addon),
 * and pure-JS parsers (acorn, babel, typescript) build a full AST, are 10-50x slower than a linear
 * scan over thousands of files, and choke on syntax they do not support (TS in acorn, new
 * proposals). The access forms we look for are local token patterns, so a correct lexer suffices.
 */

export const enum Kind {
  Ident = 1,
  Punct = 2,
  /** A string literal or a template literal without substitutions; `value` is its raw text. */
  String = 3,
  /** A template literal with substitutions (opaque). */
  Template = 4,
  Number = 5,
}

export interface Token {
  kind: Kind;
  value: string;
  line: number;
}

/** Keywords after which `/` starts a regex literal rather than a division. */
const REGEX_AFTER_KEYWORD = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
  'extends',
]);
const THREE_CHAR = new Set(['...', '===', '!==', '??=', '||=', '&&=', '**=', '<<=', '>>=', '>>>']);
const TWO_CHAR = new Set(['?.', '??', '||', '&&', '=>', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '++', '--', '**', '<<', '>>']);

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

/** Tokenize JS/TS source. Never throws: unterminated strings end at the line end, unterminated comments at EOF. */
export function tokenizeJs(src: string): Token[] {
  const tokens: Token[] = [];
  const n = src.length;
  let i = 0;
  let line = 1;
  // One entry per open `{`: true when it opened a template substitution `${`.
  const braces: boolean[] = [];
  // Whether a `/` here would start a regex (nothing expression-like just before it).
  let regexAllowed = true;

  if (src.startsWith('#!')) {
    while (i < n && src.charCodeAt(i) !== 10) i++;
  }

  /** Scan template text from `i` (just after the backtick or the `}` closing a substitution). */
  const scanTemplate = (startToken: Token | undefined): void => {
    const from = i;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 92) {
        if (src.charCodeAt(i + 1) === 10) line++;
        i += 2;
        continue;
      }
      if (c === 96) {
        if (startToken) startToken.value = src.slice(from, i);
        i++;
        regexAllowed = false;
        return;
      }
      if (c === 36 && src.charCodeAt(i + 1) === 123) {
        if (startToken) startToken.kind = Kind.Template;
        braces.push(true);
        i += 2;
        regexAllowed = true;
        return;
      }
      if (c === 10) line++;
      i++;
    }
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) {
      i++;
      continue;
    }
    if (c === 47) {
      const next = src.charCodeAt(i + 1);
      if (next === 47) {
        while (i < n && src.charCodeAt(i) !== 10) i++;
        continue;
      }
      if (next === 42) {
        const end = src.indexOf('*/', i + 2);
        const stop = end === -1 ? n : end + 2;
        for (let j = i; j < stop; j++) if (src.charCodeAt(j) === 10) line++;
        i = stop;
        continue;
      }
      if (regexAllowed) {
        i = skipRegex(src, i + 1);
        regexAllowed = false;
        continue;
      }
    }
    if (isIdentStart(c)) {
      const start = i;
      i++;
      while (i < n && isIdentPart(src.charCodeAt(i))) i++;
      const value = src.slice(start, i);
      tokens.push({ kind: Kind.Ident, value, line });
      regexAllowed = REGEX_AFTER_KEYWORD.has(value);
      continue;
    }
    if (c >= 48 && c <= 57) {
      const start = i;
      i++;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (isIdentPart(d) || d === 46) i++;
        else if ((d === 43 || d === 45) && (src.charCodeAt(i - 1) | 32) === 101 && !/^0[xX]/.test(src.slice(start, start + 2))) i++;
        else break;
      }
      tokens.push({ kind: Kind.Number, value: src.slice(start, i), line });
      regexAllowed = false;
      continue;
    }
    if (c === 34 || c === 39) {
      const startLine = line;
      const start = ++i;
      while (i < n) {
        const d = src.charCodeAt(i);
        if (d === c) break;
        if (d === 92) {
          if (src.charCodeAt(i + 1) === 10) line++;
          i += 2;
          continue;
        }
        if (d === 10) break; // unterminated: stop at the line end, keep the newline for the main loop
        i++;
      }
      tokens.push({ kind: Kind.String, value: src.slice(start, i), line: startLine });
      if (src.charCodeAt(i) === c) i++;
      regexAllowed = false;
      continue;
    }
    if (c === 96) {
      const token: Token = { kind: Kind.String, value: '', line };
      tokens.push(token);
      i++;
      scanTemplate(token);
      continue;
    }
    if (c === 123) {
      braces.push(false);
      tokens.push({ kind: Kind.Punct, value: '{', line });
      i++;
      regexAllowed = true;
      continue;
    }
    if (c === 125) {
      i++;
      if (braces.pop() === true) {
        scanTemplate(undefined);
        continue;
      }
      tokens.push({ kind: Kind.Punct, value: '}', line });
      regexAllowed = false;
      continue;
    }
    // Other punctuation: longest match of the operators we care about.
    const three = src.slice(i, i + 3);
    const two = src.slice(i, i + 2);
    let value: string;
    if (THREE_CHAR.has(three)) value = three;
    else if (TWO_CHAR.has(two) && !(two === '?.' && isDigit(src.charCodeAt(i + 2)))) value = two;
    else value = src[i]!;
    i += value.length;
    tokens.push({ kind: Kind.Punct, value, line });
    regexAllowed = value !== ')' && value !== ']' && value !== '++' && value !== '--';
  }
  return tokens;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Skip a regex literal body starting after the opening `/`; returns the index after its flags. */
function skipRegex(src: string, from: number): number {
  let i = from;
  let inClass = false;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 10) return i; // not a regex after all: resume at the line end
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      i++;
      while (i < src.length && isIdentPart(src.charCodeAt(i))) i++;
      return i;
    }
    i++;
  }
  return i;
}
