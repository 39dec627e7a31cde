import { afterAll, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { handoverCommand } from '../../../src/handover/command.js';
import { STAGES } from '../../../src/stages/index.js';
import { headingsOf } from '../../../src/stages/readiness/handover-check.js';
import { rules, runReadiness, tempDir } from './helpers.js';

const project = tempDir();
afterAll(() => project.cleanup());

const monitors = [
  { url: 'https://www.shop.test/', owner: 'ana@shop.test', channels: ['email:ops@shop.test', 'slack:#alerts'], interval: '1m' },
  { url: 'https://app.shop.test/signup', owner: 'ana@shop.test', channels: ['email:ops@shop.test', 'slack:#alerts'], interval: '1m' },
];
const criticalPaths = [{ id: 'signup', urls: ['https://app.shop.test/signup'] }];
const handoverRules = (outcome: Awaited<ReturnType<typeof runReadiness>>) => rules(outcome).filter((r) => r.startsWith('handover'));

const CONFIG = `criticalPaths:
  - { id: signup, urls: ["https://app.shop.test/signup"] }
trust:
  domain: shop.test
env:
  environments:
    production: { files: [.env.production], from: github }
readiness:
  monitors:
    - { url: "https://www.shop.test/", owner: ana@shop.test, channels: ["email:ops@shop.test", "slack:#alerts"], interval: 1m }
    - { url: "https://app.shop.test/signup", owner: ana@shop.test, channels: ["email:ops@shop.test", "slack:#alerts"], interval: 1m }
  healthUrl: https://app.shop.test/healthz
  errorTracking: SENTRY_DSN
  secretManager: GitHub environment secrets (production)
  deploySteps: ["merge to main", "the deploy workflow ships it to Fly"]
  rollbackSteps: ["fly releases", "fly deploy --image <previous>"]
  contacts: ["Ana Silva (CTO) ana@shop.test"]
`;

describe('HANDOVER.md', () => {
  test('missing is medium', async () => {
    rmSync(join(project.dir, 'HANDOVER.md'), { force: true });
    const outcome = await runReadiness({ monitors }, { dir: project.dir, criticalPaths });
    expect(handoverRules(outcome)).toEqual(['handover-missing:medium']);
    expect(outcome.metrics!.handover).toBe('missing');
  });

  test('stale: a hostname and a monitor the config has are not in it (low each), and missing sections (low)', async () => {
    project.write('HANDOVER.md', '# Handover\n\n## Domain map\n\n- www.shop.test\n\n## Monitors\n\n- https://www.shop.test/ (Ana)\n');
    const outcome = await runReadiness({ monitors }, { dir: project.dir, criticalPaths });
    expect(handoverRules(outcome)).toEqual(['handover-section-missing:low', 'handover-stale:low', 'handover-stale:low']);
    const titles = outcome.findings.filter((f) => f.ruleId === 'handover-stale').map((f) => f.title);
    expect(titles).toEqual([
      expect.stringMatching(/does not mention app\.shop\.test/),
      expect.stringMatching(/does not list the monitor of https:\/\/app\.shop\.test\/signup/),
    ]);
    expect(outcome.findings.find((f) => f.ruleId === 'handover-section-missing')!.title).toMatch(
      /no section on Credentials, Deploy, Rollback, Emergency contacts/,
    );
    expect(outcome.metrics!.handover).toBe('stale');
  });

  test('launch-ready handover writes a complete one: every section, hostname and monitor; names of credentials, never values', async () => {
    rmSync(join(project.dir, 'HANDOVER.md'), { force: true });
    project.write('launch-ready.yml', CONFIG);
    project.write('.env.production', 'STRIPE_SECRET_KEY=sk_live_donotprint\nSENTRY_DSN=https://k@o1.ingest.sentry.io/1\n');
    const out: string[] = [];
    const code = handoverCommand([], {
      cwd: project.dir,
      env: {},
      stages: STAGES,
      version: 'test',
      stdout: (t) => void out.push(t),
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/wrote HANDOVER\.md/);
    const text = readFileSync(join(project.dir, 'HANDOVER.md'), 'utf8');
    expect(headingsOf(text)).toEqual([
      'Handover: ' + project.dir.split('/').pop(),
      'Domain map',
      'Credentials: where they live',
      'Deploy',
      'Rollback',
      'Monitors',
      'Emergency contacts',
      'Notes',
    ]);
    expect(text).toContain('`STRIPE_SECRET_KEY`');
    expect(text).not.toContain('sk_live_donotprint');
    expect(text).toContain('GitHub environment "production" secrets and variables');
    expect(text).toMatch(/\| https:\/\/app\.shop\.test\/signup \| ana@shop\.test \| email:ops@shop\.test, slack:#alerts \| 1m \|/);
    expect(text).toContain('Last drill: not measured');

    const outcome = await runReadiness({ monitors, healthUrl: 'https://app.shop.test/healthz' }, { dir: project.dir, criticalPaths });
    expect(handoverRules(outcome)).toEqual([]);
    expect(outcome.metrics!.handover).toBe('current');
  });

  test("written again, it keeps the team's notes and takes the drill time from a result", () => {
    const file = join(project.dir, 'HANDOVER.md');
    const edited = readFileSync(file, 'utf8').replace(/## Notes\n\n.*\n/, '## Notes\n\nThe Fly token is in 1Password, vault Ops.\n');
    project.write('HANDOVER.md', edited);
    project.write(
      'result.json',
      JSON.stringify({ version: 1, stages: [{ id: 'rollback', metrics: { rollbackSeconds: 42, rollForwardSeconds: 38, previousRelease: 'v1.4.2' } }] }),
    );
    handoverCommand(['--results', 'result.json'], { cwd: project.dir, env: {}, stages: STAGES, version: 'test', stdout: () => undefined });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('The Fly token is in 1Password, vault Ops.');
    expect(text).toContain('Last drill: rollback 42 s, roll forward 38 s (previous release v1.4.2).');
  });

  test('a HANDOVER.md launch-ready did not write is not replaced without --force', () => {
    project.write('HANDOVER.md', '# Our own handover\n');
    expect(() => handoverCommand([], { cwd: project.dir, env: {}, stages: STAGES, version: 'test', stdout: () => undefined })).toThrow(
      /exists and was not written by launch-ready handover; pass --force/,
    );
    expect(readFileSync(join(project.dir, 'HANDOVER.md'), 'utf8')).toBe('# Our own handover\n');
  });
});
