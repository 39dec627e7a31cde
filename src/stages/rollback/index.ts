import type { StageDefinition } from '../../core/stage.js';

/** Rollback drill. Not built yet: it reports `skipped` (or `error` when asked for by name), never `pass`. */
export const rollbackStage: StageDefinition = {
  id: 'rollback',
  phase: 'change',
  title: 'Rollback',
  description: 'smoke checks pass and a rollback drill finishes inside its time budget',
  built: false,
  checks: { paths: ['deploy'] },
  configSchema: { properties: {} },
  flags: [],
  run: async () => {
    throw new Error('the rollback stage is not built yet');
  },
};
