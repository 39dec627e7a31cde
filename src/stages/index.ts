import type { StageDefinition } from '../core/stage.js';
import { burstStage } from './burst/index.js';
import { envStage } from './env/index.js';
import { readinessStage } from './readiness/index.js';
import { rollbackStage } from './rollback/index.js';
import { secretsStage } from './secrets/index.js';
import { trustStage } from './trust/index.js';

/** Every stage, in report order. Entry points pass this list to the core. */
export const STAGES: readonly StageDefinition<unknown>[] = [secretsStage, envStage, trustStage, burstStage, rollbackStage, readinessStage];
