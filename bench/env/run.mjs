// Bundle the TypeScript benchmark with esbuild (the sources use `.js` import specifiers and const
// enums, which Node's type stripping does not handle) into .bench/, then run it with this node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({ entryPoints: ['bench/env/discovery.ts'], outfile: '.bench/env-discovery.mjs', bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
  // Bundled CommonJS dependencies (yaml) call require(); give the ESM output a real one.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
const result = spawnSync(process.execPath, ['.bench/env-discovery.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
