import { describe, expect, it } from '@jest/globals';
import { discoverAll, discoverFile } from '../../../src/stages/env/discover/index.js';
import { parseDotenv } from '../../../src/stages/env/dotenv.js';
import { REPRODUCERS } from '../../fixtures/env/hostile/reproducers.js';

const SMALL = 32 * 1024;
/** Linear work grows 4× from SMALL to 4×SMALL, quadratic work 16×: the bound sits between them. */
const MAX_GROWTH = 6;
/** CPU times under this are noise and count as this. */
const FLOOR_MS = 2;
const RUNS = 5;
const ATTEMPTS = 3;

/** CPU time of one call in ms: time the process was descheduled on a loaded machine does not count. */
function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * How many times longer `scan` takes on 4× the input, measured in this process: runs of both sizes
 * interleaved, best of {@link RUNS} each, and the best of {@link ATTEMPTS} such ratios (a quadratic
 * scan never gets under the bound by luck; a linear one may miss it once under load).
 */
function growth(make: (size: number) => string, scan: (text: string) => unknown, size = SMALL): number {
  const small = make(size);
  const large = make(size * 4);
  let best = Infinity;
  for (let attempt = 0; attempt < ATTEMPTS && best >= MAX_GROWTH; attempt++) {
    let a = Infinity;
    let b = Infinity;
    for (let run = 0; run < RUNS; run++) {
      a = Math.min(
        a,
        cpuMs(() => scan(small)),
      );
      b = Math.min(
        b,
        cpuMs(() => scan(large)),
      );
    }
    best = Math.min(best, Math.max(b, FLOOR_MS) / Math.max(a, FLOOR_MS));
  }
  return best;
}

describe('env scanners stay linear on hostile input (reproducers found by fuzzing)', () => {
  it.each(REPRODUCERS.map((r) => [r.name, r] as const))('%s', (_name, reproducer) => {
    expect(growth(reproducer.make, (text) => discoverAll([{ path: reproducer.path, text }]), reproducer.testSize)).toBeLessThan(MAX_GROWTH);
  });

  it('the growth check fails a quadratic scan (negative control)', () => {
    const quadratic = (text: string) => {
      let n = 0;
      for (let i = 0; i < text.length; i += 64) for (let j = i; j < text.length; j += 16) n += text.charCodeAt(j);
      return n;
    };
    expect(growth((size) => 'x'.repeat(size), quadratic)).toBeGreaterThan(MAX_GROWTH);
  });
});

describe('env scanners still read what hostile files hold', () => {
  it('a dotenv quote never closed is one malformed line, and the lines after it still parse', () => {
    const parsed = parseDotenv('A="never closed\nB=1\nC=2\n');
    expect(parsed.problems).toEqual([{ line: 1, message: 'quoted value never closed (missing ")' }]);
    expect(parsed.entries.map((e) => `${e.key}=${e.value}`)).toEqual(['B=1', 'C=2']);
  });

  it('a Python read before a comment with a stray quote is found; one inside the comment is not', () => {
    const uses = discoverFile('app/settings.py', `import os\nx = os.environ["A"] # # it's\ny = 1 # os.environ["B"] '\n`).uses;
    expect(uses.map((u) => u.name)).toEqual(['A']);
  });

  it('compose: a default holding another interpolation yields both names; runs of unclosed ${A:- yield none', () => {
    const uses = discoverFile('docker-compose.yml', 'services:\n  web:\n    image: "x:${TAG:-${FALLBACK_TAG}}"\n    command: "${A:-${A:-${A:-"\n').uses;
    expect(uses.map((u) => `${u.name}:${u.optional ? 'optional' : 'required'}`)).toEqual(['TAG:optional', 'FALLBACK_TAG:required']);
  });

  it('a line longer than the cap is scanned up to the cap only', () => {
    const uses = discoverFile('main.go', `package main\nvar a = os.Getenv("A")${' '.repeat(40_000)}; var b = os.Getenv("B")\n`).uses;
    expect(uses.map((u) => u.name)).toEqual(['A']);
  });
});
