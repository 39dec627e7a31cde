import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StageContext, StageOutcome } from '../../../src/core/stage.js';
import { parseBurstConfig, type BurstOptions } from '../../../src/stages/burst/config.js';
import { burstStage } from '../../../src/stages/burst/index.js';
import { stageContext } from '../../helpers/stage-context.js';

/** Burst metrics as the result contract has them (the fields the tests read). */
export interface Metrics {
  requests: number;
  rps: number;
  errorRate: number;
  latencyMs: { min: number; p50: number; p90: number; p95: number; p99: number; max: number };
  routes: { name: string; method: string; url: string; requests: number; errorRate: number; latencyMs: { p50: number; p95: number } }[];
  thresholds: { metric: string; expression: string; ok: boolean; actual: number | null }[];
  iterations: number;
  droppedIterations: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  errorsByClass: Record<string, number>;
  checks: { passed: number; failed: number; rate: number | null };
  vusMax: number;
  durationSeconds: number;
  bytesReceived: number;
  series: { second: number; requests: number; p95: number; vus: number }[];
  threads: number;
  stopped?: { kind: string; reason: string; atSeconds: number };
  shard?: unknown;
  shardData?: unknown;
}

/** Parse a `burst` section as the config loader would (throws with the problems). */
export function optionsOf(section: Record<string, unknown>, baseDir = tmpdir()): BurstOptions {
  const { options, problems } = parseBurstConfig({ abort: {}, limits: {}, workers: 'auto', timeout: '10s', ...section }, baseDir);
  if (!options) throw new Error(problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
  return options;
}

/** Run the burst stage on a section with the real shared services; `extra` may carry a signal. */
export async function runBurstSection(
  section: Record<string, unknown>,
  extra: Partial<StageContext<BurstOptions>> = {},
): Promise<StageOutcome & { m: Metrics }> {
  const baseDir = mkdtempSync(join(tmpdir(), 'lr-burst-'));
  const ctx = stageContext(optionsOf(section, baseDir), { baseDir, ...extra });
  const outcome = await burstStage.run(ctx);
  return { ...outcome, m: outcome.metrics as unknown as Metrics };
}
