import type { StageDefinition } from '../../core/stage.js';
import {
  parseReadinessOptions,
  readinessConfigSchema,
  readinessFlags,
  readinessNotConfigured,
  validateReadinessConfig,
  type ReadinessOptions,
} from './config.js';
import { runReadiness } from './run.js';

/**
 * Launch readiness: uptime monitors cover every critical path with an owner and two channels, the
 * health endpoint says something useful, error tracking is set, request logs keep no secrets, the
 * burst p95 sits next to each monitor, HANDOVER.md is current, and each critical URL is diagnosed.
 */
export const readinessStage: StageDefinition<ReadinessOptions> = {
  id: 'readiness',
  phase: 'passive',
  title: 'Launch readiness',
  description: 'monitors cover every critical path with an owner and two channels; health, error tracking, log hygiene, HANDOVER.md',
  built: true,
  checks: { paths: ['signup', 'checkout', 'login', 'homepage'], locations: true },
  configSchema: readinessConfigSchema,
  flags: readinessFlags,
  validateConfig: validateReadinessConfig,
  parseOptions: parseReadinessOptions,
  notConfigured: readinessNotConfigured,
  run: runReadiness,
};
