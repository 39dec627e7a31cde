/** The `rollback` section of launch-ready.yml: schema, typed options, and the checks the schema cannot express. */
import type { ConfigProblem, JsonSchema } from '../../core/stage.js';

/** One smoke check: a request and what its answer must look like. */
export interface SmokeCheck {
  /** Shown in reports: the path, or `METHOD path`. */
  name: string;
  /** Absolute URL, resolved against `rollback.url`. */
  url: string;
  method: string;
  /** Accepted statuses (any of them). */
  status: number[];
  /** Texts the body must contain. */
  contains: string[];
  /** Response header assertions: `true` present, `false` absent, text = the value contains it (case-insensitive). */
  headers: Record<string, string | boolean>;
  /** JSON-path assertions on a JSON body: `$.a.b[0]` → the value it must equal. */
  jsonPath: Record<string, unknown>;
  /** Request body sent as JSON. */
  json?: unknown;
  /** Request headers whose values come from environment variables: header name → variable name. */
  headersFromEnv: Record<string, string>;
  /** Basic auth from environment variables (names, never values). */
  basicAuthFromEnv?: { username: string; password: string };
  maxMs?: number;
  timeoutMs: number;
}

/** How transient failures (no answer, 502/503/504) are retried; wrong content never is. */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

export interface DrillOptions {
  rollbackCommand: string;
  rollForwardCommand: string;
  passEnv: string[];
  waitSeconds: number;
  budgetSeconds: number;
  pollSeconds: number;
  commandTimeoutSeconds: number;
}

/** Where the served release is read from. */
export interface VersionSource {
  url: string;
  header?: string;
  pattern?: RegExp;
}

/** The section as the stage uses it, parsed once. */
// A type alias, not an interface: stage options must fit Record<string, unknown> (StageDefinition's default).
export type RollbackOptions = {
  url?: string;
  version?: VersionSource;
  previousRelease?: string;
  /** GitHub environment whose deployments tell the previous release. */
  environment: string;
  /** Git repository whose tags tell the previous release, relative to launch-ready.yml. */
  repo: string;
  smoke: SmokeCheck[];
  retry: RetryPolicy;
  followRedirects: number;
  drill?: DrillOptions;
  dryRun: boolean;
};

const STATUS: JsonSchema = {
  type: 'integer',
  minimum: 100,
  maximum: 599,
  errorMessage: 'expected an HTTP status from 100 to 599 (or a list of them); e.g. 200 or [400, 401, 422]',
};

const SMOKE_ITEM: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  errorMessage: 'expected a smoke check; e.g. {path: /healthz, status: 200}',
  properties: {
    path: {
      type: 'string',
      description: 'Path (or absolute URL) to request, resolved against `rollback.url`.',
      errorMessage: 'expected a path; e.g. /healthz',
    },
    method: { type: 'string', pattern: '^[A-Za-z]+$', default: 'GET', description: 'HTTP method.', errorMessage: 'expected an HTTP method; e.g. POST' },
    status: {
      anyOf: [STATUS, { type: 'array', items: STATUS, minItems: 1 }],
      default: 200,
      description: 'Accepted status, or a list of them.',
      errorMessage: 'expected a status code or a list of them; e.g. 200 or [400, 401, 422]',
    },
    contains: {
      anyOf: [
        { type: 'string', minLength: 1 },
        { type: 'array', items: { type: 'string', minLength: 1 } },
      ],
      description: 'Text the body must contain (or a list of texts).',
      errorMessage: 'expected a text or a list of texts; e.g. "Book a call"',
    },
    headers: {
      type: 'object',
      additionalProperties: { type: ['string', 'boolean'] },
      description: 'Response header assertions: `true` present, `false` absent, text = the value contains it.',
      errorMessage: 'expected header names with a text or true/false; e.g. {content-type: text/html, x-powered-by: false}',
    },
    jsonPath: {
      type: 'object',
      description: 'Assertions on a JSON body: `$.path.to[0].value` → the value it must equal.',
      errorMessage: 'expected JSON paths with values; e.g. {"$.status": "ok"}',
    },
    json: { description: 'Request body, sent as JSON.' },
    headersFromEnv: {
      type: 'object',
      additionalProperties: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      description: 'Request headers whose values come from environment variables (header → variable name); values are never printed.',
      errorMessage: 'expected header names with variable names; e.g. {Authorization: SMOKE_AUTH_HEADER}',
    },
    basicAuthFromEnv: {
      type: 'object',
      additionalProperties: false,
      required: ['username', 'password'],
      properties: {
        username: { type: 'string', description: 'Variable holding the user name.' },
        password: { type: 'string', description: 'Variable holding the password.' },
      },
      description: 'Basic auth from environment variables (names of the variables holding user name and password).',
      errorMessage: 'expected {username: VAR, password: VAR}; e.g. {username: SMOKE_USER, password: SMOKE_PASSWORD}',
    },
    maxMs: { type: 'number', exclusiveMinimum: 0, description: 'Slowest acceptable answer, ms.', errorMessage: 'expected milliseconds above 0; e.g. 1500' },
    timeoutMs: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 120000,
      default: 10000,
      description: 'Give up on an answer after this long, ms.',
      errorMessage: 'expected milliseconds above 0 and at most 120000; e.g. 10000',
    },
  },
};

