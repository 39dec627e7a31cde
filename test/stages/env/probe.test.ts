import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessRunner } from '../../../src/core/process.js';
import { SecretRegistry } from '../../../src/core/redaction.js';
import { probeFindings, runProbe } from '../../../src/stages/env/probe.js';

let dir: string;
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
const node = JSON.stringify(process.execPath);
const processes = createProcessRunner({ secrets: new SecretRegistry(), env: process.env });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lr-env-probe-'));
  writeFileSync(
    join(dir, 'fails-fast.mjs'),
    'if (!process.env.STRIPE_SECRET_KEY) { console.error("missing required env var STRIPE_SECRET_KEY"); process.exit(1); }\n',
  );
  // Starts a grandchild too: the whole process group must die at the timeout.
  writeFileSync(
    join(dir, 'hangs.mjs'),
    'import { spawn } from "node:child_process";\nimport { writeFileSync } from "node:fs";\nconst child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "inherit" });\nwriteFileSync("grandchild.pid", String(child.pid));\nsetInterval(() => {}, 1000);\n',
  );
  writeFileSync(join(dir, 'crashes.mjs'), 'throw new Error("cannot read properties of undefined");\n');
  writeFileSync(join(dir, 'exits-zero.mjs'), 'console.log("started without config; bye");\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `gone` once a process is dead (a zombie waiting for its new parent to reap it counts as dead). */
function runningState(pid: number): string {
  try {
    const state = /State:\s+(\S)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return state === 'Z' || state === 'X' ? 'gone' : `running (${state})`;
  } catch {
    return 'gone';
  }
}

const probe = (script: string, timeoutMs = 5000) =>
  runProbe({ processes, command: `${node} ${script}`, cwd: dir, env, variable: 'STRIPE_SECRET_KEY', timeoutMs });

describe('env: fail-fast probe', () => {
  it('passes an app that exits non-zero naming the missing variable', async () => {
    const result = await probe('fails-fast.mjs');
    expect(result).toMatchObject({ outcome: 'fails-fast', exitCode: 1 });
    expect(probeFindings([result], 'node fails-fast.mjs', 5)).toEqual([]);
  });

  it('reports an app still running at the timeout, and kills its whole process group', async () => {
    const result = await probe('hangs.mjs', 800);
    expect(result.outcome).toBe('keeps-running');
    expect(result.durationMs).toBeLessThan(4000);
    const grandchild = Number(readFileSync(join(dir, 'grandchild.pid'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(runningState(grandchild)).toBe('gone');
    const [finding] = probeFindings([result], 'node hangs.mjs', 0.8);
    expect(finding).toMatchObject({
      ruleId: 'env-probe-keeps-running',
      severity: 'high',
      title: 'The app does not fail fast when STRIPE_SECRET_KEY is missing: still running after 0.8 s',
    });
  });

  it('reports an app that exits without naming the variable', async () => {
    const result = await probe('crashes.mjs');
    expect(result).toMatchObject({ outcome: 'exits-unnamed', exitCode: 1 });
    expect(probeFindings([result], 'node crashes.mjs', 5)[0]).toMatchObject({ ruleId: 'env-probe-unnamed', severity: 'medium' });
  });

  it('reports an app that exits 0 without the variable', async () => {
    const result = await probe('exits-zero.mjs');
    expect(result.outcome).toBe('exits-zero');
    expect(probeFindings([result], 'node exits-zero.mjs', 5)[0]).toMatchObject({ ruleId: 'env-probe-exits-zero', severity: 'high' });
  });

  it('reports a command that does not exist as a finding with the error, not a crash', async () => {
    const result = await runProbe({ processes, command: 'definitely-not-a-command-lr --start', cwd: dir, env, variable: 'X', timeoutMs: 5000 });
    expect(result.outcome).toBe('command-failed');
    expect(result.error).toMatch(/definitely-not-a-command-lr.*not found/);
    const [finding] = probeFindings([result], 'definitely-not-a-command-lr --start', 5);
    expect(finding).toMatchObject({ ruleId: 'env-probe-command-failed', severity: 'medium' });
    expect(finding!.title).toContain('not found');
  });

  it('does not count a longer name that merely contains the variable as naming it', async () => {
    writeFileSync(join(dir, 'other-name.mjs'), 'console.error("missing STRIPE_SECRET_KEY_V2"); process.exit(1);\n');
    expect((await probe('other-name.mjs')).outcome).toBe('exits-unnamed');
  });
});
