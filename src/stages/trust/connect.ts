import { isIP } from 'node:net';
import type { DnsClient } from './dns.js';

/** One curl `--connect-to` rule: traffic for HOST1:PORT1 goes to HOST2:PORT2 (empty = any / same). */
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
  const rule: ConnectRule = { fromHost: unbracket(parts[1]!).toLowerCase().replace(/\.$/, ''), toHost: unbracket(parts[3]!) };
  if (parts[2]) rule.fromPort = Number(parts[2]);
  if (parts[4]) rule.toPort = Number(parts[4]);
  return rule;
}

/** Where a connection to `host:port` really goes after the first matching rule (curl semantics). */
export function applyConnectTo(rules: ConnectRule[], host: string, port: number): { host: string; port: number; rewritten: boolean } {
  for (const rule of rules) {
    if (rule.fromHost && rule.fromHost !== host) continue;
    if (rule.fromPort !== undefined && rule.fromPort !== port) continue;
    return { host: rule.toHost || host, port: rule.toPort ?? port, rewritten: true };
  }
  return { host, port, rewritten: false };
}

/** Resolves where to open a socket for a hostname: connectTo first, else our resolver's A/AAAA. */
export class Dialer {
  private readonly rules: ConnectRule[];
  constructor(connectTo: string[], private readonly dns: DnsClient) {
    this.rules = connectTo.map(parseConnectRule).filter((r): r is ConnectRule => r !== undefined);
  }

  /** The address and port to dial for `host:port`; throws with a one-line reason when there is none. */
  async target(host: string, port: number): Promise<{ address: string; port: number }> {
    const routed = applyConnectTo(this.rules, host, port);
    if (isIP(routed.host) !== 0) return { address: routed.host, port: routed.port };
    for (const type of ['A', 'AAAA'] as const) {
      const answer = await this.dns.query(routed.host, type);
      if (answer.status === 'found' && answer.records[0]) return { address: answer.records[0].value, port: routed.port };
      if (answer.status === 'unknown') throw new Error(`DNS for ${routed.host} is unknown (${answer.reason})`);
    }
    throw new Error(`${routed.host} has no address`);
  }
}
