import { setMaxListeners } from 'node:events';
import { reasonOf } from '../../core/errors.js';
import type { FindingInput } from '../../core/findings.js';
import type { StageContext, StageOutcome, StagePartError } from '../../core/stage.js';
import { SEVERITIES } from '../../core/severity.js';
import { isCloudflareAddress, CLOUDFLARE_RANGES_DATE } from './cloudflare.js';
import type { TrustConfig } from './config.js';
import { addressResolver, createDnsClient, type DnsClient, type DnsVerdict } from './dns.js';
import { hostDnsFindings, recordsOf, resolutionOf, rootAndWwwFindings, type HostDns, type Resolution } from './dns-checks.js';
import { domainMapBlock, domainMapRow, type DomainMapRow } from './domain-map.js';
import { gatherEmailFacts } from './email.js';
import { emailFindings } from './email-checks.js';
import { fetchOnce, followRedirects, type FetchOptions, type RedirectChain } from './redirects.js';
import { cookieCachingFindings, mixedContentFindings, privateRouteFindings, redirectFindings } from './page-checks.js';
import { pathsOfHost, pathsOfUrl } from './paths.js';
import { acceptsLegacyTls, probeTls, type TlsProbe } from './tls.js';
import { hstsFindings, hstsNote, legacyTlsFinding, tlsFindings } from './tls-checks.js';

/** First labels of hosts that carry mail protocols, which Cloudflare's HTTP proxy cannot pass. */
const MAIL_HOST = /^(mail|smtp|imap|pop3?|mx|webmail|autodiscover)\d*$/;

interface HostReport {
  findings: FindingInput[];
  row: DomainMapRow;
  resolution: Resolution;
  paths: string[];
}

/** Addresses tried per proxied host when looking for an origin that answers directly. */
const MAX_ORIGIN_CANDIDATES = 5;

