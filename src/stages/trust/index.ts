import type { StageDefinition } from '../../core/stage.js';
import { readTrustConfig, trustConfigSchema, trustFlags, trustNotConfigured, validateTrustConfig, type TrustConfig } from './config.js';
import { runTrust } from './run.js';

/**
 * The trust layer: DNS, TLS and HSTS per hostname, redirects and mixed content per page, caching of
 * private routes, Cloudflare proxying, and SPF/DKIM/DMARC/MX per mail domain, with a domain map in
 * `metrics.domainMap`.
 */
export const trustStage: StageDefinition<TrustConfig> = {
  id: 'trust',
  phase: 'passive',
  title: 'Trust layer',
  description: 'DNS, redirects, TLS, HSTS, mixed content, caching, Cloudflare and SPF/DKIM/DMARC, with a domain map',
  built: true,
  checks: { paths: ['signup', 'checkout', 'login', 'email', 'homepage'], locations: true },
  configSchema: trustConfigSchema,
  flags: trustFlags,
  validateConfig: validateTrustConfig,
  notConfigured: trustNotConfigured,
  parseOptions: readTrustConfig,
  run: runTrust,
};
