import type { FindingInput, StageId } from './findings.js';
import type { SecretRegistry } from './redaction.js';
import type { ReportBlock } from './blocks.js';
import type { StageServices } from './services.js';
import type { CriticalPathConfig } from './config/types.js';

/** JSON Schema fragment (draft 2020-12 subset Ajv understands); `errorMessage` is our hint key. */
export type JsonSchema = Record<string, unknown>;

/** A command-line flag of a stage command; it overrides one key of the stage's config section. */
export interface StageFlag {
  /** Flag name without dashes: `repo` for `--repo`. */
  name: string;
  type: 'string' | 'boolean' | 'number';
  /** Repeatable flag (`--bundles A --bundles B`) collected into a list. */
  multiple?: boolean;
  /** Key in this stage's config section that the flag sets, dotted for nested keys. */
  configKey: string;
  /** For boolean flags like `--no-history`: the config key gets the negation. */
  negate?: boolean;
  /** Placeholder in `--help`: `DIR`, `URL`, `GLOB`. */
  valueName?: string;
  description: string;
}

/**
 * Thrown by `parseOptions` for problems found while parsing (a `.gitleaks.toml` that does not
 * parse...): the core reports them as config errors with file:line:col, exit 2.
 */
export class StageConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** A problem found by a stage's own config checks (beyond the JSON Schema). */
export interface ConfigProblem {
  /** Path inside the stage section, e.g. `['pages', 2]`. */
  path: (string | number)[];
  /** `<what is wrong>; <how to fix>`. */
  message: string;
}

/** The knobs every stage honours so checks can run offline or before a DNS cut-over. */
export interface NetworkOptions {
  /** DNS servers as `host` or `host:port`; empty = the system's resolvers. */
  resolvers: string[];
  /** curl `--connect-to` rules `HOST1:PORT1:HOST2:PORT2` (empty HOST1/PORT1 = any). */
  connectTo: string[];
  /** Extra trusted root certificates, PEM text. */
  ca: string[];
}

/** Access to GitHub's API when running as an action (or with GITHUB_TOKEN), for stages that read repo settings. */
export interface GitHubAccess {
  apiUrl: string;
  token: string;
  owner: string;
  repo: string;
}

/** What a stage gets to do its work. */
export interface StageContext<O = Record<string, unknown>> {
  /** This stage's options: its config section, defaults applied, parsed by `parseOptions`. */
  options: O;
  /** HTTP client, process runner, cancellable wait, GitHub API. */
  services: StageServices;
  /** Folder that relative paths in the config are resolved against (the config file's folder, else cwd). */
  baseDir: string;
  network: NetworkOptions;
  /** The configured critical paths, for stages whose checks follow their URLs (readiness monitors each one). */
  criticalPaths?: readonly CriticalPathConfig[];
  /** Aborted when the run is cancelled; long loops must check it. */
  signal: AbortSignal;
  /** Register raw secret values met outside findings so every output is scrubbed of them. */
  secrets: SecretRegistry;
  /** Progress for work that takes more than ~2 s; shown on a TTY, ignored otherwise. */
  progress: (message: string) => void;
  /** The environment the gate runs in (the `env` stage's `from: process` source). */
  env: Readonly<Record<string, string | undefined>>;
  github?: GitHubAccess;
}

/** A part of a stage that could not run (shallow clone, unreachable resolver...). */
export interface StagePartError {
  part: string;
  message: string;
  fix?: string;
}

/** What a stage returns; the core derives status, ids and fingerprints. */
export interface StageOutcome {
  /** One line: what was checked and the verdict, e.g. `scanned 1,204 commits on 7 refs: 2 live secrets`. */
  summary: string;
  findings: FindingInput[];
  metrics?: Record<string, unknown>;
  /** Parts that could not run; the stage reports `error` unless a finding fails the gate. */
  errors?: StagePartError[];
  /** Set when the stage had nothing to check (not configured); the reason is the summary. */
  skipped?: boolean;
  /**
   * The default critical paths this run actually checked, when that depends on the config (trust
   * checks `email` only for configured mail domains); else the definition's `checks.paths`.
   */
  checkedPaths?: string[];
  /** What the reports show beyond findings (tables, charts, timelines, notes), rendered generically. */
  blocks?: ReportBlock[];
}

/**
 * When a stage runs: `passive` stages (they only read) run concurrently first; `load` stages
 * (burst) run alone after them; `change` stages (rollback, which changes what is deployed) run last.
 */
export type StagePhase = 'passive' | 'load' | 'change';

/** One stage: a folder under `src/stages/<id>/` exports one of these from `index.ts`. */
export interface StageDefinition<O = Record<string, unknown>> {
  id: StageId;
  /** Where the stage sits in the schedule. */
  phase: StagePhase;
  /**
   * Seconds a stage stopped by its deadline or a signal gets to clean up (a drill rolls forward)
   * before the report is written; default 10.
   */
  graceSeconds?: number;
  /** Human title: `Secrets`, `Environment variables`. */
  title: string;
  /** One line for `--help`. */
  description: string;
  /** False while a stage is not built yet: it never reports `pass`. */
  built: boolean;
  /**
   * The default critical paths this stage's checks speak to (`deploy` for secrets). A path says
   * "yes" only when a stage that checks it ran; `locations: true` also covers configured paths
   * that name hosts or URLs (the stage looks at those).
   */
  checks: { paths: readonly string[]; locations?: boolean };
  /** Schema of this stage's config section (an object schema). */
  configSchema: JsonSchema;
  flags: StageFlag[];
  /** Semantic checks the schema cannot express (valid URLs, files that exist...). */
  validateConfig?: (section: Record<string, unknown>, baseDir: string) => ConfigProblem[];
  /** Why the stage has nothing to do with this config (shown as `skipped`), or undefined to run. */
  notConfigured?: (section: Record<string, unknown>) => string | undefined;
  /** Turn the validated section (defaults applied by the schema) into typed options, once. */
  parseOptions?: (section: Record<string, unknown>, baseDir: string) => O;
  run(ctx: StageContext<O>): Promise<StageOutcome>;
}
