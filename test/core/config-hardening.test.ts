/** launch-ready.yml from an untrusted pull request: hostile YAML is a usage error (exit 2), never a crash or a hang. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '../../src/core/config/load.js';
import { UsageError } from '../../src/core/errors.js';
import type { StageDefinition } from '../../src/core/stage.js';
import { runCli, tempProject } from '../helpers/cli.js';

const trustLike: StageDefinition = {
  id: 'trust',
  phase: 'passive',
  title: 'Trust',
  description: 'test stage',
  built: true,
  checks: { paths: [] },
  configSchema: { properties: { hostnames: { type: 'array', items: { type: 'string' } } } },
  flags: [],
  run: async () => ({ summary: '', findings: [] }),
};

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function problemOf(yaml: string): string {
  const project = tempProject({ 'launch-ready.yml': yaml });
  cleanup = project.cleanup;
  try {
    loadConfig({ cwd: project.dir, stages: [trustLike], version: '1.0.0' });
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

const BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]',
  ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
  '',
].join('\n');

describe('hostile launch-ready.yml', () => {
  it('an alias bomb is a config error naming the file, line and column', () => {
    expect(problemOf(BOMB)).toMatch(/^launch-ready\.yml:2:\d+: YAML aliases expand too far \(.*\); write the values out instead of nesting aliases$/);
  });

  it('an alias without its anchor is a config error pointing at the alias', () => {
    expect(problemOf('trust:\n  hostnames: *hosts\n')).toBe(
      'launch-ready.yml:2:14: YAML alias *hosts has no anchor &hosts before it; define the anchor first or write the value out',
    );
  });

  it('a correct alias still works (negative control)', () => {
    const project = tempProject({ 'launch-ready.yml': 'x-hosts: &hosts [example.com]\ntrust:\n  hostnames: *hosts\n' });
    cleanup = project.cleanup;
    expect(() => loadConfig({ cwd: project.dir, stages: [trustLike], version: '1.0.0' })).toThrow('x-hosts: unknown key');
  });

  it('thousands of unknown keys: the first ten problems, a note that there are more, and linear work', () => {
    const keys = (n: number) => `trust:\n${Array.from({ length: n }, (_, i) => `  zq${i.toString(36)}x${i}: 1`).join('\n')}\n`;
    const message = problemOf(keys(2000));
    expect(message.split('\n')).toHaveLength(11);
    expect(message).toMatch(/^launch-ready\.yml:2:3: trust\.zq0x0: unknown key; /);
    expect(message.endsWith('…and more problems after these 10')).toBe(true);
    // Linear: ten times the keys costs about ten times as much, not a hundred (a ratio in one process, not a clock bound).
    const time = (n: number) => {
      const text = keys(n);
      const started = performance.now();
      problemOf(text);
      return performance.now() - started;
    };
    time(500); // warm up
    const small = Math.min(time(2500), time(2500));
    const large = Math.min(time(25000), time(25000));
    expect(large / small).toBeLessThan(40);
  });
});

describe('a config or baseline that is not a regular file', () => {
  it('--config pointing at a FIFO is a usage error (exit 2), not a hang', () => {
    const project = tempProject({});
    cleanup = project.cleanup;
    const fifo = join(project.dir, 'launch-ready.fifo');
    execFileSync('mkfifo', [fifo]);
    const run = runCli(['check', '--config', fifo], { cwd: project.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--config: ');
    expect(run.stderr).toContain('is a FIFO, not a regular file; give the path of a launch-ready.yml file');
  });

  it('--config /dev/zero is a usage error (exit 2), not an endless read', () => {
    const run = runCli(['check', '--config', '/dev/zero']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--config: /dev/zero is a device, not a regular file');
  });
});
