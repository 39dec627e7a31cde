import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGitHubDouble, type GitHubDouble } from '../helpers/github-double.js';
import { PrComments } from './pr-comments.js';

/** The double is the contract: these prove it rejects what GitHub would, so the other tests mean something. */
describe('the GitHub REST double', () => {
  let double: GitHubDouble;
  const store = new PrComments();
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${double.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  beforeAll(async () => {
    double = await startGitHubDouble(store.handlers());
  });
  afterAll(() => double.close());

  it('accepts a valid call and a valid response', async () => {
    const res = await call('POST', '/repos/acme/shop/issues/7/comments', { body: 'hello' });
    expect(res.status).toBe(201);
    expect(double.violations).toEqual([]);
    expect(double.requests.at(-1)!.operationId).toBe('issues/create-comment');
  });

  it.each([
    ['a wrong path', 'POST', '/repos/acme/shop/pulls/7/comment', { body: 'x' }, /no such path/],
    ['a wrong verb', 'PUT', '/repos/acme/shop/issues/7/comments', { body: 'x' }, /wrong verb \(the description has GET, POST\)/],
    [
      'a wrong field',
      'POST',
      '/repos/acme/shop/issues/7/comments',
      { text: 'x' },
      /issues\/create-comment: request body: .*must have required property 'body'/,
    ],
    ['a bad parameter', 'GET', '/repos/acme/shop/issues/seven/comments', undefined, /parameter issue_number=seven: .*must be integer/],
    ['an unknown query parameter', 'GET', '/repos/acme/shop/issues/7/comments?perpage=100', undefined, /unknown query parameter perpage/],
  ])('flags %s', async (_case, method, path, body, message) => {
    double.violations.length = 0;
    await call(method, path, body);
    expect(double.violations.join('\n')).toMatch(message);
  });

  it('flags a response that does not match the description', async () => {
    double.violations.length = 0;
    double.handle('issues/get-comment', () => ({ status: 200, body: { id: 'not-a-number' } }));
    await call('GET', '/repos/acme/shop/issues/comments/1');
    expect(double.violations.join('\n')).toMatch(/issues\/get-comment: response 200: .*(must have required property|must be integer)/);
  });

  it('routes any operation by id, e.g. environment secrets', async () => {
    double.violations.length = 0;
    double.handle('actions/list-environment-secrets', (req) => ({
      status: 200,
      body: {
        total_count: 1,
        secrets: [{ name: `${req.params.environment_name}_KEY`, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }],
      },
    }));
    const res = await call('GET', '/repos/acme/shop/environments/production/secrets');
    expect(await res.json()).toMatchObject({ secrets: [{ name: 'production_KEY' }] });
    expect(double.violations).toEqual([]);
  });
});
