/**
 * The one HTTP client of every stage (`ctx.services.http`). It honours the `network` settings
 * (connectTo, resolvers, ca), caps every body after decompression, and never follows a redirect
 * unless asked. Bodies are decompressed here with node:zlib streams rather than by undici, so a
 * gzip bomb or an endless body is cut at the cap instead of being buffered whole.
 */
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { Agent, buildConnector, Client, type Dispatcher } from 'undici';
import { connectionPool, decodersFor, INFLATE_RATIO_FREE_BYTES, INFLATE_RATIO_LIMIT } from './http-pool.js';
import { resolverLookup, socketOpener } from './sockets.js';
import { applyConnectTo, parseConnectRules, routeConnection } from './network.js';
import type { HttpClient, HttpRequest, HttpResponse } from './services.js';
import type { NetworkOptions } from './stage.js';

/** Bodies are capped at 10 MiB unless a request asks for less or more. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** No answer at all within 30 s is a failure unless a request says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Connector = buildConnector.connector;

/** Build the client from plain, serializable network options (worker threads build their own). */
export function createHttpClient(network: NetworkOptions): HttpClient {
  const rules = parseConnectRules(network.connectTo);
  const connectors = new Map<boolean, Connector>();
  const connectorFor = (verifyTls: boolean): Connector => {
    let connector = connectors.get(verifyTls);
    if (!connector) connectors.set(verifyTls, (connector = routedConnector(network, verifyTls)));
    return connector;
  };
  const agents = new Map<boolean, Agent>();
  const agentFor = (verifyTls: boolean): Agent => {
    let agent = agents.get(verifyTls);
    if (!agent) agents.set(verifyTls, (agent = new Agent({ connect: connectorFor(verifyTls) })));
    return agent;
  };
  const direct = new Map<boolean, Connector>();
  const hopFor = async (url: URL, request: HttpRequest): Promise<Hop> => {
    const verifyTls = request.verifyTls !== false;
    if (!request.resolve) return { dispatcher: agentFor(verifyTls), done: () => undefined };
    const target = await routeConnection(rules, url.hostname, defaultPort(url), request.resolve);
    let connect = direct.get(verifyTls);
    if (!connect) direct.set(verifyTls, (connect = buildConnector(tlsOptionsOf(network, verifyTls))));
    return pinnedHop(url, target, connect);
  };
  return {
    request: (request) => requestFollowing(hopFor, request),
    pool: (origin, options) => {
      const url = new URL(origin);
      return connectionPool(url, socketOpener(url, network), {
        connections: options.connections,
        defaultTimeoutMs: DEFAULT_TIMEOUT_MS,
        defaultMaxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      });
    },
  };
}

/** Where one request (one hop of a chain) is sent, and what to close once its answer is read. */
interface Hop {
  dispatcher: Dispatcher;
  done: () => void;
}

const defaultPort = (url: URL): number => Number(url.port) || (url.protocol === 'https:' ? 443 : 80);

/** System roots plus `ca`, and whether to reject a chain or name that does not verify. */
function tlsOptionsOf(network: NetworkOptions, verifyTls: boolean, lookup?: LookupFunction): buildConnector.BuildOptions {
  const options: buildConnector.BuildOptions = { rejectUnauthorized: verifyTls };
  if (network.ca.length > 0) options.ca = [...rootCertificates, ...network.ca];
  if (lookup) options.lookup = lookup;
  return options;
}

/** A one-request connection to an address the caller resolved; SNI and the Host header stay the URL's. */
function pinnedHop(url: URL, target: { address: string; port: number }, connect: Connector): Hop {
  const servername = isIP(url.hostname.replace(/^\[|\]$/g, '')) ? undefined : url.hostname;
  const client = new Client(url.origin, {
    connect: (opts, callback) => connect({ ...opts, hostname: target.address, port: String(target.port), ...(servername ? { servername } : {}) }, callback),
  });
  return { dispatcher: client, done: () => void client.destroy().catch(() => undefined) };
}

/** A connector that sends traffic where `connectTo` says, asks `resolvers`, trusts `ca` on top of the system roots. */
function routedConnector(network: NetworkOptions, verifyTls: boolean): Connector {
  const rules = parseConnectRules(network.connectTo);
  const connect = buildConnector(tlsOptionsOf(network, verifyTls, network.resolvers.length > 0 ? resolverLookup(network.resolvers) : undefined));
  if (rules.length === 0) return connect;
  return (opts, callback) => {
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    const route = applyConnectTo(rules, opts.hostname, port);
    // The TLS name stays the original host's, so SNI and certificate checks are those of the real site.
    const servername = opts.servername ?? (isIP(opts.hostname) ? undefined : opts.hostname);
    return connect({ ...opts, hostname: route.host, port: String(route.port), ...(servername ? { servername } : {}) }, callback);
  };
}

