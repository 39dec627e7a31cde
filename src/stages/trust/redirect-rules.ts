import type { FindingInput } from '../../core/findings.js';
import type { RedirectChain } from './redirects.js';

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

/** A URL from the network (a `Location` header) or undefined when it does not parse: never a throw. */
export function parseUrl(value: string, base?: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

/** What every rule reads about one chain, computed once. */
export interface ChainFacts {
  chain: RedirectChain;
  context: ChainContext;
  /** The start URL; undefined when even it does not parse (then only the start is named). */
  start?: URL;
  location: { host: string; url: string };
  signup: boolean;
  /** Hops that redirected. */
  redirects: number;
  /** `url (status) → location; …` for evidence. */
  trail: string;
}

/** One named rule: facts in, at most one finding out. */
export interface RedirectRule {
  id: string;
  check(facts: ChainFacts): (Omit<FindingInput, 'paths' | 'location'> & { location?: FindingInput['location'] }) | undefined;
}

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
const hostOf = (url: string) => parseUrl(url)?.hostname ?? '';

const loop: RedirectRule = {
  id: 'redirect-loop',
  check: ({ chain, signup, redirects, trail }) => {
    if (chain.end !== 'loop' && chain.end !== 'too-many-hops') return undefined;
    return {
      ruleId: 'redirect-loop',
      severity: signup ? 'blocker' : 'high',
      title: `${chain.start} ${chain.end === 'loop' ? 'redirects in a loop' : `redirects more than ${redirects} times`}: visitors get "too many redirects"`,
      fix: 'make the redirect rules at your host/CDN agree (often: CDN forces https while the origin forces http, or www and root redirect to each other)',
      evidence: trail.slice(0, 500),
    };
  },
};

const badTarget: RedirectRule = {
  id: 'redirect-bad-target',
  check: ({ chain, signup, trail }) => {
    if (chain.end !== 'bad-target') return undefined;
    return {
      ruleId: 'redirect-bad-target',
      severity: signup ? 'blocker' : 'high',
      title: `${chain.start} redirects to a target that is not a web page (${(chain.detail ?? '').slice(0, 60)})`,
      fix: 'point the redirect at an https:// URL on your domain',
      evidence: trail.slice(0, 500),
    };
  },
};

const pageUnreachable: RedirectRule = {
  id: 'page-unreachable',
  check: ({ chain, context, signup }) => {
    if (chain.end !== 'error' || context.kind !== 'page') return undefined;
    return {
      ruleId: 'page-unreachable',
      severity: signup ? 'blocker' : 'high',
      title: `${chain.finalUrl} does not answer: ${chain.detail ?? 'no answer'}`,
      fix: 'check the server, its TLS setup and the DNS records for this host',
      location: { host: hostOf(chain.finalUrl), url: chain.finalUrl },
    };
  },
};

const httpEntryUnreachable: RedirectRule = {
  id: 'http-entry-unreachable',
  check: ({ chain, context, start }) => {
    if (chain.end !== 'error' || context.kind !== 'entry' || start?.protocol !== 'http:') return undefined;
    // An ad link or a typed address starts at http://; an API host may close port 80 on purpose.
    return {
      ruleId: 'http-entry-unreachable',
      severity: context.paths.includes('homepage') ? 'high' : 'low',
      title: `${chain.start} does not answer (${chain.detail ?? 'no answer'}): visitors who type the address or follow an http:// link get no page`,
      fix: 'answer on port 80 with a redirect to https:// (most hosts and CDNs have an "always use HTTPS" switch)',
    };
  },
};

const pageError: RedirectRule = {
  id: 'page-error',
  check: ({ chain, context, signup }) => {
    if (chain.end !== 'answered' || !chain.final || context.kind !== 'page' || chain.final.status < 400) return undefined;
    return {
      ruleId: 'page-error',
      severity: signup ? 'blocker' : 'high',
      title: `${chain.finalUrl} answers HTTP ${chain.final.status}`,
      fix: 'fix the route or remove the page from trust.pages',
      location: { host: hostOf(chain.finalUrl), url: chain.finalUrl },
    };
  },
};

const offDomain: RedirectRule = {
  id: 'redirect-off-domain',
  check: ({ chain, context, trail }) => {
    const domain = context.domain;
    if (!domain) return undefined;
    const off = chain.hops
      .map((h) => (h.location === undefined ? undefined : parseUrl(h.location, h.url)))
      .find((u) => u && /^https?:$/.test(u.protocol) && !onDomain(u.hostname, domain));
    if (!off) return undefined;
    return {
      ruleId: 'redirect-off-domain',
      severity: 'high',
      title: `${chain.start} redirects off ${domain} to ${off.hostname}`,
      fix: 'redirect only within your domain; an off-domain hop looks like a hijack and breaks cookies',
      evidence: trail.slice(0, 500),
    };
  },
};

const notToHttps: RedirectRule = {
  id: 'http-not-redirected-to-https',
  check: ({ chain, start, trail }) => {
    const first = chain.hops[0];
    if (start?.protocol !== 'http:' || !first) return undefined;
    // An unparseable first Location is the bad-target rule's to report, not this one's.
    if (first.location !== undefined && !parseUrl(first.location, first.url)) return undefined;
    const target = first.location === undefined ? undefined : parseUrl(first.location, first.url);
    if (target?.protocol === 'https:') return undefined;
    return {
      ruleId: 'http-not-redirected-to-https',
      severity: 'medium',
      title: `${chain.start} ${target ? `redirects to ${target.protocol}//${target.host} first` : `answers ${first.status} over plain http`} instead of going to https://`,
      fix: 'make the first answer on http:// a 301 to the https:// URL (one hop)',
      evidence: trail.slice(0, 500),
    };
  },
};

const notCanonical: RedirectRule = {
  id: 'redirect-not-canonical',
  check: ({ chain, context, start, trail }) => {
    const canonical = context.canonical;
    if (chain.end !== 'answered' || !canonical || !start || !context.homepageHosts.has(start.hostname)) return undefined;
    if (context.kind !== 'entry' && start.pathname !== '/') return undefined;
    if (chain.finalUrl.startsWith(canonical)) return undefined;
    return {
      ruleId: 'redirect-not-canonical',
      severity: 'medium',
      title: `${chain.start} lands on ${chain.finalUrl}, not on the canonical ${canonical}`,
      fix: `redirect every entry point (http/https, root/www) to ${canonical} with one 301`,
      evidence: trail.slice(0, 500),
    };
  },
};

const chainLong: RedirectRule = {
  id: 'redirect-chain-long',
  check: ({ chain, redirects, trail }) => {
    if (chain.end !== 'answered' || redirects <= MAX_REDIRECTS) return undefined;
    return {
      ruleId: 'redirect-chain-long',
      severity: 'low',
      title: `${chain.start} takes ${redirects} redirects to land (at most ${MAX_REDIRECTS} expected)`,
      fix: 'redirect straight to the final URL in one hop',
      evidence: trail.slice(0, 500),
    };
  },
};

/** The rules in report order: how the chain ended first, then what its hops did. */
export const REDIRECT_RULES: readonly RedirectRule[] = [
  loop,
  badTarget,
  pageUnreachable,
  httpEntryUnreachable,
  pageError,
  offDomain,
  notToHttps,
  notCanonical,
  chainLong,
];

/** The facts every rule reads about a chain. */
export function chainFacts(chain: RedirectChain, context: ChainContext): ChainFacts {
  const start = parseUrl(chain.start);
  return {
    chain,
    context,
    start,
    location: { host: start?.hostname ?? '', url: chain.start },
    signup: context.paths.includes('signup'),
    redirects: chain.hops.filter((h) => h.location !== undefined).length,
    trail: chain.hops.map((h) => (h.location !== undefined ? `${h.url} (${h.status}) → ${h.location}` : `${h.url} (${h.status})`)).join('; '),
  };
}

/** Findings about one followed chain: loops, bad targets, off-domain, http→https, canonical, length. */
export function redirectFindings(chain: RedirectChain, context: ChainContext, rules: readonly RedirectRule[] = REDIRECT_RULES): FindingInput[] {
  const facts = chainFacts(chain, context);
  const findings: FindingInput[] = [];
  for (const rule of rules) {
    const found = rule.check(facts);
    if (found) findings.push({ paths: context.paths, location: facts.location, ...found });
  }
  return findings;
}
