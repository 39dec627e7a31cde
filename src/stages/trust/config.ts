import { resolverProblem } from '../../core/config/network.js';
import { isRecord, read, recordsOf, stringsOf, withSchemaDefaults } from '../../core/guards.js';
import type { ConfigProblem, JsonSchema, StageFlag } from '../../core/stage.js';

export { splitHostPort } from '../../core/network.js';

/** One sending domain to check for MX, SPF, DKIM and DMARC. */
export interface EmailDomainConfig {
  name: string;
  /** Declared DKIM selectors (a probe list of common providers' selectors is tried too). */
  dkimSelectors: string[];
}

/** The `trust` section as the stage reads it, names normalised. */
export interface TrustConfig {
  domain?: string;
  hostnames: string[];
  canonical?: string;
  pages: string[];
  privateRoutes: string[];
  emailDomains: EmailDomainConfig[];
  /** Per-request timeout for HTTP and TLS, ms. */
  timeoutMs: number;
  /** Per-query DNS timeout, ms, and tries per query. */
  dnsTimeoutMs: number;
  dnsTries: number;
  /** Hops followed before a redirect chain is called a loop. */
  maxRedirects: number;
  /** Bytes of a page body read at most (mixed content scan). */
  maxBodyBytes: number;
  /** Also probe a short list of common providers' DKIM selectors. */
  probeDkimSelectors: boolean;
}

const HOSTNAME = '^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\\.[A-Za-z0-9_-]{1,63})*\\.?$';

/** The `trust` section of launch-ready.yml (resolvers, connectTo and ca are added by the core). */
export const trustConfigSchema: JsonSchema = {
  properties: {
    domain: {
      type: 'string',
      pattern: HOSTNAME,
      description: 'The apex domain of the launch (root and www are both expected to resolve).',
      errorMessage: 'expected a domain name; e.g. example.com',
    },
    hostnames: {
      type: 'array',
      items: { type: 'string', pattern: HOSTNAME },
      default: [],
      description: 'Public hostnames to check: DNS, TLS, HSTS, redirects, Cloudflare proxying. Default: the domain and www.<domain>.',
      errorMessage: 'expected a list of hostnames; e.g. [example.com, www.example.com, app.example.com]',
    },
    canonical: {
      type: 'string',
      description: 'The one URL every entry point (http://, https://, root, www) should land on.',
      errorMessage: 'expected an https URL; e.g. https://www.example.com/',
    },
    pages: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Pages to fetch: redirect chains and loops, mixed content, Set-Cookie with public caching.',
      errorMessage: 'expected a list of URLs; e.g. [http://example.com/, https://www.example.com/pricing]',
    },
    privateRoutes: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Admin, webhook and login URLs that must never be cached by a CDN or proxy.',
      errorMessage: 'expected a list of URLs; e.g. [https://admin.example.com/, https://api.example.com/webhooks/stripe]',
    },
    email: {
      type: 'object',
      additionalProperties: false,
      description: 'Sending domains to check for MX, SPF, DKIM, DMARC, MTA-STS and TLS-RPT.',
      errorMessage: 'expected a mapping with domains; e.g. {domains: [{name: example.com, dkimSelectors: [google]}]}',
      properties: {
        domains: {
          type: 'array',
          default: [],
          description: 'One entry per domain that sends mail.',
          errorMessage: 'expected a list of {name, dkimSelectors}; e.g. [{name: example.com, dkimSelectors: [google, s1]}]',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: {
              name: {
                type: 'string',
                pattern: HOSTNAME,
                description: 'The sending domain (the part after @).',
                errorMessage: 'expected a domain name; e.g. example.com',
              },
              dkimSelectors: {
                type: 'array',
                items: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
                default: [],
                description: 'DKIM selectors your providers sign with (`google`, `s1`...).',
                errorMessage: 'expected a list of selectors; e.g. [google, s1]',
              },
            },
          },
        },
      },
    },
    timeoutMs: {
      type: 'integer',
      minimum: 100,
      maximum: 60000,
      default: 5000,
      description: 'Per-request timeout for HTTP and TLS, in ms.',
      errorMessage: 'expected milliseconds between 100 and 60000; e.g. 5000',
    },
    dnsTimeoutMs: {
      type: 'integer',
      minimum: 50,
      maximum: 30000,
      default: 1500,
      description: 'Per-query DNS timeout, in ms.',
      errorMessage: 'expected milliseconds between 50 and 30000; e.g. 1500',
    },
    dnsTries: {
      type: 'integer',
      minimum: 1,
      maximum: 5,
      default: 2,
      description: 'Tries per DNS query before the answer is `unknown`.',
      errorMessage: 'expected a number from 1 to 5; e.g. 2',
    },
    maxRedirects: {
      type: 'integer',
      minimum: 1,
      maximum: 20,
      default: 10,
      description: 'Redirect hops followed before the chain is reported as a loop.',
      errorMessage: 'expected a number from 1 to 20; e.g. 10',
    },
    maxBodyBytes: {
      type: 'integer',
      minimum: 1024,
      maximum: 52428800,
      default: 5242880,
      description: 'Bytes of a page read at most for the mixed-content scan.',
      errorMessage: 'expected bytes between 1024 and 52428800; e.g. 5242880',
    },
    probeDkimSelectors: { type: 'boolean', default: true, description: "Also look for common providers' DKIM selectors (google, selector1, k1...)." },
  },
};

