import { Pool } from 'undici';
import type { HttpPool, HttpRequest, HttpResponse } from '../../core/services.js';

/**
 * A keep-alive pool of connections to one origin for load traffic, behind core's `HttpPool`
 * interface. It stands in for the shared client's `pool()` where that is not available (inside
 * worker threads before the core client is wired); switching is one line in `threads.ts`.
 */
export function createLoadPool(origin: string, options: { connections: number; pipelining?: number; ca?: string[] }): HttpPool {
  const pool = new Pool(origin, {
    connections: options.connections,
    pipelining: options.pipelining ?? 1,
    keepAliveTimeout: 10_000,
    connect: options.ca?.length ? { ca: options.ca } : {},
  });
  const prefix = origin.length;
  return {
    async request(request: HttpRequest): Promise<HttpResponse> {
      const started = performance.now();
      const url = typeof request.url === 'string' ? request.url : request.url.href;
      const path = url.startsWith(origin) ? url.slice(prefix) || '/' : pathOf(url);
      const timeout = request.timeoutMs ?? 10_000;
      const response = await pool.request({
        path,
        method: (request.method ?? 'GET') as 'GET',
        headers: request.headers ?? {},
        body: request.body ?? null,
        headersTimeout: timeout,
        bodyTimeout: timeout,
        signal: request.signal ?? null,
      });
      const headersMs = performance.now() - started;
      const keep = request.discardBody ? 0 : (request.maxBodyBytes ?? 1024 * 1024);
      const chunks: Buffer[] = [];
      let kept = 0;
      let bytes = 0;
      // Read everything (a 30 MB page is read and dropped, never buffered whole), keep at most `keep`.
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (kept < keep) {
          const part = chunk.length <= keep - kept ? chunk : chunk.subarray(0, keep - kept);
          chunks.push(part);
          kept += part.length;
        }
      }
      return {
        url,
        status: response.statusCode,
        headers: response.headers as Record<string, string | string[] | undefined>,
        body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
        bodyBytes: bytes,
        truncated: bytes > kept && !request.discardBody,
        redirects: [],
        timings: { headersMs, totalMs: performance.now() - started },
      };
    },
    async close(): Promise<void> {
      await pool.destroy();
    },
  };
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
