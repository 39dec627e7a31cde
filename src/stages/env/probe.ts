/**
 * The fail-fast probe (an edge): start the app without one variable and watch it. A well-built app
 * exits non-zero within the timeout and names the variable. The command runs through the core's
 * process runner: its own process group (a timeout kills the app and everything it spawned) and a
 * stripped environment (no workflow token, no runner tokens).
 */
import { reasonOf } from '../../core/errors.js';
import type { FindingInput } from '../../core/findings.js';
import type { ProcessRunner } from '../../core/services.js';

export type ProbeOutcome = 'fails-fast' | 'keeps-running' | 'exits-zero' | 'exits-unnamed' | 'command-failed';

export interface ProbeResult {
  variable: string;
  outcome: ProbeOutcome;
  exitCode: number | null;
  durationMs: number;
  /** For `command-failed`: the shell's error (first line). */
  error?: string;
}

export interface ProbeRun {
  processes: ProcessRunner;
  command: string;
  cwd: string;
  /** Values the probe sets (the target's, for the variables the app reads); the variable under test is already removed. */
  env: Record<string, string>;
  /** Names of the job's variables passed through as they are (`env.probe.passEnv`). */
  passEnv?: readonly string[];
  variable: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Run the start command once without `variable`. Never throws. */
export async function runProbe(probe: ProbeRun): Promise<ProbeResult> {
  const started = performance.now();
  const named = new RegExp(`(^|[^A-Za-z0-9_])${probe.variable}([^A-Za-z0-9_]|$)`);
  let namesIt = false;
  let firstLine: string | undefined;
  const done = (result: Omit<ProbeResult, 'variable' | 'durationMs'>): ProbeResult => ({
    variable: probe.variable,
    durationMs: Math.round(performance.now() - started),
    ...result,
  });
  try {
    const run = await probe.processes.run({
      command: probe.command,
      cwd: probe.cwd,
      env: probe.env,
      passEnv: probe.passEnv ?? [],
      timeoutMs: probe.timeoutMs,
      ...(probe.signal ? { signal: probe.signal } : {}),
      onLine: (line) => {
        if (firstLine === undefined && line.trim() !== '') firstLine = line.trim();
        if (!namesIt && named.test(line)) namesIt = true;
      },
    });
    if (run.timedOut || run.aborted) return done({ outcome: 'keeps-running', exitCode: null });
    const code = run.exitCode;
    if (code === 127 || code === 126) return done({ outcome: 'command-failed', exitCode: code, error: (firstLine ?? `exit code ${code}`).slice(0, 200) });
    if (code === 0) return done({ outcome: 'exits-zero', exitCode: 0 });
    return done({ outcome: namesIt ? 'fails-fast' : 'exits-unnamed', exitCode: code });
  } catch (error) {
    return done({ outcome: 'command-failed', exitCode: null, error: reasonOf(error).split('\n')[0]! });
  }
}

/** Findings for probe results (pure). */
export function probeFindings(results: ProbeResult[], command: string, timeoutSeconds: number): FindingInput[] {
  const out: FindingInput[] = [];
  const fix = (name: string) => `Validate ${name} when the app starts (envalid, zod, t3-env, or a plain check) and exit non-zero with a message naming it`;
  for (const result of results) {
    const name = result.variable;
    const base = { paths: ['deploy'], fingerprint: `env-probe:${result.outcome}:${name}` };
    switch (result.outcome) {
      case 'fails-fast':
        break;
      case 'keeps-running':
        out.push({
          ...base,
          ruleId: 'env-probe-keeps-running',
          severity: 'high',
          title: `The app does not fail fast when ${name} is missing: still running after ${timeoutSeconds} s`,
          fix: fix(name),
        });
        break;
      case 'exits-zero':
        out.push({
          ...base,
          ruleId: 'env-probe-exits-zero',
          severity: 'high',
          title: `The app does not fail fast when ${name} is missing: it exited with code 0`,
          fix: fix(name),
        });
        break;
      case 'exits-unnamed':
        out.push({
          ...base,
          ruleId: 'env-probe-unnamed',
          severity: 'medium',
          title: `The app exits (code ${result.exitCode}) when ${name} is missing but does not say which variable`,
          fix: `Name ${name} in the start-up error so whoever deploys knows what to set`,
        });
        break;
      case 'command-failed':
        out.push({
          ...base,
          ruleId: 'env-probe-command-failed',
          severity: 'medium',
          title: `The probe command could not run: ${result.error ?? 'unknown error'}`,
          fix: `Check env.probe.command ("${command}"): it must start the app from the repository folder`,
          fingerprint: 'env-probe:command-failed',
        });
        break;
    }
  }
  return out;
}
