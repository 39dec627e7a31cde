// One bundler (esbuild) writes dist/: the CLI (also run by the composite actions with the runner's
// node, so it targets Node 20) and the root action's entry point. Then the config schema is
// regenerated from the stage definitions so editors and the bundle never disagree.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { updateReadme } from './config-reference.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const entries = { cli: 'src/cli.ts' };
if (existsSync('src/action.ts')) entries.action = 'src/action.ts';
// The composite actions (actions/<stage>, actions/report) run this one with the runner's node.
if (existsSync('src/github/step.ts')) entries.step = 'src/github/step.ts';

await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.js' },
  legalComments: 'none',
  logLevel: 'warning',
  define: { LAUNCH_READY_VERSION: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require(); give ESM output a real one. The `--` in the
  // shebang stops Node from taking our own `--env-file` flag as its own (nodejs/node#54232).
  banner: { js: "#!/usr/bin/env -S node --\nimport { createRequire as __lrCreateRequire } from 'node:module';\nconst require = __lrCreateRequire(import.meta.url);" },
});

chmodSync('dist/cli.js', 0o755);

const schema = execFileSync(process.execPath, ['dist/cli.js', 'schema'], { encoding: 'utf8' });
writeFileSync('launch-ready.schema.json', schema);
if (existsSync('README.md')) updateReadme('README.md', JSON.parse(schema));
