/**
 * An HTTP/1.1 response parser over raw bytes (RFC 9112), for the load pool: it frames one answer
 * at a time (content-length, chunked, or read until close), hands its head and body chunks on, and
 * says whether the connection may carry the next request. It never buffers a body.
 */

/** The head of an answer: status and headers (names lower-cased; repeated ones as a list). */
export interface ResponseHead {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** Where the parsed answer goes. */
export interface ResponseSink {
  head(head: ResponseHead): void;
  body(chunk: Buffer): void;
}

/** A malformed answer; the connection cannot be trusted for another request. */
export class ResponseParseError extends Error {
  readonly code = 'HPE_INVALID_RESPONSE';
}

/** A status line plus headers past this many bytes is refused (Node's own limit is 16 KiB). */
export const MAX_HEAD_BYTES = 64 * 1024;

const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

const enum Phase {
  Idle,
  Head,
  Length,
  ChunkSize,
  ChunkData,
  ChunkEnd,
  Trailers,
  UntilClose,
  Done,
}

/** Parses the answers of one connection, one request at a time. */
export class ResponseParser {
  private phase = Phase.Idle;
  private pending: Buffer | undefined;
  private remaining = 0;
  private headOnly = false;
  /** Set when the answer is complete: may the connection carry another request? */
  keepAlive = true;
  /** Bytes that came after the end of the answer (a server that sent more than it framed). */
  extraBytes = 0;

  constructor(private readonly sink: ResponseSink) {}

  /** Expect the answer to a request with this method (a HEAD answer has no body). */
  expect(method: string): void {
    this.phase = Phase.Head;
    this.pending = undefined;
    this.headOnly = method === 'HEAD';
    this.keepAlive = true;
    this.extraBytes = 0;
  }

  /** True once the answer is complete. */
  get done(): boolean {
    return this.phase === Phase.Done;
  }

  /** Feed the bytes read; throws `ResponseParseError` on a malformed answer. */
  feed(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.phase === Phase.Done || this.phase === Phase.Idle) {
        this.extraBytes += data.length;
        return;
      }
      data = this.step(data);
    }
  }

  /** The connection closed: true when that ends the answer (a body read until close). */
  close(): boolean {
    if (this.phase === Phase.UntilClose) {
      this.phase = Phase.Done;
      this.keepAlive = false;
      return true;
    }
    return this.phase === Phase.Done;
  }

  /** Consume what the current phase can from `data`; returns the rest. */
  private step(data: Buffer): Buffer {
    switch (this.phase) {
      case Phase.Head:
        return this.readHead(data);
      case Phase.Length:
      case Phase.ChunkData:
        return this.readBody(data);
      case Phase.UntilClose:
        this.sink.body(data);
        return data.subarray(data.length);
      case Phase.ChunkSize:
        return this.readChunkSize(data);
      case Phase.ChunkEnd:
        return this.readChunkEnd(data);
      default:
        return this.readTrailers(data);
    }
  }

  private joined(data: Buffer): Buffer {
    if (!this.pending) return data;
    const all = Buffer.concat([this.pending, data]);
    this.pending = undefined;
    return all;
  }

  private readHead(chunk: Buffer): Buffer {
    const data = this.joined(chunk);
    const end = data.indexOf(HEAD_END);
    if (end < 0) {
      if (data.length > MAX_HEAD_BYTES) throw new ResponseParseError(`the response head is longer than ${MAX_HEAD_BYTES} bytes`);
      this.pending = data;
      return data.subarray(data.length);
    }
    const head = parseHead(data.toString('latin1', 0, end));
    const rest = data.subarray(end + 4);
    if (head.status < 200) {
      // 1xx (100 Continue, 103 Early Hints): the real answer follows.
      if (head.status === 101) throw new ResponseParseError('the server switched protocols (101) without being asked');
      return rest;
    }
    this.sink.head(head);
    this.frame(head);
    return rest;
  }

  /** RFC 9112 §6.3: how the body of this answer is delimited. */
  private frame(head: ParsedHead): void {
    this.keepAlive = head.http11 ? !head.connectionClose : head.connectionKeepAlive;
    if (this.headOnly || head.status === 204 || head.status === 304) return this.finish();
    if (head.chunked) {
      this.phase = Phase.ChunkSize;
      return;
    }
    if (head.contentLength !== undefined) {
      this.remaining = head.contentLength;
      if (this.remaining === 0) return this.finish();
      this.phase = Phase.Length;
      return;
    }
    this.keepAlive = false;
    this.phase = Phase.UntilClose;
  }

  private readBody(data: Buffer): Buffer {
    if (data.length <= this.remaining) {
      this.remaining -= data.length;
      this.sink.body(data);
      if (this.remaining === 0) this.afterData();
      return data.subarray(data.length);
    }
    const part = data.subarray(0, this.remaining);
    this.remaining = 0;
    this.sink.body(part);
    this.afterData();
    return data.subarray(part.length);
  }

  private afterData(): void {
    if (this.phase === Phase.Length) this.finish();
    else {
      this.phase = Phase.ChunkEnd;
      this.remaining = 2;
    }
  }

  private readChunkSize(chunk: Buffer): Buffer {
    const data = this.joined(chunk);
    const end = data.indexOf(CRLF);
    if (end < 0) {
      if (data.length > 1024) throw new ResponseParseError('a chunk-size line is longer than 1024 bytes');
      this.pending = data;
      return data.subarray(data.length);
    }
    const line = data.toString('latin1', 0, end);
    const hex = /^([0-9a-fA-F]{1,15})[ \t]*(?:;.*)?$/.exec(line)?.[1];
    if (hex === undefined) throw new ResponseParseError(`a chunk-size line does not parse: ${JSON.stringify(line.slice(0, 40))}`);
    const size = parseInt(hex, 16);
    this.remaining = size;
    this.phase = size === 0 ? Phase.Trailers : Phase.ChunkData;
    return data.subarray(end + 2);
  }

  private readChunkEnd(data: Buffer): Buffer {
    const take = Math.min(this.remaining, data.length);
    for (let i = 0; i < take; i++) {
      const expected = this.remaining === 2 ? 13 : 10;
      if (data[i] !== expected) throw new ResponseParseError('a chunk does not end with CRLF');
      this.remaining--;
    }
    if (this.remaining === 0) this.phase = Phase.ChunkSize;
    return data.subarray(take);
  }

  private readTrailers(chunk: Buffer): Buffer {
    const data = this.joined(chunk);
    if (data.length >= 2 && data[0] === 13 && data[1] === 10) {
      this.finish();
      return data.subarray(2);
    }
    const end = data.indexOf(HEAD_END);
    if (end < 0) {
      if (data.length > MAX_HEAD_BYTES) throw new ResponseParseError(`the trailers are longer than ${MAX_HEAD_BYTES} bytes`);
      this.pending = data;
      return data.subarray(data.length);
    }
    this.finish();
    return data.subarray(end + 4);
  }

  private finish(): void {
    this.phase = Phase.Done;
  }
}

