import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importMonitors, MonitorFormatError } from '../../../src/stages/readiness/monitors/import.js';
import { alertingFindings, coverageFindings, coverageOf, covers } from '../../../src/stages/readiness/monitors/checks.js';
import { parseChannel, parseInterval, type Monitor } from '../../../src/stages/readiness/monitors/model.js';

const FIXTURES = 'test/fixtures/readiness';
const load = (path: string) => importMonitors(readFileSync(join(FIXTURES, path), 'utf8'), path);

describe('monitor exports import from the common uptime services', () => {
  test('an Uptime Kuma backup: HTTP monitors with their notifications; port and paused monitors left out and said', () => {
    const imported = load('monitors/uptime-kuma-backup.json');
    expect(imported.format).toBe('uptime-kuma');
    expect(imported.monitors.map((m) => [m.name, m.url, m.intervalSeconds, m.owner])).toEqual([
      ['Homepage', 'https://www.shop.test/', 60, 'ana@shop.test'],
      ['Signup', 'https://app.shop.test/signup', 600, undefined],
    ]);
    expect(imported.monitors[0]!.channels.map((c) => [c.kind, c.label])).toEqual([
      ['email', 'smtp:ops@shop.test'],
      ['chat', 'slack:#alerts'],
    ]);
    expect(imported.skipped).toEqual(['Database port: port monitor', 'Old landing: paused']);
  });

  test('an UptimeRobot getMonitors answer: alert contacts by type, non-HTTP monitors left out', () => {
    const imported = load('monitors/uptimerobot-getmonitors.json');
    expect(imported.format).toBe('uptimerobot');
    expect(imported.monitors.map((m) => [m.name, m.intervalSeconds, m.channels.map((c) => c.kind)])).toEqual([
      ['Homepage', 300, ['email', 'chat']],
      ['Login', 60, ['email']],
    ]);
    expect(imported.skipped).toEqual(['Mail server: not an HTTP monitor']);
  });

  test('a Better Stack monitors list: the email/sms/call/push switches are the channels', () => {
    const imported = load('monitors/betterstack-monitors.json');
    expect(imported.format).toBe('betterstack');
    expect(imported.monitors.map((m) => [m.name, m.intervalSeconds, m.channels.map((c) => c.kind)])).toEqual([
      ['Homepage', 30, ['email', 'call', 'push']],
      ['Health', 900, ['email']],
    ]);
  });

  test('a Gatus config from the Gatus repository: HTTP endpoints, not the DNS or ICMP ones', () => {
    const imported = load('gatus/root-config.yaml');
    expect(imported.format).toBe('gatus');
    expect(imported.monitors.map((m) => [m.name, m.url, m.intervalSeconds])).toEqual([
      ['core/front-end', 'https://twin.sh/health', 300],
      ['core/back-end', 'https://example.org/', 300],
      ['internal/monitoring', 'https://example.org/', 300],
      ['internal/nas', 'https://example.org/', 300],
    ]);
    expect(imported.monitors[0]!.alertThresholdMs).toBe(150);
    expect(imported.skipped).toEqual(['example-dns-query: DNS endpoint', 'icmp-ping: icmp endpoint']);
    // No alerts configured in this file: every monitor alerts nobody.
    expect(imported.monitors.every((m) => m.channels.length === 0)).toBe(true);
  });

  test('Gatus alerts count only when their provider is configured under alerting:', () => {
    const email = load('gatus/email-alerts.yaml');
    expect(email.monitors.map((m) => m.channels.map((c) => c.label))).toEqual([
      ['email:recipient1@example.com,recipient2@example.com'],
      ['email:recipient1@example.com,recipient2@example.com'],
    ]);
    const mixed = load('gatus/mixed-alerts.yaml');
    expect(mixed.monitors.map((m) => m.channels.map((c) => c.kind))).toEqual([
      ['chat', 'pager'],
      ['chat', 'pager'],
    ]);
    const mattermost = load('gatus/mattermost.yaml');
    expect(mattermost.monitors[0]!.channels).toEqual([{ kind: 'chat', label: 'mattermost' }]);
    // Negative control: the same endpoint alerting to a provider that is not configured sends nothing.
    const unconfigured = importMonitors('endpoints:\n  - name: x\n    url: https://x.test/\n    alerts:\n      - type: slack\n', 'x.yaml');
    expect(unconfigured.monitors[0]!.channels).toEqual([]);
  });

  test('an unknown format is refused with the formats known', () => {
    expect(() => importMonitors('{"checks": [{"name": "a"}]}', 'checkly.json')).toThrow(MonitorFormatError);
    expect(() => importMonitors('{"checks": [{"name": "a"}]}', 'checkly.json')).toThrow(
      /checkly\.json: not a monitors export launch-ready knows; known formats: launch-ready .*uptime-kuma .*uptimerobot .*betterstack .*gatus/,
    );
    expect(() => importMonitors('{ not json: [', 'broken.json')).toThrow(/broken\.json: neither JSON nor YAML/);
  });
});

