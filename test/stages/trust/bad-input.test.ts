import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDnsResponder, type Running } from '../../helpers/trust-servers.js';

interface Finding {
  ruleId: string;
  severity: string;
  title: string;
  location?: { host?: string };
  evidence?: string;
}
interface Stage {
  id: string;
  status: string;
  summary: string;
  findings: Finding[];
  errors?: { part: string; message: string }[];
}

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli.js', ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const stageOf = (stdout: string) => (JSON.parse(stdout) as { stages: Stage[] }).stages[0]!;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lr-trust-bad-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('config errors exit 2 naming the key', () => {
  test('an invalid URL in pages', async () => {
    const file = write('pages.yml', 'trust:\n  domain: example.test\n  pages:\n    - https://example.test/\n    - "not a url"\n');
    const run = await runCli(['trust', '--config', file, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pages\.yml:5:7: trust\.pages\[1\]: "not a url" is not a valid URL; write a full URL/);
  });
  test('a canonical URL that is not https', async () => {
    const file = write('canonical.yml', 'trust:\n  domain: example.test\n  canonical: ftp://example.test/\n');
    const run = await runCli(['trust', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/trust\.canonical: "ftp:\/\/example\.test\/" is not an https URL/);
  });
  test('a ca file that does not exist, or holds no certificate', async () => {
    const missing = write('ca-missing.yml', 'trust:\n  domain: example.test\n  ca: ./nope.pem\n');
    const run = await runCli(['trust', '--config', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ca-missing\.yml:3:7: trust\.ca: "\.\/nope\.pem" cannot be read; give the path of a PEM file/);
    write('not-a-cert.pem', 'hello');
    const wrong = write('ca-wrong.yml', 'trust:\n  domain: example.test\n  ca: ./not-a-cert.pem\n');
    const second = await runCli(['trust', '--config', wrong]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/trust\.ca: "\.\/not-a-cert\.pem" holds no PEM certificate/);
  });
  test('a private route that is not a URL', async () => {
    const file = write('private.yml', 'trust:\n  domain: example.test\n  privateRoutes: ["/admin"]\n');
    const run = await runCli(['trust', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/trust\.privateRoutes\[0\]: "\/admin" is not a valid URL/);
  });
});

describe('without hostnames the stage is skipped with its reason', () => {
  test('no trust section', async () => {
    const file = write('empty.yml', 'failOn: blocker\n');
    const run = await runCli(['trust', '--config', file, '--format', 'json']);
    const stage = stageOf(run.stdout);
    expect(stage.status).toBe('skipped');
    expect(stage.summary).toMatch(/no trust\.domain, trust\.hostnames or trust\.email\.domains configured/);
    expect(run.code).toBe(0);
  });
});

describe('a resolver that fails is "unknown", never "missing"', () => {
  let servfail: Running & { address: string };
  let blackhole: Running & { address: string };
  let closedPort: number;
  beforeAll(async () => {
    servfail = await startDnsResponder('servfail');
    blackhole = await startDnsResponder('blackhole');
    const probe = await startDnsResponder('blackhole');
    closedPort = probe.port;
    await probe.close();
  });
  afterAll(async () => {
    await servfail.close();
    await blackhole.close();
  });
  const config = (resolver: string) =>
    `trust:\n  resolvers: ["${resolver}"]\n  dnsTimeoutMs: 200\n  dnsTries: 1\n  email:\n    domains: [{name: example.test, dkimSelectors: [s1]}]\n`;

  test('SERVFAIL: hosts and mail checks are unknown, the part is reported, exit 3; --host is normalised', async () => {
    const file = write('servfail.yml', config(servfail.address));
    const run = await runCli(['trust', '--config', file, '--host', 'WWW.Example.TEST.', '--format', 'json']);
    const stage = stageOf(run.stdout);
    expect(stage.findings.filter((f) => /missing/.test(f.ruleId))).toEqual([]);
    expect(stage.findings.find((f) => f.ruleId === 'dns-unknown')).toMatchObject({ location: { host: 'www.example.test' }, evidence: 'A: SERVFAIL' });
    expect(stage.findings.filter((f) => f.ruleId === 'email-dns-unknown').map((f) => f.evidence)).toEqual(
      expect.arrayContaining(['MX: SERVFAIL', 'SPF: SERVFAIL', 'DMARC: SERVFAIL']),
    );
    expect(stage.errors?.map((e) => e.message)).toEqual([
      expect.stringMatching(/unknown for www\.example\.test \(unknown \(SERVFAIL\)\)/),
      expect.stringMatching(/unknown for example\.test \(MX: SERVFAIL\)/),
    ]);
    expect(run.code).toBe(3);
  });

  test('timeout: a resolver that never answers gives "timeout" within the per-query timeout', async () => {
    const file = write('timeout.yml', config(blackhole.address));
    const started = Date.now();
    const run = await runCli(['trust', '--config', file, '--host', 'www.example.test', '--format', 'json']);
    const stage = stageOf(run.stdout);
    expect(stage.findings.filter((f) => /missing/.test(f.ruleId))).toEqual([]);
    expect(stage.findings.find((f) => f.ruleId === 'dns-unknown')?.evidence).toBe('A: timeout');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(3);
  });

  test('a resolver name instead of an address is a config error naming the key', async () => {
    const file = write('unresolvable.yml', 'trust:\n  hostnames: [www.example.test]\n  resolvers: ["dns.does-not-exist.invalid"]\n');
    const run = await runCli(['trust', '--config', file, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /unresolvable\.yml:3:\d+: trust\.resolvers\[0\]: "dns\.does-not-exist\.invalid" is not an IP address; give the DNS server's address/,
    );
  });

  test('an unreachable resolver (nothing listens on its port) is unknown, exit 3', async () => {
    const file = write(
      'unreachable.yml',
      `trust:\n  hostnames: [www.example.test]\n  resolvers: ["127.0.0.1:${closedPort}"]\n  dnsTimeoutMs: 200\n  dnsTries: 1\n`,
    );
    const run = await runCli(['trust', '--config', file, '--format', 'json']);
    const stage = stageOf(run.stdout);
    expect(stage.findings.filter((f) => /missing/.test(f.ruleId))).toEqual([]);
    expect(stage.findings.find((f) => f.ruleId === 'dns-unknown')?.evidence).toMatch(/^A: (resolver unreachable \(connection refused\)|timeout)$/);
    expect(run.code).toBe(3);
  });

  test('a resolver address with a bad port is a config error', async () => {
    const file = write('port.yml', 'trust:\n  hostnames: [www.example.test]\n  resolvers: ["127.0.0.1:70000"]\n');
    const run = await runCli(['trust', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/trust\.resolvers\[0\]: port 70000 is out of range/);
  });
});
