/**
 * Benchmark: env discovery over a large real JS/TS tree (default: this repo's node_modules, thousands
 * of real files) versus a plain regex scan of the same files in the same run.
 *
 *   node bench/env/run.mjs [DIR]
 *
 * Both passes work on the same in-memory texts (reading is timed separately), 3 rounds each, median.
 */
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { discoverAll } from '../../src/stages/env/discover/index.js';
import { tokenizeJs } from '../../src/stages/env/discover/js-tokens.js';
import { readRepositoryFiles } from '../../src/stages/env/files.js';

const JS = /\.(?:[cm]?[jt]sx?)$/;
const REGEXES = [
  /process\.env\.([A-Z_][A-Z0-9_]*)/g,
  /process\.env\[\s*["'`]([A-Z_][A-Z0-9_]*)["'`]\s*\]/g,
  /import\.meta\.env\.([A-Z_][A-Z0-9_]*)/g,
  /Deno\.env\.get\(\s*["']([A-Z_][A-Z0-9_]*)["']\s*\)/g,
  /Bun\.env\.([A-Z_][A-Z0-9_]*)/g,
];
const ROUNDS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    value = fn();
    times.push(performance.now() - started);
  }
  return { ms: median(times), value };
}

const root = resolve(process.argv[2] ?? 'node_modules');
const readStarted = performance.now();
// The whole tree: nested node_modules are part of the "monorepo" here; only .git is left out.
const walk = await readRepositoryFiles(root, { useGit: false, skipDirs: new Set(['.git']), include: (p) => JS.test(p) && !/\.d\.[cm]?ts$/.test(p) });
const readMs = performance.now() - readStarted;
const files = walk.files;
const mb = walk.bytes / 1024 / 1024;

const discovery = time(() => discoverAll(files));
const tokenizeAll = time(() => files.reduce((n, f) => n + tokenizeJs(f.text).length, 0));
const regex = time(() => {
  const names = new Set<string>();
  let matches = 0;
  for (const file of files) {
    for (const re of REGEXES) {
      re.lastIndex = 0;
      for (let m = re.exec(file.text); m; m = re.exec(file.text)) {
        matches++;
        names.add(m[1]!);
      }
    }
  }
  return { matches, names };
});

const uses = [...discovery.value.variables.values()].reduce((n, v) => n + v.uses.length, 0);
const rate = (ms: number) => `${Math.round(files.length / (ms / 1000)).toLocaleString('en-US')} files/s, ${(mb / (ms / 1000)).toFixed(1)} MB/s`;
console.log(`tree: ${root}`);
console.log(
  `files: ${files.length} JS/TS files, ${mb.toFixed(1)} MB (skipped ${walk.skippedLarge} over 1 MiB, ${walk.skippedBinary} binary); listing+reading took ${(readMs / 1000).toFixed(2)} s`,
);
console.log(
  `discovery (tokenizer on files mentioning .env, ${ROUNDS} rounds, median): ${discovery.ms.toFixed(0)} ms = ${rate(discovery.ms)}; ${discovery.value.variables.size} variables, ${uses} uses, ${discovery.value.dynamic.length} dynamic reads`,
);
console.log(
  `tokenizer on every file (no pre-check):                    ${tokenizeAll.ms.toFixed(0)} ms = ${rate(tokenizeAll.ms)}; ${tokenizeAll.value.toLocaleString('en-US')} tokens`,
);
console.log(
  `plain regex scan (${REGEXES.length} regexes):                              ${regex.ms.toFixed(0)} ms = ${rate(regex.ms)}; ${regex.value.names.size} names, ${regex.value.matches} matches`,
);
console.log(`ratio discovery/regex: ${(discovery.ms / regex.ms).toFixed(2)}x the time; full tokenizer/regex: ${(tokenizeAll.ms / regex.ms).toFixed(2)}x`);
const onlyRegex = [...regex.value.names].filter((n) => !discovery.value.variables.has(n));
console.log(
  `names only the regex saw (in comments, strings, or assignments): ${onlyRegex.length}${onlyRegex.length ? ` e.g. ${onlyRegex.slice(0, 6).join(', ')}` : ''}`,
);