interface ParsedHead extends ResponseHead {
  http11: boolean;
  chunked: boolean;
  contentLength?: number;
  connectionClose: boolean;
  connectionKeepAlive: boolean;
}

/** Status line and header fields of an answer head (latin1 text without the final blank line). */
export function parseHead(text: string): ParsedHead {
  // Hand-parsed: this runs once per answer of a load test, where a regex and a split per head showed in profiles.
  const firstEnd = text.indexOf('\r\n');
  const statusLine = firstEnd < 0 ? text : text.slice(0, firstEnd);
  const minor = statusLine.charCodeAt(7);
  const status = threeDigits(statusLine);
  if (
    !statusLine.startsWith('HTTP/1.') ||
    (minor !== 48 && minor !== 49) ||
    statusLine.charCodeAt(8) !== 32 ||
    status < 0 ||
    (statusLine.length > 12 && statusLine.charCodeAt(12) !== 32)
  )
    throw new ResponseParseError(`not an HTTP/1.x status line: ${JSON.stringify(statusLine.slice(0, 40))}`);
  const headers: Record<string, string | string[] | undefined> = {};
  for (let start = firstEnd < 0 ? text.length : firstEnd + 2; start < text.length;) {
    let end = text.indexOf('\r\n', start);
    if (end < 0) end = text.length;
    const colon = text.indexOf(':', start);
    const first = text.charCodeAt(start);
    if (colon <= start || colon > end || first === 32 || first === 9)
      throw new ResponseParseError(`a header line does not parse: ${JSON.stringify(text.slice(start, Math.min(end, start + 40)))}`);
    const name = text.slice(start, colon).toLowerCase();
    start = end + 2;
    if (name === '__proto__') continue; // a plain object would take it as its prototype
    const value = text.slice(colon + 1, end).trim();
    const known = headers[name];
    headers[name] = known === undefined ? value : Array.isArray(known) ? [...known, value] : [known, value];
  }
  const head: ParsedHead = {
    status,
    headers,
    http11: minor === 49,
    chunked: false,
    connectionClose: false,
    connectionKeepAlive: false,
  };
  const connection = headers.connection;
  if (connection === 'keep-alive' || connection === 'Keep-Alive') head.connectionKeepAlive = true;
  else if (connection !== undefined) {
    const tokens = listOf(connection);
    head.connectionClose = tokens.includes('close');
    head.connectionKeepAlive = tokens.includes('keep-alive');
  }
  if (headers['transfer-encoding'] !== undefined) {
    const encodings = listOf(headers['transfer-encoding']);
    // A length beside a transfer coding is the classic smuggling shape: the coding wins, and the connection closes after.
    if (encodings[encodings.length - 1] !== 'chunked') throw new ResponseParseError(`transfer-encoding ${encodings.join(', ')} does not end in chunked`);
    head.chunked = true;
    if (headers['content-length'] !== undefined) head.connectionClose = true;
    return head;
  }
  const length = headers['content-length'];
  if (length === undefined) return head;
  const lengths = typeof length === 'string' && DIGITS.test(length) ? [length] : [...new Set(listOf(length))];
  if (lengths.length !== 1 || !DIGITS.test(lengths[0]!)) throw new ResponseParseError(`content-length ${JSON.stringify(length)} is not one number`);
  head.contentLength = Number(lengths[0]);
  return head;
}

const DIGITS = /^\d{1,15}$/;

/** The status code at columns 9-11 of a status line, or -1. */
function threeDigits(line: string): number {
  let code = 0;
  for (let i = 9; i < 12; i++) {
    const digit = line.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    code = code * 10 + digit;
  }
  return code;
}

function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const text = Array.isArray(value) ? value.join(',') : value;
  return text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
}