/** `--host NAME`, repeatable, replaces `hostnames`. */
export const trustFlags: StageFlag[] = [
  {
    name: 'host',
    type: 'string',
    multiple: true,
    configKey: 'hostnames',
    valueName: 'NAME',
    description: 'a hostname to check (repeat for more); replaces trust.hostnames',
  },
];

/** `WWW.Example.COM.` → `www.example.com`: DNS names are case-insensitive and the root dot is implied. */
export function normaliseHostname(name: string): string {
  return name.trim().replace(/\.+$/, '').toLowerCase();
}

/** Why the stage has nothing to check, or undefined. */
export function trustNotConfigured(section: Record<string, unknown>): string | undefined {
  const hostnames = stringsOf(section.hostnames);
  const emailDomains = emailDomainsOf(section).length;
  if (!section.domain && hostnames.length === 0 && emailDomains === 0) {
    return 'Trust layer: no trust.domain, trust.hostnames or trust.email.domains configured; add e.g. trust: {domain: example.com}';
  }
  return undefined;
}

/** The problem with one URL value, or undefined when it is an http(s) URL. */
function urlProblem(value: string, httpsOnly: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a valid URL; write a full URL with scheme and host, e.g. https://www.example.com/pricing`;
  }
  if (url.protocol !== 'https:' && (httpsOnly || url.protocol !== 'http:')) {
    return `"${value}" is not an ${httpsOnly ? 'https' : 'http(s)'} URL; e.g. https://www.example.com/`;
  }
  if (!url.hostname) return `"${value}" has no host; e.g. https://www.example.com/`;
  return undefined;
}

/** Checks the schema cannot express: URLs that parse (the network keys are the core's: `network:`). */
export function validateTrustConfig(section: Record<string, unknown>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (typeof section.canonical === 'string') {
    const problem = urlProblem(section.canonical, true);
    if (problem) problems.push({ path: ['canonical'], message: problem });
  }
  // Also checked by the core for `network.resolvers`; the same problem is reported once.
  stringsOf(section.resolvers).forEach((value, index) => {
    const problem = resolverProblem(value);
    if (problem) problems.push({ path: ['resolvers', index], message: problem });
  });
  for (const key of ['pages', 'privateRoutes'] as const) {
    stringsOf(section[key]).forEach((value, index) => {
      const problem = urlProblem(value, false);
      if (problem) problems.push({ path: [key, index], message: problem });
    });
  }
  return problems;
}

function emailDomainsOf(section: Record<string, unknown>): Record<string, unknown>[] {
  return isRecord(section.email) ? recordsOf(section.email.domains) : [];
}

/** The section (defaults applied by the schema) as the stage reads it, hostnames normalised. */
export function readTrustConfig(given: Record<string, unknown>): TrustConfig {
  const section = withSchemaDefaults(trustConfigSchema, given);
  const domain = typeof section.domain === 'string' ? normaliseHostname(section.domain) : undefined;
  let hostnames = read.strings(section, 'hostnames').map(normaliseHostname);
  if (hostnames.length === 0 && domain) hostnames = [domain, `www.${domain}`];
  const config: TrustConfig = {
    hostnames: [...new Set(hostnames)],
    pages: read.strings(section, 'pages'),
    privateRoutes: read.strings(section, 'privateRoutes'),
    emailDomains: emailDomainsOf(section).map((d) => ({ name: normaliseHostname(String(d.name)), dkimSelectors: stringsOf(d.dkimSelectors) })),
    timeoutMs: read.number(section, 'timeoutMs'),
    dnsTimeoutMs: read.number(section, 'dnsTimeoutMs'),
    dnsTries: read.number(section, 'dnsTries'),
    maxRedirects: read.number(section, 'maxRedirects'),
    maxBodyBytes: read.number(section, 'maxBodyBytes'),
    probeDkimSelectors: read.boolean(section, 'probeDkimSelectors'),
  };
  if (domain) config.domain = domain;
  if (typeof section.canonical === 'string') config.canonical = section.canonical;
  return config;
}