describe('channels and intervals', () => {
  test('email plus a real-time channel are told apart', () => {
    expect(parseChannel('email:ops@example.com').kind).toBe('email');
    expect(parseChannel('ops@example.com').kind).toBe('email');
    expect(parseChannel('slack:#alerts').kind).toBe('chat');
    expect(parseChannel('sms:+351900000000').kind).toBe('sms');
    expect(parseChannel('pagerduty:web').kind).toBe('pager');
    expect(parseChannel('carrier-pigeon').kind).toBe('other');
  });
  test('intervals in Gatus and config notation', () => {
    expect([parseInterval('30s'), parseInterval('1m'), parseInterval('5m'), parseInterval('1h30m'), parseInterval(90), parseInterval('soon')]).toEqual([
      30,
      60,
      300,
      5400,
      90,
      undefined,
    ]);
  });
});

const monitor = (url: string, extra: Partial<Monitor> = {}): Monitor => ({
  name: url,
  url,
  channels: [parseChannel('email:ops@shop.test'), parseChannel('slack:#alerts')],
  intervalSeconds: 60,
  owner: 'ana@shop.test',
  source: 'test',
  ...extra,
});

describe('coverage of the critical paths', () => {
  const targets = [
    { label: 'signup', url: 'https://app.shop.test/signup', path: 'signup' },
    { label: 'checkout', url: 'https://app.shop.test/checkout', path: 'checkout' },
    { label: 'the homepage', url: 'https://www.shop.test/', path: 'homepage' },
  ];

  test('a path no monitor covers is high: nobody is told when signup breaks', () => {
    const coverage = coverageOf(targets, [monitor('https://www.shop.test'), monitor('https://app.shop.test/checkout/')]);
    const findings = coverageFindings(coverage);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'monitor-missing', severity: 'high', paths: ['signup'], location: { url: 'https://app.shop.test/signup' } });
    expect(findings[0]!.title).toMatch(/^Nobody is told when signup breaks/);
  });

  test('every path covered: no finding (and a monitor on another path of the host does not count)', () => {
    const all = coverageOf(
      targets,
      targets.map((t) => monitor(t.url)),
    );
    expect(coverageFindings(all)).toEqual([]);
    const hostOnly = coverageOf(targets, [monitor('https://app.shop.test/')]);
    expect(coverageFindings(hostOnly).map((f) => f.paths)).toEqual([['signup'], ['checkout'], ['homepage']]);
  });

  test('matching ignores a trailing slash, the query and http vs https, not the host or an explicit port', () => {
    expect(covers('http://APP.shop.test/signup/?utm=1', 'https://app.shop.test/signup')).toBe(true);
    expect(covers('https://shop.test/signup', 'https://app.shop.test/signup')).toBe(false);
    expect(covers('https://app.shop.test:8443/signup', 'https://app.shop.test:9443/signup')).toBe(false);
  });
});

describe('owner, two channels, interval', () => {
  const signup = { label: 'signup', url: 'https://app.shop.test/signup', path: 'signup' };
  const run = (m: Monitor, defaultOwner?: string) =>
    alertingFindings([m], coverageOf([signup], [m]), { maxIntervalMinutes: 5, ...(defaultOwner ? { defaultOwner } : {}) });

  test('a well-set monitor has no finding', () => {
    expect(run(monitor(signup.url))).toEqual([]);
  });
  test('no owner is medium, unless readiness.owner names a default', () => {
    expect(run(monitor(signup.url, { owner: undefined })).map((f) => [f.ruleId, f.severity])).toEqual([['monitor-no-owner', 'medium']]);
    expect(run(monitor(signup.url, { owner: undefined }), 'ops@shop.test')).toEqual([]);
  });
  test('email only, chat only and no channel at all', () => {
    const emailOnly = run(monitor(signup.url, { channels: [parseChannel('email:ops@shop.test')] }));
    expect(emailOnly.map((f) => [f.ruleId, f.severity])).toEqual([['monitor-channels', 'medium']]);
    expect(emailOnly[0]!.title).toMatch(/email only/);
    expect(run(monitor(signup.url, { channels: [parseChannel('slack:#alerts')] }))[0]!.title).toMatch(/no email channel/);
    expect(run(monitor(signup.url, { channels: [] })).map((f) => f.severity)).toEqual(['high']);
  });
  test('an interval over 5 minutes on a critical path is medium; on a non-critical monitor it is not', () => {
    const slow = run(monitor(signup.url, { intervalSeconds: 600 }));
    expect(slow.map((f) => [f.ruleId, f.paths])).toEqual([['monitor-interval', ['signup']]]);
    expect(run(monitor('https://blog.shop.test/', { intervalSeconds: 3600 }))).toEqual([]);
  });
});
