import { afterAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_CRITICAL_PATHS } from '../../src/core/config/types.js';
import type { StageId } from '../../src/core/findings.js';
import { SecretRegistry } from '../../src/core/redaction.js';
import { createGitHubApi } from '../../src/github/api.js';
import { upsertComment } from '../../src/github/comment.js';
import { commentPlan } from '../../src/github/publish.js';
import { readStageSections } from '../../src/report/markdown-data.js';
import { COMMENT_MARKER } from '../../src/report/markdown.js';
import { startGitHubDouble, type GitHubDouble } from '../helpers/github-double.js';
import { gateOf, stageOf } from '../report/fixtures.js';
import { PrComments, usePrCommentDouble } from './pr-comments.js';

const target = { owner: 'acme', repo: 'shop', issueNumber: 42 };
const context = { eventName: 'pull_request', apiUrl: '', resultDir: '/tmp/unused', pullRequest: 42 };

/** What one stage job writes: its own section, merged into whatever the comment holds. */
function stageJob(id: StageId, severity: 'blocker' | 'low', durationMs: number, revision?: string) {
  const result = gateOf([
    stageOf(id, [{ ruleId: `${id}-rule`, severity, title: `${id} problem`, fix: 'fix it', paths: ['signup'], location: { file: `${id}.txt`, line: 1 } }], {
      durationMs,
    }),
  ]);
  return commentPlan({
    result,
    secrets: new SecretRegistry(),
    context: revision ? { ...context, revision } : context,
    commentMode: 'merge',
    criticalPaths: DEFAULT_CRITICAL_PATHS,
  });
}

