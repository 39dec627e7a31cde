/**
 * Environment reads in Python, Ruby and Go. These languages' access forms are single calls with a
 * string literal, so a line scan that drops comment lines and comment tails is exact enough; the
 * near-misses (`os.environment`, `MY_ENV[...]`, a commented-out line) do not match.
 */
import { emptyDiscovery, type FileDiscovery, type UseKind } from './types.js';

interface Pattern {
  regex: RegExp;
  /** Group holding the name. */
  group: number;
  /** Optional when the match shows a default (a second argument, a block, `||`). */
  optional: (match: RegExpExecArray) => boolean;
}

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const PYTHON: Pattern[] = [
  { regex: new RegExp(`(?<![\\w.])(?:os\\.)?environ\\s*\\[\\s*(['"])${NAME}\\1\\s*\\]`, 'g'), group: 2, optional: () => false },
  { regex: new RegExp(`(?<![\\w.])(?:os\\.)?environ\\.get\\(\\s*(['"])${NAME}\\1\\s*(,)?`, 'g'), group: 2, optional: (m) => m[3] === ',' },
  { regex: new RegExp(`(?<![\\w.])os\\.getenv\\(\\s*(['"])${NAME}\\1\\s*(,)?`, 'g'), group: 2, optional: (m) => m[3] === ',' },
];
const PYTHON_DYNAMIC = /(?<![\w.])(?:os\.)?(?:environ\s*\[\s*[A-Za-z_]|environ\.get\(\s*[A-Za-z_]|getenv\(\s*[A-Za-z_])/;

const RUBY: Pattern[] = [
  { regex: new RegExp(`(?<![\\w:])ENV\\s*\\[\\s*(['"])${NAME}\\1\\s*\\](\\s*(?:\\|\\||\\|\\|=))?`, 'g'), group: 2, optional: (m) => m[3] !== undefined },
  { regex: new RegExp(`(?<![\\w:])ENV\\.fetch\\(\\s*(['"])${NAME}\\1\\s*(,|\\)\\s*\\{|\\)\\s*do\\b)?`, 'g'), group: 2, optional: (m) => m[3] !== undefined },
];
const RUBY_DYNAMIC = /(?<![\w:])ENV(?:\s*\[\s*[a-z_@]|\.fetch\(\s*[a-z_@])/;

const GO: Pattern[] = [
  { regex: new RegExp(`\\bos\\.Getenv\\(\\s*"${NAME}"\\s*\\)`, 'g'), group: 1, optional: () => false },
  { regex: new RegExp(`\\bos\\.LookupEnv\\(\\s*"${NAME}"\\s*\\)`, 'g'), group: 1, optional: () => true },
];
const GO_DYNAMIC = /\bos\.(?:Getenv|LookupEnv)\(\s*[A-Za-z_]/;

function scan(file: string, text: string, kind: UseKind, patterns: Pattern[], dynamic: RegExp, comment: RegExp, hints: string[]): FileDiscovery {
  const out = emptyDiscovery();
  if (!hints.some((hint) => text.includes(hint))) return out;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!hints.some((hint) => raw.includes(hint))) continue;
    const code = raw.replace(comment, '');
    for (const pattern of patterns) {
      pattern.regex.lastIndex = 0;
      for (let m = pattern.regex.exec(code); m; m = pattern.regex.exec(code)) {
        out.uses.push({ name: m[pattern.group]!, file, line: i + 1, kind, optional: pattern.optional(m) });
      }
    }
    if (dynamic.test(code)) out.dynamic.push({ file, line: i + 1, form: dynamic.source.includes('Getenv') ? 'os.Getenv(…)' : kind === 'ruby' ? 'ENV[…]' : 'os.environ[…]' });
  }
  return out;
}

/** Python: `os.environ["X"]`, `os.environ.get("X", default)`, `os.getenv("X")`. */
export function discoverPython(file: string, text: string): FileDiscovery {
  // A `#` after code starts a comment unless it sits in a string; good enough for env reads.
  return scan(file, text, 'python', PYTHON, PYTHON_DYNAMIC, /(^\s*#.*$)|(\s#[^'"]*$)/, ['environ', 'getenv']);
}

/** Ruby: `ENV["X"]`, `ENV.fetch("X")`, `ENV.fetch("X", default)`, `ENV["X"] || default`. */
export function discoverRuby(file: string, text: string): FileDiscovery {
  return scan(file, text, 'ruby', RUBY, RUBY_DYNAMIC, /(^\s*#.*$)|(\s#[^'"]*$)/, ['ENV']);
}

/** Go: `os.Getenv("X")`, `os.LookupEnv("X")` (optional: the caller checks presence). */
export function discoverGo(file: string, text: string): FileDiscovery {
  return scan(file, text, 'go', GO, GO_DYNAMIC, /(^\s*\/\/.*$)|(\s\/\/[^"`]*$)/, ['os.']);
}

/** Prisma schema: `url = env("DATABASE_URL")` is read when the client connects. */
export function discoverPrisma(file: string, text: string): FileDiscovery {
  return scan(file, text, 'js', [{ regex: new RegExp(`\\benv\\(\\s*"${NAME}"\\s*\\)`, 'g'), group: 1, optional: () => false }], /(?!)/, /^\s*\/\/.*$/, ['env(']);
}
