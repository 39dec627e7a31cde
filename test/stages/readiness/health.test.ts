import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { failingDependencies, healthFindings, readHealthAnswer } from '../../../src/stages/readiness/health.js';

const read = (status: number, contentType: string, body: string) => readHealthAnswer('https://api.shop.test/healthz', { status, contentType, body });
const down = (status: number, contentType: string, body: string) => failingDependencies(read(status, contentType, body)).map((d) => d.name);

describe('health answers in the formats apps use', () => {
  test('application/health+json from rest-api-starter: top-level pass, the database "error"', () => {
    const report = read(200, 'application/health+json; charset=utf-8', readFileSync('test/fixtures/readiness/health/rest-api-starter.json', 'utf8'));
    expect(report).toMatchObject({ kind: 'health', status: 'pass', statusOk: true });
    expect(report.dependencies.map((d) => [d.name, d.ok])).toEqual([
      ['uptime', true],
      ['cpu:utilization', true],
      ['memory:utilization', true],
      ['postgres:database', false],
    ]);
    expect(healthFindings(report).map((f) => f.ruleId)).toEqual(['health-200-while-failing']);
  });
  test('Spring Boot Actuator components, ASP.NET Core HealthChecks entries, a flat map', () => {
    expect(
      down(
        200,
        'application/vnd.spring-boot.actuator.v3+json',
        '{"status":"UP","components":{"db":{"status":"DOWN","details":{"error":"timeout"}},"diskSpace":{"status":"UP"}}}',
      ),
    ).toEqual(['db']);
    expect(
      down(
        200,
        'application/json',
        '{"status":"Degraded","totalDuration":"00:00:00.12","entries":{"sqlserver":{"status":"Healthy"},"stripe":{"status":"Unhealthy","description":"503 from api.stripe.com"}}}',
      ),
    ).toEqual(['stripe']);
    expect(down(200, 'application/json', '{"status":"ok","database":"ok","redis":"down"}')).toEqual(['redis']);
    expect(down(200, 'application/json', '{"status":"ok","db":false}')).toEqual(['db']);
  });
  test('a 503 that names the dependency down is the endpoint doing its job: the dependency is the finding', () => {
    const report = read(503, 'application/health+json', '{"status":"fail","checks":{"stripe:api":[{"status":"fail","output":"timeout"}]}}');
    expect(healthFindings(report).map((f) => [f.ruleId, f.severity])).toEqual([['health-dependency-down', 'high']]);
  });
  test('warn is not down; a healthy answer with dependencies has no finding (negative control)', () => {
    const report = read(200, 'application/health+json', '{"status":"warn","checks":{"cpu":[{"status":"warn"}],"db":[{"status":"pass"}]}}');
    expect(failingDependencies(report)).toEqual([]);
    expect(healthFindings(report)).toEqual([]);
  });
  test('plain text and JSON without dependencies say too little: low', () => {
    expect(healthFindings(read(200, 'text/plain', 'OK')).map((f) => [f.ruleId, f.severity])).toEqual([['health-unhelpful', 'low']]);
    expect(healthFindings(read(200, 'text/plain', 'OK'))[0]!.title).toMatch(/plain text \("OK"\)/);
    expect(healthFindings(read(200, 'application/json', '{"status":"ok"}'))[0]!.title).toMatch(/a status but no dependencies/);
  });
  test('an SPA fallback page without a title is still named', () => {
    expect(healthFindings(read(200, 'text/html', '<!doctype html><div id="root">Loading</div>'))[0]!.title).toMatch(/an HTML page starting "Loading"/);
  });
  test('404 and no answer', () => {
    expect(healthFindings(read(404, 'text/html', 'Not Found')).map((f) => [f.ruleId, f.severity])).toEqual([['health-missing', 'medium']]);
    expect(healthFindings(readHealthAnswer('https://api.shop.test/healthz', { error: 'connection refused (ECONNREFUSED)' }))[0]!.title).toBe(
      'The health endpoint does not answer: connection refused (ECONNREFUSED)',
    );
  });
});
