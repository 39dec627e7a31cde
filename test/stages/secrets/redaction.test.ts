import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunOutcome } from '../../../src/core/run.js';
import { FORMATS } from '../../../src/core/request.js';
import { renderReport } from '../../../src/report/index.js';
import { alnum, checksummed, jwt, pemKey, stripeKey } from './fakes.js';
import { runSecretsCommand, TempRepo } from './helpers.js';

describe('no secret is printed whole in any output format', () => {
  const repo = new TempRepo();
  const pem = pemKey();
  const secrets = [checksummed('ghp_'), stripeKey(), stripeKey('test'), jwt({ role: 'service_role' }), `pa\\ss%40${alnum(12)}`, alnum(32)];
  let outcome: RunOutcome;

  beforeAll(async () => {
    repo.write(
      'config/app.env',
      [
        `GITHUB_TOKEN=${secrets[0]}`,
        `STRIPE_KEY=${secrets[1]}`,
        `STRIPE_TEST_KEY=${secrets[2]}`,
        `SUPABASE_SERVICE_ROLE_KEY=${secrets[3]}`,
        `DATABASE_URL=mysql://app:${secrets[4]}@db.prod.example.com/app`,
        `SESSION_SECRET=${secrets[5]}`,
      ].join('\n'),
    );
    repo.write('deploy/key.pem', pem);
    repo.commit('leaks');
    outcome = await runSecretsCommand(repo.dir);
  });
  afterAll(() => repo.remove());

  it('found every planted secret (so the check below means something)', () => {
    const rules = outcome.result.stages[0]!.findings.map((f) => f.ruleId);
    for (const rule of ['github-pat', 'stripe-access-token', 'supabase-service-role-key', 'database-url-password', 'generic-api-key', 'private-key'])
      expect(rules).toContain(rule);
    expect(outcome.exitCode).toBe(1);
  });

  it.each(FORMATS.map((f) => [f]))('%s output holds no secret, whole or base64-encoded', (format) => {
    const text = renderReport(outcome.result, format, { secrets: outcome.secrets });
    expect(text.length).toBeGreaterThan(0);
    const body = pem.split('\n').slice(1, -1).join('\n');
    for (const secret of [...secrets, body, ...body.split('\n')]) {
      for (const form of [secret, JSON.stringify(secret).slice(1, -1), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')]) {
        expect({ format, leaked: text.includes(form) ? form.slice(0, 6) : false }).toEqual({ format, leaked: false });
      }
    }
  });

  it('shows evidence as the first four characters and the length', () => {
    const evidence = outcome.result.stages[0]!.findings.filter((f) => f.ruleId === 'github-pat').map((f) => f.evidence);
    expect(evidence[0]).toBe('ghp_…(40 chars)');
  });
});
