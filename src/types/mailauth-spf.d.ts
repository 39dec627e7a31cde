/**
 * mailauth types its resolver as returning TXT-like rows for every record type, but it asks it for
 * A, AAAA, MX (objects), PTR and TXT alike and reads each as node's `dns.resolve` answers. This
 * overload takes a resolver with node's own (loose) answer type, as the trust stage passes.
 */
import type { SPFOptions, SPFResult } from 'mailauth';

declare module 'mailauth/lib/spf/index.js' {
  export function spf(opts: Omit<SPFOptions, 'resolver'> & { resolver: (domain: string, rrtype: string) => Promise<unknown[]> }): Promise<SPFResult>;
  /** A CommonJS module: `import()` from ESM (Node, the bundle) gives `module.exports` as `default`. */
  const commonJs: { spf: typeof spf } | undefined;
  export default commonJs;
}
