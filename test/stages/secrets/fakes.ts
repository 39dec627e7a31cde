/**
 * Realistic fake secrets built at run time, so no live-looking token sits in the repository where
 * push protection (or a curious reader) would take it for a real one. Deterministic: a seeded PRNG.
 */
import { tokenChecksum } from '../../../src/stages/secrets/rules/checksum.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = rng(20261128);

export function chars(n: number, alphabet = ALNUM): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)]!;
  return out;
}

export const alnum = (n: number) => chars(n);
export const hex = (n: number) => chars(n, '0123456789abcdef');
export const digits = (n: number) => chars(n, '0123456789').replace(/^0/, '1');
export const letters = (n: number) => chars(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
export const upper = (n: number) => chars(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
export const base64 = (n: number) => chars(n, `${ALNUM}+/`);

/** A GitHub/npm-style token with a valid CRC32 checksum: `ghp_` + 30 random + 6 checksum. */
export function checksummed(prefix: string): string {
  const random = alnum(30);
  return `${prefix}${random}${tokenChecksum(random)}`;
}

/** The same token with its checksum broken: a near miss. */
export function brokenChecksum(token: string): string {
  const last = token.at(-1)!;
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

export function uuid(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

/** A JWT with the given payload (unsigned: the scanner never verifies signatures). */
export function jwt(payload: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${alnum(43)}`;
}

/** A PEM private key of plausible shape (random base64 body). */
export function pemKey(kind = 'RSA PRIVATE KEY'): string {
  const lines = Array.from({ length: 12 }, () => base64(64));
  return `-----BEGIN ${kind}-----\n${lines.join('\n')}\n-----END ${kind}-----`;
}

/** Live Stripe key (`sk_` + `live_` + random), assembled so the literal never appears in source. */
export function stripeKey(mode: 'live' | 'test' = 'live'): string {
  return ['sk', mode, alnum(24)].join('_');
}
