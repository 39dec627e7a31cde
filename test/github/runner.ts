import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface RunOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A job's runner-provided files and variables, in a fresh folder. */
export interface RunnerFolder {
  dir: string;
  workspace: string;
  summary: string;
  output: string;
  temp: string;
  env(event: { name: string; payload: unknown }, apiUrl: string, extra?: Record<string, string>): Record<string, string>;
}

export function runnerFolder(dir: string, name: string): RunnerFolder {
  const base = join(dir, name);
  const workspace = join(base, 'workspace');
  const temp = join(base, 'runner-temp');
  for (const d of [workspace, temp]) mkdirSync(d, { recursive: true });
  const summary = join(base, 'step-summary.md');
  const output = join(base, 'github-output');
  return {
    dir: base,
    workspace,
    summary,
    output,
    temp,
    env(event, apiUrl, extra = {}) {
      const eventPath = join(base, 'event.json');
      writeFileSync(eventPath, JSON.stringify(event.payload));
      writeFileSync(summary, '');
      writeFileSync(output, '');
      // Only what a runner sets: nothing leaks in from the machine running the tests.
      return {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: process.env.HOME ?? base,
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: event.name,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_API_URL: apiUrl,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '777',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SHA: MERGE_SHA,
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: temp,
        ...extra,
      };
    },
  };
}

/** The commits a test run is about: the PR head (what is checked), and `GITHUB_SHA` (a merge commit on pull_request). */
export const HEAD_SHA = 'abc0000000000000000000000000000000000abc';
export const MERGE_SHA = 'fff0000000000000000000000000000000000fff';

/** A `pull_request` event; `base` is the base commit's sha (the policy check compares with it). */
export const pullRequestEvent = (number: number, options: { head?: string; base?: string } = {}) => ({
  name: 'pull_request',
  payload: {
    action: 'synchronize',
    number,
    pull_request: { number, head: { sha: options.head ?? HEAD_SHA }, ...(options.base ? { base: { sha: options.base } } : {}) },
  },
});
export const pushEvent = { name: 'push', payload: { ref: 'refs/heads/main', after: 'abc' } };

/** Run a command as the runner would: its own env only, in `cwd`. */
export function run(command: string, args: string[], env: Record<string, string>, cwd: string): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** `GITHUB_OUTPUT` as the runner parses it (`name<<DELIM` blocks). */
export function readOutputs(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const out: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== heredoc[2]) value.push(lines[i]!);
      out[heredoc[1]!] = value.join('\n');
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      out[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return out;
}

/** A stack trace line (`    at fn (file.js:1:2)`). */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?/;
