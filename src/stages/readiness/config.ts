/** The `readiness` section of launch-ready.yml: schema, typed options, and the checks the schema cannot express. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isRecord, read, stringOr, withSchemaDefaults } from '../../core/guards.js';
import type { ConfigProblem, JsonSchema, StageFlag } from '../../core/stage.js';
import { importMonitors, MonitorFormatError, fromNative } from './monitors/import.js';
import type { Monitor } from './monitors/model.js';

/** Where request logs can be read for the log-hygiene check. */
export interface LogSource {
  file?: string;
  command?: string;
  /** Variables of the gate's environment the log command may see (docker needs DOCKER_HOST...). */
  passEnv: string[];
  /** Seconds to wait for the sample request to show up in the log. */
  waitSeconds: number;
}

/** The stage's typed options, monitors already imported. */
export type ReadinessOptions = {
  /** Set by {@link parseReadinessOptions}: the monitors file has been imported. */
  parsed: true;
  monitors: Monitor[];
  /** Export file the monitors came from, and its format, for the summary. */
  monitorsFile?: { path: string; format: string; skipped: string[] };
  /** Owner of monitors that name none (imports from services without owners). */
  owner?: string;
  homepage?: string;
  loginUrl?: string;
  healthUrl?: string;
  errorTracking?: { variable?: string; provider?: string };
  /** Dotenv files of the target environment; none = the environment the gate runs in. */
  envFiles: string[];
  logs?: LogSource;
  /** URL the marked sample request goes to (default: login, else homepage). */
  logProbeUrl?: string;
  /** A previous burst result JSON (`launch-ready burst --format json`), for p95 per monitor. */
  burstResult?: string;
  latencyBudgetMs: number;
  maxIntervalMinutes: number;
  handover: string;
  /** Run the diagnose layers (DNS, TCP/TLS, HTTP) for each critical-path URL. */
  diagnose: boolean;
  /** Authoritative DNS servers (`host:port`); default: the zone's NS records. */
  authoritative: string[];
  timeoutMs: number;
  contacts: string[];
  deploySteps: string[];
  rollbackSteps: string[];
  secretManager?: string;
};

const URL_ITEM = { type: 'string', errorMessage: 'expected a full URL; e.g. https://app.example.com/login' };

const LOGS: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: "Where the app's request logs can be read: a `file` or a `command` (its output is read).",
  errorMessage: 'expected {file: PATH} or {command: "docker logs app"}',
  properties: {
    file: { type: 'string', description: 'Log file, relative to launch-ready.yml.' },
    command: { type: 'string', minLength: 1, description: 'Command whose output is the log, run with /bin/sh and a stripped environment.' },
    passEnv: { type: 'array', items: { type: 'string' }, default: [], description: 'Variables the log command may see.' },
    waitSeconds: { type: 'number', minimum: 0, maximum: 60, default: 2, description: 'How long the sample request may take to reach the log.' },
  },
};

