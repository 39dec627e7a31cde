import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RULES } from '../../../src/stages/secrets/rules/index.js';
import type { SecretRule } from '../../../src/stages/secrets/rules/types.js';
import { MAX_MATCHES_PER_RULE, scanText } from '../../../src/stages/secrets/scan.js';
import { PatchParser } from '../../../src/stages/secrets/sources/history.js';
import { alnum } from './fakes.js';
import { fill, hostileInputs } from './hostile-shapes.js';

const KB = 1024;
const SMALL = 64 * KB;
const LARGE = 512 * KB;
/**
 * Linear work grows 8× from SMALL to LARGE, quadratic work 64×. The bound sits between the two and
 * is a ratio taken in one process: small and large runs alternate and the best of each counts, so
 * a load spike on a shared machine slows one run, not the ratio. Times under the floor are noise
 * and count as the floor.
 */
const MAX_GROWTH = 32;
const ROUNDS = 4;
/** Generous: a loaded shared machine slows every run; the assertions are ratios, this only stops a hang. */
const TIMEOUT_MS = 180_000;
const FLOOR_MS = 2;

/**
 * CPU time of the scan, in ms: the work this process did, which a loaded machine does not stretch
 * the way it stretches wall time (waiting for a core counts for nothing here).
 */
function timeMs(scan: () => unknown): number {
  const started = process.cpuUsage();
  scan();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** How many times longer `scan` takes on LARGE input than on SMALL input of the same shape. */
function growth(make: (size: number) => string, scan: (text: string) => unknown): number {
  const small = make(SMALL);
  const large = make(LARGE);
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    bestSmall = Math.min(
      bestSmall,
      timeMs(() => scan(small)),
    );
    bestLarge = Math.min(
      bestLarge,
      timeMs(() => scan(large)),
    );
  }
  return Math.max(bestLarge, FLOOR_MS) / Math.max(bestSmall, FLOOR_MS);
}

const scanWith = (rules: readonly SecretRule[]) => (text: string) => scanText(text, rules);

describe('no rule backtracks catastrophically', () => {
  it.each(DEFAULT_RULES.map((rule) => [rule.id, rule] as const))(
    '%s does work linear in the input on hostile text',
    (_id, rule) => {
      const keyword = rule.keywords[0] ?? 'key';
      const superLinear = hostileInputs(keyword)
        .map(([what, make]) => ({ what, growth: Math.round(growth(make, scanWith([rule]))), make }))
        // A load spike can hit one measurement; super-linear work is super-linear on a second look too.
        .map((row) => (row.growth > MAX_GROWTH ? { ...row, growth: Math.min(row.growth, Math.round(growth(row.make, scanWith([rule])))) } : row))
        .filter((row) => row.growth > MAX_GROWTH)
        .map(({ what, growth: ratio }) => ({ what, growth: ratio }));
      expect(superLinear).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'scans a 1 MB single-line bundle with every rule, growing linearly from 128 kB',
    () => {
      const make = (size: number) => fill('function n(e){return e&&e.__esModule?e:{default:e}}var t="abc",r=Object.assign;', size);
      expect(growth(make, scanWith(DEFAULT_RULES))).toBeLessThan(MAX_GROWTH);
    },
    TIMEOUT_MS,
  );

  it(
    'the growth check catches quadratic work (negative control)',
    () => {
      // Touches every pair of positions in a slice of the text: quadratic in its length.
      const quadratic = (text: string) => {
        const n = Math.floor(text.length / 32);
        let sum = 0;
        for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) & 1;
        return sum;
      };
      expect(growth((size) => fill('a', size), quadratic)).toBeGreaterThan(MAX_GROWTH);
    },
    TIMEOUT_MS,
  );
});

/** Named regression fixtures from issue 17 row 7: each grows linearly, as a ratio in one process. */
describe('regression fixtures: inputs that once took tens of seconds', () => {
  const chunked = (text: string, size = 64 * KB) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

  /** `git log -p` output for one commit adding a one-line file of `bytes` bytes, then a small file with a token. */
  function oneLineFilePatch(bytes: number, token: string): string[] {
    const header = '\x01' + 'a'.repeat(40) + ' 2026-01-10T12:00:00Z refs/heads/main\n';
    const big = `diff --git a/big.min.js b/big.min.js\nnew file mode 100644\n--- /dev/null\n+++ b/big.min.js\n@@ -0,0 +1 @@\n+${fill('var a=1;', bytes)}\n`;
    const small = `diff --git a/small.env b/small.env\nnew file mode 100644\n--- /dev/null\n+++ b/small.env\n@@ -0,0 +1 @@\n+TOKEN=${token}\n`;
    return chunked(header + big + small);
  }

  it(
    'history: a one-line file far over the size cap (100 MiB took 94 s) is skipped in time linear in its size',
    () => {
      const token = ['ghp', alnum(36)].join('_');
      const parse = (chunks: string[]) => {
        const blocks: string[] = [];
        const parser = new PatchParser(1024 * KB, (block) => blocks.push(block.file));
        for (const chunk of chunks) parser.push(chunk);
        parser.end();
        return { blocks, skipped: parser.stats.skippedLargeBlocks };
      };
      expect(parse(oneLineFilePatch(4 * 1024 * KB, token))).toEqual({ blocks: ['small.env'], skipped: 1 });
      const small = oneLineFilePatch(4 * 1024 * KB, token);
      const large = oneLineFilePatch(32 * 1024 * KB, token);
      const ratio = bestRatio(
        () => parse(small),
        () => parse(large),
      );
      expect(ratio).toBeLessThan(MAX_GROWTH);
    },
    TIMEOUT_MS,
  );

  const hits = (n: number) => Array.from({ length: n }, (_, i) => `api_key_${i} = "${alnum(20)}7Qz3"`).join('\n');

  it(
    'generic rule: work per hit is constant (overlap checks were n², 100,000 hits took 24 s)',
    () => {
      const small = hits(600);
      const large = hits(4_800);
      expect(scanText(large, DEFAULT_RULES).length).toBe(4_800);
      expect(
        bestRatio(
          () => scanText(small, DEFAULT_RULES),
          () => scanText(large, DEFAULT_RULES),
        ),
      ).toBeLessThan(MAX_GROWTH);
    },
    TIMEOUT_MS,
  );

  it(
    'generic rule: 100,000 hits in one 3.7 MB file stop at the per-rule cap',
    () => {
      const dump = hits(100_000);
      expect(dump.length).toBeGreaterThan(3_500_000);
      expect(scanText(dump, DEFAULT_RULES).length).toBe(MAX_MATCHES_PER_RULE);
    },
    TIMEOUT_MS,
  );
});

/** Best large time over best small time, runs alternating (see {@link growth}). */
function bestRatio(small: () => unknown, large: () => unknown): number {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    bestSmall = Math.min(bestSmall, timeMs(small));
    bestLarge = Math.min(bestLarge, timeMs(large));
  }
  return Math.max(bestLarge, FLOOR_MS) / Math.max(bestSmall, FLOOR_MS);
}
