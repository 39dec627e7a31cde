import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunOutcome } from '../../../src/core/run.js';
import { renderComment } from '../../../src/report/github.js';
import { alnum, checksummed, digits, hex, stripeKey } from './fakes.js';
import { runSecretsCommand, TempRepo } from './helpers.js';

/** What a screen of a PR comment holds: the heading, the verdict and the blocker table rows. */
const SCREEN_LINES = 32;
/** A table row a reader takes in at a glance: about two lines of a wide GitHub column layout. */
const ROW_CHARS = 420;

describe('the PR comment of a repository with 20 leaked secrets', () => {
  const repo = new TempRepo();
  let outcome: RunOutcome;
  let top: string[];

  beforeAll(async () => {
    const lines = [
      ...Array.from({ length: 8 }, (_, i) => `GITHUB_TOKEN_${i}=${checksummed('ghp_')}`),
      ...Array.from({ length: 4 }, (_, i) => `STRIPE_KEY_${i}=${stripeKey()}`),
      ...Array.from({ length: 4 }, (_, i) => `SENTRY_AUTH_TOKEN_${i}=sntryu_${hex(64)}`),
      ...Array.from({ length: 2 }, (_, i) => `DIGITALOCEAN_TOKEN_${i}=dop_v1_${hex(64)}`),
      ...Array.from({ length: 2 }, (_, i) => `TELEGRAM_BOT_${i}=${digits(10)}:AA${alnum(33)}`),
    ];
    repo.write('config/secrets.env', `${lines.join('\n')}\n`);
    repo.commit('leak twenty');
    repo.write('config/copy.env', `${lines.slice(0, 5).join('\n')}\n`);
    repo.commit('copy some');
    outcome = await runSecretsCommand(repo.dir);
    const comment = renderComment(outcome.result, outcome.secrets, undefined, 'c0ffee', {
      serverUrl: 'https://github.com',
      repository: 'acme/shop',
      revision: 'c0ffee',
    });
    top = comment.slice(0, comment.indexOf('### Critical paths')).trimEnd().split('\n');
  });
  afterAll(() => repo.remove());

  it('has one row per secret, not one per place', () => {
    expect(outcome.result.stages[0]!.findings).toHaveLength(20);
    expect(top.filter((l) => l.startsWith('| **F'))).toHaveLength(20);
  });

  it('fits the heading and every blocker row on one screen', () => {
    expect(top.length).toBeLessThanOrEqual(SCREEN_LINES);
    expect(top.filter((l) => l.length > ROW_CHARS)).toEqual([]);
  });

  it('leads with the payment keys and says where each secret lives', () => {
    const rows = top.filter((l) => l.startsWith('| **F'));
    expect(rows[0]).toMatch(/Stripe secret or restricted key · \[?`config\/copy\.env:\d+`|Stripe secret or restricted key · `config\/secrets\.env:\d+`/);
    expect(rows.every((r) => /added in [0-9a-f]{8}/.test(r))).toBe(true);
  });
});
