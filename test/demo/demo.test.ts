import { describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, ROOT } from '../github/runner.js';

/** `npm start` is `launch-ready demo`: the whole gate against the built-in demo launch. Run `npm run build` first. */
jest.setTimeout(180_000);

const demo = async (args: string[]) => {
  const cwd = mkdtempSync(join(tmpdir(), 'lr-demo-cli-'));
  const out = await run(process.execPath, [join(ROOT, 'dist/cli.js'), 'demo', ...args], { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd }, cwd);
  const file = (name: string) => readFileSync(join(cwd, 'launch-ready-demo', name), 'utf8');
  return { ...out, cwd, file, cleanup: () => rmSync(cwd, { recursive: true, force: true }) };
};

/** Raw values the demo plants are never printed; only their redacted form (`sk_l…(32 chars)`) is. */
const RAW_STRIPE_KEY = /sk_live_[A-Za-z0-9]{24}/;

describe('launch-ready demo', () => {
  it('finds every planted fault, exits 0, and writes every report format without a secret', async () => {
    const out = await demo([]);
    try {
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('gate FAIL');
      expect(out.stdout).toMatch(/demo: the gate found every planted fault \(10\)/);
      for (const stage of ['secrets', 'env', 'trust', 'readiness', 'burst', 'rollback'])
        expect(out.stdout).toMatch(new RegExp(`^  ${stage} +(fail|warn|pass)`, 'm'));
      const files = ['comment.md', 'result.json', 'result.sarif', 'report.html'];
      for (const name of files) expect([name, existsSync(join(out.cwd, 'launch-ready-demo', name))]).toEqual([name, true]);
      const everything = out.stdout + out.stderr + files.map(out.file).join('\n');
      expect(everything).not.toMatch(RAW_STRIPE_KEY);
      expect(everything).toContain('sk_l…(32 chars)');
      expect(out.file('comment.md')).toContain('<!-- launch-ready -->');
      expect((JSON.parse(out.file('result.json')) as { status: string }).status).toBe('fail');
      expect(out.file('report.html')).toContain('data-testid="chart"');
    } finally {
      out.cleanup();
    }
  });

  it('--fixed runs the same launch with every fault repaired, and the gate passes', async () => {
    const out = await demo(['--fixed']);
    try {
      expect(out.stdout).toContain('gate PASS');
      expect(out.stdout).toContain('demo: with every fault repaired, the gate passes.');
      expect(out.code).toBe(0);
    } finally {
      out.cleanup();
    }
  });

  it('a stray flag is a usage error naming the flag', async () => {
    const out = await demo(['--fixd']);
    out.cleanup();
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--fixd: unknown flag for "launch-ready demo"; did you mean --fixed?');
  });
});
