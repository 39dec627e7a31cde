import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RULES } from '../../../src/stages/secrets/rules/index.js';
import type { SecretRule } from '../../../src/stages/secrets/rules/types.js';
import { scanText } from '../../../src/stages/secrets/scan.js';

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
const FLOOR_MS = 2;

/** Inputs crafted to make a backtracking regex explode: long runs, repeated prefixes, unclosed quotes. */
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Prefixes of the rules' formats, repeated back to back so each is a possible match start. */
const SEEDS = ['eyJ', 'eyJa.eyJb.', 'sk-', 'sk-proj-T3BlbkFJ', 'AKIA', 'SG.', 'xoxb-1-', 'xoxp-1', '-----BEGIN PRIVATE KEY-----', `-----BEGIN PRIVATE KEY-----${' '.repeat(19000)}-----END`, 'postgres://a:', 'postgres://a:b', 'NEXT_PUBLIC_', 'Authorization: Bearer ', 'AIza', 'v1.0-', 'dp.pt.', 're_', 'SK', 'hooks.slack.com/services/', 'M', '1234567890:AA', 'ghp_', 'github_pat_', 'glpat-', 'sk_live_', 'whsec_', 'key-', '0123456789abcdef'];

type Hostile = [what: string, make: (size: number) => string];

function hostileInputs(keyword: string): Hostile[] {
  return [
    ...SEEDS.map((seed): Hostile => [`${seed} repeated`, (size) => `${keyword} ${fill(seed, size)}`]),
    ['one run of letters', (size) => fill('a', size)],
    ['the keyword repeated', (size) => fill(keyword, size)],
    ['keyword= repeated', (size) => fill(`${keyword}=`, size)],
    ['keyword followed by a long token run', (size) => keyword + fill('A1b2', size)],
    ['quoted keyword assignments without a closing quote', (size) => fill(`"${keyword}": "`, size)],
    ['minified code on one line', (size) => fill(`var ${keyword}_x="${keyword}A1",b=function(){return "${keyword}"};`, size)],
    ['whitespace runs', (size) => fill(`${keyword}     =      `, size)],
  ];
}

function timeMs(scan: () => unknown): number {
  const started = performance.now();
  scan();
  return performance.now() - started;
}

/** How many times longer `scan` takes on LARGE input than on SMALL input of the same shape. */
function growth(make: (size: number) => string, scan: (text: string) => unknown): number {
  const small = make(SMALL);
  const large = make(LARGE);
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    bestSmall = Math.min(bestSmall, timeMs(() => scan(small)));
    bestLarge = Math.min(bestLarge, timeMs(() => scan(large)));
  }
  return Math.max(bestLarge, FLOOR_MS) / Math.max(bestSmall, FLOOR_MS);
}

const scanWith = (rules: readonly SecretRule[]) => (text: string) => scanText(text, rules);

describe('no rule backtracks catastrophically', () => {
  it.each(DEFAULT_RULES.map((rule) => [rule.id, rule] as const))('%s does work linear in the input on hostile text', (_id, rule) => {
    const keyword = rule.keywords[0] ?? 'key';
    const superLinear = hostileInputs(keyword)
      .map(([what, make]) => ({ what, growth: Math.round(growth(make, scanWith([rule]))) }))
      .filter((row) => row.growth > MAX_GROWTH);
    expect(superLinear).toEqual([]);
  });

  it('scans a 1 MB single-line bundle with every rule, growing linearly from 128 kB', () => {
    const make = (size: number) => fill('function n(e){return e&&e.__esModule?e:{default:e}}var t="abc",r=Object.assign;', size);
    expect(growth(make, scanWith(DEFAULT_RULES))).toBeLessThan(MAX_GROWTH);
  });

  it('the growth check catches quadratic work (negative control)', () => {
    // Touches every pair of positions in a slice of the text: quadratic in its length.
    const quadratic = (text: string) => {
      const n = Math.floor(text.length / 32);
      let sum = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum += (i ^ j) & 1;
      return sum;
    };
    expect(growth((size) => fill('a', size), quadratic)).toBeGreaterThan(MAX_GROWTH);
  });
});