/** The whole stage: every hostname, page, private route and mail domain concurrently. */
export async function runTrust(ctx: StageContext<TrustConfig>): Promise<StageOutcome> {
  const config = ctx.options;
  const errors: StagePartError[] = [];
  let dns: DnsClient;
  try {
    dns = await createDnsClient({ servers: ctx.network.resolvers, timeoutMs: config.dnsTimeoutMs, tries: config.dnsTries });
  } catch (error) {
    // An unusable resolver makes every DNS answer unknown: report the part, check nothing as missing.
    return {
      summary: `trust: could not use the DNS resolvers: ${reasonOf(error)}`,
      findings: [],
      errors: [{ part: 'dns', message: reasonOf(error), fix: 'set trust.resolvers to IP addresses, e.g. ["1.1.1.1", "127.0.0.1:5353"]' }],
    };
  }
  const resolve = addressResolver(dns);
  const homepageHosts = new Set<string>();
  if (config.domain) {
    homepageHosts.add(config.domain);
    homepageHosts.add(`www.${config.domain}`);
  }
  if (config.canonical) homepageHosts.add(new URL(config.canonical).hostname.toLowerCase());
  const now = new Date();
  // One signal for the many concurrent requests (each adds an abort listener), linked to the run's.
  const abort = new AbortController();
  setMaxListeners(0, abort.signal);
  if (ctx.signal.aborted) abort.abort();
  else ctx.signal.addEventListener('abort', () => abort.abort(), { once: true });
  const fetchOptions: FetchOptions = {
    http: ctx.services.http,
    resolve,
    timeoutMs: config.timeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    readBody: false,
    signal: abort.signal,
  };
  const tlsOptions = { connectTo: ctx.network.connectTo, resolve, ca: ctx.network.ca, timeoutMs: config.timeoutMs };

  const hostJobs = config.hostnames.map((host) => checkHost(host, config, dns, homepageHosts, fetchOptions, tlsOptions, now));
  const pageJobs = config.pages.map((page) => checkPage(page, config, homepageHosts, fetchOptions));
  const privateJobs = config.privateRoutes.map((url) => checkPrivateRoute(url, fetchOptions, homepageHosts, errors));
  const emailJobs = config.emailDomains.map(async (d) => emailFindings(await gatherEmailFacts(d.name, d.dkimSelectors, config.probeDkimSelectors, dns)));
  const rootWwwJob = checkRootAndWww(config, dns);
  const [hosts, pages, privates, emails, rootWww] = await Promise.all([
    Promise.all(hostJobs),
    Promise.all(pageJobs),
    Promise.all(privateJobs),
    Promise.all(emailJobs),
    rootWwwJob,
  ]);

  const exposed = await checkOriginExposure(hosts, tlsOptions);
  const findings = uniqueFindings([...hosts.flatMap((h) => h.findings), ...exposed, ...rootWww, ...pages.flat(), ...privates.flat(), ...emails.flat()]);
  const domainMap = hosts.map((h) => h.row);
  const unknownHosts = hosts.filter((h) => h.resolution.status === 'unknown').map((h) => h.row.host);
  if (unknownHosts.length > 0) {
    errors.push({
      part: 'dns',
      message: `DNS answer unknown for ${unknownHosts.join(', ')} (${hosts.find((h) => h.resolution.status === 'unknown')!.row.dns})`,
      fix: 'check trust.resolvers and the DNS provider, then run again',
    });
  }
  const emailUnknown = findings.filter((f) => f.ruleId === 'email-dns-unknown');
  if (emailUnknown.length > 0) {
    errors.push({
      part: 'email',
      message: `DNS answer unknown for ${[...new Set(emailUnknown.map((f) => f.location?.host))].join(', ')} (${emailUnknown[0]!.evidence})`,
      fix: 'check trust.resolvers and the DNS provider, then run again',
    });
  }
  const counts = SEVERITIES.filter((s) => s !== 'info')
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0);
  const summary = `checked ${config.hostnames.length} hostname(s), ${config.pages.length} page(s), ${config.privateRoutes.length} private route(s), ${config.emailDomains.length} mail domain(s): ${counts.length ? counts.map(([s, n]) => `${n} ${s}`).join(', ') : 'no problems above info'}`;
  const outcome: StageOutcome = {
    summary,
    findings,
    checkedPaths: pathsChecked(config, homepageHosts),
    metrics: {
      domainMap,
      cloudflareRangesDate: CLOUDFLARE_RANGES_DATE,
      hostnames: config.hostnames.length,
      pages: config.pages.length,
      mailDomains: config.emailDomains.length,
    },
    blocks: domainMap.length > 0 ? [domainMapBlock(domainMap)] : [],
  };
  if (errors.length > 0) outcome.errors = errors;
  return outcome;
}

async function hostDnsOf(host: string, dns: DnsClient): Promise<HostDns> {
  const [a, aaaa, cname, caa] = await Promise.all([dns.query(host, 'A'), dns.query(host, 'AAAA'), dns.query(host, 'CNAME'), effectiveCaa(host, dns)]);
  return { host, a, aaaa, cname, caa };
}

/** CAA applies down the tree (RFC 8659): a host without its own record inherits its parent's. */
async function effectiveCaa(host: string, dns: DnsClient): Promise<DnsVerdict> {
  const own = await dns.query(host, 'CAA');
  const labels = host.split('.');
  for (let i = 1; own.status === 'missing' && i < labels.length - 1; i++) {
    const parent = labels.slice(i).join('.');
    const inherited = await dns.query(parent, 'CAA');
    if (inherited.status === 'found') return { status: 'found', records: inherited.records.map((r) => ({ ...r, value: `${r.value} (from ${parent})` })) };
    if (inherited.status === 'unknown') return inherited;
  }
  return own;
}

function dnsText(resolution: Resolution): string {
  return resolution.status === 'found' ? 'found' : `${resolution.status} (${resolution.reason})`;
}

