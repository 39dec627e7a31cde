import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spf } from 'mailauth/lib/spf/index.js';
import { parseDmarc } from '../../../src/stages/trust/dmarc.js';
import { createDnsClient } from '../../../src/stages/trust/dns.js';
import type { DnsVerdict } from '../../../src/stages/trust/dns.js';
import { evaluateSpf, gatherEmailFacts } from '../../../src/stages/trust/email.js';
import { emailFindings } from '../../../src/stages/trust/email-checks.js';
import { findMixedContent } from '../../../src/stages/trust/page-checks.js';
import { walkSpf } from '../../../src/stages/trust/spf-walk.js';
import { knotAvailable, startKnot, type KnotServer } from '../../helpers/knot.js';
import { txtStrings } from '../../fixtures/trust/mail/zones.js';

/**
 * Issue 17 row 7: the trust stage's scans do work linear in their input. Linear work grows 4× from
 * 1× to 4× input, quadratic 16×; the bound (9×) sits well clear of both, since findings allocate and
 * a major collection can land in the large run (6× flaked once under a parallel suite). It is a ratio
 * of times taken in one process (best of a few runs each), never a wall-clock bound. Times under the
 * floor count as the floor.
 */
const MAX_GROWTH = 9;
const FLOOR_MS = 2;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Each timing repeats the work until it takes at least this long, so the clock's grain averages out. */
const SAMPLE_MS = 30;

/**
 * CPU time this process spent on `times` runs, in ms. CPU time, not elapsed time: on a machine shared
 * by many jobs the process is preempted for whole time slices, which elapsed time would count as work.
 */
async function timeOf(work: (input: string) => unknown, input: string, times: number): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < times; i++) await work(input);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/**
 * Time at 4× input over time at 1×: both sizes warmed first (the heap grows once for the large one,
 * which is not the scan's work), each sample repeated to at least SAMPLE_MS at 1×, the two sizes timed
 * in alternation, best of several rounds each.
 */
async function measureGrowth(small: string, large: string, work: (input: string) => unknown, rounds: number): Promise<number> {
  await work(large);
  const once = Math.max(await timeOf(work, small, 1), 0.01);
  const times = Math.max(1, Math.ceil(SAMPLE_MS / once));
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let i = 0; i < rounds; i++) {
    bestSmall = Math.min(bestSmall, await timeOf(work, small, times));
    bestLarge = Math.min(bestLarge, await timeOf(work, large, times));
  }
  return Math.max(bestLarge, FLOOR_MS) / Math.max(bestSmall, FLOOR_MS);
}

/**
 * The growth ratio, with a second, longer look when the first is over the bound: a collection or
 * a neighbour's burst can land in one sample, while quadratic work is over it every time.
 */
async function growth(small: string, large: string, work: (input: string) => unknown, rounds = 4): Promise<number> {
  const first = await measureGrowth(small, large, work, rounds);
  if (first < MAX_GROWTH) return first;
  return Math.min(first, await measureGrowth(small, large, work, rounds * 2));
}

const PAGE = 300 * 1024;
/** Pages that made the old scan quadratic (tags never closed, attribute runs) and ordinary ones. */
const PAGES: [string, (size: number) => string][] = [
  ['"<a" repeated without ">"', (size) => fill('<a', size)],
  ['"<a " repeated without ">"', (size) => fill('<a ', size)],
  ['one <link> with a long rel= run', (size) => `<link ${fill('rel=x ', size)}>`],
  ['quotes never closed inside tags', (size) => fill(`<img src="http://a.example/x `, size)],
  ['attributes without values', (size) => `<script ${fill('src ', size)}>`],
  ['fetch( calls with unclosed strings', (size) => fill('fetch("http://a.example/', size)],
  ['many real http: resources', (size) => fill('<script src="http://cdn.example/a.js"></script><img src=http://cdn.example/i.png>', size)],
  ['a normal page', (size) => fill('<div class="row"><p>Book a call</p><a href="/signup">Start</a></div>\n', size)],
];

describe('mixed-content scan grows linearly (1.2 MB vs 300 kB)', () => {
  test.each(PAGES)('%s', async (_what, make) => {
    expect(await growth(make(PAGE), make(4 * PAGE), findMixedContent)).toBeLessThan(MAX_GROWTH);
  });
  test('the growth check catches quadratic work (negative control: the old tag pattern on "<a" runs)', async () => {
    const oldScan = (html: string) => [...html.matchAll(/<([a-z]+)\b([^>]*)>/gi)].length;
    expect(await growth(fill('<a', 8 * 1024), fill('<a', 32 * 1024), oldScan, 2)).toBeGreaterThan(MAX_GROWTH);
  });
});

