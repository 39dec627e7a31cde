/** Run the rollback stage in-process against a config written to a folder, as `launch-ready rollback` would. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLaunchReady, type RunOutcome } from '../../../src/core/run.js';
import type { StageResult } from '../../../src/core/result.js';
import type { GitHubApi } from '../../../src/core/services.js';
import { rollbackStage } from '../../../src/stages/rollback/index.js';

export const BASE_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };

export interface StageRun {
  outcome: RunOutcome;
  stage: StageResult;
  rules: string[];
}

export async function runRollback(
  dir: string,
  config: string,
  options: { env?: Record<string, string>; signal?: AbortSignal; github?: GitHubApi } = {},
): Promise<StageRun> {
  writeFileSync(join(dir, 'launch-ready.yml'), config);
  const deps: Parameters<typeof runLaunchReady>[1] = { stages: [rollbackStage], version: '0.0.0-test', env: { ...BASE_ENV, ...options.env } };
  if (options.signal) deps.signal = options.signal;
  if (options.github) deps.githubApi = options.github;
  const outcome = await runLaunchReady({ command: 'rollback', stages: ['rollback'], overrides: [], format: 'json', cwd: dir }, deps);
  const stage = outcome.result.stages[0]!;
  return { outcome, stage, rules: stage.findings.map((f) => f.ruleId) };
}

/** A drill config for the versioned app: commands that switch the release through the state file. */
export function drillConfig(app: { url: string; switchTo: (v: string) => string }, extra: { smoke?: string; drill?: string; top?: string } = {}): string {
  return `rollback:
  url: ${app.url}
  versionUrl: ${app.url}/version
${extra.top ?? '  previousRelease: v1.4.2\n'}  smoke:
${
  extra.smoke ??
  `    - { path: /, status: 200, contains: "Book a call", maxMs: 5000 }
    - { path: /healthz, status: 200, jsonPath: { "$.status": ok } }
    - { path: /api/login, method: POST, json: { email: probe@example.com }, status: [400, 401, 422] }
`
}  retry: { attempts: 2, backoffMs: 20 }
  drill:
    rollbackCommand: ${JSON.stringify(app.switchTo('LAUNCH_READY_PREVIOUS_RELEASE'))}
    rollForwardCommand: ${JSON.stringify(app.switchTo('LAUNCH_READY_CURRENT_RELEASE'))}
    waitSeconds: 3
    pollSeconds: 0.05
    budgetSeconds: 120
    commandTimeoutSeconds: 10
${extra.drill ?? ''}`;
}
