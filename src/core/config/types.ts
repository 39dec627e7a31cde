import type { FailOn } from '../severity.js';
import type { StageId } from '../findings.js';
import type { NetworkOptions } from '../stage.js';

/** One critical path of the launch: a yes/no line in the PR comment. */
export interface CriticalPathConfig {
  id: string;
  title?: string;
  /** Findings located on these hosts break this path. */
  hosts?: string[];
  /** Findings located at URLs starting with one of these break this path. */
  urls?: string[];
}

/** One stage's section as validated, defaults applied; the keys every stage has are typed. */
export type StageSection = Record<string, unknown> & { enabled: boolean; maxMinutes: number };

/** The validated `launch-ready.yml`, defaults applied. Stage sections are owned by their stages. */
export interface LaunchReadyConfig {
  failOn: FailOn;
  criticalPaths: CriticalPathConfig[];
  /** Stage sections by id, one per stage the run knows; each has at least `enabled` and `maxMinutes`. */
  stages: Record<StageId, StageSection>;
  /** Absolute path of the config file, when one was read. */
  file?: string;
  /** Folder relative paths resolve against. */
  baseDir: string;
  /** The `network` section (or its `trust` alias), checked, with the CA file read. */
  network: NetworkOptions;
  /** Each selected stage's options as its `parseOptions` returned them, parsed once while validating. */
  options: Partial<Record<StageId, unknown>>;
}

/** Default critical paths, heaviest first (DESIGN.md ranking order). */
export const DEFAULT_CRITICAL_PATHS: CriticalPathConfig[] = [
  { id: 'signup', title: 'Sign-up / booking' },
  { id: 'checkout', title: 'Checkout' },
  { id: 'login', title: 'Login' },
  { id: 'email', title: 'Email delivery' },
  { id: 'homepage', title: 'Homepage' },
  { id: 'deploy', title: 'Deploy and rollback' },
];
