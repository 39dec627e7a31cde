import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built CLI bundle (npm test builds it first). */
export const CLI = resolve('dist/cli.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI as a user would, with Node 24 (the test runtime) unless `node` says otherwise. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; node?: string } = {}): CliRun {
  // `--` as the shebang and the composite actions do: Node would otherwise take `--env-file` itself.
  const result = spawnSync(options.node ?? process.execPath, ['--', CLI, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking: for runs that talk to a server in this test process (the GitHub double). */
export function runCliAsync(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--', CLI, ...args],
      { cwd: options.cwd ?? process.cwd(), env: { ...process.env, NO_COLOR: '1', ...options.env }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (_error, stdout, stderr) => {
        resolve({ code: child.exitCode ?? -1, stdout, stderr });
      },
    );
  });
}

/** A temp folder with the given files; returns its path and a cleanup. */
export function tempProject(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lr-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
