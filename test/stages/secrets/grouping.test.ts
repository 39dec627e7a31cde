import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_CRITICAL_PATHS } from '../../../src/core/config/types.js';
import { toFinding } from '../../../src/core/findings.js';
import { rankFindings } from '../../../src/core/ranking.js';
import type { StageOutcome } from '../../../src/core/stage.js';
import { checksummed, hex, stripeKey } from './fakes.js';
import { ofRule, placesOf, runSecrets, TempRepo } from './helpers.js';

describe('one finding per leaked secret', () => {
  const repo = new TempRepo();
  const token = checksummed('ghp_');
  const historyOnly = checksummed('ghp_');
  const stripe = stripeKey();
  const commits: Record<string, string> = {};
  let outcome: StageOutcome;

  beforeAll(async () => {
    repo.write('src/gh.ts', `export const token = '${token}';\n`);
    repo.write('deploy/old.env', `OLD_TOKEN=${historyOnly}\n`);
    commits.added = repo.commit('add the token');
    repo.git('rm', '-q', 'deploy/old.env');
    repo.write('src/pay.ts', `\n\nconst stripe = '${stripe}';\n`);
    repo.write('src/gh-copy.ts', `// copied\nconst t = '${token}';\n`);
    commits.later = repo.commit('payments, and a copy of the token');
    repo.write('dist/app.js', `var a=1;var t="${token}";`);
    outcome = await runSecrets({ repo: repo.dir, bundles: ['dist/**'] }, repo.dir);
  });
  afterAll(() => repo.remove());

  it('reports each secret once, however many places carry it', () => {
    expect(outcome.findings.map((f) => f.secret === token || f.secret === historyOnly || f.secret === stripe)).toEqual([true, true, true]);
    expect(ofRule(outcome, 'github-pat')).toHaveLength(2);
  });

  it('lists every place as an occurrence: HEAD files, the commits that added it, the bundle', () => {
    const [finding] = outcome.findings.filter((f) => f.secret === token);
    const places = placesOf(finding!).map((p) => `${p.file}${p.commit ? `@${p.commit.slice(0, 8)}` : ''}`);
    expect(places.sort()).toEqual(
      ['dist/app.js', 'src/gh-copy.ts', `src/gh-copy.ts@${commits.later!.slice(0, 8)}`, 'src/gh.ts', `src/gh.ts@${commits.added!.slice(0, 8)}`].sort(),
    );
    expect(finding!.occurrences!.every((o) => typeof o.fingerprint === 'string')).toBe(true);
    expect(new Set(finding!.occurrences!.map((o) => o.fingerprint)).size).toBe(5);
  });

  it('locates it at the most exposed place and says where else it lives', () => {
    const [finding] = outcome.findings.filter((f) => f.secret === token);
    expect(finding!.location).toEqual({ file: 'dist/app.js', line: 1, column: 16 });
    expect(finding!.title).toBe(
      `GitHub personal access token · the built bundle dist/app.js:1, added in ${commits.added!.slice(0, 8)} (and 1 later commit) and still in HEAD (2 files)`,
    );
    expect(finding!.fix).toBe('Rotate it at GitHub: https://github.com/settings/tokens; then rebuild and redeploy; a history purge helps only after that');
  });

  it('says when a secret is gone from HEAD but still in history, located at the commit that added it', () => {
    const [finding] = outcome.findings.filter((f) => f.secret === historyOnly);
    expect(finding!.location).toMatchObject({ file: 'deploy/old.env', line: 1, commit: commits.added });
    expect(finding!.title).toBe(
      `GitHub personal access token · \`deploy/old.env:1\`, added in ${commits.added!.slice(0, 8)} and gone from HEAD but still in history`,
    );
    expect(finding!.occurrences).toBeUndefined();
  });

  it('counts secrets to rotate in the summary, and says found, not live', () => {
    expect(outcome.summary).toMatch(/: 3 secrets found to rotate \(3 blockers\), in 8 places$/);
    expect(outcome.summary).not.toMatch(/live/);
  });
});

describe('22 leaked secrets, each in HEAD and in the commit that added it', () => {
  const repo = new TempRepo();
  let outcome: StageOutcome;
  beforeAll(async () => {
    repo.write('config/tokens.env', Array.from({ length: 22 }, (_, i) => `TOKEN_${i}=${checksummed('ghp_')}`).join('\n'));
    repo.commit('tokens');
    outcome = await runSecrets({ repo: repo.dir }, repo.dir);
  });
  afterAll(() => repo.remove());

  it('gives 22 findings, not 44', () => {
    expect(outcome.findings).toHaveLength(22);
    expect(outcome.findings.every((f) => placesOf(f).length === 2)).toBe(true);
  });
});

describe('ranked by what a secret exposes', () => {
  const ranked = (inputs: Parameters<typeof toFinding>[1][]) =>
    rankFindings(
      inputs.map((i) => toFinding('secrets', i)),
      DEFAULT_CRITICAL_PATHS,
    ).map((f) => f.ruleId);
  const repo = new TempRepo();
  let outcome: StageOutcome;
  beforeAll(async () => {
    // Written in the reverse of the expected order, so file order cannot explain the result.
    repo.write(
      'a.env',
      [
        `SENTRY_AUTH_TOKEN=sntryu_${hex(64)}`,
        `SLACK_BOT=xoxb-${'7'.repeat(3)}${hex(8).replace(/[a-f]/g, '3')}-${'9'.repeat(2)}${hex(9).replace(/[a-f]/g, '5')}-Ab3dE5gH7jK9mN1pQ3sT5vW7`,
        `OPENAI_API_KEY=sk-proj-${'Ab3dE5gH7jK9mN1pQ3sT5vW7yZ0bC2e'.repeat(1)}T3BlbkFJ${'Zy9xW8vU7tS6rQ5pO4nM3lK2jI1hG0f'}`,
        `GITHUB_TOKEN=${checksummed('ghp_')}`,
        `DATABASE_URL=postgres://app:${hex(8)}Xy7Qz${hex(6)}@db.prod.example.com:5432/app`,
        `AWS_SECRET_ACCESS_KEY=${'Ab3dE5gH7jK9mN1pQ3sT5vW7yZ0bC2eF4hJ6kL8m'}`,
        `STRIPE_SECRET_KEY=${stripeKey()}`,
      ].join('\n'),
    );
    repo.commit('everything');
    outcome = await runSecrets({ repo: repo.dir, history: false }, repo.dir);
  });
  afterAll(() => repo.remove());

  it('puts payments first, then cloud root credentials, databases, source hosting, AI spend, messaging, the rest', () => {
    expect(ranked(outcome.findings)).toEqual([
      'stripe-access-token',
      'aws-secret-access-key',
      'database-url-password',
      'github-pat',
      'openai-api-key',
      'slack-bot-token',
      'sentry-access-token',
    ]);
  });

  it('within one provider, a secret in a public bundle outranks one in HEAD, which outranks one only in history', () => {
    const base = { ruleId: 'github-pat', severity: 'blocker' as const, title: 't', fix: 'f', secret: 'x' };
    const order = rankFindings(
      [
        toFinding('secrets', { ...base, fingerprint: 'history', weight: 51 }),
        toFinding('secrets', { ...base, fingerprint: 'bundle', weight: 53 }),
        toFinding('secrets', { ...base, fingerprint: 'head', weight: 52 }),
      ],
      DEFAULT_CRITICAL_PATHS,
    ).map((f) => f.fingerprint);
    expect(order).toEqual(['bundle', 'head', 'history']);
  });
});
