import { describe, expect, it } from '@jest/globals';
import { SecretRegistry } from '../../src/core/redaction.js';
import { FORMATS } from '../../src/core/request.js';
import { renderReport } from '../../src/report/index.js';
import { renderComment, renderJobSummary } from '../../src/report/github.js';
import { gateOf, GITHUB_PAT, stageOf } from './fixtures.js';

const STRIPE_KEY = 'sk_live_' + '51HqLyjWDarjtT1zdp7dcXyZ';
const DATABASE_URL = 'postgres://shop:Hunter2-very-long@db.internal:5432/shop';

/** A gate where a stage slipped the raw secret into places it must never be: title, summary, metric, error. */
function leakyGate(registry: SecretRegistry) {
  const secrets = stageOf(
    'secrets',
    [
      {
        ruleId: 'github-pat',
        severity: 'blocker',
        title: `Token ${GITHUB_PAT} is committed`,
        fix: 'Revoke it',
        secret: GITHUB_PAT,
        location: { file: '.env', line: 1 },
      },
      {
        ruleId: 'stripe-live-key',
        severity: 'blocker',
        title: 'A Stripe live key is in the bundle',
        fix: `Rotate ${STRIPE_KEY}`,
        secret: STRIPE_KEY,
        location: { url: 'https://example.com/app.js' },
      },
    ],
    { summary: `found ${GITHUB_PAT}`, metrics: { sample: STRIPE_KEY, nested: { list: [GITHUB_PAT] } } },
    registry,
  );
  const env = stageOf(
    'env',
    [{ ruleId: 'database-url', severity: 'high', title: `DATABASE_URL=${DATABASE_URL} | in a <client> bundle`, fix: 'move it', secret: DATABASE_URL }],
    { status: 'error', errors: [{ part: 'probe', message: `probe printed ${STRIPE_KEY}`, fix: 'none' }] },
    registry,
  );
  return gateOf([secrets, env]);
}

describe('no secret value appears whole in any output', () => {
  const registry = new SecretRegistry();
  const result = leakyGate(registry);

  it.each(FORMATS)('format %s', (format) => {
    const out = renderReport(result, format, { secrets: registry, color: true });
    expect(out).not.toContain(GITHUB_PAT);
    expect(out).not.toContain(STRIPE_KEY);
    expect(out).not.toContain(DATABASE_URL);
    expect(out).not.toContain(DATABASE_URL.replace('@', '&#64;'));
    expect(out).toContain('ghp_…(40 chars)');
  });

  it('the PR comment and the job summary', () => {
    for (const out of [renderComment(result, registry), renderJobSummary(result, registry)]) {
      expect(out).not.toContain(GITHUB_PAT);
      expect(out).not.toContain(STRIPE_KEY);
      expect(out).not.toContain(DATABASE_URL);
      expect(out).not.toContain(DATABASE_URL.replace('@', '&#64;'));
      expect(out).toContain('sk_l…(32 chars)');
    }
  });

  it('the unscrubbed render would have leaked (the test can fail)', () => {
    const out = renderReport(result, 'markdown', { secrets: new SecretRegistry() });
    expect(out).toContain(GITHUB_PAT);
  });
});
