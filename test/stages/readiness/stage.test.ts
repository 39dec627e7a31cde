import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHttp, type Running } from '../../helpers/trust-servers.js';
import { rules, runReadiness, tempDir } from './helpers.js';

/** What the loopback app does on each route; tests change it between runs. */
const app = {
  health: (res: ServerResponse) =>
    void res.writeHead(200, { 'content-type': 'application/health+json' }).end('{"status":"pass","checks":{"db":[{"status":"pass"}]}}'),
  /** `leaky`: the request logger writes headers and the form body; `clean`: method, path and status. */
  logging: 'clean' as 'clean' | 'leaky' | 'none',
  logFile: '',
};

function handler(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    if (url.pathname === '/healthz') return app.health(res);
    if (app.logging === 'leaky')
      appendFileSync(app.logFile, `${new Date().toISOString()} ${req.method} ${req.url} headers=${JSON.stringify(req.headers)} body=${body}\n`);
    if (app.logging === 'clean') appendFileSync(app.logFile, `${new Date().toISOString()} ${req.method} ${req.url} 200\n`);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><title>Shop</title></html>');
  });
}

let server: Running;
const project = tempDir();
let base: string;
let network: { connectTo: string[] };

beforeAll(async () => {
  server = await startHttp(handler);
  app.logFile = join(project.dir, 'app.log');
  // The app is reached by name through connectTo, as every stage honours it.
  base = `http://app.shop.test:${server.port}`;
  network = { connectTo: [`app.shop.test:${server.port}:127.0.0.1:${server.port}`] };
});
afterAll(async () => {
  await server.close();
  project.cleanup();
});

const monitor = (path: string, extra: Record<string, unknown> = {}) => ({
  url: `${base}${path}`,
  owner: 'ana@shop.test',
  channels: ['email:ops@shop.test', 'slack:#alerts'],
  interval: '1m',
  ...extra,
});

