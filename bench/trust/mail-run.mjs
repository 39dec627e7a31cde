// Bundles mail-setups.ts with esbuild and runs it. With `--at REV`, the stage's src/ is taken from that
// commit (git archive into a temp folder) while the setups and fixtures stay this tree's, so the same
// setups measure the old code. Usage: node bench/trust/mail-run.mjs [--at REV]
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);
const at = process.argv.indexOf('--at') > 0 ? process.argv[process.argv.indexOf('--at') + 1] : undefined;
const dir = mkdtempSync(join(tmpdir(), 'lr-mail-bench-'));
try {
  let base = root;
  if (at) {
    base = join(dir, 'tree');
    mkdirSync(base);
    execFileSync('sh', ['-c', `git -C "${root}" archive "${at}" src | tar -x -C "${base}"`]);
    cpSync(join(root, 'test'), join(base, 'test'), { recursive: true });
    cpSync(join(root, 'bench'), join(base, 'bench'), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(base, 'node_modules'));
  }
  const outfile = join(dir, 'mail-setups.mjs');
  await build({
    entryPoints: [join(base, 'bench/trust/mail-setups.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    nodePaths: [join(root, 'node_modules')],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const run = spawnSync(process.execPath, [outfile], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