const DRILL: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rollbackCommand', 'rollForwardCommand'],
  description:
    'The rollback drill: roll back, check, roll forward, check, against a time budget. Its commands come from this file: review changes to them like code.',
  errorMessage:
    'expected {rollbackCommand, rollForwardCommand, ...}; e.g. {rollbackCommand: "vercel rollback", rollForwardCommand: "vercel promote $LAUNCH_READY_CURRENT_RELEASE"}',
  properties: {
    rollbackCommand: {
      type: 'string',
      minLength: 1,
      description: 'Shell command that rolls the deployment back to the previous release.',
      errorMessage: 'expected a shell command; e.g. "vercel rollback"',
    },
    rollForwardCommand: {
      type: 'string',
      minLength: 1,
      description: 'Shell command that restores the current release ($LAUNCH_READY_CURRENT_RELEASE).',
      errorMessage: 'expected a shell command; e.g. "vercel promote $LAUNCH_READY_CURRENT_RELEASE"',
    },
    passEnv: {
      type: 'array',
      items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      default: [],
      description: 'The only job variables the commands see (plus PATH, HOME and the like); the workflow token and runner tokens never pass.',
      errorMessage: 'expected a list of variable names; e.g. [VERCEL_TOKEN]',
    },
    waitSeconds: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 3600,
      default: 300,
      description: 'How long to wait for the served version to change after each command.',
      errorMessage: 'expected seconds above 0 and at most 3600; e.g. 300',
    },
    budgetSeconds: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 7200,
      default: 600,
      description: 'The whole drill must finish within this (roll back, smoke, roll forward, smoke).',
      errorMessage: 'expected seconds above 0 and at most 7200; e.g. 600',
    },
    pollSeconds: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 60,
      default: 5,
      description: 'How often the served version is read while waiting.',
      errorMessage: 'expected seconds above 0 and at most 60; e.g. 5',
    },
    commandTimeoutSeconds: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 3600,
      default: 300,
      description: 'A command still running after this long is killed (its whole process group).',
      errorMessage: 'expected seconds above 0 and at most 3600; e.g. 300',
    },
  },
};