describe('the health endpoint', () => {
  test('a health+json endpoint that answers 200 while a dependency it lists fails is high', async () => {
    const fixture = readFileSync('test/fixtures/readiness/health/rest-api-starter.json', 'utf8');
    app.health = (res) => void res.writeHead(200, { 'content-type': 'application/health+json; charset=utf-8' }).end(fixture);
    const outcome = await runReadiness(
      { healthUrl: `${base}/healthz`, monitors: [monitor('/healthz')], errorTracking: { provider: 'sentry' } },
      { dir: project.dir, network },
    );
    const finding = outcome.findings.find((f) => f.ruleId === 'health-200-while-failing');
    expect(finding).toMatchObject({ severity: 'high' });
    expect(finding!.title).toMatch(/answers 200 while it lists postgres:database \(error\) as down/);
    // `warn` (cpu) is not counted as down.
    expect(finding!.title).not.toMatch(/cpu/);
    expect(outcome.metrics).toMatchObject({ health: { httpStatus: 200, kind: 'health', down: ['postgres:database'] } });
  });

  test('a health endpoint whose dependencies pass has no health finding (negative control)', async () => {
    app.health = (res) =>
      void res.writeHead(200, { 'content-type': 'application/health+json' }).end('{"status":"pass","checks":{"postgres:database":[{"status":"pass"}]}}');
    const outcome = await runReadiness({ healthUrl: `${base}/healthz`, monitors: [monitor('/healthz')] }, { dir: project.dir, network });
    expect(outcome.findings.filter((f) => f.ruleId.startsWith('health-'))).toEqual([]);
  });

  test('a health endpoint that answers HTML is a finding naming what it returned', async () => {
    app.health = (res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html><head><title>Sign in · Shop</title></head><body>...</body></html>');
    const outcome = await runReadiness({ healthUrl: `${base}/healthz`, monitors: [monitor('/healthz')] }, { dir: project.dir, network });
    const finding = outcome.findings.find((f) => f.ruleId === 'health-html');
    expect(finding!.title).toMatch(/answers an HTML page titled "Sign in · Shop" instead of a health status \(text\/html; charset=utf-8\)/);
  });
});

describe('request logs keep no secrets', () => {
  const section = () => ({
    logProbeUrl: `${base}/login`,
    logs: { file: 'app.log', waitSeconds: 2 },
    monitors: [monitor('/login')],
    healthUrl: `${base}/healthz`,
  });

  test('a log that stores the header and the form field leaks both marked secrets: high, line numbers only', async () => {
    app.logging = 'leaky';
    const outcome = await runReadiness(section(), { dir: project.dir, network });
    expect(rules(outcome).filter((r) => r.startsWith('log-'))).toEqual(['log-leaks-form-field:high', 'log-leaks-header:high']);
    expect(outcome.metrics!.logs).toBe('no');
    const text = JSON.stringify(outcome);
    expect(text).not.toMatch(/lrsecret-/);
    expect(outcome.findings.find((f) => f.ruleId === 'log-leaks-header')!.evidence).toMatch(/^app\.log: line \d+$/);
  });

  test('a log of method, path and status keeps no secret: yes', async () => {
    app.logging = 'clean';
    const outcome = await runReadiness(section(), { dir: project.dir, network });
    expect(rules(outcome).filter((r) => r.startsWith('log-'))).toEqual([]);
    expect(outcome.metrics!.logs).toBe('yes');
  });

  test('a log that never shows the sample request proves nothing: not checked, never yes', async () => {
    app.logging = 'none';
    const outcome = await runReadiness({ ...section(), logs: { file: 'app.log', waitSeconds: 0.3 } }, { dir: project.dir, network });
    expect(outcome.metrics!.logs).toBe('not checked');
  });

  test('no log source configured: not checked', async () => {
    const outcome = await runReadiness({ monitors: [monitor('/login')] }, { dir: project.dir, network });
    expect(outcome.metrics!.logs).toBe('not checked');
    expect(outcome.blocks!.find((b) => b.kind === 'table' && b.title === 'Launch readiness')).toMatchObject({
      rows: expect.arrayContaining([['Request logs keep no secrets', 'not checked', 'no log source configured']]),
    });
  });

  test('logs.command: its output is the log (run through the process runner)', async () => {
    app.logging = 'leaky';
    const outcome = await runReadiness({ ...section(), logs: { command: 'cat app.log', waitSeconds: 2 } }, { dir: project.dir, network });
    expect(rules(outcome).filter((r) => r.startsWith('log-'))).toEqual(['log-leaks-form-field:high', 'log-leaks-header:high']);
    expect(outcome.findings[0]!.title).not.toMatch(/lrsecret/);
  });
});

describe('critical paths and monitors, through the stage', () => {
  test('each critical-path URL no monitor covers is high; the covered one is not', async () => {
    const criticalPaths = [
      { id: 'signup', urls: [`${base}/signup`] },
      { id: 'checkout', urls: [`${base}/checkout`] },
      { id: 'login', urls: [`${base}/login`] },
    ];
    const outcome = await runReadiness({ monitors: [monitor('/login')] }, { dir: project.dir, network, criticalPaths });
    const missing = outcome.findings.filter((f) => f.ruleId === 'monitor-missing');
    expect(missing.map((f) => f.paths)).toEqual([['signup'], ['checkout']]);
    expect(missing[0]!.title).toMatch(/^Nobody is told when signup breaks/);
    expect(outcome.checkedPaths).toEqual(['signup', 'checkout', 'login']);
  });
});

describe('error tracking', () => {
  test('the DSN variable must be set in the target environment: a dotenv file named in readiness.envFiles', async () => {
    project.write('.env.production', 'DATABASE_URL=postgres://x\nSENTRY_DSN=\n');
    const unset = await runReadiness({ errorTracking: 'SENTRY_DSN', envFiles: ['.env.production'] }, { dir: project.dir, network });
    expect(unset.findings.find((f) => f.ruleId === 'error-tracking-unset')!.title).toMatch(/SENTRY_DSN is empty in \.env\.production/);
    project.write('.env.production', 'SENTRY_DSN=https://abc123@o1.ingest.sentry.io/42\n');
    const set = await runReadiness({ errorTracking: 'SENTRY_DSN', envFiles: ['.env.production'] }, { dir: project.dir, network });
    expect(set.findings.filter((f) => f.ruleId.startsWith('error-tracking'))).toEqual([]);
    // The value is never shown.
    expect(JSON.stringify(set)).not.toMatch(/abc123/);
  });

  test('without envFiles the environment launch-ready runs in is the target', async () => {
    const outcome = await runReadiness({ errorTracking: 'SENTRY_DSN' }, { dir: project.dir, network, env: {} });
    expect(outcome.findings.find((f) => f.ruleId === 'error-tracking-unset')!.title).toMatch(/not set in the environment launch-ready runs in/);
    const none = await runReadiness({ monitors: [monitor('/')] }, { dir: project.dir, network });
    expect(none.findings.some((f) => f.ruleId === 'error-tracking-missing')).toBe(true);
  });
});
