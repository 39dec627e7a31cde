import type { StageDefinition } from '../../core/stage.js';

/** Placeholder until the stage lands: reports `skipped`, never `pass`. */
export const trustStage: StageDefinition = {
  id: 'trust',
  title: 'Trust layer',
  description: 'DNS, redirects, TLS, HSTS, mixed content, caching, Cloudflare and SPF/DKIM/DMARC, with a domain map',
  built: false,
  configSchema: { properties: {} },
  flags: [],
  run: async () => {
    throw new Error('the trust stage is not built yet');
  },
};
