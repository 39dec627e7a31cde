// One bundler (esbuild) writes dist/: the CLI, the root action's entry point and the composite
// actions' step (run with the runner's node, so everything targets Node 20). The three share one
// chunk of code instead of carrying a copy each. Then the config schema is regenerated from the
// stage definitions so editors and the bundle never disagree.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { updateReadme } from './config-reference.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const entries = { cli: 'src/cli.ts' };
if (existsSync('src/action-entry.ts')) entries.action = 'src/action-entry.ts';
// The composite actions (actions/<stage>, actions/report) run this one with the runner's node.
if (existsSync('src/github/step.ts')) entries.step = 'src/github/step.ts';
// The burst stage's load loop runs this one in worker threads.
if (existsSync('src/stages/burst/worker.ts')) entries['burst-worker'] = 'src/stages/burst/worker.ts';

// A clean folder: chunks are named by content hash, so an old one would otherwise linger.
rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: entries,
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunk-[hash]',
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
  banner: {
    js: "#!/usr/bin/env -S node --\nimport { createRequire as __lrCreateRequire } from 'node:module';\nconst require = __lrCreateRequire(import.meta.url);",
  },
});

stableChunkNames('dist');
chmodSync('dist/cli.js', 0o755);

const schema = execFileSync(process.execPath, ['dist/cli.js', 'schema'], { encoding: 'utf8' });
writeFileSync('launch-ready.schema.json', schema);
if (existsSync('README.md')) updateReadme('README.md', JSON.parse(schema));

/**
 * esbuild names shared chunks by content hash, so every change would delete one multi-megabyte file
 * and add another to git. Name them `shared-1.js`, `shared-2.js`… (largest first) and rewrite the
 * imports, so a change to the source is a small diff of the same file.
 */
function stableChunkNames(dir) {
  const chunks = readdirSync(dir)
    .filter((name) => /^chunk-[A-Z0-9]+\.js$/.test(name))
    .sort((a, b) => statSync(`${dir}/${b}`).size - statSync(`${dir}/${a}`).size || a.localeCompare(b));
  const renamed = new Map(chunks.map((name, i) => [name, `shared-${i + 1}.js`]));
  for (const [from, to] of renamed) renameSync(`${dir}/${from}`, `${dir}/${to}`);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const text = readFileSync(`${dir}/${name}`, 'utf8');
    const next = text.replace(/chunk-[A-Z0-9]+\.js/g, (ref) => renamed.get(ref) ?? ref);
    if (next !== text) writeFileSync(`${dir}/${name}`, next);
  }
}
