// The benchmarks are TypeScript that imports src/ and the test labs (`.js` specifiers, const enums:
// more than Node's type stripping handles), so each is bundled with esbuild and run with this node.
// One place for that, used by every bench/*/run.mjs and by the secrets benchmarks' imports.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(new URL('..', import.meta.url).pathname);

/** Bundle `entry` (a path under the root) or `contents` (export lines) into `outfile`. */
export async function bundle({ entry, contents, outfile, base = ROOT }) {
  await build({
    ...(entry ? { entryPoints: [join(base, entry)] } : { stdin: { contents, resolveDir: base, loader: 'ts' } }),
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    nodePaths: [join(ROOT, 'node_modules')],
    // Bundled CommonJS dependencies (yaml) call require(); give the ESM output a real one.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

/** Import `export { … } from './src/…ts'` lines straight from the sources (bundled into .bench/). */
export async function importFromSrc(name, contents) {
  const dir = join(ROOT, '.bench/secrets');
  mkdirSync(dir, { recursive: true });
  return import(pathToFileURL(await bundle({ contents, outfile: join(dir, `${name}.mjs`) })).href);
}

/**
 * Bundle `entry` and run it with `args`; sets this process's exit code to the benchmark's. With
 * `at` (a git revision) the stage code in src/ is that commit's while the bench and test files stay
 * this tree's, so the same inputs measure the old code.
 */
export async function runBenchmark(entry, args = [], { at } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lr-bench-'));
  try {
    let base = ROOT;
    if (at) {
      base = join(dir, 'tree');
      mkdirSync(base);
      execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${at}" src | tar -x -C "${base}"`]);
      cpSync(join(ROOT, 'test'), join(base, 'test'), { recursive: true });
      cpSync(join(ROOT, 'bench'), join(base, 'bench'), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(base, 'node_modules'));
    }
    const outfile = await bundle({ entry, outfile: join(dir, 'bench.mjs'), base });
    const run = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
    process.exitCode = run.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `--at REV` from the command line, if given. */
export function atRevision(argv = process.argv) {
  const i = argv.indexOf('--at');
  return i > 0 ? argv[i + 1] : undefined;
}
