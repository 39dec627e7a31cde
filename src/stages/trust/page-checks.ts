import type { IncomingHttpHeaders } from 'node:http';
import type { FindingInput } from '../../core/findings.js';
import { htmlTags } from './html-scan.js';
import { privateRouteKind } from './paths.js';

import { parseUrl } from './redirect-rules.js';

export { redirectFindings, type ChainContext } from './redirect-rules.js';

/** Elements whose `http:` source the browser blocks on an HTTPS page (active content). */
const BLOCKABLE: Record<string, string> = { script: 'src', link: 'href', iframe: 'src', object: 'data', embed: 'src', form: 'action' };
/** Elements browsers upgrade or show with a warning (passive content). */
const UPGRADABLE: Record<string, string> = { img: 'src', audio: 'src', video: 'src', source: 'src', track: 'src' };

const SCANNED_TAGS: ReadonlySet<string> = new Set([...Object.keys(BLOCKABLE), ...Object.keys(UPGRADABLE)]);

/** One `http:` resource on an HTTPS page. */
export interface MixedResource {
  element: string;
  url: string;
  blockable: boolean;
}

/** Find `http:` scripts, stylesheets, frames, fetch targets (blockable) and media (upgradable). */
export function findMixedContent(html: string): MixedResource[] {
  const out: MixedResource[] = [];
  const seen = new Set<string>();
  const add = (element: string, url: string, blockable: boolean) => {
    const key = `${element} ${url}`;
    if (seen.has(key) || out.length >= 50) return;
    seen.add(key);
    out.push({ element, url, blockable });
  };
  for (const tag of htmlTags(html, SCANNED_TAGS)) {
    const attr = BLOCKABLE[tag.name] ?? UPGRADABLE[tag.name];
    if (!attr) continue;
    if (tag.name === 'link' && !/stylesheet|preload|modulepreload|import/i.test(tag.attributes.get('rel') ?? '')) continue;
    const value = /^http:\/\/[^"'\s>]+/i.exec(tag.attributes.get(attr)?.trim() ?? '')?.[0];
    if (value) add(tag.name, value, tag.name in BLOCKABLE);
  }
  for (const match of html.matchAll(
    /\b(fetch|XMLHttpRequest\(\)\.open|new\s+WebSocket|new\s+EventSource)\s*\(\s*(?:["'][A-Z]+["']\s*,\s*)?["'](http:\/\/[^"'\s]+)["']/g,
  )) {
    add('fetch', match[2]!, true);
  }
  return out;
}

/** Findings for mixed content on one HTTPS page: blockable → high, upgradable → low. */
export function mixedContentFindings(url: string, html: string, paths: string[]): FindingInput[] {
  const host = parseUrl(url)?.hostname ?? '';
  return findMixedContent(html).map((resource) => ({
    ruleId: resource.blockable ? 'mixed-content-blockable' : 'mixed-content-upgradable',
    severity: resource.blockable ? 'high' : 'low',
    title: resource.blockable
      ? `${url} loads a <${resource.element}> over http: the browser blocks it and the page breaks`
      : `${url} loads a <${resource.element}> over http: the browser shows "not secure" or upgrades it`,
    fix: `load ${resource.url} over https:// (or a protocol-relative URL served by your HTTPS host)`,
    paths,
    location: { host, url },
    evidence: `<${resource.element}> ${resource.url}`,
  }));
}

const headerText = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(', ') : (value ?? ''));

/** Whether a response may be stored by a shared cache, and whether it came from one. */
export function cacheVerdict(headers: IncomingHttpHeaders): { cacheable: boolean; fromCache: boolean; evidence: string } {
  const control = headerText(headers['cache-control']).toLowerCase();
  const noStore = /\b(private|no-store|no-cache)\b/.test(control);
  const maxAge = Number(/\bmax-age\s*=\s*(\d+)/.exec(control)?.[1] ?? '0');
  const cacheable = !noStore && (/\bpublic\b/.test(control) || /\bs-maxage\s*=\s*[1-9]/.test(control) || maxAge > 0);
  const hit = (name: string) => /\bhit\b/i.test(headerText(headers[name]));
  const age = Number(headerText(headers.age) || '0');
  const fromCache = hit('cf-cache-status') || hit('x-cache') || hit('x-vercel-cache') || hit('x-cache-status') || age > 0;
  const evidence = ['cache-control', 'cf-cache-status', 'x-cache', 'age']
    .filter((h) => headers[h] !== undefined)
    .map((h) => `${h}: ${headerText(headers[h])}`)
    .join('; ');
  return { cacheable, fromCache, evidence };
}

/** A private route (admin, webhook, login) that a CDN may cache or served from cache. */
export function privateRouteFindings(url: string, headers: IncomingHttpHeaders, paths: string[]): FindingInput[] {
  const verdict = cacheVerdict(headers);
  if (!verdict.cacheable && !verdict.fromCache) return [];
  const kind = privateRouteKind(url);
  return [
    {
      ruleId: 'private-route-cached',
      severity: kind === 'other' ? 'high' : 'blocker',
      title: verdict.fromCache
        ? `${url} (a private ${kind === 'other' ? 'route' : kind + ' route'}) was served from a cache: one user's answer can reach another`
        : `${url} (a private ${kind === 'other' ? 'route' : kind + ' route'}) is cacheable by a CDN or proxy`,
      fix: 'send Cache-Control: private, no-store on this route and add a CDN rule to bypass the cache for it',
      paths,
      location: { host: parseUrl(url)?.hostname ?? '', url },
      evidence: verdict.evidence || 'no cache headers',
    },
  ];
}

/** A public page that sets a cookie while allowing shared caching: the cookie can leak to other visitors. */
export function cookieCachingFindings(url: string, headers: IncomingHttpHeaders, paths: string[]): FindingInput[] {
  const control = headerText(headers['cache-control']).toLowerCase();
  if (!headers['set-cookie'] || !/\b(public|s-maxage)\b/.test(control) || /\b(private|no-store)\b/.test(control)) return [];
  const names = (headers['set-cookie'] ?? []).map((c) => c.split('=')[0]!.trim()).join(', ');
  return [
    {
      ruleId: 'public-cache-set-cookie',
      severity: 'high',
      title: `${url} sets a cookie (${names}) on an answer marked for public caching: a CDN may hand it to other visitors`,
      fix: 'mark answers that set cookies Cache-Control: private, or stop setting cookies on public pages',
      paths,
      location: { host: parseUrl(url)?.hostname ?? '', url },
      evidence: `cache-control: ${control}; set-cookie: ${names}`,
    },
  ];
}