export const readinessConfigSchema: JsonSchema = {
  properties: {
    monitors: {
      type: 'array',
      default: [],
      description: 'Uptime monitors: url, owner, channels (email plus one real-time channel), interval.',
      errorMessage:
        'expected a list of monitors; e.g. [{url: "https://www.example.com/", owner: ana@example.com, channels: ["email:ops@example.com", "slack:#alerts"], interval: 1m}]',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['url'],
        properties: {
          name: { type: 'string', description: 'Shown in the report; default: the URL.' },
          url: { ...URL_ITEM, description: 'The URL the monitor checks.' },
          owner: { type: 'string', description: 'Who answers when it fires (a person, by email).' },
          channels: {
            type: 'array',
            items: { type: 'string' },
            default: [],
            description: 'Where alerts go: `email:ADDR`, `slack:#channel`, `sms:+NUMBER`, `pagerduty:SERVICE`.',
            errorMessage: 'expected a list; e.g. ["email:ops@example.com", "slack:#alerts"]',
          },
          interval: {
            type: ['string', 'number'],
            description: 'Time between checks: `30s`, `1m`, `5m`, or seconds.',
            errorMessage: 'expected a duration; e.g. 1m',
          },
          alertThresholdMs: {
            type: 'number',
            exclusiveMinimum: 0,
            description: 'Response time (ms) above which this monitor alerts.',
            errorMessage: 'expected milliseconds; e.g. 800',
          },
        },
      },
    },
    monitorsFile: {
      type: 'string',
      description: 'An export of your uptime service (Uptime Kuma backup, UptimeRobot or Better Stack API JSON, Gatus config), relative to launch-ready.yml.',
      errorMessage: 'expected a file path; e.g. ./monitors.json',
    },
    owner: {
      type: 'string',
      description: 'Owner of monitors that name none (exports rarely carry one).',
      errorMessage: 'expected a person; e.g. ana@example.com',
    },
    homepage: { ...URL_ITEM, description: 'The homepage a monitor must cover (the handover command also lists trust.domain).' },
    loginUrl: { ...URL_ITEM, description: 'The login page a monitor must cover.' },
    healthUrl: { ...URL_ITEM, description: 'The health endpoint: must answer, preferably `application/health+json`, and list its dependencies.' },
    errorTracking: {
      anyOf: [
        { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        {
          type: 'object',
          additionalProperties: false,
          properties: { variable: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, provider: { type: 'string', minLength: 1 } },
        },
      ],
      description: 'The variable that must be set in the target environment (a Sentry-style DSN), or {provider: NAME} when tracking is set up another way.',
      errorMessage: 'expected a variable name or {variable, provider}; e.g. SENTRY_DSN',
    },
    envFiles: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Dotenv files of the target environment for the error-tracking check; default: the environment launch-ready runs in.',
      errorMessage: 'expected a list of dotenv files; e.g. [.env.production]',
    },
    logs: LOGS,
    logProbeUrl: { ...URL_ITEM, description: 'Where the marked sample request goes; default: loginUrl, else the homepage.' },
    burstResult: {
      type: 'string',
      description: 'A previous `launch-ready burst --format json` result, for p95 next to each monitor.',
      errorMessage: 'expected a file path; e.g. ./burst.json',
    },
    latencyBudgetMs: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 800,
      description: 'p95 above which a route needs a response-time alert.',
      errorMessage: 'expected milliseconds; e.g. 800',
    },
    maxIntervalMinutes: {
      type: 'number',
      exclusiveMinimum: 0,
      default: 5,
      description: 'Longest check interval allowed on a critical path.',
      errorMessage: 'expected minutes; e.g. 5',
    },
    handover: {
      type: 'string',
      default: 'HANDOVER.md',
      description: 'The handover document, relative to launch-ready.yml (`launch-ready handover` writes it).',
      errorMessage: 'expected a file path; e.g. HANDOVER.md',
    },
    diagnose: { type: 'boolean', default: true, description: 'Diagnose each critical-path URL layer by layer (DNS, TCP/TLS, HTTP, origin, health).' },
    authoritative: {
      type: 'array',
      items: { type: 'string', pattern: '^(\\[[0-9a-fA-F:.]+\\]|[0-9.]+|[0-9a-fA-F:]+)(:[0-9]{1,5})?$' },
      default: [],
      description: 'Authoritative DNS servers of the zone (`ip[:port]`); default: found through the NS records.',
      errorMessage: 'expected a list of IP addresses with an optional port; e.g. ["198.51.100.53", "127.0.0.1:5353"]',
    },
    contacts: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'Emergency contacts for HANDOVER.md: who, role, how to reach them.',
      errorMessage: 'expected a list; e.g. ["Ana Silva (CTO) ana@example.com +351 900 000 000"]',
    },
    deploySteps: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'How a release goes out, step by step, for HANDOVER.md.',
      errorMessage: 'expected a list of steps; e.g. ["merge to main", "the deploy workflow ships it"]',
    },
    rollbackSteps: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: 'How to roll back, step by step, for HANDOVER.md (the rollback drill time is added from its result).',
      errorMessage: 'expected a list of steps',
    },
    secretManager: {
      type: 'string',
      description: 'Where credentials live (e.g. "GitHub environment secrets", "1Password vault Ops"), for HANDOVER.md.',
      errorMessage: 'expected a short description; e.g. GitHub environment secrets',
    },
    timeoutMs: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 60000,
      default: 5000,
      description: 'Per-request timeout, ms.',
      errorMessage: 'expected milliseconds; e.g. 5000',
    },
  },
};

export const readinessFlags: StageFlag[] = [
  { name: 'monitors-file', type: 'string', configKey: 'monitorsFile', valueName: 'FILE', description: 'an uptime-service export to read the monitors from' },
  { name: 'health-url', type: 'string', configKey: 'healthUrl', valueName: 'URL', description: 'the health endpoint' },
  { name: 'handover', type: 'string', configKey: 'handover', valueName: 'FILE', description: 'the handover document (default HANDOVER.md)' },
];

const URL_KEYS = ['homepage', 'loginUrl', 'healthUrl', 'logProbeUrl'] as const;

