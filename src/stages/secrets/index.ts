import type { StageDefinition } from '../../core/stage.js';

/** Placeholder until the stage lands: reports `skipped`, never `pass`. */
export const secretsStage: StageDefinition = {
  id: 'secrets',
  title: 'Secrets',
  description: 'no live secret in git history, the working tree, bundles, build logs or the live site',
  built: false,
  configSchema: { properties: {} },
  flags: [],
  run: async () => {
    throw new Error('the secrets stage is not built yet');
  },
};
