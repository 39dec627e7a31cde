import { describe, expect, it } from '@jest/globals';
import { ResponseParser, type ResponseHead } from '../../src/core/http1-parser.js';

interface Parsed {
  heads: ResponseHead[];
  body: string;
  done: boolean;
  keepAlive: boolean;
  extraBytes: number;
}

/** Feed `wire` to a parser in pieces of `step` bytes (1 = every byte boundary). */
function parse(wire: string, { method = 'GET', step = wire.length, close = false } = {}): Parsed {
  const heads: ResponseHead[] = [];
  let body = '';
  const parser = new ResponseParser({ head: (h) => heads.push(h), body: (c) => (body += c.toString('latin1')) });
  parser.expect(method);
  const bytes = Buffer.from(wire, 'latin1');
  for (let at = 0; at < bytes.length; at += Math.max(1, step)) parser.feed(bytes.subarray(at, at + Math.max(1, step)));
  const done = close ? parser.close() : parser.done;
  return { heads, body, done, keepAlive: parser.keepAlive, extraBytes: parser.extraBytes };
}

const everySplit = (wire: string, options: { method?: string; close?: boolean } = {}): Parsed[] =>
  [wire.length, 1, 2, 3, 7].map((step) => parse(wire, { ...options, step }));

describe('framing an HTTP/1.1 answer from raw bytes', () => {
  it('reads a content-length body, whatever the packet boundaries', () => {
    for (const r of everySplit('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\n\r\nhello')) {
      expect([r.done, r.body, r.keepAlive, r.heads[0]?.status]).toEqual([true, 'hello', true, 200]);
      expect(r.heads[0]?.headers).toEqual({ 'content-length': '5', 'x-a': '1' });
    }
  });

  it('reads a chunked body with extensions and trailers', () => {
    const wire = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nhel\r\n8\r\nlo world\r\n0\r\nX-Trailer: t\r\n\r\n';
    for (const r of everySplit(wire)) expect([r.done, r.body, r.keepAlive]).toEqual([true, 'hello world', true]);
  });

  it('is not done before the last chunk (negative control)', () => {
    const r = parse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n');
    expect([r.done, r.body]).toEqual([false, 'hel']);
  });

  it('skips 100 Continue and 103 Early Hints before the real answer', () => {
    const r = parse('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok');
    expect(r.heads.map((h) => h.status)).toEqual([201]);
    expect(r.body).toBe('ok');
  });

  it('gives HEAD, 204 and 304 answers no body even with a content-length', () => {
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n', { method: 'HEAD' }).done).toBe(true);
    expect(parse('HTTP/1.1 204 No Content\r\nContent-Length: 99\r\n\r\n').done).toBe(true);
    expect(parse('HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n').done).toBe(true);
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n').done).toBe(false);
  });

  it('reads a body without length until the connection closes, and does not reuse it', () => {
    const open = parse('HTTP/1.1 200 OK\r\n\r\nstream');
    expect([open.done, open.body]).toEqual([false, 'stream']);
    const closed = parse('HTTP/1.1 200 OK\r\n\r\nstream', { close: true });
    expect([closed.done, closed.keepAlive]).toEqual([true, false]);
  });

  it('keeps the connection unless the server says close (HTTP/1.1) or does not say keep-alive (HTTP/1.0)', () => {
    expect(parse('HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(false);
    expect(parse('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(false);
    expect(parse('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(true);
  });

  it('keeps repeated headers as a list (set-cookie)', () => {
    const r = parse('HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nContent-Length: 0\r\n\r\n');
    expect(r.heads[0]?.headers['set-cookie']).toEqual(['a=1', 'b=2']);
  });

  it('counts bytes past the framed answer, so the connection is not trusted again', () => {
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA').extraBytes).toBe(5);
  });

  it('closes after a chunked answer that also carries a content-length (a smuggling shape)', () => {
    const r = parse('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n');
    expect([r.done, r.body, r.keepAlive]).toEqual([true, 'ok', false]);
  });

  it.each([
    ['a status line that is not HTTP/1.x', 'SSH-2.0-OpenSSH\r\n\r\n', /not an HTTP\/1.x status line/],
    ['two different content-lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok', /not one number/],
    ['a negative content-length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', /not one number/],
    ['a header line without a colon', 'HTTP/1.1 200 OK\r\nbroken\r\n\r\n', /header line does not parse/],
    ['a bad chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /chunk-size line does not parse/],
    ['a chunk without its CRLF', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokXX', /does not end with CRLF/],
    ['a transfer coding that is not chunked last', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n', /does not end in chunked/],
    ['a 101 nobody asked for', 'HTTP/1.1 101 Switching Protocols\r\n\r\n', /switched protocols/],
    ['an endless head', `HTTP/1.1 200 OK\r\n${'X-Pad: aaaaaaaaaaaaaaaa\r\n'.repeat(4000)}`, /head is longer than/],
  ])('refuses %s', (_name, wire, message) => {
    expect(() => parse(wire)).toThrow(message);
  });
});