/** Semantic checks: URLs parse, files exist, the monitors file is in a known format. */
export function validateReadinessConfig(section: Record<string, unknown>, baseDir: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const checkUrl = (value: unknown, path: (string | number)[]) => {
    if (typeof value !== 'string') return;
    if (!isHttpUrl(value)) problems.push({ path, message: `"${value}" is not an http(s) URL; write a full URL, e.g. https://app.example.com/login` });
  };
  for (const key of URL_KEYS) checkUrl(section[key], [key]);
  listOrEmpty(section.monitors).forEach((m, i) => checkUrl(isRecord(m) ? m.url : undefined, ['monitors', i, 'url']));
  const file = section.monitorsFile;
  if (typeof file === 'string') {
    const path = resolve(baseDir, file);
    if (!existsSync(path))
      problems.push({
        path: ['monitorsFile'],
        message: `"${file}": no such file; export your monitors (e.g. Uptime Kuma: Settings → Backup → Export) and give its path`,
      });
    else {
      try {
        importMonitors(readFileSync(path, 'utf8'), file);
      } catch (error) {
        if (!(error instanceof MonitorFormatError)) throw error;
        problems.push({ path: ['monitorsFile'], message: error.message });
      }
    }
  }
  const logs = isRecord(section.logs) ? section.logs : undefined;
  if (logs && logs.file === undefined && logs.command === undefined)
    problems.push({ path: ['logs'], message: 'names neither a file nor a command; add file: PATH or command: "docker logs app"' });
  if (logs && logs.file !== undefined && logs.command !== undefined) problems.push({ path: ['logs'], message: 'names both a file and a command; keep one' });
  return problems;
}

function listOrEmpty(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function errorTrackingOf(value: unknown): ReadinessOptions['errorTracking'] {
  if (typeof value === 'string') return { variable: value };
  if (!isRecord(value)) return undefined;
  const tracking: NonNullable<ReadinessOptions['errorTracking']> = {};
  const variable = stringOr(value.variable);
  const provider = stringOr(value.provider);
  if (variable !== undefined) tracking.variable = variable;
  if (provider !== undefined) tracking.provider = provider;
  return tracking;
}

function logSourceOf(value: unknown): LogSource | undefined {
  if (!isRecord(value)) return undefined;
  const logs = withSchemaDefaults(LOGS, value);
  const source: LogSource = { passEnv: read.strings(logs, 'passEnv'), waitSeconds: read.number(logs, 'waitSeconds') };
  if (typeof logs.file === 'string') source.file = logs.file;
  if (typeof logs.command === 'string') source.command = logs.command;
  return source;
}

/** The section, defaults applied by the schema, as typed options with the monitors imported. */
export function parseReadinessOptions(given: Record<string, unknown>, baseDir: string): ReadinessOptions {
  const section = withSchemaDefaults(readinessConfigSchema, given);
  const monitors = fromNative(listOrEmpty(section.monitors), 'launch-ready.yml').monitors;
  const options: ReadinessOptions = {
    parsed: true,
    monitors,
    envFiles: read.strings(section, 'envFiles'),
    latencyBudgetMs: read.number(section, 'latencyBudgetMs'),
    maxIntervalMinutes: read.number(section, 'maxIntervalMinutes'),
    handover: read.string(section, 'handover'),
    diagnose: section.diagnose !== false,
    authoritative: read.strings(section, 'authoritative'),
    timeoutMs: read.number(section, 'timeoutMs'),
    contacts: read.strings(section, 'contacts'),
    deploySteps: read.strings(section, 'deploySteps'),
    rollbackSteps: read.strings(section, 'rollbackSteps'),
  };
  if (typeof section.monitorsFile === 'string') {
    const imported = importMonitors(readFileSync(resolve(baseDir, section.monitorsFile), 'utf8'), section.monitorsFile);
    options.monitors = [...monitors, ...imported.monitors];
    options.monitorsFile = { path: section.monitorsFile, format: imported.format, skipped: imported.skipped };
  }
  for (const key of ['owner', 'homepage', 'loginUrl', 'healthUrl', 'logProbeUrl', 'burstResult', 'secretManager'] as const) {
    const value = section[key];
    if (typeof value === 'string') options[key] = value;
  }
  const tracking = errorTrackingOf(section.errorTracking);
  if (tracking) options.errorTracking = tracking;
  const logs = logSourceOf(section.logs);
  if (logs) options.logs = logs;
  return options;
}

const OWN_KEYS = ['monitors', 'monitorsFile', 'healthUrl', 'errorTracking', 'logs', 'homepage', 'loginUrl', 'burstResult'];

/** Skipped until the section names something to check: monitors, a health URL, error tracking, logs. */
export function readinessNotConfigured(section: Record<string, unknown>): string | undefined {
  const set = OWN_KEYS.some((key) => {
    const value = section[key];
    return value !== undefined && !(Array.isArray(value) && value.length === 0);
  });
  return set ? undefined : 'Launch readiness: nothing configured (add readiness.monitors or readiness.monitorsFile, healthUrl, errorTracking, logs)';
}

/** True when `value` is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