export const rollbackConfigSchema: JsonSchema = {
  properties: {
    url: {
      type: 'string',
      description: 'The deployment under test (smoke paths resolve against it).',
      errorMessage: 'expected a URL; e.g. https://app.example.com',
    },
    versionUrl: {
      type: 'string',
      description:
        'Where the served release is read (a URL, or a path on `url`): JSON {version} or {sha}; with versionHeader or versionPattern it defaults to `url`.',
      errorMessage: 'expected a URL or a path on url; e.g. /version',
    },
    versionHeader: {
      type: 'string',
      description: 'Response header of versionUrl that holds the release, e.g. x-release.',
      errorMessage: 'expected a header name; e.g. x-release',
    },
    versionPattern: {
      type: 'string',
      description: 'Regular expression on the versionUrl body; its first group (else the match) is the release.',
      errorMessage: 'expected a regular expression; e.g. "data-release=\\"([^\\"]+)\\""',
    },
    previousRelease: {
      type: 'string',
      minLength: 1,
      description: 'The known-good release to roll back to; else discovered from GitHub deployments, then semver tags.',
      errorMessage: 'expected a release; e.g. v1.4.2',
    },
    environment: {
      type: 'string',
      minLength: 1,
      default: 'production',
      description: 'GitHub deployment environment whose earlier successful deployment is the previous release.',
      errorMessage: 'expected an environment name; e.g. production',
    },
    repo: {
      type: 'string',
      default: '.',
      description: 'Git repository whose semver tags tell the previous release when nothing else does.',
      errorMessage: 'expected a folder path; e.g. .',
    },
    smoke: {
      type: 'array',
      items: SMOKE_ITEM,
      default: [],
      description: 'Smoke checks on the current deployment (and during the drill).',
      errorMessage: 'expected a list of checks; e.g. [{path: /healthz, status: 200}]',
    },
    retry: {
      type: 'object',
      additionalProperties: false,
      description: 'Retries for transient failures (no answer, 502, 503, 504), with doubling backoff; wrong content is never retried.',
      errorMessage: 'expected {attempts, backoffMs}; e.g. {attempts: 3, backoffMs: 500}',
      properties: {
        attempts: {
          type: 'integer',
          minimum: 1,
          maximum: 10,
          default: 3,
          description: 'Tries per check, the first included.',
          errorMessage: 'expected 1 to 10; e.g. 3',
        },
        backoffMs: {
          type: 'number',
          minimum: 0,
          maximum: 60000,
          default: 500,
          description: 'Wait before the second try; it doubles for each further one.',
          errorMessage: 'expected milliseconds from 0 to 60000; e.g. 500',
        },
      },
    },
    followRedirects: {
      type: 'integer',
      minimum: 0,
      maximum: 20,
      default: 5,
      description: 'Redirects a smoke check follows (each is reported).',
      errorMessage: 'expected 0 to 20; e.g. 5',
    },
    drill: DRILL,
    dryRun: { type: 'boolean', default: false, description: "Run smoke checks and discovery, but not the drill's commands (set by `--dry-run`)." },
  },
};

function listOf<T>(value: T | T[] | undefined, fallback: T[]): T[] {
  if (value === undefined) return fallback;
  return Array.isArray(value) ? value : [value];
}

function resolveUrl(path: string, base: string | undefined): string {
  if (/^https?:\/\//i.test(path)) return path;
  return new URL(path, base).href;
}

function smokeCheckOf(raw: Record<string, unknown>, base: string | undefined): SmokeCheck {
  const path = (raw.path as string | undefined) ?? '/';
  const method = ((raw.method as string | undefined) ?? 'GET').toUpperCase();
  const check: SmokeCheck = {
    name: method === 'GET' ? path : `${method} ${path}`,
    url: resolveUrl(path, base),
    method,
    status: listOf(raw.status as number | number[] | undefined, [200]),
    contains: listOf(raw.contains as string | string[] | undefined, []),
    headers: (raw.headers as Record<string, string | boolean> | undefined) ?? {},
    jsonPath: (raw.jsonPath as Record<string, unknown> | undefined) ?? {},
    headersFromEnv: (raw.headersFromEnv as Record<string, string> | undefined) ?? {},
    timeoutMs: (raw.timeoutMs as number | undefined) ?? 10_000,
  };
  if (raw.json !== undefined) check.json = raw.json;
  if (raw.basicAuthFromEnv) check.basicAuthFromEnv = raw.basicAuthFromEnv as { username: string; password: string };
  if (typeof raw.maxMs === 'number') check.maxMs = raw.maxMs;
  return check;
}

function drillOf(raw: Record<string, unknown>): DrillOptions {
  return {
    rollbackCommand: raw.rollbackCommand as string,
    rollForwardCommand: raw.rollForwardCommand as string,
    passEnv: (raw.passEnv as string[] | undefined) ?? [],
    waitSeconds: (raw.waitSeconds as number | undefined) ?? 300,
    budgetSeconds: (raw.budgetSeconds as number | undefined) ?? 600,
    pollSeconds: (raw.pollSeconds as number | undefined) ?? 5,
    commandTimeoutSeconds: (raw.commandTimeoutSeconds as number | undefined) ?? 300,
  };
}

/** The validated section (defaults applied by the schema) as typed options. Throws only on input `validate` rejects. */
export function parseRollbackOptions(section: Record<string, unknown>): RollbackOptions {
  const url = section.url as string | undefined;
  const retry = (section.retry as Record<string, number> | undefined) ?? {};
  const options: RollbackOptions = {
    environment: (section.environment as string | undefined) ?? 'production',
    repo: (section.repo as string | undefined) ?? '.',
    smoke: ((section.smoke as Record<string, unknown>[] | undefined) ?? []).map((raw) => smokeCheckOf(raw, url)),
    retry: { attempts: retry.attempts ?? 3, backoffMs: retry.backoffMs ?? 500 },
    followRedirects: (section.followRedirects as number | undefined) ?? 5,
    dryRun: section.dryRun === true,
  };
  if (url) options.url = url;
  // A URL and no checks: the home page must answer.
  if (url && options.smoke.length === 0) options.smoke.push(smokeCheckOf({ path: '/' }, url));
  const versionUrl = (section.versionUrl as string | undefined) ?? (section.versionHeader || section.versionPattern ? url : undefined);
  if (versionUrl) {
    options.version = { url: resolveUrl(versionUrl, url) };
    if (typeof section.versionHeader === 'string') options.version.header = section.versionHeader.toLowerCase();
    if (typeof section.versionPattern === 'string') options.version.pattern = new RegExp(section.versionPattern);
  }
  if (typeof section.previousRelease === 'string') options.previousRelease = section.previousRelease;
  if (section.drill) options.drill = drillOf(section.drill as Record<string, unknown>);
  return options;
}

function urlProblem(value: unknown, key: string): ConfigProblem | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return undefined;
  } catch {
    // reported below
  }
  return { path: [key], message: `${value}: not an http(s) URL; give the full address, e.g. https://app.example.com` };
}