describe('PR comment upsert against the double', () => {
  const github = usePrCommentDouble();
  const api = () => createGitHubApi({ baseUrl: github.double.url, token: 'ghs_test' });
  const quick = { settleMs: () => 20 };

  it('creates one comment, then updates it in place', async () => {
    expect(await upsertComment(api(), target, { ...quick, compose: () => `${COMMENT_MARKER}\nfirst` })).toBe('created');
    expect(await upsertComment(api(), target, { ...quick, compose: () => `${COMMENT_MARKER}\nsecond` })).toBe('updated');
    expect(github.store.on(42).map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nsecond`]);
    expect(github.double.requests.every((r) => r.headers.authorization === 'Bearer ghs_test')).toBe(true);
    expect(github.double.violations).toEqual([]);
  });

  it('finds its comment behind 120 others (pagination)', async () => {
    github.store.seed(42, 60);
    await upsertComment(api(), target, { ...quick, compose: () => `${COMMENT_MARKER}\nfirst` });
    github.store.seed(42, 60);
    await upsertComment(api(), target, { ...quick, compose: () => `${COMMENT_MARKER}\nsecond` });
    const ours = github.store.on(42).filter((c) => c.body.startsWith(COMMENT_MARKER));
    expect(ours.map((c) => c.body)).toEqual([`${COMMENT_MARKER}\nsecond`]);
    expect(github.store.on(42)).toHaveLength(121);
    expect(github.double.requests.filter((r) => r.operationId === 'issues/list-comments').some((r) => r.query.get('page') === '2')).toBe(true);
    expect(github.double.violations).toEqual([]);
  });

  it('keeps every section when stage jobs write at the same time', async () => {
    const jobs: [StageId, 'blocker' | 'low', number][] = [
      ['secrets', 'blocker', 11],
      ['env', 'low', 22],
      ['trust', 'blocker', 33],
      ['burst', 'low', 44],
      ['rollback', 'low', 55],
    ];
    await Promise.all(
      jobs.map(([id, sev, ms]) => upsertComment(api(), target, { settleMs: () => 30 + Math.floor(Math.random() * 40), ...stageJob(id, sev, ms) })),
    );
    const ours = github.store.on(42).filter((c) => c.body.startsWith(COMMENT_MARKER));
    expect(ours).toHaveLength(1);
    // All five saw no comment and created one: the race really happened and converged on the oldest.
    expect(github.double.requests.filter((r) => r.operationId === 'issues/delete-comment').length).toBeGreaterThan(0);
    const sections = readStageSections(ours[0]!.body);
    expect(sections.map((s) => s.id)).toEqual(['secrets', 'env', 'trust', 'burst', 'rollback']);
    expect(sections.map((s) => s.result!.durationMs)).toEqual([11, 22, 33, 44, 55]);
    // The top list and critical paths were re-rendered from all sections.
    expect(ours[0]!.body).toMatch(/\| Sign-up \/ booking \| ❌ no \| F1, F2 \|/);
    expect(github.double.violations).toEqual([]);
  });

  it('replaces only its own section on a later run', async () => {
    await upsertComment(api(), target, { ...quick, ...stageJob('secrets', 'blocker', 1) });
    await upsertComment(api(), target, { ...quick, ...stageJob('trust', 'low', 2) });
    await upsertComment(api(), target, { ...quick, ...stageJob('secrets', 'low', 3) });
    const sections = readStageSections(github.store.on(42)[0]!.body);
    expect(sections.map((s) => [s.id, s.result!.durationMs, s.result!.findings[0]!.severity])).toEqual([
      ['secrets', 3, 'low'],
      ['trust', 2, 'low'],
    ]);
  });

  it('drops sections a previous commit wrote, so fixed blockers do not linger', async () => {
    await upsertComment(api(), target, { ...quick, ...stageJob('secrets', 'blocker', 1, 'aaa111') });
    await upsertComment(api(), target, { ...quick, ...stageJob('trust', 'low', 2, 'aaa111') });
    await upsertComment(api(), target, { ...quick, ...stageJob('trust', 'low', 3, 'bbb222') });
    const sections = readStageSections(github.store.on(42)[0]!.body);
    expect(sections.map((s) => [s.id, s.revision])).toEqual([['trust', 'bbb222']]);
  });

  it('recovers a section that a slow, stale writer overwrote after our first check', async () => {
    await upsertComment(api(), target, { ...quick, compose: () => `${COMMENT_MARKER}\n` });
    const update = github.store.handlers()['issues/update-comment']!;
    // The slow job read the comment before ours landed; its update arrives 150 ms later.
    github.double.handle('issues/update-comment', async (req, d) => {
      if (req.headers.authorization === 'Bearer slow') await new Promise((r) => setTimeout(r, 150));
      return update(req, d);
    });
    const slow = createGitHubApi({ baseUrl: github.double.url, token: 'slow' });
    await Promise.all([
      upsertComment(api(), target, { settleMs: () => 100, ...stageJob('secrets', 'blocker', 7) }),
      upsertComment(slow, target, { settleMs: () => 100, ...stageJob('trust', 'low', 8) }),
    ]);
    expect(readStageSections(github.store.on(42)[0]!.body).map((s) => s.id)).toEqual(['secrets', 'trust']);
    expect(github.double.violations).toEqual([]);
  });
});

describe('GitHub API client', () => {
  let double: GitHubDouble;
  afterAll(() => double.close());

  it('retries once when GitHub is briefly unavailable, and reports a lasting failure with its status', async () => {
    const store = new PrComments();
    double = await startGitHubDouble(store.handlers());
    const create = store.handlers()['issues/create-comment']!;
    let calls = 0;
    double.handle('issues/create-comment', (req, d) => (++calls === 1 ? { status: 503, body: { message: 'Service Unavailable' } } : create(req, d)));
    const api = createGitHubApi({ baseUrl: double.url, token: 't' });
    await upsertComment(api, target, { settleMs: () => 10, compose: () => `${COMMENT_MARKER}\nx` });
    expect(calls).toBe(2);
    expect(store.on(42)).toHaveLength(1);
    double.handle('issues/create-comment', () => ({ status: 503, body: { message: 'Service Unavailable' } }));
    await expect(api.request('POST', '/repos/acme/shop/issues/43/comments', { body: 'y' })).rejects.toThrow(
      'POST /repos/acme/shop/issues/43/comments: HTTP 503: Service Unavailable',
    );
    expect(double.violations).toEqual([]);
  });
});
