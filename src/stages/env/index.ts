import type { StageDefinition } from '../../core/stage.js';

/** Placeholder until the stage lands: reports `skipped`, never `pass`. */
export const envStage: StageDefinition = {
  id: 'env',
  title: 'Environment variables',
  description: 'every variable the app needs is set for the target environment and the app fails fast without one',
  built: false,
  configSchema: { properties: {} },
  flags: [],
  run: async () => {
    throw new Error('the env stage is not built yet');
  },
};
