#!/usr/bin/env node
// Benchmark of the secrets stage's history scan against its physical floor and secretlint.
//
//   npm run -s build && node bench/secrets/history.mjs
//
// Builds (once; reused from .bench/secrets/) a synthetic repository with `git fast-import`: tens
// of thousands of commits replaying real source files from node_modules/ (new files, small edits,
// deletions, unmerged branches) with a few planted secrets. No network. Then, on that one
// repository, it times:
//   1. `git log -p --all -U0` alone, to /dev/null: the floor (git must produce the patches);
//   2. the same with our exact arguments (what the stage actually asks git for);
//   3. `launch-ready secrets` (the built CLI: history of all refs plus the working tree), its
//      history split over the machine's cores, and its `metrics.historyMs` (the history part alone);
//   4. the same with LAUNCH_READY_HISTORY_WORKERS=1 (one stream), whose findings must be identical;
//   5. with BENCH_SECRETLINT=1, secretlint 13 (recommend preset, Node 24) on the same patch saved to a file.
// It prints the history scan's ratio to one `git log -p --all -U0` stream (goal <= 0.7 on 2 cores).
// Each timing is the median of BENCH_RUNS runs (default 3), interleaved so machine load hits all alike.
// Env: BENCH_COMMITS (default 30000), BENCH_REPO (a real repository instead), BENCH_RUNS, BENCH_SECRETLINT_TIMEOUT_S (default 900).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { importFromSrc } from '../run-ts.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const WORK = join(ROOT, '.bench/secrets');
const COMMITS = Number(process.env.BENCH_COMMITS ?? 30000);
// BENCH_REPO=DIR measures a real repository instead (vuejs/core, say): no planted secrets to recall there.
const REPO = process.env.BENCH_REPO ? resolve(process.env.BENCH_REPO) : join(WORK, `repo-${COMMITS}`);
// Outside the repository: secretlint skips gitignored paths such as .bench/.
const PATCH = join(tmpdir(), `launch-ready-bench-history-${COMMITS}.patch`);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const SECRETLINT_TIMEOUT_S = Number(process.env.BENCH_SECRETLINT_TIMEOUT_S ?? 900);
const SECRETLINT = process.env.BENCH_SECRETLINT === '1';

// --- deterministic fake data --------------------------------------------------------------
let seed = 1234567;
const rand = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (n) => Math.floor(rand() * n);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const chars = (n, a = ALNUM) => Array.from({ length: n }, () => a[pick(a.length)]).join('');
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (s) => {
  let c = 0xffffffff;
  for (let i = 0; i < s.length; i++) c = (c >>> 8) ^ CRC[(c ^ s.charCodeAt(i)) & 0xff];
  return (c ^ 0xffffffff) >>> 0;
};
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const base62 = (n) => {
  let o = '';
  for (; n > 0; n = Math.floor(n / 62)) o = B62[n % 62] + o;
  return o.padStart(6, '0');
};
const ghToken = (prefix) => {
  const r = chars(30);
  return prefix + r + base62(crc32(r));
};
const PLANTS = [
  () => `GITHUB_TOKEN=${ghToken('ghp_')}`,
  () => `const stripe = '${['sk', 'live', chars(24)].join('_')}';`,
  () => `//registry.npmjs.org/:_authToken=${ghToken('npm_')}`,
  () => `aws_secret_access_key = ${chars(40, `${ALNUM}+/`)}`,
  () => `DATABASE_URL=postgres://app:${chars(18)}@db.prod.example.com:5432/app`,
  () => `SENDGRID_API_KEY=SG.${chars(22)}.${chars(43)}`,
];

// --- corpus ---------------------------------------------------------------------------------
function corpus() {
  const out = [];
  const walkDir = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walkDir(full);
      else if (/\.(?:js|mjs|cjs|ts|md|json)$/.test(entry.name)) {
        const size = statSync(full).size;
        if (size > 0 && size <= 32 * 1024) out.push(full);
      }
    }
  };
  walkDir(join(ROOT, 'node_modules'));
  return out.map((f) => ({ path: `vendor/${relative(join(ROOT, 'node_modules'), f)}`, text: readFileSync(f, 'utf8') }));
}

