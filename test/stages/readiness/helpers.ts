import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CriticalPathConfig } from '../../../src/core/config/types.js';
import type { NetworkOptions, StageOutcome } from '../../../src/core/stage.js';
import { parseReadinessOptions } from '../../../src/stages/readiness/config.js';
import { readinessStage } from '../../../src/stages/readiness/index.js';
import { stageContext } from '../../helpers/stage-context.js';

/** Schema defaults of the readiness section, as the config loader fills them in. */
export const DEFAULTS = {
  enabled: true,
  monitors: [],
  envFiles: [],
  latencyBudgetMs: 800,
  maxIntervalMinutes: 5,
  handover: 'HANDOVER.md',
  diagnose: false,
  authoritative: [],
  timeoutMs: 3000,
  contacts: [],
  deploySteps: [],
  rollbackSteps: [],
};

/** A temp project folder. */
export function tempDir(): { dir: string; write: (name: string, text: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lr-readiness-'));
  return {
    dir,
    write: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Run the stage as the core would: options parsed, real services, the critical paths given. */
export async function runReadiness(
  section: Record<string, unknown>,
  options: { dir: string; criticalPaths?: CriticalPathConfig[]; network?: Partial<NetworkOptions>; env?: Record<string, string> },
): Promise<StageOutcome> {
  const parsed = parseReadinessOptions({ ...DEFAULTS, ...section }, options.dir);
  const network: NetworkOptions = { resolvers: [], connectTo: [], ca: [], ...options.network };
  const ctx = stageContext(parsed, { baseDir: options.dir, network, env: options.env ?? {}, criticalPaths: options.criticalPaths ?? [] });
  return readinessStage.run(ctx);
}

/** `[rule, severity]` pairs of an outcome, sorted, to compare. */
export function rules(outcome: StageOutcome): string[] {
  return outcome.findings.map((f) => `${f.ruleId}:${f.severity}`).sort();
}