/** URLs parse, paths have a base, the pattern compiles, a drill can see the served release change. */
export function validateRollbackConfig(section: Record<string, unknown>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const url = section.url;
  const urlError = urlProblem(url, 'url');
  if (urlError) problems.push(urlError);
  const versionUrl = section.versionUrl;
  if (typeof versionUrl === 'string' && versionUrl.startsWith('/')) {
    if (typeof url !== 'string')
      problems.push({ path: ['versionUrl'], message: `${versionUrl}: a path needs rollback.url; set url, or give the full address of the version endpoint` });
  } else {
    const versionError = urlProblem(versionUrl, 'versionUrl');
    if (versionError) problems.push(versionError);
  }
  const smoke = (section.smoke as Record<string, unknown>[] | undefined) ?? [];
  smoke.forEach((check, i) => {
    const path = (check.path as string | undefined) ?? '/';
    if (!/^https?:\/\//i.test(path) && typeof url !== 'string') {
      problems.push({
        path: ['smoke', i, 'path'],
        message: `${path}: a relative path needs rollback.url; set url: https://your-app.example.com or give an absolute URL`,
      });
    }
  });
  if (typeof section.versionPattern === 'string') {
    try {
      new RegExp(section.versionPattern);
    } catch (error) {
      problems.push({ path: ['versionPattern'], message: `not a valid regular expression (${(error as Error).message}); e.g. "release: ([\\\\w.-]+)"` });
    }
  }
  if ((section.versionHeader || section.versionPattern) && typeof section.versionUrl !== 'string' && typeof url !== 'string') {
    problems.push({ path: ['versionUrl'], message: 'versionHeader/versionPattern need a page to read; set versionUrl or url' });
  }
  const drill = section.drill as Record<string, unknown> | undefined;
  const budget = typeof drill?.budgetSeconds === 'number' ? drill.budgetSeconds : 600;
  const maxMinutes = typeof section.maxMinutes === 'number' ? section.maxMinutes : 15;
  if (drill && maxMinutes * 60 < budget) {
    problems.push({
      path: ['maxMinutes'],
      message: `${maxMinutes} min is shorter than drill.budgetSeconds (${budget} s), so the stage would be stopped mid-drill; raise maxMinutes to at least ${Math.ceil(budget / 60)}`,
    });
  }
  if (section.drill && typeof section.versionUrl !== 'string' && !section.versionHeader && !section.versionPattern) {
    problems.push({
      path: ['drill'],
      message: 'the drill must see the served release change; set versionUrl (JSON {version} or {sha}), or versionHeader / versionPattern on url',
    });
  }
  return problems;
}

/** Why the stage has nothing to do. */
export function rollbackNotConfigured(section: Record<string, unknown>): string | undefined {
  const smoke = (section.smoke as unknown[] | undefined) ?? [];
  if (!section.url && smoke.length === 0 && !section.drill) return 'Rollback: not configured (set rollback.url, smoke checks or a drill in launch-ready.yml)';
  return undefined;
}
