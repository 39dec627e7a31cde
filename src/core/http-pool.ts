/**
 * The keep-alive pool behind `HttpClient.pool()`: load traffic, so each request costs as little as
 * it can. HTTP/1.1 straight on net/tls sockets: a request's bytes are built once and reused, the
 * answer is framed by a small byte parser, and one sweep timer per pool enforces every request's
 * whole-request timeout (no timer, stream or AbortController per request). A load tool that is
 * slower than the server it measures reports its own limits as the server's.
 */
import type { Socket } from 'node:net';
import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ResponseParser, type ResponseHead } from './http1-parser.js';
import type { HttpPool, HttpRequest, HttpResponse } from './services.js';
import type { SocketOpener } from './sockets.js';

/** Past 1 MiB of output, a body that inflates more than 100-fold is cut (real pages inflate ~5-20-fold). */
export const INFLATE_RATIO_LIMIT = 100;
export const INFLATE_RATIO_FREE_BYTES = 1024 * 1024;
/** How often a pool looks for requests past their timeout: a timeout fires at most this late. */
const SWEEP_MS = 20;

/** `gzip`, `deflate`, `br` (in the order they were applied, so decoded in reverse); unknown codings stay as they are. */
export function decodersFor(encoding: string | string[] | undefined): Transform[] {
  const text = Array.isArray(encoding) ? encoding.join(',') : (encoding ?? '');
  if (text === '') return [];
  const codings = text
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.some((c) => !['gzip', 'x-gzip', 'deflate', 'br'].includes(c))) return [];
  // Lenient like browsers: a stream cut short still yields what it decoded.
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  return codings
    .reverse()
    .map((c) =>
      c === 'br' ? createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH }) : c === 'deflate' ? createInflate(flush) : createGunzip(flush),
    );
}

/** Settings shared by every request of one pool. */
export interface PoolSettings {
  connections: number;
  defaultTimeoutMs: number;
  defaultMaxBodyBytes: number;
}

/** A connection error with the code a socket error would carry, so callers classify it alike. */
function closedError(url: string): Error {
  return Object.assign(new Error(`${url}: the server closed the connection before the answer was complete`), { code: 'ECONNRESET' });
}

/** One request of a pool, from its call until its body is read (or it fails). */
class Exchange implements Pick<ResponseHead, 'status' | 'headers'> {
  status = 0;
  headers: Record<string, string | string[] | undefined> = {};
  bytes = 0;
  truncated = false;
  headersAt = 0;
  settled = false;
  /** The connection reading this answer, until the answer is read. */
  connection: Connection | undefined;
  /** A reused connection the server had closed before answering: the request goes again once. */
  retried = false;
  private chunks: Buffer[] = [];
  private kept = 0;
  private compressed = 0;
  private decoders: Transform[] = [];

  constructor(
    readonly url: string,
    readonly method: string,
    readonly bytesToSend: Buffer,
    readonly started: number,
    readonly deadline: number,
    readonly timeoutMs: number,
    private readonly max: number,
    private readonly settle: (response: HttpResponse | undefined, error: Error | undefined) => void,
  ) {}

  /** GET, HEAD and OPTIONS may go again when nothing came back on a reused connection. */
  get idempotent(): boolean {
    return this.method === 'GET' || this.method === 'HEAD' || this.method === 'OPTIONS';
  }

  onHead(head: ResponseHead): void {
    this.status = head.status;
    this.headers = head.headers;
    this.headersAt = performance.now();
    const decoders = decodersFor(head.headers['content-encoding']);
    if (decoders.length === 0) return;
    this.decoders = decoders;
    for (let i = 0; i < decoders.length - 1; i++) decoders[i]!.pipe(decoders[i + 1]!);
    const last = decoders[decoders.length - 1]!;
    last.on('data', (chunk: Buffer) => this.take(chunk));
    last.on('end', () => this.finish());
    // A stream cut short still yields what it decoded (finishFlush); a corrupt one fails.
    for (const d of decoders) d.on('error', (error: Error) => this.fail(error));
  }

  onBody(chunk: Buffer): void {
    if (this.settled) return;
    if (this.decoders.length === 0) this.take(chunk);
    else {
      this.compressed += chunk.length;
      this.decoders[0]!.write(chunk);
    }
  }

  /** The whole answer was read off the connection (decoders may still be flushing). */
  onEnd(): void {
    this.connection = undefined;
    if (this.decoders.length === 0) this.finish();
    else this.decoders[0]!.end();
  }

  fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.stopDecoders();
    this.settle(undefined, error);
    // An answer still streaming leaves the connection in an unknown state: it is dropped.
    this.connection?.destroy();
  }

  /** Cut the request: its timeout passed, its signal fired, or the pool closed. */
  cancel(timedOut: boolean): void {
    this.fail(new Error(timedOut ? `${this.url}: no complete answer within ${this.timeoutMs} ms` : `${this.url}: request cancelled`));
  }

  private take(chunk: Buffer): void {
    if (this.settled) return;
    this.bytes += chunk.length;
    if (this.kept < this.max) {
      const part = this.kept + chunk.length > this.max ? chunk.subarray(0, this.max - this.kept) : chunk;
      this.chunks.push(part);
      this.kept += part.length;
    }
    const overCap = this.max > 0 && this.bytes > this.max;
    const bomb = this.decoders.length > 0 && this.bytes > INFLATE_RATIO_FREE_BYTES && this.bytes > this.compressed * INFLATE_RATIO_LIMIT;
    if (overCap || bomb) {
      // Reading stops and the connection is dropped: an endless body never buffers.
      this.truncated = true;
      this.finish();
      this.connection?.destroy();
    }
  }

  private finish(): void {
    if (this.settled) return;
    this.settled = true;
    this.stopDecoders();
    const now = performance.now();
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.kept);
    this.settle(
      {
        url: this.url,
        status: this.status,
        headers: this.headers,
        body,
        bodyBytes: this.bytes,
        truncated: this.truncated,
        redirects: [],
        timings: { headersMs: Math.round(this.headersAt - this.started), totalMs: Math.round(now - this.started) },
      },
      undefined,
    );
  }

  private stopDecoders(): void {
    for (const d of this.decoders) d.destroy();
  }
}

/** One keep-alive socket of a pool: carries one request at a time. */
class Connection {
  readonly socket: Socket;
  current: Exchange | undefined;
  private readonly parser: ResponseParser;
  private error: Error | undefined;
  private used = 0;
  private answered = false;

  constructor(
    open: SocketOpener,
    private readonly pool: ConnectionPool,
  ) {
    this.parser = new ResponseParser({ head: (head) => this.current?.onHead(head), body: (chunk) => this.current?.onBody(chunk) });
    this.socket = open();
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (error: Error) => (this.error ??= error));
    this.socket.on('close', () => this.onClose());
  }

  send(exchange: Exchange): void {
    this.current = exchange;
    exchange.connection = this;
    this.used++;
    this.answered = false;
    this.parser.expect(exchange.method);
    this.socket.write(exchange.bytesToSend);
  }

  destroy(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    const exchange = this.current;
    if (!exchange) return void this.socket.destroy(); // bytes nobody asked for: the connection is not to be trusted
    this.answered = true;
    try {
      this.parser.feed(chunk);
    } catch (error) {
      exchange.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (!this.parser.done) return;
    this.current = undefined;
    exchange.onEnd();
    if (this.parser.keepAlive && this.parser.extraBytes === 0 && !this.socket.destroyed) this.pool.release(this);
    else this.socket.destroy();
  }

  private onClose(): void {
    this.pool.forget(this);
    const exchange = this.current;
    this.current = undefined;
    if (!exchange || exchange.settled) return;
    if (this.parser.close()) return exchange.onEnd();
    exchange.connection = undefined;
    // The server closed an idle keep-alive connection just as the request went out: nothing was answered, so it goes again.
    if (!this.answered && this.used > 1 && exchange.idempotent && !exchange.retried) {
      exchange.retried = true;
      return this.pool.dispatch(exchange);
    }
    exchange.fail(this.error ?? closedError(exchange.url));
  }
}

/** The pool: up to `connections` sockets, requests queued in order when all are busy. */
class ConnectionPool {
  private readonly idle: Connection[] = [];
  private readonly connections = new Set<Connection>();
  private readonly queue: (Exchange | undefined)[] = [];
  private queueHead = 0;
  private sweeper: NodeJS.Timeout | undefined;
  private closing: (() => void) | undefined;
  closed = false;

  constructor(
    private readonly open: SocketOpener,
    private readonly settings: PoolSettings,
  ) {}

  dispatch(exchange: Exchange): void {
    this.watch();
    const idle = this.idle.pop();
    if (idle) return idle.send(exchange);
    if (this.connections.size < this.settings.connections) {
      const connection = new Connection(this.open, this);
      this.connections.add(connection);
      return connection.send(exchange);
    }
    this.queue.push(exchange);
  }

  /** A connection finished an answer and may carry the next request. */
  release(connection: Connection): void {
    const next = this.nextQueued();
    if (next) return connection.send(next);
    if (this.closed) return connection.destroy();
    this.idle.push(connection);
    this.checkClosed();
  }

  /** A connection closed. */
  forget(connection: Connection): void {
    this.connections.delete(connection);
    const at = this.idle.indexOf(connection);
    if (at >= 0) this.idle.splice(at, 1);
    // A request queued behind a connection that died gets a fresh one.
    const next = this.closed ? undefined : this.nextQueued();
    if (next) this.dispatch(next);
    this.checkClosed();
  }

  /** Stop taking requests; resolve once those in flight and queued are done, then drop every socket. */
  close(): Promise<void> {
    this.closed = true;
    return new Promise<void>((resolve) => {
      this.closing = resolve;
      this.checkClosed();
    });
  }

