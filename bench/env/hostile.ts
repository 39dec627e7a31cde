/**
 * Benchmark: the env scanners on hostile input, one row per reproducer found by fuzzing (the named
 * fixtures in test/fixtures/env/hostile), at the size the original report measured.
 *
 *   node bench/env/run.mjs hostile
 *
 * Prints ms, MB and ms per MB for each (best of 3), then the worst case per scanner.
 */
import { performance } from 'node:perf_hooks';
import { discoverAll } from '../../src/stages/env/discover/index.js';
import { REPRODUCERS } from '../../test/fixtures/env/hostile/reproducers.js';

const rows: { scanner: string; name: string; mb: number; ms: number }[] = [];
for (const reproducer of REPRODUCERS) {
  const text = reproducer.make(reproducer.reportedSize);
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    discoverAll([{ path: reproducer.path, text }]);
    best = Math.min(best, performance.now() - started);
  }
  rows.push({ scanner: reproducer.name.split(':')[0]!, name: reproducer.name, mb: text.length / 1024 / 1024, ms: best });
}
console.log('| reproducer | size | time | ms per MB |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${(r.mb * 1024).toFixed(0)} kB | ${r.ms.toFixed(0)} ms | ${(r.ms / r.mb).toFixed(0)} |`);
console.log('\n| scanner | worst case, ms per MB |\n|---|---|');
for (const scanner of [...new Set(rows.map((r) => r.scanner))]) {
  const worst = Math.max(...rows.filter((r) => r.scanner === scanner).map((r) => r.ms / r.mb));
  console.log(`| ${scanner} | ${worst.toFixed(0)} |`);
}
