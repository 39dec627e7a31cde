import { sourcesOfMap } from './bundles.js';
import type { Fetcher } from './http.js';

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
  timeoutMs: number;
  signal?: AbortSignal;
  fetch: Fetcher;
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

async function fetchText(url: string, options: LiveSiteOptions): Promise<{ text: string; sourceMap: string | null }> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const response = await options.fetch(url, { signal, headers: { 'user-agent': 'launch-ready secrets scan' } });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > options.maxBytes) throw new Error(`${url} is larger than ${options.maxBytes} bytes; skipped`);
  const buffer = Buffer.from(await response.arrayBuffer());
  if (buffer.length > options.maxBytes) throw new Error(`${url} is larger than ${options.maxBytes} bytes; skipped`);
  return { text: buffer.toString('utf8'), sourceMap: response.headers.get('sourcemap') ?? response.headers.get('x-sourcemap') };
}

/**
 * Fetch a page, its same-origin scripts and their source maps, handing each document to `onDocument`.
 * A script or map that fails is listed in `problems`; only the page failing makes the whole URL fail.
 */
export async function scanLiveSite(pageUrl: string, options: LiveSiteOptions, onDocument: (doc: LiveDocument) => void): Promise<{ documents: number; bytes: number; problems: string[] }> {
  const problems: string[] = [];
  const page = await fetchText(pageUrl, options);
  let documents = 1;
  let bytes = page.text.length;
  onDocument({ url: pageUrl, text: page.text });
  for (const scriptUrl of sameOriginScripts(page.text, pageUrl).slice(0, options.maxScripts)) {
    try {
      const script = await fetchText(scriptUrl, options);
      documents++;
      bytes += script.text.length;
      onDocument({ url: scriptUrl, text: script.text });
      const mapUrl = sourceMapUrl(script.text, scriptUrl, script.sourceMap);
      if (!mapUrl) continue;
      const map = await fetchText(mapUrl, options);
      documents++;
      bytes += map.text.length;
      for (const { source, text } of sourcesOfMap(map.text)) onDocument({ url: mapUrl, source, text });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { documents, bytes, problems };
}