  private nextQueued(): Exchange | undefined {
    while (this.queueHead < this.queue.length) {
      const exchange = this.queue[this.queueHead];
      this.queue[this.queueHead++] = undefined;
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue.splice(0, this.queueHead);
        this.queueHead = 0;
      }
      if (exchange && !exchange.settled) return exchange;
    }
    return undefined;
  }

  private busy(): boolean {
    if (this.queueHead < this.queue.length) return true;
    for (const connection of this.connections) if (connection.current) return true;
    return false;
  }

  private checkClosed(): void {
    if (!this.closing || this.busy()) return;
    for (const connection of this.connections) connection.destroy();
    this.idle.length = 0;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    const resolve = this.closing;
    this.closing = undefined;
    resolve();
  }

  private watch(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  private sweep(): void {
    const now = performance.now();
    for (const connection of this.connections) {
      const exchange = connection.current;
      if (exchange && !exchange.settled && now >= exchange.deadline) exchange.cancel(true);
    }
    for (let i = this.queueHead; i < this.queue.length; i++) {
      const exchange = this.queue[i];
      if (exchange && !exchange.settled && now >= exchange.deadline) exchange.cancel(true);
    }
    if (!this.busy() && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const UNSAFE_VALUE = /[\r\n\0]/;
/** The bytes of a request, built once per request object (a load journey reuses its fixed requests). */
const wireBytes = new WeakMap<HttpRequest, Buffer>();

/** The request line, headers and body, or an error naming the header that would split the request. */
function serialize(request: HttpRequest, method: string, path: string, host: string): Buffer {
  let head = `${method} ${path} HTTP/1.1\r\n`;
  let hasHost = false;
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body) : Buffer.from(request.body);
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (!TOKEN.test(name)) throw new Error(`header name ${JSON.stringify(name)} is not a valid HTTP token`);
    if (UNSAFE_VALUE.test(value)) throw new Error(`header ${name}: its value has a line break or NUL, which would split the request; remove it`);
    const lower = name.toLowerCase();
    if (lower === 'content-length' || lower === 'transfer-encoding' || lower === 'connection') continue; // framing is the pool's
    if (lower === 'host') hasHost = true;
    head += `${name}: ${value}\r\n`;
  }
  if (!hasHost) head += `host: ${host}\r\n`;
  if (body) head += `content-length: ${body.length}\r\n`;
  else if (method === 'POST' || method === 'PUT' || method === 'PATCH') head += 'content-length: 0\r\n';
  head += '\r\n';
  return body ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1');
}

/**
 * An `HttpPool` of keep-alive HTTP/1.1 connections to one origin. Semantics are those of the
 * client's `request`: a whole-request timeout (its own message, so it is counted apart from other
 * errors), bodies decompressed and capped, `discardBody` reads and counts without keeping,
 * redirects returned, not followed (a pool talks to one origin).
 */
export function connectionPool(origin: URL, open: SocketOpener, settings: PoolSettings): HttpPool {
  const pool = new ConnectionPool(open, { ...settings, connections: Math.max(1, settings.connections) });
  const prefix = origin.origin;
  const host = origin.host;
  const request = (request: HttpRequest): Promise<HttpResponse> => {
    const href = typeof request.url === 'string' ? request.url : request.url.href;
    const started = performance.now();
    const timeoutMs = request.timeoutMs ?? settings.defaultTimeoutMs;
    const max = request.discardBody ? 0 : (request.maxBodyBytes ?? settings.defaultMaxBodyBytes);
    const method = (request.method ?? 'GET').toUpperCase();
    return new Promise<HttpResponse>((resolve, reject) => {
      if (pool.closed) return reject(new Error(`${href}: request cancelled (the pool is closed)`));
      let bytes = wireBytes.get(request);
      if (!bytes) {
        try {
          if (!TOKEN.test(method)) throw new Error(`method ${JSON.stringify(method)} is not a valid HTTP token`);
          bytes = serialize(request, method, pathIn(href, prefix), host);
        } catch (error) {
          return reject(new Error(`${href}: ${error instanceof Error ? error.message : String(error)}`));
        }
        wireBytes.set(request, bytes);
      }
      const signal = request.signal;
      const onAbort = (): void => exchange.cancel(false);
      const exchange: Exchange = new Exchange(href, method, bytes, started, started + timeoutMs, timeoutMs, max, (response, error) => {
        signal?.removeEventListener('abort', onAbort);
        if (response) resolve(response);
        else reject(error);
      });
      if (signal) {
        if (signal.aborted) return reject(new Error(`${href}: request cancelled`));
        signal.addEventListener('abort', onAbort, { once: true });
      }
      pool.dispatch(exchange);
    });
  };
  return { request, close: () => pool.close() };
}

/** The request target: the path and query of `href` (which is on the pool's origin, or names its own). */
function pathIn(href: string, origin: string): string {
  if (href.startsWith(origin)) {
    const rest = href.slice(origin.length);
    if (rest === '') return '/';
    if (rest[0] === '/') return rest;
    if (rest[0] === '?') return `/${rest}`;
  }
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
}
