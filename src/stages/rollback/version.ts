/**
 * Which release the site serves: JSON `{version}` or `{sha}`, a response header, or a pattern on the
 * body. An answer without one (an HTML page, an empty object) is reported with what came back.
 */
import { isRecord } from '../../core/guards.js';
import type { HttpClient } from '../../core/services.js';
import type { VersionSource } from './config.js';

export type VersionReading = { ok: true; version: string; via: string } | { ok: false; problem: string; status?: number };

export interface VersionAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (!flat) return 'an empty body';
  return `"${flat.length > 60 ? `${flat.slice(0, 60)}…` : flat}"`;
}

function contentType(headers: VersionAnswer['headers']): string {
  const value = headers['content-type'];
  return (Array.isArray(value) ? value[0] : value)?.split(';')[0]?.trim() ?? 'no content type';
}

function fromJson(body: string, type: string): VersionReading {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const what = /^\s*</.test(body) || type === 'text/html' ? `HTML (${type})` : `${type}, not JSON`;
    return {
      ok: false,
      problem: `answered ${what}: ${preview(body)}; it needs to return JSON {"version": "…"} or {"sha": "…"}, or set versionHeader / versionPattern`,
    };
  }
  if (isRecord(data)) {
    for (const key of ['version', 'sha']) {
      const value = data[key];
      if ((typeof value === 'string' && value.trim()) || typeof value === 'number') return { ok: true, version: String(value).trim(), via: `JSON ${key}` };
    }
  }
  return { ok: false, problem: `answered JSON without a version: ${preview(body)}; add a "version" or "sha" field` };
}

/** The release in one answer of the version endpoint (pure). */
export function extractVersion(source: VersionSource, answer: VersionAnswer): VersionReading {
  if (answer.status < 200 || answer.status > 299) return { ok: false, status: answer.status, problem: `answered ${answer.status}: ${preview(answer.body)}` };
  if (source.header) {
    const raw = answer.headers[source.header];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    return value
      ? { ok: true, version: value, via: `header ${source.header}` }
      : { ok: false, problem: `answered ${answer.status} without a ${source.header} header` };
  }
  if (source.pattern) {
    const match = source.pattern.exec(answer.body);
    const value = (match?.[1] ?? match?.[0])?.trim();
    return value
      ? { ok: true, version: value, via: `pattern ${source.pattern.source}` }
      : { ok: false, problem: `answered ${contentType(answer.headers)} that does not match versionPattern ${source.pattern.source}: ${preview(answer.body)}` };
  }
  return fromJson(answer.body, contentType(answer.headers));
}

/** Read the served release once. Never throws: no answer is a reading with the reason. */
export async function readServedVersion(source: VersionSource, http: HttpClient, signal?: AbortSignal): Promise<VersionReading> {
  try {
    const request: Parameters<HttpClient['request']>[0] = {
      url: source.url,
      // A cached answer would hide the switch the drill waits for.
      headers: { accept: 'application/json, */*', 'cache-control': 'no-cache', 'user-agent': 'launch-ready (rollback version check)' },
      timeoutMs: 10_000,
      maxBodyBytes: 256 * 1024,
      followRedirects: 5,
    };
    if (signal) request.signal = signal;
    const response = await http.request(request);
    return extractVersion(source, { status: response.status, headers: response.headers, body: new TextDecoder().decode(response.body) });
  } catch (error) {
    return { ok: false, problem: `no answer: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Whether two release names mean the same release: equal (a leading `v` aside), or one commit
 * sha a prefix of the other (short and full shas).
 */
export function sameRelease(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/^v(?=\d)/i, '')
      .toLowerCase();
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  const sha = /^[0-9a-f]{7,40}$/;
  return sha.test(x) && sha.test(y) && (x.startsWith(y) || y.startsWith(x));
}