async function requestFollowing(hopFor: (url: URL, request: HttpRequest) => Promise<Hop>, request: HttpRequest): Promise<HttpResponse> {
  const started = performance.now();
  const limit = request.followRedirects ?? 0;
  const redirects: HttpResponse['redirects'] = [];
  let url = new URL(request.url);
  let current = request;
  for (;;) {
    const hop = await hopFor(url, current);
    let response: Awaited<ReturnType<typeof exchange>>;
    try {
      response = await exchange(hop.dispatcher, url, current, started);
    } finally {
      hop.done();
    }
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.status) || redirects.length >= limit || typeof location !== 'string') {
      return { ...response, redirects };
    }
    redirects.push({ url: url.href, status: response.status });
    const next = new URL(location, url);
    current = redirectedRequest(current, response.status, url.origin !== next.origin);
    url = next;
  }
}

/** As browsers do: 303 (and 301/302 after a POST) become a GET without body; credentials stay on their origin. */
function redirectedRequest(request: HttpRequest, status: number, crossOrigin: boolean): HttpRequest {
  const method = (request.method ?? 'GET').toUpperCase();
  const toGet = status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
  const headers = { ...request.headers };
  if (crossOrigin) {
    for (const name of Object.keys(headers)) if (/^(authorization|cookie)$/i.test(name)) delete headers[name];
  }
  const next: HttpRequest = { ...request, headers };
  if (toGet) {
    next.method = 'GET';
    delete next.body;
  }
  return next;
}

/** One request and its capped body, under one whole-request timeout. */
async function exchange(dispatcher: Dispatcher, url: URL, request: HttpRequest, started: number): Promise<Omit<HttpResponse, 'redirects'> & { redirects: [] }> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  request.signal?.addEventListener('abort', onAbort, { once: true });
  if (request.signal?.aborted) controller.abort();
  try {
    const answer = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: (request.method ?? 'GET').toUpperCase(),
      headers: request.headers ?? {},
      body: request.body ?? null,
      signal: controller.signal,
    });
    const headersMs = performance.now() - started;
    const wanted = request.bodyWanted?.(answer.statusCode, answer.headers) ?? true;
    const body = wanted ? await readBody(answer.body, answer.headers['content-encoding'], request) : dropBody(answer.body);
    return {
      url: url.href,
      status: answer.statusCode,
      headers: answer.headers,
      ...body,
      redirects: [],
      timings: { headersMs: Math.round(headersMs), totalMs: Math.round(performance.now() - started) },
    };
  } catch (error) {
    if (timedOut) throw new Error(`${url.href}: no complete answer within ${timeoutMs} ms`, { cause: error });
    if (request.signal?.aborted) throw new Error(`${url.href}: request cancelled`, { cause: error });
    throw error;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

/** Drop a body unread: the connection closes, nothing is buffered. */
function dropBody(raw: Readable): ReadBody {
  raw.on('error', () => undefined);
  raw.destroy();
  return { body: new Uint8Array(0), bodyBytes: 0, truncated: false };
}

interface ReadBody {
  body: Uint8Array;
  bodyBytes: number;
  truncated: boolean;
}

/**
 * Read a body through its decoders, keeping at most `maxBodyBytes`. Past the cap (or past the
 * inflate-ratio limit) reading stops and the connection is dropped: an endless body never buffers.
 */
async function readBody(raw: Readable, encoding: string | string[] | undefined, request: HttpRequest): Promise<ReadBody> {
  const max = request.discardBody ? 0 : (request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  const decoders = decodersFor(encoding);
  let compressed = 0;
  let source: Readable = raw;
  if (decoders.length > 0) {
    raw.on('data', (chunk: Buffer) => (compressed += chunk.length));
    const last = decoders[decoders.length - 1]!;
    pipeline([raw, ...decoders], () => undefined); // errors surface through the last decoder
    source = last;
  }
  const chunks: Buffer[] = [];
  let kept = 0;
  let bytes = 0;
  let truncated = false;
  try {
    for await (const data of source) {
      const chunk: Buffer = data;
      bytes += chunk.length;
      if (!request.discardBody && kept < max) {
        const part = kept + chunk.length > max ? chunk.subarray(0, max - kept) : chunk;
        chunks.push(part);
        kept += part.length;
      }
      const overCap = !request.discardBody && bytes > max;
      const bomb = decoders.length > 0 && bytes > INFLATE_RATIO_FREE_BYTES && bytes > compressed * INFLATE_RATIO_LIMIT;
      if (overCap || bomb) {
        truncated = true;
        raw.destroy();
        break;
      }
    }
  } catch (error) {
    if (!request.keepPartialBody) throw error;
    truncated = true;
  }
  return { body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, kept), bodyBytes: bytes, truncated };
}
