import type { ConfigOverride } from './config/load.js';
import type { StageId } from './findings.js';
import type { FailOn } from './severity.js';

export type Format = 'text' | 'json' | 'markdown' | 'sarif' | 'html';
export const FORMATS: readonly Format[] = ['text', 'json', 'markdown', 'sarif', 'html'];

/** What the user asked for, from the CLI or the action's inputs: the only shape the core reads. */
export interface RunRequest {
  command: 'check' | 'demo' | StageId;
  /** `--stages` (check) or the stage command itself; undefined = every enabled stage. */
  stages?: StageId[];
  configFile?: string;
  overrides: ConfigOverride[];
  failOn?: FailOn;
  format: Format;
  output?: string;
  cwd: string;
  /** `demo --fixed`: the demo launch with every planted fault repaired. */
  fixed?: boolean;
}
