import { generateKeyPairSync } from 'node:crypto';
import type { ZoneRecord } from './dns-server.js';

/** The demo launch's public hosts, all served on loopback. */
export const DEMO_SUBDOMAINS = ['www', 'app', 'api', 'admin'] as const;

function dkimKey(): string[] {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const text = `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
  // A TXT character string holds at most 255 bytes: split the key as DNS panels do.
  return text.match(/.{1,250}/g) ?? [];
}

/**
 * The demo zone: every host on 127.0.0.1, mail through `mx.`, SPF, a DKIM key for selector `s1`,
 * and DMARC. The fault: DMARC at `p=none` with no reports, so spoofed mail is delivered unseen.
 */
export function demoZone(domain: string, fixed: boolean): ZoneRecord[] {
  const hosts = [domain, ...DEMO_SUBDOMAINS.map((sub) => `${sub}.${domain}`)];
  const dmarc = fixed ? `v=DMARC1; p=quarantine; rua=mailto:dmarc@${domain}` : 'v=DMARC1; p=none';
  return [
    ...hosts.flatMap((name): ZoneRecord[] => [
      { name, type: 'A', ttl: 300, value: '127.0.0.1' },
      { name, type: 'CAA', ttl: 300, value: '0 issue "letsencrypt.org"' },
    ]),
    { name: `mx.${domain}`, type: 'A', ttl: 300, value: '127.0.0.1' },
    { name: domain, type: 'MX', ttl: 300, value: `10 mx.${domain}` },
    { name: domain, type: 'TXT', ttl: 300, value: 'v=spf1 ip4:127.0.0.1 mx -all' },
    { name: `_dmarc.${domain}`, type: 'TXT', ttl: 300, value: dmarc },
    { name: `s1._domainkey.${domain}`, type: 'TXT', ttl: 300, value: dkimKey() },
  ];
}
