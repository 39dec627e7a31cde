import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { previousDeploymentCandidates, previousFromTags, pickPreviousTag, type DeploymentFacts } from '../../../src/stages/rollback/previous.js';
import { deploymentHandlers, type StoredDeployment } from '../../helpers/github-deployments.js';
import { startGitHubDouble } from '../../helpers/github-double.js';
import { stageGitHubApi } from '../../helpers/stage-github.js';
import { startVersionedApp } from '../../helpers/versioned-app.js';
import { runRollback } from './run.js';

const SHA = { current: 'c'.repeat(40), failed: 'b'.repeat(40), good: 'a'.repeat(40), older: '9'.repeat(40), staging: 'e'.repeat(40), newer: 'f'.repeat(40) };

// Deliberately not in time order: the API's order is not to be trusted.
const DEPLOYMENTS: StoredDeployment[] = [
  { id: 14, sha: SHA.older, ref: 'main', environment: 'production', created_at: '2026-11-20T08:00:00Z', states: ['success', 'inactive'] },
  { id: 17, sha: SHA.current, ref: 'main', environment: 'production', created_at: '2026-11-30T10:00:00Z', states: ['in_progress', 'success'] },
  { id: 15, sha: SHA.good, ref: 'main', environment: 'production', created_at: '2026-11-28T08:00:00Z', states: ['in_progress', 'success', 'inactive'] },
  { id: 18, sha: SHA.staging, ref: 'main', environment: 'staging', created_at: '2026-11-29T12:00:00Z', states: ['success'] },
  { id: 16, sha: SHA.failed, ref: 'main', environment: 'production', created_at: '2026-11-29T09:00:00Z', states: ['in_progress', 'failure'] },
];

