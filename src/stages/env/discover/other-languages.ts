/**
 * Environment reads in Python, Ruby and Go. Their access forms are single calls with a string
 * literal, so a line scan is exact enough once comments are cut off. Linear by construction: each
 * line is capped, comments are cut by a forward scan that tracks quotes, and every pattern starts
 * at a literal word behind a one-character boundary check (no nested quantifiers).
 */
import { readPython } from './python.js';
import { capLine, emptyDiscovery, type FileDiscovery, type UseKind } from './types.js';

interface Pattern {
  regex: RegExp;
  /** Group holding the name. */
  group: number;
  /** Optional when the match shows a default (a second argument, a block, `||`). */
  optional: (match: RegExpExecArray) => boolean;
  why: (match: RegExpExecArray, optional: boolean) => string;
}

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';

const RUBY: Pattern[] = [
  {
    regex: new RegExp(`(?<![\\w:])ENV\\s*\\[\\s*(['"])${NAME}\\1\\s*\\](\\s*(?:\\|\\||\\|\\|=))?`, 'g'),
    group: 2,
    optional: (m) => m[3] !== undefined,
    why: (m, optional) => (optional ? `ENV["${m[2]}"] followed by ||` : `ENV["${m[2]}"] with no fallback`),
  },
  {
    regex: new RegExp(`(?<![\\w:])ENV\\.fetch\\(\\s*(['"])${NAME}\\1\\s*(,|\\)\\s*\\{|\\)\\s*do\\b)?`, 'g'),
    group: 2,
    optional: (m) => m[3] !== undefined,
    why: (m, optional) => (optional ? `ENV.fetch("${m[2]}") with a default` : `ENV.fetch("${m[2]}") raises KeyError when unset`),
  },
  {
    regex: new RegExp(`(?<![\\w:])ENV\\.(?:key\\?|has_key\\?|include\\?)\\(\\s*(['"])${NAME}\\1`, 'g'),
    group: 2,
    optional: () => true,
    why: (m) => `ENV.key?("${m[2]}") tests presence`,
  },
];
const RUBY_DYNAMIC = /(?<![\w:])ENV(?:\s*\[\s*[a-z_@]|\.fetch\(\s*[a-z_@])/;

const GO: Pattern[] = [
  { regex: new RegExp(`\\bos\\.Getenv\\(\\s*"${NAME}"\\s*\\)`, 'g'), group: 1, optional: () => false, why: (m) => `os.Getenv("${m[1]}") with no fallback` },
  {
    regex: new RegExp(`\\bos\\.LookupEnv\\(\\s*"${NAME}"\\s*\\)`, 'g'),
    group: 1,
    optional: () => true,
    why: (m) => `os.LookupEnv("${m[1]}") lets the caller check presence`,
  },
];
const GO_DYNAMIC = /\bos\.(?:Getenv|LookupEnv)\(\s*[A-Za-z_]/;

/**
 * The code part of a line: everything before a comment marker that is not inside a string. One
 * forward pass (a stray quote just opens a string that runs to the line end).
 */
export function codeOf(line: string, marker: '#' | '//', quotes: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (quotes.includes(c)) quote = c;
    else if (marker === '#' ? c === '#' : c === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
}

function scan(
  file: string,
  text: string,
  kind: UseKind,
  patterns: Pattern[],
  dynamic: RegExp,
  marker: '#' | '//',
  quotes: string,
  hints: string[],
): FileDiscovery {
  const out = emptyDiscovery();
  if (!hints.some((hint) => text.includes(hint))) return out;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = capLine(lines[i]!);
    if (!hints.some((hint) => raw.includes(hint))) continue;
    const code = codeOf(raw, marker, quotes);
    for (const pattern of patterns) {
      pattern.regex.lastIndex = 0;
      for (let m = pattern.regex.exec(code); m; m = pattern.regex.exec(code)) {
        const optional = pattern.optional(m);
        out.uses.push({ name: m[pattern.group]!, file, line: i + 1, kind, optional, why: pattern.why(m, optional) });
      }
    }
    if (dynamic.test(code)) out.dynamic.push({ file, line: i + 1, form: kind === 'go' ? 'os.Getenv(…)' : 'ENV[…]' });
  }
  return out;
}

/** Python: `os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X")`, django-environ, python-decouple, Pydantic settings, project helpers. */
export function discoverPython(file: string, text: string): FileDiscovery {
  return readPython(file, text);
}

/** Ruby: `ENV["X"]`, `ENV.fetch("X")`, `ENV.fetch("X", default)`, `ENV["X"] || default`. */
export function discoverRuby(file: string, text: string): FileDiscovery {
  return scan(file, text, 'ruby', RUBY, RUBY_DYNAMIC, '#', '\'"', ['ENV']);
}

/** Go: `os.Getenv("X")`, `os.LookupEnv("X")` (optional: the caller checks presence). */
export function discoverGo(file: string, text: string): FileDiscovery {
  return scan(file, text, 'go', GO, GO_DYNAMIC, '//', '"`\'', ['os.']);
}

/** Prisma schema: `url = env("DATABASE_URL")` is read when the client connects. */
export function discoverPrisma(file: string, text: string): FileDiscovery {
  const pattern: Pattern = {
    regex: new RegExp(`\\benv\\(\\s*"${NAME}"\\s*\\)`, 'g'),
    group: 1,
    optional: () => false,
    why: (m) => `Prisma reads env("${m[1]}") when the client connects`,
  };
  return scan(file, text, 'prisma', [pattern], /(?!)/, '//', '"', ['env(']);
}
