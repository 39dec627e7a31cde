/**
 * A dotenv parser that keeps going: `KEY=value`, `export KEY=value`, single/double/backtick quotes
 * (multi-line when quoted), inline `# comments` after unquoted values, and env-spec decorators
 * (`# @required @sensitive`) in the comment block above an item. A malformed line is reported by
 * number (never by content: it may hold a secret) and parsing resumes on the next line.
 */

/** One `KEY=value` item. */
export interface DotenvEntry {
  key: string;
  value: string;
  /** 1-based line where the item starts. */
  line: number;
  /** Decorators from the comment block above the item and its inline comment: `required`, `sensitive`, `optional`... */
  decorators: Set<string>;
}

/** A line that is not `KEY=value`. */
export interface DotenvProblem {
  line: number;
  message: string;
}

export interface ParsedDotenv {
  entries: DotenvEntry[];
  problems: DotenvProblem[];
  /** Header decorators (`@defaultRequired`, `@defaultSensitive`) from comments before the first item. */
  header: Map<string, string>;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const DECORATOR = /@([A-Za-z][\w-]*)(?:=([^\s#]+))?/g;

/** Parse dotenv text. Never throws. */
export function parseDotenv(text: string): ParsedDotenv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const entries: DotenvEntry[] = [];
  const problems: DotenvProblem[] = [];
  const header = new Map<string, string>();
  let pending = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    const lineNo = i + 1;
    if (trimmed === '') {
      pending = new Set();
      continue;
    }
    if (trimmed.startsWith('#')) {
      for (const match of trimmed.matchAll(DECORATOR)) {
        const name = match[1]!;
        if (name.startsWith('default') && entries.length === 0) header.set(name, match[2] ?? 'true');
        else pending.add(name);
      }
      continue;
    }
    const body = trimmed.replace(/^export\s+/, '');
    const eq = body.indexOf('=');
    const key = eq === -1 ? body : body.slice(0, eq).trim();
    if (eq === -1 || !KEY.test(key)) {
      problems.push({ line: lineNo, message: eq === -1 ? 'not KEY=VALUE (no "=")' : 'not KEY=VALUE (the name has characters a variable name cannot have)' });
      pending = new Set();
      continue;
    }
    const rest = body.slice(eq + 1).replace(/^[ \t]+/, '');
    const quote = rest[0];
    let value: string;
    let trailing = '';
    if (quote === '"' || quote === "'" || quote === '`') {
      const closed = readQuoted(lines, i, raw.indexOf(rest) + 1, quote);
      if (!closed) {
        problems.push({ line: lineNo, message: `quoted value never closed (missing ${quote})` });
        pending = new Set();
        continue;
      }
      value = quote === '"' ? unescapeDouble(closed.value) : closed.value;
      trailing = closed.trailing;
      i = closed.endLine;
      if (trailing.trim() !== '' && !trailing.trim().startsWith('#')) {
        problems.push({ line: lineNo, message: 'text after the closing quote' });
      }
    } else {
      const hash = rest.search(/(^|\s)#/);
      value = (hash === -1 ? rest : rest.slice(0, hash)).trim();
      trailing = hash === -1 ? '' : rest.slice(hash);
    }
    const decorators = pending;
    for (const match of trailing.matchAll(DECORATOR)) decorators.add(match[1]!);
    entries.push({ key, value, line: lineNo, decorators });
    pending = new Set();
  }
  return { entries, problems, header };
}

/**
 * Find the closing quote from `lines[start]` at `column`, possibly on a later line. Scans each
 * character once and slices only when the quote closes: no string is rebuilt per line.
 */
function readQuoted(lines: string[], start: number, column: number, quote: string): { value: string; trailing: string; endLine: number } | undefined {
  const parts: string[] = [];
  let from = column;
  for (let line = start; line < lines.length; line++) {
    const text = lines[line]!;
    for (let j = from; j < text.length; j++) {
      const c = text[j];
      if (c === '\\' && quote === '"') {
        j++;
        continue;
      }
      if (c === quote) {
        parts.push(text.slice(from, j));
        return { value: parts.join('\n'), trailing: text.slice(j + 1), endLine: line };
      }
    }
    parts.push(text.slice(from));
    from = 0;
  }
  return undefined;
}

function unescapeDouble(value: string): string {
  return value.replace(/\\([nrt"\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' })[c] ?? c);
}
