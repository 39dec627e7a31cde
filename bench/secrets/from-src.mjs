// Import modules straight from src/ (TypeScript) in a benchmark: esbuild bundles the given exports
// into .bench/secrets/<name>.mjs, so a benchmark measures the code as it is, with no build step.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);

/** `exports`: `export { a } from './src/…ts';` lines, relative to the repository root. */
export async function importFromSrc(name, exports) {
  const dir = join(ROOT, '.bench/secrets');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${name}.mjs`);
  await build({
    stdin: { contents: exports, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}
