import { Resolver } from 'node:dns';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { applyConnectTo, parseConnectRules } from '../../../core/network.js';
import type { NetworkOptions } from '../../../core/stage.js';

/** A `fetch` for the live-site scan. */
export type Fetcher = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

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
  const rules = parseConnectRules(network.connectTo);
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
      const route = applyConnectTo(rules, opts.hostname, port);
      // `host` keeps the original name, so SNI and certificate checks stay those of the real site.
      const servername = opts.servername ?? (isIP(opts.hostname) ? undefined : opts.hostname);
      return connect({ ...opts, hostname: route.host, port: String(route.port), ...(servername ? { servername } : {}) }, callback);
    },
  });
  return (url, init) => undiciFetch(url, { ...init, redirect: 'follow', dispatcher: agent }) as unknown as Promise<Response>;
}