async function checkHost(
  host: string,
  config: TrustConfig,
  dns: DnsClient,
  homepageHosts: Set<string>,
  fetchOptions: FetchOptions,
  tlsOptions: Parameters<typeof probeTls>[1],
  now: Date,
): Promise<HostReport> {
  const paths = pathsOfHost(host, homepageHosts);
  const hostDns = await hostDnsOf(host, dns);
  const resolution = resolutionOf(hostDns);
  const findings = hostDnsFindings(hostDns, paths);
  const proxiedByRange = resolution.status === 'found' && resolution.addresses.some(isCloudflareAddress);
  let tls: TlsProbe | undefined;
  let http: RedirectChain | undefined;
  let https: RedirectChain | undefined;
  let cfRay = false;
  let hsts: string | null = null;
  if (resolution.status === 'found') {
    const entryContext = { domain: config.domain, canonical: config.canonical, homepageHosts, paths, kind: 'entry' as const };
    const [probe, legacy, httpChain, httpsChain] = await Promise.all([
      probeTls(host, tlsOptions),
      acceptsLegacyTls(host, tlsOptions),
      followRedirects(`http://${host}/`, config.maxRedirects, fetchOptions),
      followRedirects(`https://${host}/`, config.maxRedirects, fetchOptions),
    ]);
    tls = probe;
    http = httpChain;
    https = httpsChain;
    findings.push(...tlsFindings(probe, paths, now));
    if (legacy?.accepted && legacy.version) findings.push(legacyTlsFinding(host, legacy.version, paths));
    findings.push(...redirectFindings(httpChain, entryContext));
    if (probe.connected) findings.push(...redirectFindings(httpsChain, entryContext));
    const firstHttps = await firstAnswer(host, fetchOptions);
    if (firstHttps) {
      findings.push(...hstsFindings(host, firstHttps.headers, paths));
      hsts = hstsNote(firstHttps.headers);
    }
    cfRay = firstHttps?.headers['cf-ray'] !== undefined;
    if (cfRay && !proxiedByRange) {
      findings.push({
        ruleId: 'cloudflare-ray-direct',
        severity: 'info',
        title: `${host} answers with a cf-ray header but resolves outside Cloudflare's ranges`,
        fix: 'nothing to do if another CDN fronts Cloudflare; otherwise check the record is proxied',
        paths,
        location: { host },
      });
    }
  }
  if (proxiedByRange && MAIL_HOST.test(host.split('.')[0] ?? '')) {
    findings.push({
      ruleId: 'mail-host-proxied',
      severity: 'high',
      title: `${host} looks like a mail host but is proxied by Cloudflare: SMTP/IMAP cannot pass through the proxy`,
      fix: `set the record of ${host} to "DNS only" (grey cloud) in Cloudflare`,
      paths: ['email'],
      location: { host },
    });
  } else if (proxiedByRange) {
    findings.push({
      ruleId: 'cloudflare-proxied',
      severity: 'info',
      title: `${host} is proxied by Cloudflare (ranges of ${CLOUDFLARE_RANGES_DATE})`,
      fix: "nothing to do; make sure the origin only accepts Cloudflare's addresses",
      paths,
      location: { host },
    });
  }
  const row = domainMapRow({ host, dns: dnsText(resolution), records: recordsOf(hostDns), proxied: proxiedByRange || cfRay, tls, hsts, http, https, now });
  return { findings, row, resolution, paths };
}

/** The first HTTPS answer of a host's root (HSTS is judged on it, before any redirect). */
async function firstAnswer(host: string, options: FetchOptions) {
  try {
    return await fetchOnce(new URL(`https://${host}/`), options);
  } catch {
    return undefined;
  }
}

async function checkRootAndWww(config: TrustConfig, dns: DnsClient): Promise<FindingInput[]> {
  if (!config.domain) return [];
  const names = [config.domain, `www.${config.domain}`];
  // A declared hostname already reports its own resolution.
  if (names.every((n) => config.hostnames.includes(n))) return [];
  const [root, www] = await Promise.all(names.map(async (n) => resolutionOf(await hostDnsOf(n, dns))));
  return rootAndWwwFindings(
    config.domain,
    config.hostnames.includes(names[0]!) ? { status: 'found', addresses: [] } : root!,
    config.hostnames.includes(names[1]!) ? { status: 'found', addresses: [] } : www!,
  );
}

