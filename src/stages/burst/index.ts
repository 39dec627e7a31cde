import { writeFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { errorCode, isRecord } from '../../core/guards.js';
import type { StageContext, StageDefinition } from '../../core/stage.js';
import { DEFAULT_LIMITS, parseBurstConfig, type BurstOptions } from './config.js';
import { burstConfigSchema, burstFlags } from './config-schema.js';
import { exportK6 } from './k6.js';
import { runBurst } from './run.js';

/** Parse the section once; a problem here is a usage error (exit 2) naming the key. */
function parseBurstOptions(section: Record<string, unknown>, baseDir: string): BurstOptions {
  // Without a target the stage is skipped (notConfigured): nothing to parse, nothing to refuse.
  if (typeof section.target !== 'string') return { ...UNCONFIGURED };
  const { options, problems } = parseBurstConfig(section, baseDir);
  if (!options) throw new UsageError(problems.map((p) => `burst.${p.path.join('.')}: ${p.message}`).join('\n'));
  return options;
}

const UNCONFIGURED: BurstOptions = {
  target: '',
  origin: '',
  scenarios: [],
  thresholds: [],
  defaultThresholds: true,
  launchSpike: true,
  timeoutMs: 10_000,
  abort: { enabled: true, errorRate: 0.5, windowMs: 5000, minRequests: 10 },
  limits: DEFAULT_LIMITS,
  workers: 'auto',
};

/** Options `parseOptions` made, not a raw section a caller handed `run` directly. */
function isParsed(options: unknown): options is BurstOptions {
  return isRecord(options) && Array.isArray(options.scenarios) && typeof options.origin === 'string';
}

function writeK6(file: string, script: string): void {
  try {
    writeFileSync(file, script);
  } catch (error) {
    const code = errorCode(error) ?? 'unwritable';
    throw new Error(`cannot write the k6 script to ${file} (${code}); give --export-k6 (burst.exportK6) a path in an existing folder`, { cause: error });
  }
}

/**
 * The launch burst: k6-style scenarios (closed and open model) against the one declared target,
 * HDR-histogram latency (coordinated-omission correct in the open model), k6 thresholds, safety caps
 * and an abort rule, bottleneck notes, and an abuse probe of a login or sign-up endpoint.
 */
export const burstStage: StageDefinition<BurstOptions> = {
  id: 'burst',
  phase: 'load',
  graceSeconds: 5,
  title: 'Launch burst',
  description: 'the first customer journey holds a launch burst (p95, error rate, per route)',
  built: true,
  checks: { paths: ['signup', 'checkout', 'login', 'homepage'], locations: true },
  configSchema: burstConfigSchema,
  flags: burstFlags,
  notConfigured: (section) =>
    typeof section.target === 'string'
      ? undefined
      : 'Launch burst: no burst.target configured; add burst: {target: https://staging.example.com} or pass --target URL',
  parseOptions: parseBurstOptions,
  validateConfig: (section, baseDir) => (typeof section.target === 'string' ? parseBurstConfig(section, baseDir).problems : []),
  run: async (ctx: StageContext<BurstOptions>) => {
    const given: unknown = ctx.options;
    const options = isParsed(given) ? given : parseBurstOptions(isRecord(given) ? given : {}, ctx.baseDir);
    if (options.exportK6) writeK6(options.exportK6, exportK6(options));
    return runBurst(ctx, options);
  },
};
