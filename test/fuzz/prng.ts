import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A small seeded PRNG (mulberry32) and mutators for the fuzz suite. Every case is derived from a
 * fixed seed and its index, so a failure names the seed and case that reproduce it.
 */
const FUZZ_SEED = 0x17f0_22e6;

/** Deterministic random numbers for one case. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(256);
    return out;
  }
}

/** The seed of case `index` of source `source`: what a failure message prints. */
export function caseSeed(source: string, index: number): number {
  let hash = FUZZ_SEED ^ index;
  for (const char of source) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash >>> 0;
}

/** `fuzz config case 12 (seed 0x1a2b3c4d)`: printed with every failure so it can be replayed. */
export function describeCase(source: string, index: number): string {
  return `fuzz ${source} case ${index} (seed 0x${caseSeed(source, index).toString(16).padStart(8, '0')}, FUZZ_SEED 0x${FUZZ_SEED.toString(16)})`;
}

/** Characters that matter to the parsers under test: quotes, escapes, separators, YAML/TOML syntax, odd Unicode. */
const SPICE = [
  '"',
  "'",
  '`',
  '\\',
  '\n',
  '\r\n',
  '\t',
  ' ',
  '#',
  '=',
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  '*',
  '&',
  '!',
  '|',
  '>',
  '%',
  '@',
  ',',
  '${',
  '${A:-',
  '$',
  '(',
  ')',
  '.',
  '//',
  '/*',
  '*/',
  '"""',
  "'''",
  '\0',
  '\u2028',
  '\ufeff',
  '\ud800',
  '😀',
  'process.env.',
  'os.environ["',
  'export ',
];

/** One random edit of `text`: insert, delete, duplicate, swap lines, splice in syntax, truncate. */
function mutate(text: string, rng: Prng): string {
  const at = rng.int(text.length + 1);
  switch (rng.int(8)) {
    case 0:
      return text.slice(0, at) + rng.pick(SPICE) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + rng.int(16));
    case 2: {
      const length = 1 + rng.int(64);
      return text.slice(0, at) + text.slice(at, at + length).repeat(1 + rng.int(6)) + text.slice(at);
    }
    case 3: {
      const lines = text.split('\n');
      const a = rng.int(lines.length);
      const b = rng.int(lines.length);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 4:
      return text.slice(0, at);
    case 5: {
      const lines = text.split('\n');
      const line = rng.int(lines.length);
      lines[line] = ' '.repeat(rng.int(5)) + lines[line]!.trimStart();
      return lines.join('\n');
    }
    case 6:
      return text.slice(0, at) + String.fromCharCode(rng.int(0x3000)) + text.slice(at + 1);
    default:
      return text.slice(0, at) + rng.pick(SPICE).repeat(1 + rng.int(40)) + text.slice(at);
  }
}

/** 1 to `max` mutations in a row. */
export function mutateMany(text: string, rng: Prng, max = 4): string {
  let out = text;
  for (let i = 1 + rng.int(max); i > 0; i--) out = mutate(out, rng);
  return out;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Real fixture files under `test/fixtures/<dir>` whose path matches `pattern`, as `{ path, text }` sorted by path. */
export function fixtureSeeds(dir: string, pattern: RegExp): { path: string; text: string }[] {
  const root = join(FIXTURES, dir);
  const out: { path: string; text: string }[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(relative(root, full))) out.push({ path: relative(root, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out;
}

/**
 * `n` cases, times `FUZZ_SCALE` when set (`FUZZ_SCALE=20 npm run -s jest -- test/fuzz` for a deep run).
 * `npm test` leaves it unset: the counts are fixed, so the suite's cost is too.
 */
export function scaled(n: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  return Number.isFinite(scale) && scale > 0 ? Math.max(1, Math.round(n * scale)) : n;
}

/** A test's jest timeout: the default 30 s, times `FUZZ_SCALE` for deep runs. */
export function scaledTimeout(): number {
  return Math.max(30_000, scaled(30_000));
}
