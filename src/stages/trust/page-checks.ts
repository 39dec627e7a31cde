import type { IncomingHttpHeaders } from 'node:http';
import type { FindingInput } from '../../core/findings.js';
import type { RedirectChain } from './http.js';
import { privateRouteKind } from './paths.js';

/** What a chain is checked against. */
export interface ChainContext {
  /** Apex domain: hops outside it are off-domain. */
  domain?: string;
  canonical?: string;
  /** Hosts whose entry points must land on the canonical URL (root, www, canonical host). */
  homepageHosts: ReadonlySet<string>;
  paths: string[];
  /** `page` for a configured page, `entry` for a hostname's http:// or https:// root. */
  kind: 'page' | 'entry';
}

/** Redirects a visitor goes through before the page; more than this is slow on mobile. */
export const MAX_REDIRECTS = 2;

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/** Findings about one followed chain: loops, bad targets, off-domain, http→https, canonical, length. */
export function redirectFindings(chain: RedirectChain, context: ChainContext): FindingInput[] {
  const start = new URL(chain.start);
  const location = { host: start.hostname, url: chain.start };
  const paths = context.paths;
  const signup = paths.includes('signup');
  const redirects = chain.hops.filter((h) => h.location !== undefined);
  const findings: FindingInput[] = [];
  const trail = chain.hops.map((h) => (h.location ? `${h.url} (${h.status}) → ${h.location}` : `${h.url} (${h.status})`)).join('; ');
  if (chain.end === 'loop' || chain.end === 'too-many-hops') {
    findings.push({
      ruleId: 'redirect-loop',
      severity: signup ? 'blocker' : 'high',
      title: `${chain.start} ${chain.end === 'loop' ? 'redirects in a loop' : `redirects more than ${redirects.length} times`}: visitors get "too many redirects"`,
      fix: 'make the redirect rules at your host/CDN agree (often: CDN forces https while the origin forces http, or www and root redirect to each other)',
      paths,
      location,
      evidence: trail.slice(0, 500),
    });
  } else if (chain.end === 'bad-target') {
    findings.push({
      ruleId: 'redirect-bad-target',
      severity: signup ? 'blocker' : 'high',
      title: `${chain.start} redirects to a target that is not a web page (${(chain.detail ?? '').slice(0, 60)})`,
      fix: 'point the redirect at an https:// URL on your domain',
      paths,
      location,
      evidence: trail.slice(0, 500),
    });
  } else if (chain.end === 'error' && context.kind === 'page') {
    findings.push({
      ruleId: 'page-unreachable',
      severity: signup ? 'blocker' : 'high',
      title: `${chain.finalUrl} does not answer: ${chain.detail ?? 'no answer'}`,
      fix: 'check the server, its TLS setup and the DNS records for this host',
      paths,
      location: { host: new URL(chain.finalUrl).hostname, url: chain.finalUrl },
    });
  } else if (chain.end === 'error' && context.kind === 'entry' && start.protocol === 'http:') {
    // An ad link or a typed address starts at http://; an API host may close port 80 on purpose.
    const homepage = paths.includes('homepage');
    findings.push({
      ruleId: 'http-entry-unreachable',
      severity: homepage ? 'high' : 'low',
      title: `${chain.start} does not answer (${chain.detail ?? 'no answer'}): visitors who type the address or follow an http:// link get no page`,
      fix: 'answer on port 80 with a redirect to https:// (most hosts and CDNs have an "always use HTTPS" switch)',
      paths,
      location,
    });
  } else if (chain.end === 'answered' && chain.final && context.kind === 'page' && chain.final.status >= 400) {
    findings.push({
      ruleId: 'page-error',
      severity: signup ? 'blocker' : 'high',
      title: `${chain.finalUrl} answers HTTP ${chain.final.status}`,
      fix: 'fix the route or remove the page from trust.pages',
      paths,
      location: { host: new URL(chain.finalUrl).hostname, url: chain.finalUrl },
    });
  }
  if (context.domain) {
    const off = chain.hops.map((h) => h.location && new URL(h.location, h.url)).find((u) => u && /^https?:$/.test(u.protocol) && !onDomain(u.hostname, context.domain!));
    if (off) {
      findings.push({
        ruleId: 'redirect-off-domain',
        severity: 'high',
        title: `${chain.start} redirects off ${context.domain} to ${off.hostname}`,
        fix: 'redirect only within your domain; an off-domain hop looks like a hijack and breaks cookies',
        paths,
        location,
        evidence: trail.slice(0, 500),
      });
    }
  }
  if (start.protocol === 'http:' && chain.hops.length > 0) {
    const first = chain.hops[0]!;
    const target = first.location ? new URL(first.location, first.url) : undefined;
    if (!target || target.protocol !== 'https:') {
      findings.push({
        ruleId: 'http-not-redirected-to-https',
        severity: 'medium',
        title: `${chain.start} ${target ? `redirects to ${target.protocol}//${target.host} first` : `answers ${first.status} over plain http`} instead of going to https://`,
        fix: 'make the first answer on http:// a 301 to the https:// URL (one hop)',
        paths,
        location,
        evidence: trail.slice(0, 500),
      });
    }
  }
  if (chain.end === 'answered' && context.canonical && context.homepageHosts.has(start.hostname) && (context.kind === 'entry' || start.pathname === '/')) {
    if (!chain.finalUrl.startsWith(context.canonical)) {
      findings.push({
        ruleId: 'redirect-not-canonical',
        severity: 'medium',
        title: `${chain.start} lands on ${chain.finalUrl}, not on the canonical ${context.canonical}`,
        fix: `redirect every entry point (http/https, root/www) to ${context.canonical} with one 301`,
        paths,
        location,
        evidence: trail.slice(0, 500),
      });
    }
  }
  if (chain.end === 'answered' && redirects.length > MAX_REDIRECTS) {
    findings.push({
      ruleId: 'redirect-chain-long',
      severity: 'low',
      title: `${chain.start} takes ${redirects.length} redirects to land (at most ${MAX_REDIRECTS} expected)`,
      fix: 'redirect straight to the final URL in one hop',
      paths,
      location,
      evidence: trail.slice(0, 500),
    });
  }
  return findings;
}

