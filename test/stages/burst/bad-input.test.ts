import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawnDemoServer, startDemoServer, type DemoServer } from '../../../bench/burst/servers.mjs';
import { classifyError } from '../../../src/stages/burst/journey.js';
import { startDnsResponder, startResetServer, type Running } from '../../helpers/trust-servers.js';
import { runBurstSection } from './run-helper.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(() => server.close());

const short = (target: string, page: string, extra: Record<string, unknown> = {}) => ({
  target,
  vus: 1,
  duration: '700ms',
  pages: { page },
  thresholds: [],
  abort: { enabled: false },
  ...extra,
});

describe('bad targets are measured and classified, never crash the stage', () => {
  test('unreachable target: connection refused, counted apart', async () => {
    const { m } = await runBurstSection(short('http://127.0.0.1:9', '/'));
    expect(m.requests).toBeGreaterThan(0);
    expect(m.errorsByClass).toEqual({ refused: m.requests });
    expect(m.errorRate).toBe(1);
  });

  test('a target that closes connections', async () => {
    const { m } = await runBurstSection(short(server.url, '/close'));
    expect(m.errorsByClass.closed).toBe(m.requests);
  });

  test('a server that resets every connection', async () => {
    const reset: Running = await startResetServer();
    try {
      const { m } = await runBurstSection(short(`http://127.0.0.1:${reset.port}`, '/'));
      expect(Object.keys(m.errorsByClass)).toEqual(['closed']);
    } finally {
      await reset.close();
    }
  });

  test('TLS error: https to a plain-HTTP port fails the handshake', async () => {
    const { m } = await runBurstSection(short(server.url.replace('http:', 'https:'), '/'));
    expect(m.errorsByClass).toEqual({ tls: m.requests });
  });

  test('DNS failure (SERVFAIL from the configured resolver) is its own class', async () => {
    const dns = await startDnsResponder('servfail');
    try {
      const network = { resolvers: [dns.address], connectTo: [], ca: [] };
      const { m } = await runBurstSection(short('http://app.burst.test:8080', '/'), { network });
      expect(m.errorsByClass.dns).toBe(m.requests);
    } finally {
      await dns.close();
    }
  });

  test('a request past the per-request timeout is a timeout, not a 5xx', async () => {
    const { m } = await runBurstSection(short(server.url, '/slow?ms=2000', { timeout: '200ms', duration: '300ms' }));
    expect(m.timeouts).toBeGreaterThan(0);
    expect(m.errorsByClass).toEqual({ timeout: m.timeouts });
  });

  test('a 30 MB response is read to the end and discarded, counted in bytes', async () => {
    const { m } = await runBurstSection(short(server.url, '/big?mb=30', { duration: '100ms' }));
    expect(m.requests).toBeGreaterThanOrEqual(1);
    expect(m.bytesReceived).toBe(m.requests * 30 * 1024 * 1024);
    expect(m.errorRate).toBe(0);
  });

  test('error codes map to classes', () => {
    const withCode = (code: string) => Object.assign(new Error(code), { code });
    expect(classifyError(withCode('ENOTFOUND'))).toBe('dns');
    expect(classifyError(new Error('x', { cause: withCode('ECONNREFUSED') }))).toBe('refused');
    expect(classifyError(withCode('UND_ERR_HEADERS_TIMEOUT'))).toBe('timeout');
    expect(classifyError(new Error('http://x/: no complete answer within 10 ms'))).toBe('timeout');
    expect(classifyError(withCode('DEPTH_ZERO_SELF_SIGNED_CERT'))).toBe('tls');
    expect(classifyError(withCode('UND_ERR_SOCKET'))).toBe('closed');
    expect(classifyError(new Error('odd'))).toBe('network');
  });
});

describe('coordinated omission', () => {
  test('open model against an event loop that freezes 300 ms every second: the stalls show in p99', async () => {
    const frozen = await spawnDemoServer(['--freeze-every', '1000', '--freeze', '300']);
    try {
      const { m } = await runBurstSection({
        target: frozen.url,
        thresholds: [],
        scenarios: { open: { executor: 'constant-arrival-rate', rate: 50, duration: '2500ms', maxVUs: 100, steps: [{ url: '/hello' }] } },
      });
      expect(m.iterations).toBe(125);
      // Requests that arrive during a freeze wait for it: about 30% of them, up to 300 ms.
      expect(m.latencyMs.p99).toBeGreaterThan(150);
      expect(m.latencyMs.p50).toBeLessThan(m.latencyMs.p99);
    } finally {
      await frozen.close();
    }
  });
});