// --- synthetic history --------------------------------------------------------------------
async function buildRepo() {
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', REPO]);
  const files = corpus();
  const git = spawn('git', ['-C', REPO, 'fast-import', '--quiet', '--done', `--export-marks=${join(REPO, '.git', 'bench-marks')}`], {
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const write = (chunk) => (git.stdin.write(chunk) ? Promise.resolve() : new Promise((r) => git.stdin.once('drain', r)));
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const state = new Map(); // path -> lines
  const paths = [];
  let next = 0;
  let mark = 0;
  let mainMark = 0;
  let planted = 0;
  const plants = []; // { mark, path }: where each planted secret was committed
  const started = Date.now();
  for (let i = 0; i < COMMITS; i++) {
    const time = 1_700_000_000 + i * 600;
    const ops = [];
    const roll = rand();
    if (roll < 0.3 || paths.length < 200) {
      const file = files[next++ % files.length];
      if (!state.has(file.path)) paths.push(file.path);
      state.set(file.path, file.text.split('\n'));
      ops.push(`M 100644 inline ${file.path}\n${data(file.text)}`);
    } else if (roll < 0.32 && paths.length > 300) {
      const path = paths.splice(pick(paths.length), 1)[0];
      state.delete(path);
      ops.push(`D ${path}\n`);
    } else {
      for (let e = 0; e < 1 + pick(3); e++) {
        const path = paths[pick(paths.length)];
        const lines = state.get(path);
        const donor = files[pick(files.length)].text.split('\n');
        const at = pick(lines.length + 1);
        const from = pick(Math.max(1, donor.length - 8));
        lines.splice(at, pick(4), ...donor.slice(from, from + 1 + pick(8)));
        if (i % Math.floor(COMMITS / 12) === 7) {
          lines.splice(pick(lines.length + 1), 0, PLANTS[planted++ % PLANTS.length]());
          plants.push({ mark: mark + 1, path });
        }
        ops.push(`M 100644 inline ${path}\n${data(lines.join('\n'))}`);
      }
    }
    // Every ~5000 commits an unmerged feature branch of a few commits leaks a token of its own.
    const onBranch = i > 0 && i % 5000 === 0;
    const ref = onBranch ? `refs/heads/feature-${i}` : 'refs/heads/main';
    if (onBranch) {
      ops.push(`M 100644 inline feature-${i}.env\n${data(`${PLANTS[planted++ % PLANTS.length]()}\n`)}`);
      plants.push({ mark: mark + 1, path: `feature-${i}.env` });
    }
    mark++;
    const msg = `commit ${i}: update ${ops.length} file(s)\n`;
    await write(
      `commit ${ref}\nmark :${mark}\nauthor Bench <bench@example.com> ${time} +0000\ncommitter Bench <bench@example.com> ${time} +0000\n${data(msg)}${mainMark ? `from :${mainMark}\n` : ''}${ops.join('')}\n`,
    );
    if (!onBranch) mainMark = mark;
    if (i % 5000 === 0) process.stderr.write(`  fast-import: ${i}/${COMMITS} commits (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
  await write('done\n');
  git.stdin.end();
  await new Promise((r, j) => git.on('close', (code) => (code === 0 ? r() : j(new Error(`fast-import exit ${code}`)))));
  execFileSync('git', ['-C', REPO, 'checkout', '-q', '-f', 'main']);
  const shaOf = new Map(
    readFileSync(join(REPO, '.git', 'bench-marks'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' '))
      .map(([m, sha]) => [Number(m.slice(1)), sha]),
  );
  const located = plants.map((p) => ({ commit: shaOf.get(p.mark), file: p.path }));
  writeFileSync(join(REPO, '.git', 'bench-planted.json'), JSON.stringify(located));
  return located;
}

// --- the stage's own git arguments, bundled from src/ (so this line can never drift from the stage) ---
async function stageHistoryArgs() {
  const { historyArgs, writeUndiffedAttributes } = await importFromSrc(
    'history-args',
    "export { historyArgs, writeUndiffedAttributes } from './src/stages/secrets/sources/history.ts';",
  );
  const attributes = writeUndiffedAttributes();
  process.on('exit', attributes.remove);
  return historyArgs(attributes.file);
}

// --- timing ---------------------------------------------------------------------------------
function timed(label, command, args, options = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { maxBuffer: 1 << 30, ...options });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error) return { label, seconds, failed: run.error.code === 'ETIMEDOUT' ? `timed out after ${seconds.toFixed(0)} s` : run.error.message };
  return { label, seconds, status: run.status, stdout: run.stdout?.toString() ?? '' };
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  let planted;
  if (process.env.BENCH_REPO) planted = [];
  else if (existsSync(join(REPO, '.git', 'bench-planted.json'))) {
    planted = JSON.parse(readFileSync(join(REPO, '.git', 'bench-planted.json'), 'utf8'));
    process.stderr.write(`reusing ${relative(ROOT, REPO)}\n`);
  } else {
    process.stderr.write(`building ${relative(ROOT, REPO)} (${COMMITS} commits) with git fast-import...\n`);
    planted = await buildRepo();
  }
  if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('run npm run -s build first');
  const refs = execFileSync('git', ['-C', REPO, 'for-each-ref', '--format=%(refname)'], { encoding: 'utf8' }).trim().split('\n').length;

  // Save the patch stream (for secretlint) and warm the page cache before timing anything.
  const fd = openSync(PATCH, 'w');
  spawnSync('git', ['-C', REPO, 'log', '-p', '--all', '-U0'], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  const patchBytes = statSync(PATCH).size;
  const devnull = openSync('/dev/null', 'w');
  const ourArgs = await stageHistoryArgs();
  const resultFile = join(WORK, 'ours.json');
  const rc = join(WORK, 'secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const runs = { floor: [], floorOurs: [], ours: [], single: [], secretlint: [] };
  const cli = (label, env, out) => {
    const r = timed(
      label,
      process.execPath,
      [join(ROOT, 'dist/cli.js'), 'secrets', '--repo', REPO, '--format', 'json', '--output', out, '--fail-on', 'never'],
      { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } },
    );
    const stage = JSON.parse(readFileSync(out, 'utf8')).stages.find((s) => s.id === 'secrets');
    return { ...r, historySeconds: stage.metrics.historyMs / 1000, stage };
  };
  const singleFile = join(WORK, 'ours-single.json');
  for (let run = 0; run < RUNS; run++) {
    process.stderr.write(`  run ${run + 1}/${RUNS}\n`);
    runs.floor.push(
      timed('git log -p --all -U0 > /dev/null (one stream: the floor)', 'git', ['-C', REPO, 'log', '-p', '--all', '-U0'], {
        stdio: ['ignore', devnull, 'inherit'],
      }),
    );
    runs.ours.push(cli(`launch-ready secrets, history split over ${availableParallelism()} cores (history of all refs + working tree)`, {}, resultFile));
    runs.single.push(cli('launch-ready secrets, one stream (LAUNCH_READY_HISTORY_WORKERS=1)', { LAUNCH_READY_HISTORY_WORKERS: '1' }, singleFile));
    runs.floorOurs.push(
      timed("git log with the stage's exact arguments > /dev/null", 'git', ['-C', REPO, ...ourArgs], { stdio: ['ignore', devnull, 'inherit'] }),
    );
    if (SECRETLINT) {
      runs.secretlint.push(
        timed(
          'secretlint 13 --secretlintrc (recommend preset, Node 24) on the saved patch',
          join(ROOT, 'node_modules/.bin/node'),
          [join(ROOT, 'node_modules/.bin/secretlint'), '--secretlintrc', rc, '--format', 'json', '--no-color', PATCH],
          { cwd: ROOT, timeout: SECRETLINT_TIMEOUT_S * 1000, stdio: ['ignore', devnull, 'pipe'] },
        ),
      );
    }
  }
  const median = (list, key = 'seconds') => [...list].sort((a, b) => a[key] - b[key])[Math.floor(list.length / 2)];
  const [floor, floorOurs, ours, single] = [runs.floor, runs.floorOurs, runs.ours, runs.single].map((l) => median(l));
  const secretlint = SECRETLINT ? median(runs.secretlint) : undefined;
  const oursHistory = median(runs.ours, 'historySeconds').historySeconds;
  const singleHistory = median(runs.single, 'historySeconds').historySeconds;
  closeSync(devnull);
  rmSync(PATCH, { force: true });

  const stage = ours.stage;
  const key = (s) => JSON.stringify(s.findings.map((f) => [f.fingerprint, f.occurrences?.length ?? 1]));
  const identical = key(stage) === key(single.stage);
  const found = stage.findings.filter((f) => f.location?.commit).length;
  const recalled = planted.filter((p) =>
    stage.findings.some((f) => [f.location, ...(f.occurrences ?? [])].some((l) => l?.commit === p.commit && l?.file === p.file)),
  ).length;
  const mb = patchBytes / 1e6;
  const line = (r) => {
    if (r.failed) return `  ${r.label}\n      ${r.failed}`;
    const history =
      r.historySeconds !== undefined
        ? `; its history part (metrics.historyMs) ${r.historySeconds.toFixed(2)} s = ${(r.historySeconds / floor.seconds).toFixed(2)}x floor`
        : '';
    return `  ${r.label}\n      ${r.seconds.toFixed(2)} s  ${(mb / r.seconds).toFixed(1)} MB/s  ${(r.seconds / floor.seconds).toFixed(2)}x floor${history}${r.status ? `  (exit ${r.status})` : ''}`;
  };
  console.log(
    `median of ${RUNS} interleaved runs; load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores (availableParallelism ${availableParallelism()})`,
  );
  console.log(`repository: ${relative(ROOT, REPO)}: ${stage.metrics.commits} commits on ${refs} refs, patch ${mb.toFixed(1)} MB (git log -p --all -U0)`);
  console.log(
    `planted secrets found: ${recalled}/${planted.length}; history findings in all: ${found}; split and single-stream findings identical: ${identical ? 'yes' : 'NO'}`,
  );
  for (const r of [floor, floorOurs, ours, single, ...(secretlint ? [secretlint] : [])]) console.log(line(r));
  console.log(
    `history scan / one git log stream: split ${(oursHistory / floor.seconds).toFixed(2)} (goal <= 0.7), one stream ${(singleHistory / floor.seconds).toFixed(2)}; whole stage / floor: split ${(ours.seconds / floor.seconds).toFixed(2)}, one stream ${(single.seconds / floor.seconds).toFixed(2)}`,
  );
  if (secretlint && !secretlint.failed)
    console.log(
      `secretlint alone / ours = ${(secretlint.seconds / ours.seconds).toFixed(2)}; (git log + secretlint) / ours = ${((floor.seconds + secretlint.seconds) / ours.seconds).toFixed(2)}`,
    );
  if (!identical) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
