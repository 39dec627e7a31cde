import { isIP } from 'node:net';
import { applyConnectTo, parseConnectRules, type ConnectRule } from '../../core/network.js';
import type { DnsClient } from './dns.js';

/** Resolves where to open a socket for a hostname: connectTo first, else our resolver's A/AAAA. */
export class Dialer {
  private readonly rules: ConnectRule[];
  constructor(
    connectTo: string[],
    private readonly dns: DnsClient,
  ) {
    this.rules = parseConnectRules(connectTo);
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
