/** The `rollback` section of launch-ready.yml: schema, typed options, and the checks the schema cannot express. */
import { isRecord, read, recordsOf, stringOr, withSchemaDefaults } from '../../core/guards.js';
import { entriesOf, errorMessage, isBoolean, isNumber, isString, oneOrMany } from '../../core/read-config.js';
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

const RETRY: JsonSchema = {
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
    retry: RETRY,
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

function resolveUrl(path: string, base: string | undefined): string {
  if (/^https?:\/\//i.test(path)) return path;
  return new URL(path, base).href;
}

const isHeaderAssertion = (value: unknown): value is string | boolean => isString(value) || isBoolean(value);

function basicAuthOf(value: unknown): SmokeCheck['basicAuthFromEnv'] {
  if (!isRecord(value) || !isString(value.username) || !isString(value.password)) return undefined;
  return { username: value.username, password: value.password };
}

/** One smoke check, the item's schema defaults filled in (the home-page check is built here, not by the schema). */
function smokeCheckOf(given: Record<string, unknown>, base: string | undefined): SmokeCheck {
  const raw = withSchemaDefaults(SMOKE_ITEM, given);
  const path = stringOr(raw.path) ?? '/';
  const method = read.string(raw, 'method').toUpperCase();
  const check: SmokeCheck = {
    name: method === 'GET' ? path : `${method} ${path}`,
    url: resolveUrl(path, base),
    method,
    status: oneOrMany(raw.status, isNumber),
    contains: oneOrMany(raw.contains, isString),
    headers: entriesOf(raw.headers, isHeaderAssertion),
    jsonPath: isRecord(raw.jsonPath) ? raw.jsonPath : {},
    headersFromEnv: entriesOf(raw.headersFromEnv, isString),
    timeoutMs: read.number(raw, 'timeoutMs'),
  };
  if (raw.json !== undefined) check.json = raw.json;
  const basicAuth = basicAuthOf(raw.basicAuthFromEnv);
  if (basicAuth) check.basicAuthFromEnv = basicAuth;
  if (typeof raw.maxMs === 'number') check.maxMs = raw.maxMs;
  return check;
}

function drillOf(given: Record<string, unknown>): DrillOptions {
  const raw = withSchemaDefaults(DRILL, given);
  return {
    rollbackCommand: read.string(raw, 'rollbackCommand'),
    rollForwardCommand: read.string(raw, 'rollForwardCommand'),
    passEnv: read.strings(raw, 'passEnv'),
    waitSeconds: read.number(raw, 'waitSeconds'),
    budgetSeconds: read.number(raw, 'budgetSeconds'),
    pollSeconds: read.number(raw, 'pollSeconds'),
    commandTimeoutSeconds: read.number(raw, 'commandTimeoutSeconds'),
  };
}

/** The validated section (defaults applied by the schema) as typed options. Throws only on input `validate` rejects. */
export function parseRollbackOptions(given: Record<string, unknown>): RollbackOptions {
  const section = withSchemaDefaults(rollbackConfigSchema, given);
  const url = stringOr(section.url);
  const retry = withSchemaDefaults(RETRY, isRecord(section.retry) ? section.retry : {});
  const options: RollbackOptions = {
    environment: read.string(section, 'environment'),
    repo: read.string(section, 'repo'),
    smoke: recordsOf(section.smoke).map((raw) => smokeCheckOf(raw, url)),
    retry: { attempts: read.number(retry, 'attempts'), backoffMs: read.number(retry, 'backoffMs') },
    followRedirects: read.number(section, 'followRedirects'),
    dryRun: section.dryRun === true,
  };
  if (url) options.url = url;
  // A URL and no checks: the home page must answer.
  if (url && options.smoke.length === 0) options.smoke.push(smokeCheckOf({ path: '/' }, url));
  const versionUrl = stringOr(section.versionUrl) ?? (section.versionHeader || section.versionPattern ? url : undefined);
  if (versionUrl) {
    options.version = { url: resolveUrl(versionUrl, url) };
    if (typeof section.versionHeader === 'string') options.version.header = section.versionHeader.toLowerCase();
    if (typeof section.versionPattern === 'string') options.version.pattern = new RegExp(section.versionPattern);
  }
  if (typeof section.previousRelease === 'string') options.previousRelease = section.previousRelease;
  if (isRecord(section.drill)) options.drill = drillOf(section.drill);
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
  const smoke: unknown[] = Array.isArray(section.smoke) ? section.smoke : [];
  smoke.forEach((check, i) => {
    const path = (isRecord(check) ? stringOr(check.path) : undefined) ?? '/';
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
      problems.push({ path: ['versionPattern'], message: `not a valid regular expression (${errorMessage(error)}); e.g. "release: ([\\\\w.-]+)"` });
    }
  }
  if ((section.versionHeader || section.versionPattern) && typeof section.versionUrl !== 'string' && typeof url !== 'string') {
    problems.push({ path: ['versionUrl'], message: 'versionHeader/versionPattern need a page to read; set versionUrl or url' });
  }
  const drill = isRecord(section.drill) ? section.drill : undefined;
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
  const smoke: unknown[] = Array.isArray(section.smoke) ? section.smoke : [];
  if (!section.url && smoke.length === 0 && !section.drill) return 'Rollback: not configured (set rollback.url, smoke checks or a drill in launch-ready.yml)';
  return undefined;
}
