/**
 * The keep-alive pool behind `HttpClient.pool()`: load traffic, so each request costs as little as
 * it can. One handler object per request on undici's `dispatch` (no body stream, no AbortController,
 * no timer of its own): one sweep timer per pool enforces every request's whole-request timeout.
 */
import type { Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Dispatcher, Pool } from 'undici';
import type { HttpPool, HttpRequest, HttpResponse } from './services.js';

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
interface PoolSettings {
  defaultTimeoutMs: number;
  defaultMaxBodyBytes: number;
}

/** A pool request: `dispatch` with this object as its handler, resolved once the body is done. */
class Exchange implements Dispatcher.DispatchHandler {
  status = 0;
  headers: Record<string, string | string[] | undefined> = {};
  bytes = 0;
  truncated = false;
  headersAt = 0;
  settled = false;
  timedOut = false;
  private controller: Dispatcher.DispatchController | undefined;
  private chunks: Buffer[] = [];
  private kept = 0;
  private compressed = 0;
  private decoders: Transform[] = [];

  constructor(
    readonly url: string,
    readonly started: number,
    readonly deadline: number,
    readonly timeoutMs: number,
    private readonly max: number,
    private readonly resolve: (response: HttpResponse) => void,
    private readonly reject: (error: Error) => void,
    private readonly signal: AbortSignal | undefined,
  ) {}

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.timedOut || this.signal?.aborted) controller.abort(new Error('aborted'));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    if (statusCode < 200) return; // 1xx: the real answer follows
    this.status = statusCode;
    this.headers = headers;
    this.headersAt = performance.now();
    const decoders = decodersFor(headers['content-encoding']);
    if (decoders.length === 0) return;
    this.decoders = decoders;
    for (let i = 0; i < decoders.length - 1; i++) decoders[i]!.pipe(decoders[i + 1]!);
    const last = decoders[decoders.length - 1]!;
    last.on('data', (chunk: Buffer) => this.take(chunk));
    last.on('end', () => this.finish());
    // A stream cut short still yields what it decoded (finishFlush); a corrupt one fails, as in `request`.
    for (const d of decoders) d.on('error', (error: Error) => this.fail(error));
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    if (this.decoders.length === 0) this.take(chunk);
    else {
      this.compressed += chunk.length;
      this.decoders[0]!.write(chunk);
    }
  }

  onResponseEnd(): void {
    if (this.decoders.length === 0) this.finish();
    else this.decoders[0]!.end();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.stopDecoders();
    if (this.timedOut) this.reject(new Error(`${this.url}: no complete answer within ${this.timeoutMs} ms`, { cause: error }));
    else if (this.signal?.aborted) this.reject(new Error(`${this.url}: request cancelled`, { cause: error }));
    else this.reject(error);
  }

  private fail(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.stopDecoders();
    this.reject(error);
    this.controller?.abort(error);
  }

  /** Cut the request: its timeout passed or its signal fired. */
  cancel(timedOut: boolean): void {
    if (this.settled) return;
    if (timedOut) this.timedOut = true;
    this.controller?.abort(new Error(timedOut ? 'timeout' : 'cancelled'));
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
      this.controller?.abort(new Error('body past its cap'));
    }
  }

  private finish(): void {
    if (this.settled) return;
    this.settled = true;
    this.stopDecoders();
    const now = performance.now();
    const body = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.kept);
    this.resolve({
      url: this.url,
      status: this.status,
      headers: this.headers,
      body,
      bodyBytes: this.bytes,
      truncated: this.truncated,
      redirects: [],
      timings: { headersMs: Math.round(this.headersAt - this.started), totalMs: Math.round(now - this.started) },
    });
  }

  private stopDecoders(): void {
    for (const d of this.decoders) d.destroy();
  }
}

/**
 * A lean `HttpPool` over one undici `Pool`. Semantics are those of the client's `request`: a
 * whole-request timeout (its own message, so it is counted apart from other errors), bodies
 * decompressed and capped, `discardBody` reads and counts without keeping, redirects returned.
 */
export function leanPool(pool: Pool, origin: string, settings: PoolSettings): HttpPool {
  const inFlight = new Set<Exchange>();
  let sweeper: NodeJS.Timeout | undefined;
  const sweep = (): void => {
    const now = performance.now();
    for (const exchange of inFlight) {
      if (exchange.settled) inFlight.delete(exchange);
      else if (now >= exchange.deadline) {
        inFlight.delete(exchange);
        exchange.cancel(true);
      }
    }
    if (inFlight.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };
  const request = (request: HttpRequest): Promise<HttpResponse> => {
    const href = typeof request.url === 'string' ? request.url : request.url.href;
    const path =
      href.startsWith(origin) && (href.length === origin.length || href[origin.length] === '/' || href[origin.length] === '?')
        ? href.slice(origin.length) || '/'
        : pathOf(href);
    const timeoutMs = request.timeoutMs ?? settings.defaultTimeoutMs;
    const max = request.discardBody ? 0 : (request.maxBodyBytes ?? settings.defaultMaxBodyBytes);
    const started = performance.now();
    return new Promise<HttpResponse>((resolve, reject) => {
      const signal = request.signal;
      const done = signal ? (fn: () => void) => () => (signal.removeEventListener('abort', onAbort), fn()) : undefined;
      const exchange: Exchange = new Exchange(
        href,
        started,
        started + timeoutMs,
        timeoutMs,
        max,
        (r) => (done ? done(() => resolve(r))() : resolve(r)),
        (e) => (done ? done(() => reject(e))() : reject(e)),
        signal,
      );
      function onAbort(): void {
        exchange.cancel(false);
      }
      if (signal) {
        if (signal.aborted) return reject(new Error(`${href}: request cancelled`));
        signal.addEventListener('abort', onAbort, { once: true });
      }
      inFlight.add(exchange);
      if (!sweeper) {
        sweeper = setInterval(sweep, SWEEP_MS);
        sweeper.unref();
      }
      try {
        pool.dispatch({ origin, path, method: (request.method ?? 'GET').toUpperCase(), headers: request.headers ?? {}, body: request.body ?? null }, exchange);
      } catch (error) {
        exchange.onResponseError(undefined as unknown as Dispatcher.DispatchController, error as Error);
      }
    });
  };
  return {
    request,
    close: async () => {
      await pool.close();
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
    },
  };
}

function pathOf(href: string): string {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
}
