import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHttpClient } from '../../../src/core/http.js';
import { SecretRegistry } from '../../../src/core/redaction.js';
import { createWaiter } from '../../../src/core/wait.js';
import type { SmokeCheck } from '../../../src/stages/rollback/config.js';
import { readJsonPath } from '../../../src/stages/rollback/json-path.js';
import { backoffBefore, isTransient, judgeAnswer, runSmokeCheck, type SmokeAnswer, type SmokeDeps } from '../../../src/stages/rollback/smoke.js';
import { startVersionedApp, type VersionedApp } from '../../helpers/versioned-app.js';

const check = (extra: Partial<SmokeCheck> = {}): SmokeCheck => ({
  name: '/',
  url: 'http://127.0.0.1:1/',
  method: 'GET',
  status: [200],
  contains: [],
  headers: {},
  jsonPath: {},
  headersFromEnv: {},
  timeoutMs: 2000,
  ...extra,
});
const answer = (extra: Partial<SmokeAnswer> = {}): SmokeAnswer => ({
  status: 200,
  headers: { 'content-type': 'text/html' },
  body: '<h1>Book a call</h1>',
  truncated: false,
  ms: 40,
  ...extra,
});

describe('smoke assertions (pure)', () => {
  it('status is one value or a list', () => {
    expect(judgeAnswer(check({ status: [200] }), answer({ status: 500 }))).toEqual(['answered 500, expected 200']);
    expect(judgeAnswer(check({ status: [400, 401, 422] }), answer({ status: 422 }))).toEqual([]);
    expect(judgeAnswer(check({ status: [400, 401, 422] }), answer({ status: 200 }))).toEqual(['answered 200, expected one of 400, 401, 422']);
  });

  it('contains, header and JSON-path assertions, maxMs', () => {
    expect(judgeAnswer(check({ contains: ['Book a call', 'Pricing'] }), answer())).toEqual(['the body does not contain "Pricing"']);
    expect(
      judgeAnswer(
        check({ headers: { 'Content-Type': 'html', 'x-powered-by': false, 'strict-transport-security': true } }),
        answer({ headers: { 'content-type': 'text/html', 'x-powered-by': 'Express' } }),
      ),
    ).toEqual(['header x-powered-by is present ("Express"), expected none', 'header strict-transport-security is missing']);
    const json = answer({ body: JSON.stringify({ status: 'ok', checks: [{ name: 'db', ok: false }], 'odd key': 1 }) });
    expect(
      judgeAnswer(check({ jsonPath: { '$.status': 'ok', '$.checks[0].ok': true, "$['odd key']": 1, '$.checks.length': 1, '$.missing': 1 } }), json),
    ).toEqual(['$.checks[0].ok is false, expected true', '$.missing is missing from the JSON body']);
    expect(judgeAnswer(check({ jsonPath: { '$.status': 'ok' } }), answer())).toEqual([
      'the body is not JSON ("<h1>Book a call</h1>"), so $.status cannot be checked',
    ]);
    expect(judgeAnswer(check({ maxMs: 30 }), answer({ ms: 40 }))).toEqual(['took 40 ms, over its maxMs of 30']);
    expect(judgeAnswer(check({ maxMs: 50 }), answer({ ms: 40 }))).toEqual([]);
  });

  it('retries only transient failures: no answer, or 502/503/504 the check does not expect; backoff doubles', () => {
    expect(isTransient(check(), null)).toBe(true);
    expect(isTransient(check(), 503)).toBe(true);
    expect(isTransient(check({ status: [503] }), 503)).toBe(false);
    expect(isTransient(check(), 500)).toBe(false);
    expect(isTransient(check(), 404)).toBe(false);
    expect([2, 3, 4].map((n) => backoffBefore({ attempts: 4, backoffMs: 100 }, n))).toEqual([100, 200, 400]);
  });

  it('reads the JSON-path subset and refuses what it cannot parse', () => {
    expect(readJsonPath({ a: { b: [1, { c: 'x' }] } }, '$.a.b[1].c')).toEqual({ found: true, value: 'x' });
    expect(readJsonPath({ a: 1 }, 'a')).toEqual({ found: true, value: 1 });
    expect(readJsonPath({ a: 1 }, '$.a[?(@.x)]')).toEqual({ found: false });
  });
});

