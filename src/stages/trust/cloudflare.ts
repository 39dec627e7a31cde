import { BlockList, isIP } from 'node:net';
import ranges from './data/cloudflare-ranges.json' with { type: 'json' };

const proxyRanges = new BlockList();
for (const cidr of ranges.ipv4) addRange(cidr, 'ipv4');
for (const cidr of ranges.ipv6) addRange(cidr, 'ipv6');

function addRange(cidr: string, family: 'ipv4' | 'ipv6'): void {
  const [network, bits] = cidr.split('/');
  proxyRanges.addSubnet(network!, Number(bits), family);
}

/** The date of the shipped Cloudflare range list, for the domain map and findings. */
export const CLOUDFLARE_RANGES_DATE: string = ranges.date;

/** True when `address` is in Cloudflare's published proxy ranges (the record is orange-clouded). */
export function isCloudflareAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return proxyRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
