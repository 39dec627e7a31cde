// The trust stage over a loopback launch (Knot DNS, local CA, HTTPS with SNI): 7 hostnames, 6 pages,
// 2 private routes and 2 mail domains, timed end to end through the built CLI, next to sslscan and
// testssl.sh on one of the same hosts. Prints times and ratios. Run with: node bench/trust/run.mjs
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { startTrustLab } from '../../test/fixtures/trust/lab.js';

const RUNS = Number(process.env.RUNS ?? 5);
const TOOL_TIMEOUT_MS = 300_000;

function timed(command: string, args: string[], timeout = TOOL_TIMEOUT_MS): Promise<{ ms: number; code: number | null; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(command, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      resolve({ ms: performance.now() - started, code: error ? ((error as { code?: number }).code ?? null) : 0, stdout });
    });
  });
}

const have = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const lab = await startTrustLab();
try {
  const config = parse(readFileSync(lab.configFile, 'utf8')) as { trust: Record<string, unknown> };
  config.trust.hostnames = [
    'example.test',
    'www.example.test',
    'app.example.test',
    'shop.example.test',
    'admin.example.test',
    'legacy.example.test',
    'expired.example.test',
  ];
  const file = join(lab.dir, 'bench.yml');
  writeFileSync(file, stringify(config));

  const wall: number[] = [];
  const stage: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    const run = await timed(process.execPath, ['dist/cli.js', 'trust', '--config', file, '--format', 'json'], 60_000);
    const result = JSON.parse(run.stdout) as { stages: { durationMs: number; findings: unknown[] }[] };
    wall.push(run.ms);
    stage.push(result.stages[0]!.durationMs);
    findings = result.stages[0]!.findings.length;
  }
  const stageMs = median(stage);
  const wallMs = median(wall);
  console.log(`trust stage: 7 hostnames, 6 pages, 2 private routes, 2 mail domains, ${findings} findings`);
  console.log(`  stage durationMs  median ${stageMs.toFixed(0)} ms  (runs: ${stage.map((v) => v.toFixed(0)).join(', ')})`);
  console.log(`  CLI wall clock    median ${wallMs.toFixed(0)} ms  (goal: < 3000 ms; ${wallMs < 3000 ? 'met' : 'NOT met'})`);

  const host = 'legacy.example.test';
  const target = `127.0.0.1:${lab.legacyPort}`;
  if (have('sslscan')) {
    const run = await timed('sslscan', ['--no-colour', `--sni-name=${host}`, target]);
    console.log(
      `sslscan on ${host} (one host, TLS only): ${run.ms.toFixed(0)} ms  exit ${run.code}  → ratio trust CLI / sslscan = ${(wallMs / run.ms).toFixed(2)}`,
    );
  } else console.log('sslscan: not installed (apt-get install sslscan)');
  if (have('testssl')) {
    const run = await timed('testssl', [
      '--quiet',
      '--color',
      '0',
      '--warnings',
      'batch',
      '--ip',
      '127.0.0.1',
      '--add-ca',
      join(lab.dir, 'ca.pem'),
      `https://${host}:${lab.legacyPort}/`,
    ]);
    console.log(
      `testssl.sh on ${host} (one host, full default scan): ${run.ms.toFixed(0)} ms  exit ${run.code}  → ratio trust CLI / testssl.sh = ${(wallMs / run.ms).toFixed(3)}`,
    );
  } else console.log('testssl.sh: not installed (apt-get install testssl.sh)');
} finally {
  await lab.close();
}
