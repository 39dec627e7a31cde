import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StageContext, StageOutcome } from '../../../src/core/stage.js';
import { createDnsClient } from '../../../src/stages/trust/dns.js';
import { gatherEmailFacts } from '../../../src/stages/trust/email.js';
import { emailFindings } from '../../../src/stages/trust/email-checks.js';
import { runTrust } from '../../../src/stages/trust/run.js';
import { stageContext } from '../../helpers/stage-context.js';
import { knotAvailable, startKnot, type KnotServer } from '../../helpers/knot.js';
import { createTestCa, type TestCa } from '../../helpers/tls-ca.js';
import { startHttp, startHttps, type Running } from '../../helpers/trust-servers.js';
import { withBadExpiry } from '../../fixtures/trust/bad-time-cert.js';
import { trustOptions } from '../../fixtures/trust/options.js';
import { startRawDns, type RawDnsMode } from '../../fixtures/trust/raw-dns.js';

const describeKnot = knotAvailable() || process.env.CI ? describe : describe.skip;

/** The trust stage run in-process, as the core runs it, with `section` as its options. */
function stage(section: Record<string, unknown>, network: StageContext['network']): Promise<StageOutcome> {
  return runTrust(stageContext(trustOptions(section), { baseDir: process.cwd(), network }));
}

const ZONE = `
@ 300 IN A 127.0.0.1
www 300 IN A 127.0.0.1
badtime 300 IN A 127.0.0.1
`;

describeKnot('hostile answers from the network become findings, never a crash (issue 17 rows 1 and 4)', () => {
  let knot: KnotServer;
  let ca: TestCa;
  const servers: Running[] = [];
  let network: StageContext['network'];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/bad-location') return void res.writeHead(302, { location: 'http://[::1' }).end();
    if (req.url === '/ok') return void res.writeHead(200, { 'content-type': 'text/html', 'strict-transport-security': 'max-age=31536000' }).end('<p>ok</p>');
    res.writeHead(301, { location: 'http://[::1' }).end();
  };
  beforeAll(async () => {
    knot = await startKnot({ 'hostile.test': ZONE });
    ca = createTestCa();
    const good = ca.leaf(['hostile.test', 'www.hostile.test'], 90);
    const badTime = withBadExpiry(ca.leaf(['badtime.hostile.test'], 90));
    const https = await startHttps((name) => (name === 'badtime.hostile.test' ? badTime : good), good, handle);
    const http = await startHttp(handle);
    servers.push(https, http);
    network = { resolvers: [knot.address], connectTo: [`:443:127.0.0.1:${https.port}`, `:80:127.0.0.1:${http.port}`], ca: [ca.rootPem] };
  }, 30_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    await knot?.stop();
    ca?.cleanup();
  });

  test('row 1: a certificate whose expiry reads "Bad time value" is a tls-bad-date blocker on its host', async () => {
    const outcome = await stage({ hostnames: ['badtime.hostile.test'], timeoutMs: 3000 }, network);
    const bad = outcome.findings.find((f) => f.ruleId === 'tls-bad-date');
    expect(bad).toMatchObject({ severity: 'blocker', location: { host: 'badtime.hostile.test' } });
    expect(bad!.title).toContain('Bad time value');
    expect(outcome.findings.some((f) => f.ruleId === 'tls-no-answer')).toBe(false);
  });

  test('row 4: one unparseable Location is a bad-target finding on that page; the rest of the stage still reports', async () => {
    const outcome = await stage(
      {
        domain: 'hostile.test',
        hostnames: ['www.hostile.test'],
        pages: ['https://www.hostile.test/bad-location', 'https://www.hostile.test/ok'],
        timeoutMs: 3000,
      },
      network,
    );
    const bad = outcome.findings.filter((f) => f.ruleId === 'redirect-bad-target').map((f) => f.location?.url);
    expect(bad).toEqual(expect.arrayContaining(['https://www.hostile.test/bad-location', 'http://www.hostile.test/']));
    expect(outcome.summary).toMatch(/^checked 1 hostname\(s\), 2 page\(s\)/);
    // The entry points answer with the same Location: the finding is theirs, not a stage-wide "Invalid URL".
    expect(outcome.errors ?? []).toEqual([]);
  });
});

describe('DNS answers that are not "missing" (issue 17 row 6): rcodes 6-11 and packets that are not responses are unknown', () => {
  const modes: [string, RawDnsMode][] = [
    ...[6, 7, 8, 9, 10, 11].map((rcode): [string, RawDnsMode] => [`rcode ${rcode}`, { rcode }]),
    ['a packet with QR=0 (not a response)', { kind: 'not-a-response' }],
  ];
  test.each(modes)('%s: no record is reported missing; the email and host checks say unknown', async (_name, mode) => {
    const responder = await startRawDns(mode);
    try {
      const outcome = await stage(
        {
          hostnames: ['www.example.test'],
          dnsTimeoutMs: 300,
          dnsTries: 1,
          timeoutMs: 500,
          email: { domains: [{ name: 'example.test', dkimSelectors: ['s1'] }] },
        },
        { resolvers: [responder.address], connectTo: [], ca: [] },
      );
      expect(outcome.findings.filter((f) => /missing/.test(f.ruleId)).map((f) => f.ruleId)).toEqual([]);
      expect(outcome.findings.find((f) => f.ruleId === 'dns-unknown')).toBeDefined();
      expect(outcome.findings.filter((f) => f.ruleId === 'email-dns-unknown').length).toBeGreaterThan(0);
    } finally {
      await responder.close();
    }
  });
  test('control: NXDOMAIN and an empty NOERROR from the same responder are still missing', async () => {
    for (const [rcode, reason] of [
      [3, 'NXDOMAIN'],
      [0, 'NODATA'],
    ] as const) {
      const responder = await startRawDns({ rcode });
      try {
        const dns = await createDnsClient({ servers: [responder.address], timeoutMs: 300, tries: 1 });
        expect(await dns.query('www.example.test', 'A')).toEqual({ status: 'missing', reason });
        const findings = emailFindings(await gatherEmailFacts('example.test', ['s1'], false, dns));
        expect(findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['mx-missing', 'spf-missing', 'dmarc-missing']));
      } finally {
        await responder.close();
      }
    }
  });
});
