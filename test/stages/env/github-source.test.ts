import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLaunchReady } from '../../../src/core/run.js';
import { envStage } from '../../../src/stages/env/index.js';
import { createStageGitHubApi } from '../../../src/github/stage-api.js';
import { githubEnvironmentSource } from '../../../src/stages/env/sources.js';
import { runCliAsync } from '../../helpers/cli.js';
import { startGitHubDouble, type DoubleRequest, type DoubleResponse, type GitHubDouble } from '../../helpers/github-double.js';
import { makeProject } from './project.js';

// The shared loopback GitHub double validates every request and response against @octokit/openapi.
let github: GitHubDouble;
const at = '2026-01-01T00:00:00Z';
const SECRET_NAMES = [...Array.from({ length: 100 }, (_, i) => `SECRET_${i}`), 'STRIPE_SECRET_KEY'];
const VARIABLE_NAMES = [...Array.from({ length: 30 }, (_, i) => `VAR_${i}`), 'API_BASE'];

function page<T>(items: T[], request: DoubleRequest, perPageDefault: number): T[] {
  const perPage = Number(request.query.get('per_page') ?? perPageDefault);
  const number = Number(request.query.get('page') ?? 1);
  return items.slice((number - 1) * perPage, number * perPage);
}

function authorized(request: DoubleRequest): DoubleResponse | undefined {
  if (request.headers.authorization !== 'Bearer test-token')
    return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };
  if (request.params.environment_name !== 'production')
    return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
  return undefined;
}

beforeAll(async () => {
  github = await startGitHubDouble({
    'actions/list-environment-secrets': (request) =>
      authorized(request) ?? {
        status: 200,
        body: { total_count: SECRET_NAMES.length, secrets: page(SECRET_NAMES, request, 30).map((name) => ({ name, created_at: at, updated_at: at })) },
      },
    'actions/list-environment-variables': (request) =>
      authorized(request) ?? {
        status: 200,
        body: {
          total_count: VARIABLE_NAMES.length,
          variables: page(VARIABLE_NAMES, request, 10).map((name) => ({ name, value: 'https://api.example.com', created_at: at, updated_at: at })),
        },
      },
  });
});
afterAll(() => github.close());

const access = () => ({ apiUrl: github.url, token: 'test-token', owner: 'acme', repo: 'shop' });

describe('env: GitHub environment secrets and variables as a source', () => {
  it('lists secret and variable names across pages, with no values, within the API contract', async () => {
    const source = await githubEnvironmentSource(createStageGitHubApi(access()), 'production');
    expect(source.label).toBe('GitHub environment "production"');
    expect(source.variables.size).toBe(SECRET_NAMES.length + VARIABLE_NAMES.length);
    expect(source.variables.get('STRIPE_SECRET_KEY')).toEqual({});
    expect(source.variables.get('API_BASE')).toEqual({});
    expect(github.requests.map((r) => `${r.operationId}:${r.query.get('page')}`)).toEqual(
      expect.arrayContaining(['actions/list-environment-secrets:2', 'actions/list-environment-variables:2']),
    );
    expect(github.violations).toEqual([]);
  });

  it('an unknown environment is an error naming it, not an empty source', async () => {
    await expect(githubEnvironmentSource(createStageGitHubApi(access()), 'staging')).rejects.toThrow(
      'GitHub environment "staging" secrets: not found (no such environment, or the token cannot see it)',
    );
  });

  it('a rejected token is an error saying so', async () => {
    await expect(githubEnvironmentSource(createStageGitHubApi({ ...access(), token: 'wrong' }), 'production')).rejects.toThrow('the token lacks permission');
  });
});

describe('env stage with from: github', () => {
  let project: ReturnType<typeof makeProject>;
  beforeAll(() => {
    project = makeProject();
  });
  afterAll(() => project.cleanup());

  const run = (config: string, withGitHub: boolean) => {
    writeFileSync(join(project.dir, 'launch-ready.yml'), config);
    return runLaunchReady(
      { command: 'env', stages: ['env'], overrides: [], format: 'json', cwd: project.dir },
      {
        stages: [envStage],
        version: '0.0.0-test',
        env: { PATH: process.env.PATH ?? '' },
        ...(withGitHub ? { githubApi: createStageGitHubApi(access()) } : {}),
      },
    );
  };

  it("counts the GitHub environment's secret names as set and names the source in findings", async () => {
    const outcome = await run('env:\n  environments:\n    production: { from: github }\n', true);
    const missing = outcome.result.stages[0]!.findings.filter((f) => f.ruleId === 'env-required-missing');
    expect(missing.map((f) => f.title.split(' ')[0]).sort()).toEqual(['DATABASE_URL', 'NEXT_PUBLIC_STRIPE_SECRET_KEY', 'SESSION_SECRET', 'THEME_COLOR']);
    expect(missing[0]!.fix).toContain('checked: GitHub environment "production"');
    expect(github.violations).toEqual([]);
  });

  it("does not probe when the target's values are GitHub secrets (names only): info saying why, no false verdict", async () => {
    const outcome = await run('env:\n  environments:\n    production: { from: github }\n  probe: { command: "node src/server.js", timeoutSeconds: 2 }\n', true);
    const findings = outcome.result.stages[0]!.findings;
    expect(findings.filter((f) => f.ruleId.startsWith('env-probe'))).toEqual([
      expect.objectContaining({
        ruleId: 'env-probe-skipped',
        severity: 'info',
        title: 'The fail-fast probe of "node src/server.js" did not run: no value here for STRIPE_SECRET_KEY',
      }),
    ]);
    expect(outcome.result.stages[0]!.metrics.probe).toBeUndefined();
  });

  it('from the command line, reads GITHUB_TOKEN and GITHUB_REPOSITORY as gh does', async () => {
    writeFileSync(join(project.dir, 'launch-ready.yml'), 'env:\n  environments:\n    production: { from: github }\n');
    const env = { GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: github.url };
    const run = await runCliAsync(['env', '--format', 'json'], { cwd: project.dir, env });
    const stage = (JSON.parse(run.stdout) as { stages: { errors?: unknown[]; findings: { ruleId: string; fix: string }[] }[] }).stages[0]!;
    expect(stage.errors ?? []).toEqual([]);
    expect(stage.findings.find((f) => f.ruleId === 'env-required-missing')?.fix).toContain('checked: GitHub environment "production"');
    expect(run.stdout + run.stderr).not.toContain('test-token');
  });

  it('without a token the GitHub part is an error with a fix, and the other parts still report', async () => {
    const outcome = await run('env:\n  environments:\n    production: { from: [github] }\n', false);
    const stage = outcome.result.stages[0]!;
    expect(stage.errors?.[0]).toMatchObject({
      part: 'GitHub environment production',
      message: 'no GitHub token, so its secrets and variables could not be listed',
    });
    expect(stage.findings.some((f) => f.ruleId === 'env-file-committed')).toBe(true);
  });
});