async function checkPage(page: string, config: TrustConfig, homepageHosts: Set<string>, fetchOptions: FetchOptions): Promise<FindingInput[]> {
  const paths = pathsOfUrl(page);
  const chain = await followRedirects(page, config.maxRedirects, { ...fetchOptions, readBody: true });
  const findings = redirectFindings(chain, { domain: config.domain, canonical: config.canonical, homepageHosts, paths, kind: 'page' });
  const final = chain.final;
  if (final) {
    if (final.body !== undefined && chain.finalUrl.startsWith('https:')) findings.push(...mixedContentFindings(chain.finalUrl, final.body, paths));
    findings.push(...cookieCachingFindings(chain.finalUrl, final.headers, paths));
  }
  return findings;
}

async function checkPrivateRoute(url: string, fetchOptions: FetchOptions, homepageHosts: Set<string>, errors: StagePartError[]): Promise<FindingInput[]> {
  const paths = pathsOfUrl(url);
  try {
    const response = await fetchOnce(new URL(url), fetchOptions);
    return privateRouteFindings(url, response.headers, paths.includes('homepage') ? ['deploy'] : paths);
  } catch (error) {
    errors.push({ part: 'caching', message: `${url}: ${reasonOf(error)}`, fix: 'check that the route answers, then run again' });
    return [];
  }
}

/** Two pages that land on the same URL report its problems once. */
function uniqueFindings(findings: FindingInput[]): FindingInput[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [f.ruleId, f.location?.host, f.location?.url, f.evidence, f.title].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A proxied host whose origin also answers directly: for each Cloudflare-proxied host, try the
 * addresses of the declared hosts that are not proxied (the likely origins) with the proxied name
 * over SNI. A valid certificate for the name there means the proxy (and its WAF) can be bypassed.
 */
async function checkOriginExposure(hosts: HostReport[], tlsOptions: Parameters<typeof probeTls>[1]): Promise<FindingInput[]> {
  const proxied = hosts.filter((h) => h.row.proxied && h.resolution.status === 'found');
  const candidates = [
    ...new Set(
      hosts.filter((h) => !h.row.proxied && h.resolution.status === 'found').flatMap((h) => (h.resolution.status === 'found' ? h.resolution.addresses : [])),
    ),
  ]
    .filter((a) => !isCloudflareAddress(a))
    .slice(0, MAX_ORIGIN_CANDIDATES);
  const findings = await Promise.all(
    proxied.map(async (host) => {
      for (const address of candidates) {
        const probe = await probeTls(host.row.host, tlsOptions, 443, address);
        if (probe.connected && !probe.chainError && !probe.nameError) {
          return [
            {
              ruleId: 'cloudflare-origin-exposed',
              severity: 'info' as const,
              title: `${host.row.host} is proxied by Cloudflare but its origin also answers directly at ${address}: visitors and attackers can bypass the proxy`,
              fix: "firewall the origin to Cloudflare's published ranges (or use Cloudflare Tunnel) so it only answers through the proxy",
              paths: host.paths,
              location: { host: host.row.host },
              evidence: `TLS for ${host.row.host} at ${address}: ${probe.issuer ?? ''}`,
            },
          ];
        }
      }
      return [];
    }),
  );
  return findings.flat();
}

/** The default critical paths this configuration lets the stage check: hosts, pages and mail domains it was given. */
function pathsChecked(config: TrustConfig, homepageHosts: ReadonlySet<string>): string[] {
  const paths = new Set<string>();
  for (const host of config.hostnames) pathsOfHost(host, homepageHosts).forEach((p) => paths.add(p));
  for (const url of [...config.pages, ...config.privateRoutes]) pathsOfUrl(url).forEach((p) => paths.add(p));
  if (config.domain) paths.add('homepage');
  if (config.emailDomains.length > 0) paths.add('email');
  return [...paths];
}
