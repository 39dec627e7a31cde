import { isIP } from 'node:net';

/**
 * `network.connectTo` (alias `trust.connectTo`), honoured by every stage that opens a connection:
 * curl's `--connect-to` rules, so a team can check a new origin before the DNS cut-over and tests
 * can run on loopback.
 */

/** One rule: traffic for HOST1:PORT1 goes to HOST2:PORT2 (an empty HOST1/PORT1 matches any). */
export interface ConnectRule {
  fromHost: string;
  fromPort?: number;
  toHost: string;
  toPort?: number;
}

/** `HOST1:PORT1:HOST2:PORT2` (IPv6 in brackets) → rule; undefined when it does not parse. */
export function parseConnectRule(text: string): ConnectRule | undefined {
  const parts = /^(\[[^\]]*\]|[^:]*):(\d*):(\[[^\]]*\]|[^:]*):(\d*)$/.exec(text.trim());
  if (!parts) return undefined;
  const unbracket = (s: string) => s.replace(/^\[|\]$/g, '');
  const rule: ConnectRule = { fromHost: normaliseHost(unbracket(parts[1]!)), toHost: unbracket(parts[3]!) };
  if (parts[2]) rule.fromPort = Number(parts[2]);
  if (parts[4]) rule.toPort = Number(parts[4]);
  return rule;
}

/** Every rule of a `connectTo` list that parses (the config schema already rejected the others). */
export function parseConnectRules(connectTo: readonly string[]): ConnectRule[] {
  return connectTo.map(parseConnectRule).filter((r): r is ConnectRule => r !== undefined);
}

/**
 * Where a connection to `host:port` really goes: the first matching rule wins, as in curl.
 * `everyHost` says the rule names no host: it routes all traffic to that port (a lab, a hosts file),
 * rather than one hostname to a new origin.
 */
export function applyConnectTo(
  rules: readonly ConnectRule[],
  host: string,
  port: number,
): { host: string; port: number; rewritten: boolean; everyHost?: boolean } {
  const name = normaliseHost(host);
  for (const rule of rules) {
    if (rule.fromHost && rule.fromHost !== name) continue;
    if (rule.fromPort !== undefined && rule.fromPort !== port) continue;
    return { host: rule.toHost || host, port: rule.toPort ?? port, rewritten: true, ...(rule.fromHost ? {} : { everyHost: true }) };
  }
  return { host, port, rewritten: false };
}

function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

/** `1.1.1.1`, `127.0.0.1:5353`, `[::1]:53`, `::1` → host and port. */
export function splitHostPort(value: string, defaultPort: number): { host: string; port: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : defaultPort };
  if (isIP(value) === 6) return { host: value, port: defaultPort };
  const colon = value.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(value.slice(colon + 1))) return { host: value.slice(0, colon), port: Number(value.slice(colon + 1)) };
  return { host: value, port: defaultPort };
}

/** Turns a hostname into one address to dial; throws with a one-line reason when there is none. */
export type AddressResolver = (host: string) => Promise<string>;

/**
 * The address and port a socket for `host:port` opens: `connectTo` first, then `resolve` for a name
 * (an IP literal, bracketed or not, is dialled as it is). The HTTP client and the trust stage's raw
 * TLS probes both route through it, so they agree on where a host is.
 */
export async function routeConnection(
  rules: readonly ConnectRule[],
  host: string,
  port: number,
  resolve: AddressResolver,
): Promise<{ address: string; port: number }> {
  const routed = applyConnectTo(rules, host.replace(/^\[|\]$/g, ''), port);
  const literal = routed.host.replace(/^\[|\]$/g, '');
  if (isIP(literal) !== 0) return { address: literal, port: routed.port };
  return { address: await resolve(routed.host), port: routed.port };
}
