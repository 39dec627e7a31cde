import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDnsClient, type DnsClient, type DnsVerdict, type RecordType } from '../../src/stages/trust/dns.js';
import { startRawDns, type RawDnsResponder } from '../fixtures/trust/raw-dns.js';
import { caseSeed, describeCase, Prng, scaled, scaledTimeout } from './prng.js';

/** 120 answers, asked 24 at a time (each silent or invalid one costs a timeout; concurrency keeps the suite short). */
const CASES = scaled(120);
const BATCH = 24;
const TIMEOUT_MS = 200;
const TYPES: RecordType[] = ['A', 'TXT', 'MX', 'CAA', 'AAAA', 'NS'];

/** What the fuzzed server sent, and so which verdicts are allowed. */
interface Sent {
  kind: string;
  /** The packet said NXDOMAIN or an empty NOERROR: `missing` is allowed (not required: c-ares may reject the packet). */
  mayBeMissing: boolean;
  packet?: Buffer;
}

function questionEnd(query: Buffer): number {
  let offset = 12;
  while (offset < query.length && query[offset] !== 0) offset += query[offset]! + 1;
  return Math.min(offset + 5, query.length);
}

function nameOf(query: Buffer): string {
  const labels: string[] = [];
  let offset = 12;
  while (offset < query.length && query[offset] !== 0) {
    labels.push(query.subarray(offset + 1, offset + 1 + query[offset]!).toString('latin1'));
    offset += query[offset]! + 1;
  }
  return labels.join('.').toLowerCase();
}

function header(query: Buffer, flags: number, answers: number): Buffer {
  const out = Buffer.alloc(12);
  query.copy(out, 0, 0, 2);
  out.writeUInt16BE(flags & 0xffff, 2);
  out.writeUInt16BE(1, 4);
  out.writeUInt16BE(answers, 6);
  return out;
}

/** One A record for the question (name compressed to the question's offset). */
const A_RECORD = Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0x0e, 0x10, 0, 4, 192, 0, 2, 7]);

/** A random answer to `query`: an rcode, a non-response, random bytes, a real record (maybe with junk), a mutated record, or silence. */
function fuzzAnswer(query: Buffer, rng: Prng): Sent {
  const question = query.subarray(12, questionEnd(query));
  const kind = rng.pick(['rcode', 'not-a-response', 'random-bytes', 'record', 'mutated-record', 'silence']);
  const isA = query.readUInt16BE(questionEnd(query) - 4) === 1;
  let packet: Buffer | undefined;
  if (kind === 'rcode') packet = Buffer.concat([header(query, 0x8180 | rng.int(16), 0), question]);
  else if (kind === 'not-a-response') packet = Buffer.concat([header(query, 0x0180 | rng.pick([0, 3, rng.int(16)]), 0), question]);
  else if (kind === 'random-bytes') packet = Buffer.concat([query.subarray(0, rng.int(3)), rng.bytes(rng.int(80))]);
  else if (kind === 'record' || kind === 'mutated-record') {
    packet = Buffer.concat([header(query, 0x8180, 1), question, A_RECORD, rng.bytes(rng.pick([0, 0, 1, 7, 40]))]);
    if (kind === 'mutated-record') for (let flips = 1 + rng.int(3); flips > 0; flips--) packet[2 + rng.int(packet.length - 2)] = rng.int(256);
  }
  if (!packet) return { kind, mayBeMissing: false };
  const flags = packet.length >= 4 ? packet.readUInt16BE(2) : 0;
  const rcode = flags & 0x0f;
  const saysMissing = packet.length >= 12 && (flags & 0x8000) !== 0 && (rcode === 3 || rcode === 0);
  // An intact A record for an A question is a found answer: never missing. For other types, or once mutated, the header decides.
  const intactRecord = kind === 'record' && isA;
  return { kind, mayBeMissing: saysMissing && !intactRecord, packet };
}

/** `raw` in the shape of a verdict: ENOTFOUND/ENODATA are what mailauth reads as missing. */
async function rawVerdict(dns: DnsClient, name: string, type: RecordType): Promise<DnsVerdict> {
  try {
    const records = await dns.raw(name, type);
    return { status: 'found', records: records.map((r) => ({ type, value: JSON.stringify(r) })) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND') return { status: 'missing', reason: 'NXDOMAIN' };
    if (code === 'ENODATA') return { status: 'missing', reason: 'NODATA' };
    return { status: 'unknown', reason: String(code) };
  }
}

describe('fuzz: DNS answers from a loopback responder → createDnsClient', () => {
  const sent = new Map<string, Sent>();
  const seeds = new Map<string, number>();
  let responder: RawDnsResponder;

  beforeAll(async () => {
    responder = await startRawDns({
      kind: 'bytes',
      answer: (query) => {
        const name = nameOf(query);
        const seed = seeds.get(name);
        if (seed === undefined) return undefined;
        // The client may ask twice (c-ares, then the rcode confirmation): a server answers the same way each time.
        const answer = fuzzAnswer(query, new Prng(seed));
        sent.set(name, answer);
        return answer.packet;
      },
    });
  });
  afterAll(() => responder.close());

  it(
    `${CASES} random answers: nothing but NXDOMAIN or an empty NOERROR is ever reported missing`,
    async () => {
      const verdicts: { label: string; name: string; verdict: DnsVerdict }[] = [];
      for (let start = 0; start < CASES; start += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, CASES - start) }, (_, k) => start + k);
        verdicts.push(
          ...(await Promise.all(
            batch.map(async (i) => {
              const rng = new Prng(caseSeed('dns', i));
              const name = `c${i}.fuzz.test`;
              const type = rng.pick(TYPES);
              seeds.set(name, rng.int(2 ** 32));
              // One client (one c-ares channel) per case: c-ares fails every query on a socket that received a malformed packet.
              const dns = await createDnsClient({ servers: [responder.address], timeoutMs: TIMEOUT_MS, tries: 1 });
              const label = `${describeCase('dns', i)} ${type} ${name}`;
              // Half the cases ask as mailauth does (`raw`): a node "no such record" error code there is its "missing".
              if (rng.int(2) === 0) return { label: `${label} (raw)`, name, verdict: await rawVerdict(dns, name, type) };
              return { label, name, verdict: await dns.query(name, type) };
            }),
          )),
        );
      }
      const counts: Record<string, number> = { found: 0, missing: 0, unknown: 0 };
      for (const { label, name, verdict } of verdicts) {
        counts[verdict.status]!++;
        const what = sent.get(name) ?? { kind: 'no query arrived', mayBeMissing: false };
        if (verdict.status === 'missing' && !what.mayBeMissing) {
          throw new Error(
            `${label}: the server sent ${what.kind} (${what.packet?.toString('hex') ?? 'nothing'}) and it was reported missing (${verdict.reason})`,
          );
        }
      }
      // Negative controls: the fuzz produced every verdict, so the assertion above was not vacuous.
      expect(counts.missing).toBeGreaterThan(0);
      expect(counts.unknown).toBeGreaterThan(0);
      expect(counts.found).toBeGreaterThan(0);
    },
    scaledTimeout(),
  );
});
