#!/usr/bin/env node
// "Hostile inputs" row for the secrets scanners: the worst case, in ms per MB, of the text scan and
// the history parser on the reproducers of test/stages/secrets/pathological.test.ts (the very
// shapes, imported from test/stages/secrets/hostile-shapes.ts: repeated rule prefixes, long runs, unclosed quotes, minified one-liners, a data dump of
// 100,000 hits, a one-line file far over the size cap). The test asserts linear growth; this
// prints what it costs.
//
//   node bench/secrets/hostile.mjs            (BENCH_KB=512: size of each input; BENCH_ROUNDS=3, best counts)
//
// The scanner is bundled from src/ with esbuild on the fly (into .bench/), so no build is needed.
import { loadavg, cpus } from 'node:os';
import { importFromSrc } from '../run-ts.mjs';

const KB = Number(process.env.BENCH_KB ?? 512);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const { scanText, DEFAULT_RULES, PatchParser, fill, hostileInputs } = await importFromSrc(
  'hostile-scanner',
  "export { scanText } from './src/stages/secrets/scan.ts'; export { DEFAULT_RULES } from './src/stages/secrets/rules/index.ts';" +
    " export { PatchParser } from './src/stages/secrets/sources/history.ts'; export { fill, hostileInputs } from './test/stages/secrets/hostile-shapes.ts';",
);

const shapes = hostileInputs;
const best = (work) => {
  let ms = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    work();
    ms = Math.min(ms, performance.now() - started);
  }
  return ms;
};
const perMb = (ms, chars) => ms / (chars / 1e6);
const size = KB * 1024;

// 1. Text scan: each rule alone on each shape seeded with its own keyword, and all rules at once.
let worstOne = { msPerMb: 0 };
for (const rule of DEFAULT_RULES) {
  for (const [what, make] of shapes(rule.keywords[0] ?? 'key')) {
    const text = make(size);
    const msPerMb = perMb(
      best(() => scanText(text, [rule])),
      text.length,
    );
    if (msPerMb > worstOne.msPerMb) worstOne = { msPerMb, rule: rule.id, what };
  }
}
let worstAll = { msPerMb: 0 };
const allShapes = [
  ...shapes('key'),
  ['minified bundle', (s) => fill('function n(e){return e&&e.__esModule?e:{default:e}}var t="abc",r=Object.assign;', s)],
  ['data dump: one api_key hit per line', (s) => Array.from({ length: Math.ceil(s / 40) }, (_, i) => `api_key_${i} = "${fill('Ab3x', 20)}7Qz3"`).join('\n')],
];
for (const [what, make] of allShapes) {
  const text = make(size);
  const msPerMb = perMb(
    best(() => scanText(text, DEFAULT_RULES)),
    text.length,
  );
  if (msPerMb > worstAll.msPerMb) worstAll = { msPerMb, what };
}

// 2. History parser: a one-line file far over the block cap, many tiny blocks, long removed runs.
const header = `\x01${'a'.repeat(40)} 2026-01-10T12:00:00Z refs/heads/main\n`;
const patches = [
  [
    'one-line file 32x over the 1 MiB block cap',
    () => `${header}diff --git a/b.js b/b.js\n--- /dev/null\n+++ b/b.js\n@@ -0,0 +1 @@\n+${fill('var a=1;', 32 * 1024 * 1024)}\n`,
  ],
  [
    '100,000 one-line blocks',
    () => Array.from({ length: 100_000 }, (_, i) => `${header}diff --git a/f${i} b/f${i}\n--- a/f${i}\n+++ b/f${i}\n@@ -1 +1 @@\n-x\n+TOKEN=${i}\n`).join(''),
  ],
  ['one block of 1 MB of removed lines', () => `${header}diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,99999 +0,0 @@\n${fill('-removed line\n', 1024 * 1024)}`],
];
let worstParse = { msPerMb: 0 };
for (const [what, make] of patches) {
  const text = make();
  const chunks = Array.from({ length: Math.ceil(text.length / 65536) }, (_, i) => text.slice(i * 65536, (i + 1) * 65536));
  const msPerMb = perMb(
    best(() => {
      const parser = new PatchParser(1024 * 1024, () => undefined);
      for (const chunk of chunks) parser.push(chunk);
      parser.end();
    }),
    text.length,
  );
  if (msPerMb > worstParse.msPerMb) worstParse = { msPerMb, what };
}

const fmt = (n) => n.toFixed(1);
console.log(
  `hostile inputs (${KB} kB each, best of ${ROUNDS}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores)`,
);
console.log(`  text scan, one rule, worst:   ${fmt(worstOne.msPerMb)} ms/MB  (${worstOne.rule}: ${worstOne.what})`);
console.log(`  text scan, all ${DEFAULT_RULES.length} rules, worst: ${fmt(worstAll.msPerMb)} ms/MB  (${worstAll.what})`);
console.log(`  history parser, worst:        ${fmt(worstParse.msPerMb)} ms/MB  (${worstParse.what})`);