const RECORD = 15 * 1024;
/** SPF records that made the old syntax check or mailauth's macro expansion super-linear. */
const RECORDS: [string, (size: number) => string][] = [
  ['"%{" repeated in one exists:', (size) => `v=spf1 exists:${fill('%{', size)} -all`],
  ['"%{i" repeated without "}" (quadratic in the old domain-spec pattern)', (size) => `v=spf1 exists:${fill('%{i', size)} -all`],
  ['valid macros repeated', (size) => `v=spf1 exists:${fill('%{i}', size)}.example.com -all`],
  ['thousands of distinct bad terms', (size) => `v=spf1 ${Array.from({ length: Math.ceil(size / 8) }, (_, i) => `a:x${i}`).join(' ')} -all`],
  ['thousands of ip4 terms', (size) => `v=spf1 ${fill('ip4:198.51.100.7 ', size)}-all`],
  ['a:x/1/1/1... cidr runs', (size) => `v=spf1 a:x${fill('/1', size)}z -all`],
  ['dotted label runs', (size) => `v=spf1 include:${fill('a.', size)}- -all`],
  ['thousands of lookups', (size) => `v=spf1 ${fill('a:host.example.com ', size)}-all`],
];

/** The stage's SPF path on one record with an in-memory answer: the static walk, mailauth, the findings. */
async function judgeRecord(record: string): Promise<number> {
  const parts = txtStrings(record);
  const found: DnsVerdict = { status: 'found', records: [{ type: 'TXT', value: record, parts }] };
  const lookup = async (name: string) => (name === 'example.com' ? found : ({ status: 'missing', reason: 'NXDOMAIN' } as const));
  const walk = await walkSpf('example.com', record, parts, lookup);
  const spf = await evaluateSpf('example.com', async (name: string) =>
    name === 'example.com' ? [parts] : Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })),
  );
  const facts = {
    domain: 'example.com',
    orgDomain: 'example.com',
    subdomain: false,
    mx: found,
    proxiedMx: [],
    mxCnames: [],
    txt: found,
    spfWalk: walk,
    spf,
    domainkeyNxdomain: false,
    dkim: [],
    dmarc: { status: 'missing' as const },
    mtaSts: found,
    tlsRpt: found,
  };
  return emailFindings(facts).length;
}

describe('SPF judging grows linearly (60 kB record vs 15 kB)', () => {
  test.each(RECORDS)('%s', async (_what, make) => {
    expect(await growth(make(RECORD), make(4 * RECORD), judgeRecord)).toBeLessThan(MAX_GROWTH);
  });
  test('DMARC parsing grows linearly too', async () => {
    const make = (size: number) => `v=DMARC1; p=reject; rua=${fill('mailto:a@example.com,', size)}; ${fill('x=y; ', size)}`;
    expect(await growth(make(RECORD), make(4 * RECORD), parseDmarc)).toBeLessThan(MAX_GROWTH);
  });
  test('the growth check catches quadratic work (negative control: mailauth\'s macro expansion on "%{" runs)', async () => {
    const mailauthOnly = (record: string) =>
      spf({
        sender: 'a@example.com',
        ip: '192.0.2.1',
        helo: 'example.com',
        mta: 'm',
        resolver: async (name: string) =>
          name === 'example.com' ? [txtStrings(record)] : Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })),
      } as Parameters<typeof spf>[0]);
    const make = (size: number) => `v=spf1 exists:${fill('%{', size)} -all`;
    expect(await growth(make(2 * 1024), make(8 * 1024), mailauthOnly, 2)).toBeGreaterThan(MAX_GROWTH);
  });
});

const describeKnot = knotAvailable() || process.env.CI ? describe : describe.skip;
describeKnot('a hostile SPF record served by Knot', () => {
  let knot: KnotServer;
  beforeAll(async () => {
    // 16 kB of "%{" (the shape that took mailauth 11.5 s at 60 kB) is served over TCP like any long record.
    const strings = txtStrings(`v=spf1 exists:${fill('%{', 16 * 1024)} -all`)
      .map((s) => `"${s}"`)
      .join(' ');
    knot = await startKnot({ 'hostile.test': `@ 300 IN TXT ${strings}\n@ 300 IN MX 10 mx.hostile.test.\nmx 300 IN A 127.0.0.1` });
  }, 20_000);
  afterAll(async () => knot?.stop());
  test('is judged (a syntax blocker naming the term) instead of running past the deadline', async () => {
    const dns = await createDnsClient({ servers: [knot.address], timeoutMs: 2000, tries: 1 });
    const findings = emailFindings(await gatherEmailFacts('hostile.test', [], false, dns));
    const syntax = findings.find((f) => f.ruleId === 'spf-syntax');
    expect(syntax).toMatchObject({ severity: 'blocker' });
    expect(syntax!.title).toMatch(/a macro without its closing "\}"|a "%" that does not start a macro/);
  });
});
