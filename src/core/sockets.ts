/**
 * Opening a connection the way `network` says: `connectTo` reroutes it, `resolvers` answer the
 * name, `ca` is trusted on top of the system roots, and the TLS name stays the original host's so
 * SNI and certificate checks are those of the real site.
 */
import { Resolver } from 'node:dns';
import { connect as connectTcp, isIP, type LookupFunction, type Socket } from 'node:net';
import { connect as connectTls, rootCertificates } from 'node:tls';
import { applyConnectTo, parseConnectRules } from './network.js';
import type { NetworkOptions } from './stage.js';

/** A `lookup` that asks the configured DNS servers (A records, then AAAA). */
export function resolverLookup(servers: readonly string[]): LookupFunction {
  const resolver = new Resolver();
  resolver.setServers([...servers]);
  return (hostname, options, callback) => {
    const answer = (addresses: string[], family: 4 | 6): void => {
      if (options.all)
        callback(
          null,
          addresses.map((address) => ({ address, family })),
        );
      else callback(null, addresses[0]!, family);
    };
    if (isIP(hostname)) return answer([hostname], isIP(hostname) === 6 ? 6 : 4);
    resolver.resolve4(hostname, (error4, v4) => {
      if (!error4 && v4.length > 0) return answer(v4, 4);
      resolver.resolve6(hostname, (error6, v6) => {
        if (!error6 && v6.length > 0) return answer(v6, 6);
        callback(error4 ?? error6 ?? new Error(`${hostname} has no A or AAAA record`), '', 4);
      });
    });
  };
}

/** Opens a new connection to one origin; the socket emits `connect`/`secureConnect` or `error`. */
export type SocketOpener = () => Socket;

/** An opener for `origin` (`http://host:port` or `https://host:port`) under the network settings. */
export function socketOpener(origin: URL, network: NetworkOptions): SocketOpener {
  const secure = origin.protocol === 'https:';
  const hostname = origin.hostname.replace(/^\[|\]$/g, '');
  const port = Number(origin.port) || (secure ? 443 : 80);
  const route = applyConnectTo(parseConnectRules(network.connectTo), hostname, port);
  const lookup = network.resolvers.length > 0 ? resolverLookup(network.resolvers) : undefined;
  const base = { host: route.host, port: route.port, noDelay: true, ...(lookup ? { lookup } : {}) };
  if (!secure) return () => connectTcp(base);
  const ca = network.ca.length > 0 ? [...rootCertificates, ...network.ca] : undefined;
  const servername = isIP(hostname) ? undefined : hostname;
  return () => connectTls({ ...base, ALPNProtocols: ['http/1.1'], ...(servername ? { servername } : {}), ...(ca ? { ca } : {}) });
}
