import { Resolver } from 'node:dns';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import type { NetworkOptions } from '../../../core/stage.js';

/** A `fetch` for the live-site scan. */
export type Fetcher = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

interface ConnectRule {
  fromHost: string;
  fromPort?: number;
  toHost: string;
  toPort?: number;
}

/** `HOST1:PORT1:HOST2:PORT2` as curl's `--connect-to` (empty HOST1/PORT1 = any; IPv6 in brackets). */
export function parseConnectTo(text: string): ConnectRule | undefined {
  const parts = /^(\[[^\]]*\]|[^:]*):(\d*):(\[[^\]]*\]|[^:]*):(\d*)$/.exec(text.trim());
  if (!parts) return undefined;
  const bare = (s: string) => s.replace(/^\[|\]$/g, '');
  const rule: ConnectRule = { fromHost: bare(parts[1]!).toLowerCase(), toHost: bare(parts[3]!) };
  if (parts[2]) rule.fromPort = Number(parts[2]);
  if (parts[4]) rule.toPort = Number(parts[4]);
  return rule;
}

/** Where a connection for `host:port` really goes: the first matching rule wins, as in curl. */
export function routeOf(rules: readonly ConnectRule[], host: string, port: number): { host: string; port: number } {
  for (const rule of rules) {
    if (rule.fromHost && rule.fromHost !== host.toLowerCase()) continue;
    if (rule.fromPort !== undefined && rule.fromPort !== port) continue;
    return { host: rule.toHost || host, port: rule.toPort ?? port };
  }
  return { host, port };
}

type LookupCallback = (error: Error | null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * The plain global `fetch` unless the config sets the offline knobs; then an undici agent that
 * sends each host's traffic where `trust.connectTo` says (keeping the Host header and TLS name),
 * asks `trust.resolvers`, and trusts `trust.ca` on top of the system roots.
 */
export function fetcherFor(network: NetworkOptions): Fetcher {
  if (network.connectTo.length === 0 && network.resolvers.length === 0 && network.ca.length === 0) {
    return (url, init) => fetch(url, { ...init, redirect: 'follow' });
  }
  const rules = network.connectTo.map(parseConnectTo).filter((r): r is ConnectRule => r !== undefined);
  const options: Record<string, unknown> = {};
  if (network.ca.length > 0) options.ca = [...rootCertificates, ...network.ca];
  if (network.resolvers.length > 0) {
    const resolver = new Resolver();
    resolver.setServers(network.resolvers);
    options.lookup = (hostname: string, lookupOptions: { all?: boolean }, callback: LookupCallback) => {
      resolver.resolve4(hostname, (error, addresses) => {
        if (error || addresses.length === 0) return callback(error ?? new Error(`${hostname} has no A record`), '');
        if (lookupOptions?.all) return callback(null, addresses.map((address) => ({ address, family: 4 })));
        callback(null, addresses[0]!, 4);
      });
    };
  }
  const connect = buildConnector(options as buildConnector.BuildOptions);
  const agent = new Agent({
    connect: (opts, callback) => {
      const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
      const route = routeOf(rules, opts.hostname, port);
      // `host` keeps the original name, so SNI and certificate checks stay those of the real site.
      const servername = opts.servername ?? (isIP(opts.hostname) ? undefined : opts.hostname);
      return connect({ ...opts, hostname: route.host, port: String(route.port), ...(servername ? { servername } : {}) }, callback);
    },
  });
  return (url, init) => undiciFetch(url, { ...init, redirect: 'follow', dispatcher: agent }) as unknown as Promise<Response>;
}
