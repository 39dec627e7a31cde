import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { reasonOf } from '../../core/errors.js';
import { errorCode } from '../../core/guards.js';
import type { Dialer } from './connect.js';

/** One HTTP response as far as the checks need it; the body is read only when asked and capped. */
export interface FetchedResponse {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body?: string;
  /** True when the body was longer than the cap and the rest was not read. */
  truncated?: boolean;
}

export interface FetchOptions {
  dialer: Dialer;
  timeoutMs: number;
  /** Read the body of HTML answers up to this many bytes. */
  maxBodyBytes: number;
  readBody: boolean;
  signal?: AbortSignal;
}

/** One request, no redirect following. TLS is not verified here: the TLS check reports it. */
export async function fetchOnce(url: URL, options: FetchOptions): Promise<FetchedResponse> {
  const secure = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : secure ? 443 : 80;
  const target = await options.dialer.target(url.hostname, port);
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)({
      host: target.address,
      port: target.port,
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, 'user-agent': 'launch-ready (trust check)', accept: 'text/html,*/*' },
      // SNI carries names only, never an IP literal.
      servername: secure && isIP(url.hostname.replace(/^\[|\]$/g, '')) === 0 ? url.hostname : undefined,
      rejectUnauthorized: false,
      timeout: options.timeoutMs,
      signal: options.signal,
      agent: false,
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    let answered = false;
    request.on('error', (error) => {
      // After the headers, a cut-off body is settled by the response handlers with what arrived.
      if (answered) return;
      clearTimeout(timer);
      reject(error);
    });
    request.on('response', (response) => {
      answered = true;
      let settled = false;
      const done = (body?: string, truncated?: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const out: FetchedResponse = { url: url.href, status: response.statusCode ?? 0, headers: response.headers };
        if (body !== undefined) out.body = body;
        if (truncated) out.truncated = true;
        resolve(out);
      };
      const isHtml = /html/i.test(String(response.headers['content-type'] ?? 'text/html'));
      if (!options.readBody || !isHtml || (response.statusCode ?? 0) >= 300) {
        response.destroy();
        done();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size >= options.maxBodyBytes) return;
        chunks.push(chunk);
        size += chunk.length;
        // Stop reading a huge page: the scan only needs the head of the document.
        if (size >= options.maxBodyBytes) {
          response.destroy();
          done(Buffer.concat(chunks).subarray(0, options.maxBodyBytes).toString('utf8'), true);
        }
      });
      response.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
      response.on('error', () => done(Buffer.concat(chunks).toString('utf8'), true));
      // A body cut off by the timeout still yields what arrived.
      response.on('close', () => done(Buffer.concat(chunks).toString('utf8'), !response.complete));
    });
    request.end();
  });
}

/** How a redirect chain ended. */
export type ChainEnd = 'answered' | 'loop' | 'too-many-hops' | 'bad-target' | 'error';

/** A followed chain: each hop's URL and status, the last answer, and how it ended. */
export interface RedirectChain {
  start: string;
  hops: { url: string; status: number; location?: string }[];
  end: ChainEnd;
  final?: FetchedResponse;
  /** The URL the chain ended on (last answered or last attempted). */
  finalUrl: string;
  /** The bad `Location` (`javascript:`...) or the error message. */
  detail?: string;
}

/** Follow redirects by hand (relative `Location` resolved, loops and hop cap detected). */
export async function followRedirects(start: string, maxHops: number, options: FetchOptions): Promise<RedirectChain> {
  const hops: RedirectChain['hops'] = [];
  const seen = new Set<string>();
  let url = new URL(start);
  for (;;) {
    if (seen.has(url.href)) return { start, hops, end: 'loop', finalUrl: url.href, detail: `back to ${url.href}` };
    if (hops.length >= maxHops) return { start, hops, end: 'too-many-hops', finalUrl: url.href, detail: `more than ${maxHops} hops` };
    seen.add(url.href);
    let response: FetchedResponse;
    try {
      response = await fetchOnce(url, options);
    } catch (error) {
      return { start, hops, end: 'error', finalUrl: url.href, detail: describeNetworkError(error) };
    }
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && location) {
      hops.push({ url: url.href, status: response.status, location });
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return { start, hops, end: 'bad-target', finalUrl: url.href, detail: location };
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        return { start, hops, end: 'bad-target', finalUrl: url.href, detail: location.slice(0, 200) };
      url = next;
      continue;
    }
    hops.push({ url: url.href, status: response.status });
    return { start, hops, end: 'answered', final: response, finalUrl: url.href };
  }
}

/** `ECONNRESET` → `connection reset by the server`; one line. */
export function describeNetworkError(error: unknown): string {
  const code = errorCode(error);
  const known: Record<string, string> = {
    ECONNRESET: 'connection reset by the server',
    ECONNREFUSED: 'connection refused',
    EHOSTUNREACH: 'host unreachable',
    ETIMEDOUT: 'timed out',
    EPROTO: 'TLS handshake failed',
  };
  const message = reasonOf(error);
  return code && known[code] ? `${known[code]} (${code})` : message;
}
