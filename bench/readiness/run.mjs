// Bundle the TypeScript benchmark with esbuild into .bench/, then run it with this node.
// Usage: node bench/readiness/run.mjs FILE.md|FILE.yaml...  (e.g. the README.md of TwiN/gatus)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['bench/readiness/gatus.ts'],
  outfile: '.bench/readiness-gatus.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const result = spawnSync(process.execPath, ['.bench/readiness-gatus.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
