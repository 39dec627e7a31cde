import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubEnvironmentSource } from '../../../src/stages/env/sources.js';

// A small loopback stand-in for the two GitHub REST endpoints (the shared GitHub double was not in
// the tree yet): GET /repos/{owner}/{repo}/environments/{environment_name}/secrets and /variables.
let server: Server;
let apiUrl: string;
const seen: { url: string; auth: string | undefined; version: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization, version: req.headers['x-github-api-version'] as string | undefined });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/repos\/acme\/shop\/environments\/([^/]+)\/(secrets|variables)$/.exec(url.pathname);
    if (!match || req.headers.authorization !== 'Bearer test-token') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    const [, environment, kind] = match;
    if (environment !== 'production') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Not Found' }));
      return;
    }
    const page = Number(url.searchParams.get('page') ?? 1);
    const at = '2026-01-01T00:00:00Z';
    if (kind === 'secrets') {
      // 101 secrets: two pages of 100 and 1.
      const all = Array.from({ length: 101 }, (_, i) => ({ name: i === 100 ? 'STRIPE_SECRET_KEY' : `SECRET_${i}`, created_at: at, updated_at: at }));
      const items = all.slice((page - 1) * 100, page * 100);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total_count: all.length, secrets: items }));
    } else {
      const variables = page === 1 ? [{ name: 'API_BASE', value: 'https://api.example.com', created_at: at, updated_at: at }] : [];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ total_count: 1, variables }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const access = () => ({ apiUrl, token: 'test-token', owner: 'acme', repo: 'shop' });

describe('env: GitHub environment secrets and variables as a source', () => {
  it('lists secret and variable names across pages, with no values', async () => {
    const source = await githubEnvironmentSource(access(), 'production');
    expect(source.label).toBe('GitHub environment "production"');
    expect(source.variables.size).toBe(102);
    expect(source.variables.get('STRIPE_SECRET_KEY')).toEqual({});
    expect(source.variables.get('API_BASE')).toEqual({});
    expect(seen.some((r) => r.url.includes('/secrets?per_page=100&page=2'))).toBe(true);
    expect(seen.every((r) => r.auth === 'Bearer test-token' && r.version === '2022-11-28')).toBe(true);
  });

  it('an unknown environment is an error naming it, not an empty source', async () => {
    await expect(githubEnvironmentSource(access(), 'staging')).rejects.toThrow('GitHub environment "staging" secrets: not found (no such environment, or the token cannot see it)');
  });
});
