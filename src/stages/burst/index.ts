import type { StageDefinition } from '../../core/stage.js';

/** Launch-burst load test. Not built yet: it reports `skipped` (or `error` when asked for by name), never `pass`. */
export const burstStage: StageDefinition = {
  id: 'burst',
  phase: 'load',
  title: 'Launch burst',
  description: 'the first customer journey holds a launch burst (p95, error rate, per route)',
  built: false,
  checks: { paths: ['signup', 'checkout', 'login', 'homepage'], locations: true },
  configSchema: {
    properties: {
      target: { type: 'string', description: 'Base URL of the system under load (must be declared here to be loaded).' },
      vus: { type: 'integer', minimum: 1, description: 'Concurrent virtual users.' },
      rate: { type: 'number', exclusiveMinimum: 0, description: 'Requests per second (open model).' },
      duration: { type: 'string', pattern: '^[0-9]+(ms|s|m)$', errorMessage: 'expected a duration; e.g. 30s' },
      thresholds: { type: 'array', items: { type: 'string' }, description: 'k6-style thresholds, e.g. "p95<800".' },
    },
  },
  flags: [
    { name: 'target', type: 'string', configKey: 'target', valueName: 'URL', description: 'base URL to load' },
    { name: 'vus', type: 'number', configKey: 'vus', valueName: 'N', description: 'concurrent virtual users' },
    { name: 'rate', type: 'number', configKey: 'rate', valueName: 'N', description: 'requests per second' },
    { name: 'duration', type: 'string', configKey: 'duration', valueName: '30s', description: 'how long to load' },
    { name: 'threshold', type: 'string', multiple: true, configKey: 'thresholds', valueName: 'EXPR', description: 'threshold, e.g. p95<800 (repeatable)' },
  ],
  run: async () => {
    throw new Error('the burst stage is not built yet');
  },
};
