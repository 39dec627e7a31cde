// Bundle the TypeScript benchmark with esbuild (the sources use `.js` import specifiers and const
// enums, which Node's type stripping does not handle) into .bench/, then run it with this node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

// `node bench/env/run.mjs apps [APP=DIR]...`: the real-application table (bench/env/apps.ts);
// `node bench/env/run.mjs hostile`: the hostile-input table (bench/env/hostile.ts); anything else the discovery benchmark.
const mode = ['apps', 'hostile'].includes(process.argv[2]) ? process.argv[2] : 'discovery';
const apps = mode !== 'discovery';
const entry = `bench/env/${mode === 'discovery' ? 'discovery' : mode}.ts`;
const outfile = `.bench/env-${mode}.mjs`;
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (yaml) call require(); give the ESM output a real one.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(apps ? 3 : 2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
