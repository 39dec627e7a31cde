/**
 * The one way a stage runs a command from the repository's config (the env probe, rollback
 * commands): `/bin/sh -c` in its own process group, killed (TERM, then KILL) at its limit or on
 * abort, output streamed line by line through the run's secret scrubbing, and an environment that
 * never carries the workflow token, `INPUT_*`, the runner's `ACTIONS_*` tokens or launch-ready's
 * own variables (ARCHITECTURE.md, "Trust boundaries").
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { SecretRegistry } from './redaction.js';
import type { ProcessRequest, ProcessResult, ProcessRunner } from './services.js';

/** Variables every command gets from the gate's environment: what a shell needs to find programs and behave. */
export const BASE_ENV_NAMES: readonly string[] = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ', 'SHELL', 'USER', 'CI'];

const WITHHELD = /^(INPUT_|ACTIONS_|LAUNCH_READY_)|^(GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_ENTERPRISE_TOKEN)$/i;

/** After TERM, a command gets this long to exit before its group is killed. */
const KILL_AFTER_MS = 2000;
/** A line longer than this is cut (a minified bundle printed to stdout must not fill memory). */
const MAX_LINE = 4000;

/** True for the names no command from the repository may see, even when its config names them. */
export function isWithheld(name: string): boolean {
  return WITHHELD.test(name);
}

/** The environment of a command: the base names and `passEnv` from the gate's environment, then the stage's own `env`. */
export function commandEnvironment(
  gateEnv: Readonly<Record<string, string | undefined>>,
  passEnv: readonly string[],
  own: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of [...BASE_ENV_NAMES, ...passEnv]) {
    const value = gateEnv[name];
    if (value !== undefined && !isWithheld(name)) env[name] = value;
  }
  // The stage's own variables (LAUNCH_READY_CURRENT_RELEASE...) are set on purpose; only tokens are refused.
  for (const [name, value] of Object.entries(own)) if (!isWithheld(name) || name.startsWith('LAUNCH_READY_')) env[name] = value;
  return env;
}

/** The process runner of a run: output scrubbed of every secret the run has met. */
export function createProcessRunner(options: { secrets: SecretRegistry; env: Readonly<Record<string, string | undefined>> }): ProcessRunner {
  return { run: (request) => runCommand(request, options.secrets, options.env) };
}

/**
 * The command runs under an intermediate shell that is not `exec`ed away, so its parent's
 * environment (`/proc/$PPID/environ`) is the stripped one, not the gate's.
 */
function spawnGroup(request: ProcessRequest, env: Record<string, string>): ChildProcess {
  return spawn('/bin/sh', ['-c', '/bin/sh -c "$1"; exit $?', 'launch-ready', request.command], {
    cwd: request.cwd ?? process.cwd(),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function runCommand(request: ProcessRequest, secrets: SecretRegistry, gateEnv: Readonly<Record<string, string | undefined>>): Promise<ProcessResult> {
  const started = performance.now();
  const keep = request.keepLines ?? 20;
  const lastLines: string[] = [];
  const child = spawnGroup(request, commandEnvironment(gateEnv, request.passEnv ?? [], request.env));
  return new Promise((resolve, reject) => {
    let timedOut = false;
    let aborted = false;
    let exit: { code: number | null; signal: string | null } | undefined;
    const line = (text: string, stream: 'stdout' | 'stderr'): void => {
      const shown = secrets.scrub(text.length > MAX_LINE ? `${text.slice(0, MAX_LINE)}…` : text);
      lastLines.push(shown);
      if (lastLines.length > keep) lastLines.shift();
      request.onLine?.(shown, stream);
    };
    const flushers = [readLines(child.stdout!, (text) => line(text, 'stdout')), readLines(child.stderr!, (text) => line(text, 'stderr'))];
    const stopper = groupStopper(child);
    const timer = setTimeout(() => {
      timedOut = true;
      stopper.stop();
    }, request.timeoutMs);
    const onAbort = (): void => {
      aborted = true;
      stopper.stop();
    };
    if (request.signal?.aborted) onAbort();
    else request.signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const finish = (): void => {
      if (settled || !exit) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(closeWait);
      stopper.done();
      request.signal?.removeEventListener('abort', onAbort);
      for (const flush of flushers) flush();
      resolve({ exitCode: exit.code, signal: exit.signal, timedOut, aborted, durationMs: Math.round(performance.now() - started), lastLines });
    };
    let closeWait: NodeJS.Timeout | undefined;
    child.on('error', (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopper.done();
      request.signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // Nothing the command started may outlive it; grandchildren holding the pipes would delay 'close'.
      stopper.killNow();
      closeWait = setTimeout(finish, 1000);
    });
    child.on('close', finish);
  });
}

/** TERM to the whole group, KILL if it is still there after a grace period. */
function groupStopper(child: ChildProcess): { stop(): void; killNow(): void; done(): void } {
  let killTimer: NodeJS.Timeout | undefined;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  return {
    stop() {
      if (killTimer) return;
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), KILL_AFTER_MS);
    },
    killNow: () => signalGroup('SIGKILL'),
    done: () => clearTimeout(killTimer),
  };
}

/** Call `onLine` for each complete line of a stream; the returned function flushes the last partial one. */
function readLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): () => void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split(/\r?\n/);
    pending = parts.pop()!;
    for (const part of parts) onLine(part);
    if (pending.length > MAX_LINE) {
      onLine(pending);
      pending = '';
    }
  });
  return () => {
    if (pending !== '') onLine(pending);
    pending = '';
  };
}