/** Elements whose `http:` source the browser blocks on an HTTPS page (active content). */
const BLOCKABLE: Record<string, string> = { script: 'src', link: 'href', iframe: 'src', object: 'data', embed: 'src', form: 'action' };
/** Elements browsers upgrade or show with a warning (passive content). */
const UPGRADABLE: Record<string, string> = { img: 'src', audio: 'src', video: 'src', source: 'src', track: 'src' };

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
  for (const match of html.matchAll(/<([a-z]+)\b([^>]*)>/gi)) {
    const element = match[1]!.toLowerCase();
    const attrs = match[2]!;
    const attr = BLOCKABLE[element] ?? UPGRADABLE[element];
    if (!attr) continue;
    if (element === 'link' && !/rel\s*=\s*["']?[^"'>]*(stylesheet|preload|modulepreload|import)/i.test(attrs)) continue;
    const value = new RegExp(`\\b${attr}\\s*=\\s*["']?(http://[^"'\\s>]+)`, 'i').exec(attrs)?.[1];
    if (value) add(element, value, element in BLOCKABLE);
  }
  for (const match of html.matchAll(/\b(fetch|XMLHttpRequest\(\)\.open|new\s+WebSocket|new\s+EventSource)\s*\(\s*(?:["'][A-Z]+["']\s*,\s*)?["'](http:\/\/[^"'\s]+)["']/g)) {
    add('fetch', match[2]!, true);
  }
  return out;
}

/** Findings for mixed content on one HTTPS page: blockable → high, upgradable → low. */
export function mixedContentFindings(url: string, html: string, paths: string[]): FindingInput[] {
  const host = new URL(url).hostname;
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
  const evidence = ['cache-control', 'cf-cache-status', 'x-cache', 'age'].filter((h) => headers[h] !== undefined).map((h) => `${h}: ${headerText(headers[h])}`).join('; ');
  return { cacheable, fromCache, evidence };
}

/** A private route (admin, webhook, login) that a CDN may cache or served from cache. */
export function privateRouteFindings(url: string, headers: IncomingHttpHeaders, paths: string[]): FindingInput[] {
  const verdict = cacheVerdict(headers);
  if (!verdict.cacheable && !verdict.fromCache) return [];
  const kind = privateRouteKind(url);
  return [{
    ruleId: 'private-route-cached',
    severity: kind === 'other' ? 'high' : 'blocker',
    title: verdict.fromCache
      ? `${url} (a private ${kind === 'other' ? 'route' : kind + ' route'}) was served from a cache: one user's answer can reach another`
      : `${url} (a private ${kind === 'other' ? 'route' : kind + ' route'}) is cacheable by a CDN or proxy`,
    fix: 'send Cache-Control: private, no-store on this route and add a CDN rule to bypass the cache for it',
    paths,
    location: { host: new URL(url).hostname, url },
    evidence: verdict.evidence || 'no cache headers',
  }];
}

/** A public page that sets a cookie while allowing shared caching: the cookie can leak to other visitors. */
export function cookieCachingFindings(url: string, headers: IncomingHttpHeaders, paths: string[]): FindingInput[] {
  const control = headerText(headers['cache-control']).toLowerCase();
  if (!headers['set-cookie'] || !/\b(public|s-maxage)\b/.test(control) || /\b(private|no-store)\b/.test(control)) return [];
  const names = (headers['set-cookie'] ?? []).map((c) => c.split('=')[0]!.trim()).join(', ');
  return [{
    ruleId: 'public-cache-set-cookie',
    severity: 'high',
    title: `${url} sets a cookie (${names}) on an answer marked for public caching: a CDN may hand it to other visitors`,
    fix: 'mark answers that set cookies Cache-Control: private, or stop setting cookies on public pages',
    paths,
    location: { host: new URL(url).hostname, url },
    evidence: `cache-control: ${control}; set-cookie: ${names}`,
  }];
}
