/**
 * One request, layer by layer, to one address: TCP connect, TLS handshake (with the certificate),
 * then HTTP over that same connection. Each layer is timed and reported on its own, which a
 * plain HTTP client cannot do; that is why `diagnose` opens its own socket here.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect as tcpConnect, isIP, type Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, rootCertificates, type PeerCertificate, type TLSSocket } from 'node:tls';
import { isRecord, stringOr } from '../../../core/guards.js';

export interface TcpLayer {
  ok: boolean;
  address: string;
  port: number;
  ms?: number;
  error?: string;
}

export interface TlsLayer {
  ok: boolean;
  ms?: number;
  error?: string;
  protocol?: string;
  subject?: string;
  issuer?: string;
  notAfter?: string;
  daysLeft?: number;
}

export interface HttpLayer {
  ok: boolean;
  status?: number;
  ms?: number;
  error?: string;
  /** Cloudflare's request id: the edge answered. */
  cfRay?: string;
  /** HIT/MISS/DYNAMIC...: whether the edge served it from cache. */
  cfCacheStatus?: string;
  server?: string;
  contentType?: string;
  /** Up to `maxBodyBytes` of the body (health answers, error pages). */
  body?: string;
}

/** The layers of one probe; later layers are absent when an earlier one failed. */
export interface Probe {
  tcp: TcpLayer;
  tls?: TlsLayer;
  http?: HttpLayer;
}

export interface ProbeOptions {
  /** Extra trusted roots (PEM). */
  ca: readonly string[];
  timeoutMs: number;
  maxBodyBytes?: number;
  headers?: Record<string, string>;
  /** Default GET; the log-hygiene sample request POSTs a form. */
  method?: string;
  body?: string;
  signal?: AbortSignal;
}

/** Probe `url` by connecting to `address:port` (the Host header and SNI stay the URL's). */
export async function probe(url: URL, address: string, port: number, options: ProbeOptions): Promise<Probe> {
  const started = performance.now();
  const tcp = await openTcp(address, port, options.timeoutMs);
  if (!tcp.socket) return { tcp: tcp.layer };
  let socket: Socket | TLSSocket = tcp.socket;
  const result: Probe = { tcp: tcp.layer };
  try {
    if (url.protocol === 'https:') {
      const tls = await handshake(tcp.socket, url.hostname, options);
      result.tls = tls.layer;
      if (!tls.socket) return result;
      socket = tls.socket;
    }
    const left = Math.max(1, options.timeoutMs - (performance.now() - started));
    result.http = await exchange(url, socket, { ...options, timeoutMs: left });
    return result;
  } finally {
    socket.destroy();
    tcp.socket.destroy();
  }
}

function openTcp(address: string, port: number, timeoutMs: number): Promise<{ layer: TcpLayer; socket?: Socket }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: address, port });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ layer: { ok: false, address, port, error: `no TCP connection within ${timeoutMs} ms` } });
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve({ layer: { ok: true, address, port, ms: Math.round(performance.now() - started) }, socket });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ layer: { ok: false, address, port, error: networkReason(error) } });
    });
  });
}

function handshake(raw: Socket, host: string, options: ProbeOptions): Promise<{ layer: TlsLayer; socket?: TLSSocket }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const servername = isIP(host) === 0 ? host : undefined;
    const socket = tlsConnect({
      socket: raw,
      ...(servername ? { servername } : {}),
      ca: [...rootCertificates, ...options.ca],
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ layer: { ok: false, error: `no TLS handshake within ${options.timeoutMs} ms` } });
    }, options.timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ layer: { ok: false, error: networkReason(error) } });
    });
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const cert = socket.getPeerCertificate();
      const layer: TlsLayer = { ok: true, ms: Math.round(performance.now() - started) };
      const protocol = socket.getProtocol();
      if (protocol) layer.protocol = protocol;
      if (cert && Object.keys(cert).length > 0) describeCertificate(layer, cert);
      const nameError = cert && Object.keys(cert).length > 0 ? checkServerIdentity(host, cert) : new Error('the server sent no certificate');
      if (!socket.authorized && socket.authorizationError && String(socket.authorizationError) !== 'ERR_TLS_CERT_ALTNAME_INVALID') {
        layer.ok = false;
        layer.error = `certificate not trusted (${String(socket.authorizationError)})`;
      } else if (nameError) {
        layer.ok = false;
        layer.error = `certificate does not cover ${host} (${nameError.message.split('\n')[0]})`;
      }
      resolve({ layer, socket });
    });
  });
}

function describeCertificate(layer: TlsLayer, cert: PeerCertificate): void {
  // A name with several CNs gives a list; a certificate without a subject gives none.
  const cn = (name: unknown): string | undefined => {
    const value = isRecord(name) ? name.CN : undefined;
    return Array.isArray(value) ? value.join(', ') : stringOr(value);
  };
  const subject = cn(cert.subject);
  const issuer = cn(cert.issuer);
  if (subject) layer.subject = subject;
  if (issuer) layer.issuer = issuer;
  if (cert.valid_to) {
    const notAfter = new Date(cert.valid_to);
    layer.notAfter = notAfter.toISOString();
    layer.daysLeft = Math.floor((notAfter.getTime() - Date.now()) / 86_400_000);
  }
}

function exchange(url: URL, socket: Socket | TLSSocket, options: ProbeOptions): Promise<HttpLayer> {
  const started = performance.now();
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (layer: HttpLayer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(layer);
    };
    const req = httpRequest({
      createConnection: () => socket,
      method: options.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, 'user-agent': 'launch-ready (diagnose)', accept: '*/*', connection: 'close', ...options.headers },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ ok: false, error: `no HTTP answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    req.once('error', (error: NodeJS.ErrnoException) => finish({ ok: false, error: networkReason(error) }));
    req.once('response', (response) => {
      const layer = httpLayerOf(response.statusCode ?? 0, response.headers, Math.round(performance.now() - started));
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => finish({ ...layer, body: Buffer.concat(chunks).subarray(0, maxBody).toString('utf8') });
      response.on('data', (chunk: Buffer) => {
        if (size < maxBody) chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBody) {
          response.destroy();
          done();
        }
      });
      response.once('end', done);
      response.once('error', done);
      response.once('close', done);
    });
    req.end(options.body);
  });
}

function httpLayerOf(status: number, headers: IncomingHttpHeaders, ms: number): HttpLayer {
  const one = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const layer: HttpLayer = { ok: status > 0 && status < 500, status, ms };
  const cfRay = one('cf-ray');
  const cache = one('cf-cache-status');
  const server = one('server');
  const contentType = one('content-type');
  if (cfRay) layer.cfRay = cfRay;
  if (cache) layer.cfCacheStatus = cache;
  if (server) layer.server = server;
  if (contentType) layer.contentType = contentType;
  return layer;
}

/** `ECONNREFUSED` → `connection refused (ECONNREFUSED)`; one line. */
export function networkReason(error: NodeJS.ErrnoException): string {
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ETIMEDOUT: 'timed out',
    EPROTO: 'TLS handshake failed',
  };
  const code = error.code;
  if (code && known[code]) return `${known[code]} (${code})`;
  return (error.message ?? String(error)).split('\n')[0]!;
}