describe('previous release from GitHub deployments', () => {
  it('orders candidates by creation time itself: same environment, earlier than the current one, another release', () => {
    const facts: DeploymentFacts[] = DEPLOYMENTS.map((d) => ({ id: d.id, sha: d.sha, ref: d.ref, environment: d.environment, createdAt: d.created_at }));
    const newer = { id: 19, sha: SHA.newer, ref: 'main', environment: 'production', createdAt: '2026-11-30T11:00:00Z' };
    expect(previousDeploymentCandidates([...facts, newer], 'production', { sha: SHA.current }).map((d) => d.id)).toEqual([16, 15, 14]);
    // Without knowing the current release, every production deployment is a candidate, newest first.
    expect(previousDeploymentCandidates(facts, 'production', {}).map((d) => d.id)).toEqual([17, 16, 15, 14]);
  });

  it('the stage finds the newest earlier deployment that reached success, through the OpenAPI-checked double', async () => {
    const double = await startGitHubDouble(deploymentHandlers('acme', 'web', DEPLOYMENTS));
    const app = await startVersionedApp({ release: SHA.current, versionMode: 'sha' });
    try {
      const config = `rollback:\n  url: ${app.url}\n  versionUrl: ${app.url}/version\n  environment: production\n`;
      const { stage } = await runRollback(app.dir, config, { env: { GITHUB_SHA: SHA.current }, github: stageGitHubApi(double.url, 'acme', 'web') });
      expect(double.violations).toEqual([]);
      expect(stage.metrics).toMatchObject({ previousRelease: SHA.good, previousReleaseSource: 'deployments', currentRelease: SHA.current });
      expect(stage.findings.map((f) => f.ruleId)).not.toContain('rollback-previous-unknown');
      const listed = double.requests.filter((r) => r.operationId === 'repos/list-deployments');
      expect(listed.length).toBe(2); // 4 production deployments, 2 a page: the client followed Link once
      expect(listed.every((r) => r.query.get('environment') === 'production')).toBe(true);
      // Statuses were read candidate by candidate, newest first, stopping at the first success (15 has two pages).
      expect(double.requests.filter((r) => r.operationId === 'repos/list-deployment-statuses').map((r) => r.params.deployment_id)).toEqual(['16', '15', '15']);
    } finally {
      await app.close();
      await double.close();
    }
  });

  it('no earlier successful deployment and no tags: high "no known-good release to roll back to"', async () => {
    const double = await startGitHubDouble(
      deploymentHandlers(
        'acme',
        'web',
        DEPLOYMENTS.filter((d) => d.id === 17 || d.id === 16),
      ),
    );
    const app = await startVersionedApp({ release: SHA.current, versionMode: 'sha' });
    try {
      const { stage } = await runRollback(app.dir, `rollback:\n  url: ${app.url}\n  versionUrl: ${app.url}/version\n`, {
        env: { GITHUB_SHA: SHA.current },
        github: stageGitHubApi(double.url, 'acme', 'web'),
      });
      expect(double.violations).toEqual([]);
      const finding = stage.findings.find((f) => f.ruleId === 'rollback-previous-unknown')!;
      expect(finding.severity).toBe('high');
      expect(finding.title).toMatch(
        /^No known-good release to roll back to \(tried: rollback\.previousRelease: not set; GitHub deployments: no earlier successful deployment to production; git tags: /,
      );
      expect(stage.metrics.previousRelease).toBeNull();
    } finally {
      await app.close();
      await double.close();
    }
  });
});

describe('previous release when the Deployments API refuses', () => {
  it('a 403 is noted and the tags are tried next; the stage does not error', async () => {
    const double = await startGitHubDouble({
      'repos/list-deployments': () => ({
        status: 403,
        body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' },
      }),
    });
    const app = await startVersionedApp({ release: SHA.current, versionMode: 'sha' });
    try {
      const { stage } = await runRollback(app.dir, `rollback:\n  url: ${app.url}\n  versionUrl: /version\n`, {
        github: stageGitHubApi(double.url, 'acme', 'web'),
      });
      expect(double.violations).toEqual([]);
      expect(stage.errors).toBeUndefined();
      expect(stage.findings.find((f) => f.ruleId === 'rollback-previous-unknown')?.title).toMatch(
        /GitHub deployments: .*403.*Resource not accessible by integration; git tags: /,
      );
    } finally {
      await app.close();
      await double.close();
    }
  });
});

describe('previous release from semver tags in a real git repository', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
    }).trim();
  const commit = (message: string) => {
    writeFileSync(join(repo, 'CHANGELOG.md'), `${message}\n`, { flag: 'a' });
    git('add', '.');
    git('commit', '-qm', message);
    return git('rev-parse', 'HEAD');
  };
  let head: string;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'lr-rollback-tags-'));
    git('init', '-q', '-b', 'main');
    commit('one');
    git('tag', 'v1.3.0');
    commit('two');
    git('tag', '-a', 'v1.4.0', '-m', 'release 1.4.0');
    commit('three');
    git('tag', 'v1.4.2');
    git('tag', 'deploy-2026-11-28');
    commit('four');
    git('tag', 'v1.5.0-rc.1');
    // A newer release on a branch the current commit does not contain.
    git('checkout', '-qb', 'next');
    commit('five');
    git('tag', 'v2.0.0');
    git('checkout', '-q', 'main');
    head = commit('six');
    git('tag', '-a', 'v1.5.0', '-m', 'release 1.5.0');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('picks the newest earlier release tag: not a pre-release, not the current one, not on an unmerged branch', async () => {
    expect(await previousFromTags(repo, {})).toMatchObject({ release: 'v1.4.2', source: 'tags' });
    expect(await previousFromTags(repo, { sha: head })).toMatchObject({ release: 'v1.4.2' });
    expect(await previousFromTags(repo, { version: head.slice(0, 12) })).toMatchObject({ release: 'v1.4.2' });
  });

  it('when the served release is an older version, only versions below it count', () => {
    const tags = [
      { name: 'v1.3.0', commit: '1' },
      { name: 'v1.4.0', commit: '2' },
      { name: 'v1.4.2', commit: '3' },
      { name: 'v1.5.0', commit: '4' },
    ];
    expect(pickPreviousTag(tags, { version: 'v1.4.2', sha: '3' })?.name).toBe('v1.4.0');
    expect(pickPreviousTag(tags, { version: '1.4.2' })?.name).toBe('v1.4.0');
    expect(pickPreviousTag(tags, { version: 'v1.3.0' })).toBeUndefined();
  });

  it('the stage uses tags when there is no config and no GitHub access, and names where it looked', async () => {
    const app = await startVersionedApp({ release: 'v1.5.0' });
    try {
      const config = `rollback:\n  url: ${app.url}\n  versionUrl: ${app.url}/version\n  repo: ${repo}\n`;
      const { stage } = await runRollback(app.dir, config);
      expect(stage.metrics).toMatchObject({ previousRelease: 'v1.4.2', previousReleaseSource: 'tags' });
    } finally {
      await app.close();
    }
  });
});
