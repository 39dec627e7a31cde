import type { HttpClient } from '../../../core/services.js';
import { sourcesOfMap } from './bundles.js';

/** A document fetched from the live site: the page, a script, or a source inside a script's map. */
export interface LiveDocument {
  url: string;
  source?: string;
  text: string;
}

export interface LiveSiteOptions {
  maxBytes: number;
  /** Same-origin scripts fetched per page at most. */
  maxScripts: number;
  /** One budget for the page, its scripts and their maps together, ms. */
  budgetMs: number;
  /** Scripts (with their maps) fetched at once. */
  concurrency?: number;
  signal?: AbortSignal;
  http: HttpClient;
}

const SCRIPT_SRC = /<script\b[^>]{0,2000}?\bsrc\s{0,3}=\s{0,3}["']?([^"'\s>]{1,2000})/gi;
const SOURCE_MAP_COMMENT = /[#@]\s{0,3}sourceMappingURL=([^\s'"*]{1,2000})\s*(?:\*\/)?\s*$/;

/** Same-origin `<script src>` URLs of a page, absolute, in page order, de-duplicated. */
export function sameOriginScripts(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const out = new Set<string>();
  SCRIPT_SRC.lastIndex = 0;
  for (let match = SCRIPT_SRC.exec(html); match; match = SCRIPT_SRC.exec(html)) {
    try {
      const url = new URL(match[1]!.replace(/&amp;/g, '&'), pageUrl);
      if (url.origin === origin) out.add(url.href);
    } catch {
      // A malformed src is the page's bug, not a leak.
    }
  }
  return [...out];
}

/** The source map a script points at (comment or `SourceMap` header), when same-origin and not inline. */
export function sourceMapUrl(script: string, scriptUrl: string, header: string | null): string | undefined {
  const tail = script.slice(-4000);
  const named = header ?? tail.match(SOURCE_MAP_COMMENT)?.[1];
  if (!named || named.startsWith('data:')) return undefined;
  try {
    const url = new URL(named, scriptUrl);
    return url.origin === new URL(scriptUrl).origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** One document, capped at `maxBytes` (decompressed), within what is left of the budget. */
async function fetchText(url: string, options: LiveSiteOptions, deadline: number, signal: AbortSignal): Promise<{ text: string; sourceMap: string | null }> {
  const timeoutMs = Math.max(1, Math.round(deadline - performance.now()));
  const response = await options.http.request({
    url,
    headers: { 'user-agent': 'launch-ready secrets scan', 'accept-encoding': 'gzip, deflate, br' },
    followRedirects: 10,
    maxBodyBytes: options.maxBytes,
    timeoutMs,
    signal,
  });
  if (response.status < 200 || response.status > 299) throw new Error(`${url} answered HTTP ${response.status}`);
  if (response.truncated) throw new Error(`${url} is larger than ${options.maxBytes} bytes; skipped`);
  const header = (name: string) => {
    const value = response.headers[name];
    return typeof value === 'string' ? value : null;
  };
  return { text: Buffer.from(response.body).toString('utf8'), sourceMap: header('sourcemap') ?? header('x-sourcemap') };
}

/**
 * Fetch a page, its same-origin scripts and their source maps, handing each document to `onDocument`.
 * Scripts are fetched a few at a time, all under one budget. A script or map that fails is listed in
 * `problems`; only the page failing makes the whole URL fail.
 */
export async function scanLiveSite(
  pageUrl: string,
  options: LiveSiteOptions,
  onDocument: (doc: LiveDocument) => void,
): Promise<{ documents: number; bytes: number; problems: string[] }> {
  const deadline = performance.now() + options.budgetMs;
  const budget = AbortSignal.timeout(options.budgetMs);
  const signal = options.signal ? AbortSignal.any([options.signal, budget]) : budget;
  const problems: string[] = [];
  const page = await fetchText(pageUrl, options, deadline, signal);
  let documents = 1;
  let bytes = page.text.length;
  onDocument({ url: pageUrl, text: page.text });
  const queue = sameOriginScripts(page.text, pageUrl).slice(0, options.maxScripts);
  const scanScript = async (scriptUrl: string): Promise<void> => {
    try {
      const script = await fetchText(scriptUrl, options, deadline, signal);
      documents++;
      bytes += script.text.length;
      onDocument({ url: scriptUrl, text: script.text });
      const mapUrl = sourceMapUrl(script.text, scriptUrl, script.sourceMap);
      if (!mapUrl) return;
      const map = await fetchText(mapUrl, options, deadline, signal);
      documents++;
      bytes += map.text.length;
      for (const { source, text } of sourcesOfMap(map.text)) onDocument({ url: mapUrl, source, text });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  };
  const worker = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await scanScript(next);
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 6, queue.length) }, worker));
  return { documents, bytes, problems };
}
