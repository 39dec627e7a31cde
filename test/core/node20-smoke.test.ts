import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { runCli } from '../helpers/cli.js';

/** The machine's own node (what composite actions get from the runner), skipping node_modules/.bin. */
function machineNode(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir.includes('node_modules')) continue;
    const candidate = join(dir, 'node');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

describe('the stage bundle on the runner node', () => {
  const node = machineNode();

  it('finds a machine node of version 20 (the oldest the composite actions support)', () => {
    expect(node).toBeDefined();
    expect(execFileSync(node!, ['--version'], { encoding: 'utf8' })).toMatch(/^v20\./);
  });

  it('runs the built CLI on it: help, a config error, and a stage run', () => {
    expect(runCli(['--help'], { node: node! }).code).toBe(0);
    const bad = runCli(['check', '--fail-on', 'nope'], { node: node! });
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const run = runCli(['check', '--stages', 'secrets,env,trust', '--format', 'json'], { node: node! });
    expect(run.stderr).not.toMatch(/SyntaxError|ReferenceError|ERR_|is not a function/);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: 1 });
  });
});
