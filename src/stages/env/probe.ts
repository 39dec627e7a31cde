/**
 * The fail-fast probe (an edge): start the app without one variable and watch it. A well-built app
 * exits non-zero within the timeout and names the variable. The child runs in its own process
 * group so a timeout kills the app and everything it spawned.
 */
import { spawn } from 'node:child_process';
import type { FindingInput } from '../../core/findings.js';

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
  command: string;
  cwd: string;
  /** The full child environment; the variable under test is already removed. */
  env: Record<string, string>;
  variable: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const MAX_OUTPUT = 256 * 1024;

/** Run the start command once without `variable`. Never throws. */
export function runProbe(probe: ProbeRun): Promise<ProbeResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    let output = '';
    let settled = false;
    let timedOut = false;
    const finish = (result: Omit<ProbeResult, 'variable' | 'durationMs'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      probe.signal?.removeEventListener('abort', onAbort);
      resolve({ variable: probe.variable, durationMs: Math.round(performance.now() - started), ...result });
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn('/bin/sh', ['-c', probe.command], { cwd: probe.cwd, env: probe.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      finish({ outcome: 'command-failed', exitCode: null, error: (error as Error).message.split('\n')[0]! });
      return;
    }
    const killGroup = (): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
      // Grandchildren holding the pipes can delay 'close'; do not wait for them.
      setTimeout(() => finish({ outcome: 'keeps-running', exitCode: null }), 2000).unref();
    }, probe.timeoutMs);
    const onAbort = (): void => {
      timedOut = true;
      killGroup();
    };
    probe.signal?.addEventListener('abort', onAbort, { once: true });
    const collect = (chunk: Buffer): void => {
      if (output.length < MAX_OUTPUT) output += chunk.toString('utf8');
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('error', (error) => finish({ outcome: 'command-failed', exitCode: null, error: error.message.split('\n')[0]! }));
    child.on('close', (code) => {
      if (timedOut) return finish({ outcome: 'keeps-running', exitCode: null });
      // Make sure nothing the app started lingers after it exits.
      killGroup();
      if (code === 127 || code === 126) {
        const line = output.split('\n').find((l) => l.trim() !== '') ?? `exit code ${code}`;
        return finish({ outcome: 'command-failed', exitCode: code, error: line.trim().slice(0, 200) });
      }
      if (code === 0) return finish({ outcome: 'exits-zero', exitCode: 0 });
      const named = new RegExp(`(^|[^A-Za-z0-9_])${probe.variable}([^A-Za-z0-9_]|$)`).test(output);
      finish({ outcome: named ? 'fails-fast' : 'exits-unnamed', exitCode: code });
    });
  });
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
        out.push({ ...base, ruleId: 'env-probe-keeps-running', severity: 'high', title: `The app does not fail fast when ${name} is missing: still running after ${timeoutSeconds} s`, fix: fix(name) });
        break;
      case 'exits-zero':
        out.push({ ...base, ruleId: 'env-probe-exits-zero', severity: 'high', title: `The app does not fail fast when ${name} is missing: it exited with code 0`, fix: fix(name) });
        break;
      case 'exits-unnamed':
        out.push({ ...base, ruleId: 'env-probe-unnamed', severity: 'medium', title: `The app exits (code ${result.exitCode}) when ${name} is missing but does not say which variable`, fix: `Name ${name} in the start-up error so whoever deploys knows what to set` });
        break;
      case 'command-failed':
        out.push({ ...base, ruleId: 'env-probe-command-failed', severity: 'medium', title: `The probe command could not run: ${result.error ?? 'unknown error'}`, fix: `Check env.probe.command ("${command}"): it must start the app from the repository folder`, fingerprint: 'env-probe:command-failed' });
        break;
    }
  }
  return out;
}
