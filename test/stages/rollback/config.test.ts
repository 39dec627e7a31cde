import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/core/config/load.js';
import { UsageError } from '../../../src/core/errors.js';
import { parseRollbackOptions } from '../../../src/stages/rollback/config.js';
import { rollbackStage } from '../../../src/stages/rollback/index.js';

function load(yaml: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lr-rollback-config-'));
  try {
    writeFileSync(join(dir, 'launch-ready.yml'), yaml);
    return loadConfig({ cwd: dir, overrides: [], stages: [rollbackStage], version: '0.0.0-test' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function problem(yaml: string): string {
  try {
    load(yaml);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a usage error');
}

const DRILL =
  'rollback:\n  url: https://app.example.com\n  versionUrl: https://app.example.com/version\n  drill:\n    rollbackCommand: vercel rollback\n    rollForwardCommand: vercel promote $LAUNCH_READY_CURRENT_RELEASE\n';

describe('rollback config', () => {
  it("accepts the issue's example and applies defaults", () => {
    const config = load(
      `${DRILL}    passEnv: [VERCEL_TOKEN]\n  previousRelease: v1.4.2\n  smoke:\n    - { path: /, status: 200, contains: "Book a call", maxMs: 1500 }\n    - { path: /healthz, status: 200 }\n    - { path: /api/login, method: POST, json: {email: probe@example.com}, status: [400, 401, 422] }\n`,
    );
    const options = parseRollbackOptions(config.stages.rollback);
    expect(options.drill).toEqual({
      rollbackCommand: 'vercel rollback',
      rollForwardCommand: 'vercel promote $LAUNCH_READY_CURRENT_RELEASE',
      passEnv: ['VERCEL_TOKEN'],
      waitSeconds: 300,
      budgetSeconds: 600,
      pollSeconds: 5,
      commandTimeoutSeconds: 300,
    });
    expect(options.smoke.map((c) => [c.name, c.url, c.status, c.contains])).toEqual([
      ['/', 'https://app.example.com/', [200], ['Book a call']],
      ['/healthz', 'https://app.example.com/healthz', [200], []],
      ['POST /api/login', 'https://app.example.com/api/login', [400, 401, 422], []],
    ]);
    expect(options.smoke[2]!.json).toEqual({ email: 'probe@example.com' });
    expect(options).toMatchObject({
      previousRelease: 'v1.4.2',
      environment: 'production',
      retry: { attempts: 3, backoffMs: 500 },
      dryRun: false,
      version: { url: 'https://app.example.com/version' },
    });
  });

  it.each([['0'], ['-5']])('waitSeconds %s is a usage error (exit 2) naming the key and how to fix it', (value) => {
    expect(problem(`${DRILL}    waitSeconds: ${value}\n`)).toBe(
      'launch-ready.yml:7:18: rollback.drill.waitSeconds: expected seconds above 0 and at most 3600; e.g. 300',
    );
  });

  it('rejects a drill that could not see the served release change, a bad URL, a bad pattern, a relative path without url', () => {
    expect(problem(DRILL.replace(/ {2}versionUrl: .*\n/, ''))).toMatch(
      /^launch-ready\.yml:\d+:\d+: rollback\.drill: the drill must see the served release change; set versionUrl/,
    );
    expect(problem(`${DRILL}    budgetSeconds: 1200\n`)).toMatch(
      /rollback\.maxMinutes: 15 min is shorter than drill\.budgetSeconds \(1200 s\), so the stage would be stopped mid-drill; raise maxMinutes to at least 20$/,
    );
    expect(() => load(`${DRILL}    budgetSeconds: 1200\n  maxMinutes: 25\n`)).not.toThrow();
    expect(problem('rollback:\n  url: app.example.com\n')).toMatch(/rollback\.url: app\.example\.com: not an http\(s\) URL/);
    expect(problem('rollback:\n  url: https://a.example\n  versionPattern: "release-(["\n')).toMatch(
      /rollback\.versionPattern: not a valid regular expression/,
    );
    expect(problem('rollback:\n  smoke: [{ path: /healthz }]\n')).toMatch(/rollback\.smoke\[0\]\.path: \/healthz: a relative path needs rollback\.url/);
    expect(problem('rollback:\n  url: https://a.example\n  smoke: [{ path: /, status: 99 }]\n')).toMatch(
      /rollback\.smoke\[0\]\.status: expected an HTTP status from 100 to 599/,
    );
  });

  it('a URL alone gets one smoke check of the home page; versionHeader reads the url itself', () => {
    const options = parseRollbackOptions(load('rollback:\n  url: https://a.example\n  versionHeader: X-Release\n').stages.rollback);
    expect(options.smoke.map((c) => c.url)).toEqual(['https://a.example/']);
    expect(options.version).toEqual({ url: 'https://a.example', header: 'x-release' });
  });

  it('is skipped, with the reason, when the section is empty', () => {
    expect(rollbackStage.notConfigured?.({ enabled: true })).toMatch(/^Rollback: not configured/);
    expect(rollbackStage.notConfigured?.({ enabled: true, url: 'https://a.example' })).toBeUndefined();
  });
});
