import type { IncomingHttpHeaders } from 'node:http';
import { reasonOf } from '../../core/errors.js';
import { errorCode } from '../../core/guards.js';
import type { HttpClient, HttpRequest, HttpResponse } from '../../core/services.js';

/** One HTTP response as far as the checks need it; the body is read only when asked and capped. */
export interface FetchedResponse {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body?: string;
  /** True when the body was longer than the cap, or cut off, and the rest was not read. */
  truncated?: boolean;
}

export interface FetchOptions {
  /** Core's client (`ctx.services.http`): it applies `network.connectTo` and `ca`. */
  http: HttpClient;
  /** Where a name is, by the stage's own DNS (see `addressResolver`). */
  resolve: (host: string) => Promise<string>;
  timeoutMs: number;
  /** Read the body of HTML answers up to this many bytes. */
  maxBodyBytes: number;
  readBody: boolean;
  signal?: AbortSignal;
}

/** One request, no redirect following. TLS is not verified here: the TLS check reports it. */
export async function fetchOnce(url: URL, options: FetchOptions): Promise<FetchedResponse> {
  const wanted = (status: number, headers: HttpResponse['headers']): boolean =>
    options.readBody && status < 300 && /html/i.test(String(headers['content-type'] ?? 'text/html'));
  const request: HttpRequest = {
    url,
    headers: { 'user-agent': 'launch-ready (trust check)', accept: 'text/html,*/*' },
    timeoutMs: options.timeoutMs,
    maxBodyBytes: options.maxBodyBytes,
    verifyTls: false,
    resolve: options.resolve,
    bodyWanted: wanted,
    // A body cut off by the timeout still yields what arrived: the scan only needs the head of a page.
    keepPartialBody: true,
  };
  if (options.signal) request.signal = options.signal;
  const response = await options.http.request(request);
  const out: FetchedResponse = { url: url.href, status: response.status, headers: nodeHeaders(response.headers) };
  if (wanted(response.status, response.headers)) out.body = Buffer.from(response.body).toString('utf8');
  if (response.truncated) out.truncated = true;
  return out;
}

/** Headers whose repeats node:http drops (the first wins), as the checks were written against it. */
const SINGLE_VALUED = new Set([
  'age',
  'authorization',
  'content-length',
  'content-type',
  'etag',
  'expires',
  'from',
  'host',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'location',
  'max-forwards',
  'proxy-authorization',
  'referer',
  'retry-after',
  'server',
  'user-agent',
]);

/** Repeated headers as node:http folds them: `set-cookie` always a list, single-valued ones first-wins, others joined by `, `. */
function nodeHeaders(headers: HttpResponse['headers']): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    if (name === 'set-cookie') out['set-cookie'] = values;
    else out[name] = SINGLE_VALUED.has(name) ? values[0] : values.join(', ');
  }
  return out;
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
    UND_ERR_SOCKET: 'connection closed by the server',
  };
  const message = reasonOf(error);
  return code && known[code] ? `${known[code]} (${code})` : message;
}
