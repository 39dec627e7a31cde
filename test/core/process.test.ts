import { describe, expect, it } from '@jest/globals';
import { createProcessRunner } from '../../src/core/process.js';
import { SecretRegistry } from '../../src/core/redaction.js';
import { createWaiter } from '../../src/core/wait.js';

const token = 'ghs_' + 'T0k3n'.repeat(8);
const gateEnv = {
  PATH: process.env.PATH,
  HOME: '/tmp',
  'INPUT_GITHUB-TOKEN': token,
  GITHUB_TOKEN: token,
  GH_TOKEN: token,
  ACTIONS_RUNTIME_TOKEN: token,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: token,
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example.test/',
  LAUNCH_READY_STAGES: 'all',
  APP_PORT: '3000',
  DATABASE_URL: 'postgres://db.example.test/app',
};

function runner(secrets = new SecretRegistry()) {
  return createProcessRunner({ secrets, env: gateEnv });
}

describe('the process runner', () => {
  it('gives a command the base environment and only the names it passes, never the tokens', async () => {
    const lines: string[] = [];
    const result = await runner().run({
      command: 'env; echo PARENT; tr "\\0" "\\n" < /proc/$PPID/environ',
      passEnv: ['APP_PORT', 'GITHUB_TOKEN', 'INPUT_GITHUB-TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'LAUNCH_READY_STAGES'],
      env: { LAUNCH_READY_CURRENT_RELEASE: 'v41' },
      timeoutMs: 10_000,
      onLine: (line) => lines.push(line),
      keepLines: 1000,
    });
    expect(result.exitCode).toBe(0);
    const output = lines.join('\n');
    // Positive controls: the command did print its environment and its parent's.
    expect(lines).toContain('APP_PORT=3000');
    expect(lines).toContain('LAUNCH_READY_CURRENT_RELEASE=v41');
    expect(lines).toContain('PARENT');
    expect(lines.filter((l) => l === 'APP_PORT=3000')).toHaveLength(2);
    expect(output).not.toContain(token);
    expect(output).not.toMatch(/INPUT_|ACTIONS_|GITHUB_TOKEN|GH_TOKEN|LAUNCH_READY_STAGES|DATABASE_URL/);
    expect(result.lastLines).toEqual(lines);
  });

  it("scrubs the run's secrets from every line and keeps the last ones", async () => {
    const secrets = new SecretRegistry();
    secrets.add('sk_live_abcdefgh12345678');
    const result = await runner(secrets).run({
      command: 'for i in 1 2 3 4 5; do echo "line $i sk_live_abcdefgh12345678"; done; echo oops >&2',
      timeoutMs: 10_000,
      keepLines: 3,
    });
    expect(result.lastLines).toEqual(['line 4 sk_l…(24 chars)', 'line 5 sk_l…(24 chars)', 'oops']);
  });

  it('kills the whole process group at the limit, grandchildren included', async () => {
    const result = await runner().run({ command: 'sleep 30 & sleep 30; echo never', timeoutMs: 300 });
    expect(result).toMatchObject({ timedOut: true, aborted: false, exitCode: null, signal: 'SIGTERM' });
    expect(result.lastLines).toEqual([]);
  });

  it('stops on abort', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const result = await runner().run({ command: 'sleep 30', timeoutMs: 30_000, signal: controller.signal });
    expect(result).toMatchObject({ timedOut: false, aborted: true });
  });

  it('reports the exit code of a command that fails', async () => {
    const result = await runner().run({ command: 'no-such-command-lr-test', timeoutMs: 10_000 });
    expect(result.exitCode).toBe(127);
    expect(result.lastLines.join('\n')).toMatch(/no-such-command-lr-test.*not found/);
  });
});

describe('the waiter', () => {
  it('polls until the check answers', async () => {
    let calls = 0;
    const result = await createWaiter().until(async () => (++calls === 3 ? 'ready' : undefined), { timeoutMs: 10_000, intervalMs: 5 });
    expect(result).toMatchObject({ value: 'ready', timedOut: false, aborted: false });
    expect(calls).toBe(3);
  });

  it('times out without a value, and stops early on abort', async () => {
    const waiter = createWaiter();
    expect(await waiter.until(async () => undefined, { timeoutMs: 30, intervalMs: 10 })).toMatchObject({ timedOut: true, aborted: false });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const result = await waiter.until(async () => undefined, { timeoutMs: 60_000, intervalMs: 50_000, signal: controller.signal });
    expect(result).toMatchObject({ timedOut: false, aborted: true });
    expect(result.value).toBeUndefined();
  });
});
