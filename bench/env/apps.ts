/**
 * Benchmark: env verdicts on full real applications, scored against the hand-checked ground truth in
 * test/fixtures/env/real/<app>/ground-truth.json: time, memory, recall of reads, precision of
 * "required", planted faults caught and false blockers (see test/stages/env/real-apps.ts).
 *
 *   node bench/env/run.mjs apps [APP=DIR]...
 *
 * With no APP=DIR, each app's trimmed fixture is used. For the full apps, clone each upstream at the
 * pinned commit (the ground truth names both) and pass its folder, e.g. taxonomy=/tmp/taxonomy.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDiscoverable } from '../../src/stages/env/discover/index.js';
import { readRepositoryFiles } from '../../src/stages/env/files.js';
import { evaluate, fixtureApps, loadFixture } from '../../test/stages/env/real-apps.js';

const given = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.includes('='))
    .map((a) => [a.slice(0, a.indexOf('=')), resolve(a.slice(a.indexOf('=') + 1))] as const),
);
const apps = given.size > 0 ? [...given.keys()] : fixtureApps();
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const rows: string[][] = [];
for (const app of apps) {
  const fixture = loadFixture(app);
  const dir = given.get(app);
  const mem0 = process.memoryUsage().rss;
  const started = performance.now();
  let files = fixture.files;
  let bytes = files.reduce((n, f) => n + f.text.length, 0);
  if (dir) {
    const walk = await readRepositoryFiles(dir, { include: isDiscoverable });
    files = walk.files;
    bytes = walk.bytes;
    if (!files.some((f) => f.path === fixture.truth.example))
      files.push({ path: fixture.truth.example, text: readFileSync(join(dir, fixture.truth.example), 'utf8') });
  }
  const result = evaluate(app, fixture.truth, files);
  const ms = performance.now() - started;
  const rssMb = Math.max(0, process.memoryUsage().rss - mem0) / 1024 / 1024;
  rows.push([
    app,
    dir ? 'full' : 'fixture',
    String(result.files),
    `${(bytes / 1024).toFixed(0)} kB`,
    `${ms.toFixed(0)} ms`,
    `+${rssMb.toFixed(0)} MB`,
    `${pct(result.readRecall)}${result.missedReads.length ? ` (missed ${result.missedReads.join(', ')})` : ''}`,
    `${pct(result.requiredPrecision)}${result.wrongRequired.length ? ` (${result.wrongRequired.join(', ')})` : ''}`,
    pct(result.requiredRecall),
    `${result.faultsCaught}/${result.faults}`,
    String(result.falseBlockers.length),
  ]);
}
const header = [
  'app',
  'input',
  'files read',
  'bytes',
  'time',
  'RSS growth',
  'recall of reads',
  'precision of required',
  'recall of required',
  'faults caught',
  'false blockers',
];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