describe('smoke checks against the app on loopback', () => {
  let app: VersionedApp;
  let deps: SmokeDeps;
  const secrets = new SecretRegistry();
  beforeAll(async () => {
    app = await startVersionedApp({ release: 'v1.5.0', flaky: 2, token: 'smoke-token-0123456789' });
    deps = {
      http: createHttpClient({ resolvers: [], connectTo: [], ca: [] }),
      wait: createWaiter(),
      env: { SMOKE_TOKEN: 'smoke-token-0123456789' },
      secrets,
      retry: { attempts: 3, backoffMs: 10 },
      followRedirects: 5,
    };
  });
  afterAll(() => app.close());

  it('retries a 503 with backoff until it answers', async () => {
    const result = await runSmokeCheck(check({ name: '/flaky', url: `${app.url}/flaky` }), deps);
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 3 });
    expect(app.requests.filter((r) => r === 'GET /flaky').length).toBe(3);
  });

  it('does not retry wrong content', async () => {
    const before = app.requests.length;
    const result = await runSmokeCheck(check({ url: `${app.url}/`, contains: ['Pricing'] }), deps);
    expect(result).toMatchObject({ ok: false, attempts: 1, problems: ['the body does not contain "Pricing"'] });
    expect(app.requests.length - before).toBe(1);
  });

  it('follows redirects and reports them', async () => {
    const result = await runSmokeCheck(check({ name: '/old-home', url: `${app.url}/old-home`, contains: ['Book a call'] }), deps);
    expect(result).toMatchObject({ ok: true, status: 200, redirects: [{ url: `${app.url}/old-home`, status: 301 }] });
  });

  it('sends headers from environment variables and registers their values as secrets; a missing variable is named, not sent', async () => {
    expect((await runSmokeCheck(check({ url: `${app.url}/private`, headersFromEnv: {} }), deps)).status).toBe(401);
    // The variable holds the bare token: the header value is `Bearer …`, so pass the whole value.
    const withHeader = await runSmokeCheck(check({ url: `${app.url}/private`, headersFromEnv: { Authorization: 'SMOKE_AUTH' } }), {
      ...deps,
      env: { SMOKE_AUTH: 'Bearer smoke-token-0123456789' },
    });
    expect(withHeader).toMatchObject({ ok: true, status: 200 });
    expect(secrets.scrub('Bearer smoke-token-0123456789')).not.toContain('smoke-token-0123456789');
    const basic = await runSmokeCheck(check({ url: `${app.url}/private`, basicAuthFromEnv: { username: 'SMOKE_USER', password: 'SMOKE_PASSWORD' } }), {
      ...deps,
      env: { SMOKE_USER: 'probe', SMOKE_PASSWORD: 'smoke-token-0123456789' },
    });
    expect(basic).toMatchObject({ ok: true, status: 200 });
    const missing = await runSmokeCheck(check({ url: `${app.url}/private`, headersFromEnv: { Authorization: 'NOT_SET' } }), deps);
    expect(missing).toMatchObject({ ok: false, attempts: 0, problems: ['not sent: NOT_SET is not set in the environment'] });
  });

  it('an unreachable URL is a result with the reason, not a throw', async () => {
    const closed = await startVersionedApp({ release: 'x' });
    const url = `${closed.url}/`;
    await closed.close();
    const result = await runSmokeCheck(check({ url }), { ...deps, retry: { attempts: 2, backoffMs: 5 } });
    expect(result).toMatchObject({ ok: false, status: null, attempts: 2 });
    expect(result.unreachable).toMatch(/ECONNREFUSED|refused/i);
  });
});
