import { createSocket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { isIP } from 'node:net';
import { splitHostPort } from './config.js';

/** What the server itself said to a question the system resolver reported as "no such record". */
export type RcodeAnswer = { status: 'missing'; reason: 'NXDOMAIN' | 'NODATA' } | { status: 'unknown'; reason: string } | { status: 'unchecked' };

const TYPE_CODES: Record<string, number> = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16, AAAA: 28, CAA: 257, PTR: 12, SPF: 99 };
const RCODE_NAMES: Record<number, string> = {
  1: 'FORMERR',
  2: 'SERVFAIL',
  4: 'NOTIMP',
  5: 'REFUSED',
  6: 'YXDOMAIN',
  7: 'YXRRSET',
  8: 'NXRRSET',
  9: 'NOTAUTH',
  10: 'NOTZONE',
  11: 'DSOTYPENI',
};

/** The question in wire format, or undefined for a name that cannot be encoded. */
function encodeQuestion(name: string, type: number): Buffer | undefined {
  const labels = name.replace(/\.$/, '').split('.');
  const bytes: number[] = [];
  for (const label of labels) {
    const encoded = Buffer.from(label, 'utf8');
    if (encoded.length === 0 || encoded.length > 63) return undefined;
    bytes.push(encoded.length, ...encoded);
  }
  bytes.push(0, type >> 8, type & 0xff, 0, 1);
  return Buffer.from(bytes);
}

/** The verdict a reply carries, or undefined when it is not a valid response to this query. */
export function verdictOfReply(reply: Buffer, id: number, question: Buffer): RcodeAnswer | undefined {
  if (reply.length < 12 + question.length || reply.readUInt16BE(0) !== id) return undefined;
  const flags = reply.readUInt16BE(2);
  const isResponse = (flags & 0x8000) !== 0;
  const opcode = (flags >> 11) & 0x0f;
  if (!isResponse || opcode !== 0 || reply.readUInt16BE(4) !== 1) return undefined;
  // The echoed question must be ours (names compare case-insensitively).
  if (
    reply
      .subarray(12, 12 + question.length)
      .toString('latin1')
      .toLowerCase() !== question.toString('latin1').toLowerCase()
  )
    return undefined;
  // A truncated reply is the system resolver's to retry over TCP: keep its verdict.
  if ((flags & 0x0200) !== 0) return { status: 'unchecked' };
  const rcode = flags & 0x0f;
  if (rcode === 3) return { status: 'missing', reason: 'NXDOMAIN' };
  if (rcode === 0) return { status: 'missing', reason: 'NODATA' };
  return { status: 'unknown', reason: RCODE_NAMES[rcode] ?? `rcode ${rcode}` };
}

/** Ask one server over UDP; resolves with its verdict, or unknown on timeout / only invalid packets. */
function askServer(host: string, port: number, packet: Buffer, id: number, question: Buffer, timeoutMs: number): Promise<RcodeAnswer> {
  return new Promise((resolve) => {
    const socket = createSocket(isIP(host) === 6 ? 'udp6' : 'udp4');
    let invalid = false;
    const finish = (answer: RcodeAnswer) => {
      clearTimeout(timer);
      socket.removeAllListeners('message');
      socket.close();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ status: 'unknown', reason: invalid ? 'malformed answer' : 'timeout' }), timeoutMs);
    socket.on('error', () => finish({ status: 'unknown', reason: 'resolver unreachable' }));
    socket.on('message', (reply) => {
      const verdict = verdictOfReply(reply, id, question);
      if (verdict) finish(verdict);
      else invalid = true;
    });
    socket.send(packet, port, host);
  });
}

/**
 * Confirm a "no such record" from the system resolver with the server's own rcode: c-ares reports
 * NOTAUTH, NOTZONE and the other rcodes from 6 up, and packets that are not responses, as "no data".
 * Only NXDOMAIN and an empty NOERROR mean missing.
 */
export async function confirmMissing(name: string, type: string, servers: string[], timeoutMs: number): Promise<RcodeAnswer> {
  const code = TYPE_CODES[type];
  const question = code === undefined ? undefined : encodeQuestion(name, code);
  if (!question || servers.length === 0) return { status: 'unchecked' };
  let last: RcodeAnswer = { status: 'unchecked' };
  for (const server of servers) {
    const { host, port } = splitHostPort(server, 53);
    const id = randomInt(0, 0x10000);
    const header = Buffer.alloc(12);
    header.writeUInt16BE(id, 0);
    header.writeUInt16BE(0x0100, 2);
    header.writeUInt16BE(1, 4);
    last = await askServer(host, port, Buffer.concat([header, question]), id, question, timeoutMs);
    // A server that does not answer validly: the system resolver may have used the next one.
    if (last.status !== 'unknown' || !['timeout', 'resolver unreachable'].includes(last.reason)) return last;
  }
  return last;
}
