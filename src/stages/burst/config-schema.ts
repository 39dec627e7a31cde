import type { JsonSchema, StageFlag } from '../../core/stage.js';
import { DURATION_PATTERN } from './duration.js';

const DURATION: JsonSchema = { type: 'string', pattern: DURATION_PATTERN, errorMessage: 'expected a duration; e.g. 30s, 500ms, 1m30s' };
const durationOf = (description: string, extra: JsonSchema = {}): JsonSchema => ({ ...DURATION, description, ...extra });
const count = (description: string, extra: JsonSchema = {}): JsonSchema => ({
  type: 'integer',
  minimum: 0,
  description,
  errorMessage: 'expected a whole number; e.g. 10',
  ...extra,
});
const rate = (description: string): JsonSchema => ({ type: 'number', minimum: 0, description, errorMessage: 'expected iterations per time unit; e.g. 20' });

const RAMP_STAGES: JsonSchema = {
  type: 'array',
  minItems: 1,
  maxItems: 100,
  description: 'Ramp stages as in k6: each moves linearly to `target` over `duration`.',
  errorMessage: 'expected a list of {duration, target}; e.g. [{duration: 30s, target: 100}]',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['duration', 'target'],
    properties: { duration: DURATION, target: { type: 'number', minimum: 0, errorMessage: 'expected a number of VUs or iterations; e.g. 100' } },
  },
};

const STRING_MAP: JsonSchema = { type: 'object', additionalProperties: { type: 'string' }, errorMessage: 'expected a mapping of names to text values' };

const CAPTURE: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Where the value comes from: one of `regex` (first group, in the body), `header`, `json` (a dotted path) or `cookie`.',
  errorMessage: 'expected one of {regex: "name=\\"csrf\\" value=\\"([^\\"]+)\\""}, {header: x-csrf-token}, {json: data.token}, {cookie: sid}',
  properties: {
    regex: { type: 'string', minLength: 1 },
    header: { type: 'string', minLength: 1 },
    json: { type: 'string', minLength: 1 },
    cookie: { type: 'string', minLength: 1 },
  },
  minProperties: 1,
  maxProperties: 1,
};

const STEP: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  errorMessage: 'expected a request step; e.g. {name: signup, method: POST, url: /signup, form: {email: "a@example.com"}}',
  properties: {
    name: { type: 'string', minLength: 1, description: 'Route name for grouping and thresholds (`http_req_duration{name:signup}`). Default: METHOD path.' },
    method: { enum: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], default: 'GET', errorMessage: 'expected an HTTP method; e.g. GET or POST' },
    url: {
      type: 'string',
      minLength: 1,
      description: 'A path against `burst.target` (`/signup`) or a full URL on the same origin; `${name}` inserts a captured value.',
    },
    headers: { ...STRING_MAP, description: 'Request headers; values may use `${name}`.' },
    json: { description: 'A JSON body (sets content-type: application/json); string values may use `${name}`.' },
    form: { ...STRING_MAP, description: 'A form body (application/x-www-form-urlencoded); values may use `${name}`.' },
    body: { type: 'string', description: 'A raw body.' },
    check: {
      type: 'object',
      additionalProperties: false,
      description: 'Checks on the response, counted in the `checks` rate.',
      errorMessage: 'expected {status: 200} or {status: [200, 302], bodyContains: "Welcome"}',
      properties: {
        status: {
          anyOf: [
            { type: 'integer', minimum: 100, maximum: 599 },
            { type: 'array', minItems: 1, items: { type: 'integer', minimum: 100, maximum: 599 } },
          ],
        },
        bodyContains: {
          anyOf: [
            { type: 'string', minLength: 1 },
            { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          ],
        },
      },
    },
    capture: {
      type: 'object',
      additionalProperties: CAPTURE,
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      description: 'Values captured from this response for later steps, by name: `{csrf: {regex: ...}}`.',
      errorMessage: 'expected a mapping of names to {regex|header|json|cookie}; e.g. {csrf: {regex: "name=\\"csrf\\" value=\\"([^\\"]+)\\""}}',
    },
    sleep: durationOf("Think time after this step (overrides the scenario's `thinkTime`)."),
    path: { type: 'string', description: 'Critical path this route belongs to (`signup`, `checkout`...); default: guessed from the name and URL.' },
  },
};

const SCENARIO: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['executor'],
  errorMessage: 'expected a scenario; e.g. {executor: ramping-vus, stages: [{duration: 30s, target: 100}], steps: [{url: /}]}',
  properties: {
    executor: {
      enum: ['constant-vus', 'ramping-vus', 'constant-arrival-rate', 'ramping-arrival-rate'],
      errorMessage: 'expected constant-vus, ramping-vus (closed model), constant-arrival-rate or ramping-arrival-rate (open model)',
    },
    vus: count('constant-vus: concurrent virtual users.', { minimum: 1 }),
    duration: durationOf('constant-vus and constant-arrival-rate: how long the scenario runs.'),
    startVUs: count('ramping-vus: VUs at the start.'),
    stages: RAMP_STAGES,
    rate: rate('constant-arrival-rate: iterations started per `timeUnit`, whatever the server does.'),
    startRate: rate('ramping-arrival-rate: iterations per `timeUnit` at the start.'),
    timeUnit: durationOf('Arrival-rate executors: the period `rate` counts in (default 1s).'),
    preAllocatedVUs: count('Arrival-rate executors: VUs ready at the start.'),
    maxVUs: count('Arrival-rate executors: most concurrent VUs; past it an iteration is dropped (`droppedIterations`).', { minimum: 1 }),
    startTime: durationOf('Start this long after the run begins (default 0s).', { default: '0s' }),
    gracefulRampDown: durationOf(
      'ramping-vus: time a VU removed by a ramp-down gets to finish its iteration; past it the iteration is cut between steps (default 30s, as in k6).',
    ),
    gracefulStop: durationOf('Time running iterations get to finish after the scenario ends (default 30s).', { default: '30s' }),
    thinkTime: durationOf('Pause after each step, as a visitor reads the page (default none).'),
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: STEP,
      description: 'The journey: requests in order.',
      errorMessage: 'expected a list of request steps; e.g. [{url: /}, {url: /signup}]',
    },
  },
};

const THRESHOLD_ENTRY: JsonSchema = {
  anyOf: [
    { type: 'string' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['threshold'],
      properties: { threshold: { type: 'string' }, abortOnFail: { type: 'boolean' }, delayAbortEval: DURATION },
    },
  ],
};

/** The `burst` section of launch-ready.yml. */
export const burstConfigSchema: JsonSchema = {
  properties: {
    target: {
      type: 'string',
      description: 'Base URL of the system under load; load goes only to this origin (redirects to other hosts are not followed).',
      errorMessage: 'expected an http(s) URL; e.g. https://staging.example.com',
    },
    vus: count('Common case without scenarios: this many concurrent virtual users walk the pages (closed model).', { minimum: 1 }),
    rate: {
      type: 'number',
      exclusiveMinimum: 0,
      description: 'Common case without scenarios: journeys started per second (open model).',
      errorMessage: 'expected journeys per second; e.g. 20',
    },
    duration: durationOf('Common case and the default launch spike: how long to load (default 30s).'),
    pages: {
      type: 'object',
      additionalProperties: { type: 'string', minLength: 1 },
      description:
        'Pages of the default journey by critical path, paths against `target`: `{homepage: /, signup: /signup, health: /healthz}` (default: the homepage).',
      errorMessage: 'expected a mapping of page names to paths; e.g. {homepage: /, signup: /signup, health: /healthz}',
    },
    scenarios: {
      type: 'object',
      additionalProperties: SCENARIO,
      propertyNames: { pattern: '^[A-Za-z0-9_-]+$' },
      description: 'k6 scenarios by name, each with an executor and a journey of steps; they run at the same time (see `startTime`).',
      errorMessage: 'expected a mapping of scenario names to scenarios; e.g. {launch: {executor: ramping-vus, stages: [{duration: 30s, target: 100}]}}',
    },
    thresholds: {
      description:
        'k6 thresholds: a list like ["p(95)<800", "http_req_failed:rate<0.01"] or k6\'s mapping {http_req_duration: ["p(95)<800"]}. Replaces the defaults (p(95)<800 per route, p(95)<1500 overall, http_req_failed rate<0.01).',
      anyOf: [
        { type: 'array', items: { type: 'string' } },
        { type: 'object', additionalProperties: { type: 'array', items: THRESHOLD_ENTRY } },
      ],
      errorMessage: 'expected a list of threshold texts, e.g. ["p(95)<800"], or a mapping of metric to a list, e.g. {http_req_failed: ["rate<0.01"]}',
    },
    timeout: durationOf('Per-request timeout; a request past it counts as a timeout, apart from 5xx, 429 and connection errors (default 10s).', {
      default: '10s',
    }),
    abort: {
      type: 'object',
      additionalProperties: false,
      description: 'The default abort rule: stop early and fail when the error rate over the last `window` is above `errorRate`.',
      errorMessage: 'expected {errorRate: 0.5, window: 5s}; set enabled: false to turn the rule off',
      properties: {
        enabled: { type: 'boolean', default: true },
        errorRate: { type: 'number', exclusiveMinimum: 0, maximum: 1, default: 0.5 },
        window: { ...DURATION, default: '5s' },
        minRequests: { type: 'integer', minimum: 1, default: 10, description: 'Requests the window needs before the rule applies.' },
      },
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      description: 'Safety caps: raise them explicitly to load harder (defaults: 1,000 VUs, 5,000 requests/s, 10 minutes).',
      errorMessage: 'expected {maxVUs: 1000, maxRate: 5000, maxDuration: 10m}',
      properties: {
        maxVUs: count('Most concurrent VUs across scenarios.', { minimum: 1, maximum: 100000, default: 1000 }),
        maxRate: {
          type: 'number',
          exclusiveMinimum: 0,
          maximum: 1000000,
          default: 5000,
          description: 'Most requests per second (enforced while running, both models).',
        },
        maxDuration: { ...DURATION, default: '10m', description: 'Longest run, ramps and graceful stops included.' },
      },
    },
    abuse: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      description:
        'Abuse probe: a fast burst from one client at a login/sign-up endpoint expects 429 before `limit` requests, then a normal rate expects none.',
      errorMessage: 'expected {url: /login, method: POST, form: {...}, limit: 30}',
      properties: {
        url: { type: 'string', minLength: 1, description: 'Path against `target` (or a same-origin URL) of the endpoint to probe.' },
        method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], default: 'POST' },
        headers: STRING_MAP,
        json: {},
        form: STRING_MAP,
        body: { type: 'string' },
        limit: count('A rate limiter should answer 429 before this many requests of the fast burst (default 50).', { minimum: 2, maximum: 1000, default: 50 }),
        concurrency: count('Parallel requests in the fast burst (default 5).', { minimum: 1, maximum: 50, default: 5 }),
        normalRate: { type: 'number', exclusiveMinimum: 0, maximum: 10, default: 1, description: 'Requests per second a legitimate user sends (default 1).' },
        normalRequests: count('Requests at the normal rate that must all pass without 429 (default 5).', { minimum: 1, maximum: 60, default: 5 }),
        cooldown: { ...DURATION, default: '0s', description: 'Wait between the burst and the normal phase (e.g. the limiter window; default 0s, at most 2m).' },
      },
    },
    workers: {
      anyOf: [{ const: 'auto' }, { type: 'integer', minimum: 1, maximum: 16 }],
      default: 'auto',
      description: 'Worker threads for the load loop; `auto` adds threads only when one would be the bottleneck.',
      errorMessage: 'expected auto or a number of threads from 1 to 16',
    },
    shard: {
      type: 'string',
      pattern: '^[0-9]+/[0-9]+$',
      description: 'Run share i of n of every scenario (`--shard 2/4`); `actions/report` merges the shards exactly.',
      errorMessage: 'expected i/n; e.g. 1/4',
    },
    exportK6: { type: 'string', minLength: 1, description: 'Also write the equivalent k6 script to this file (`--export-k6 FILE`).' },
  },
};

/** The burst command's flags; each sets one key of the `burst` section. */
export const burstFlags: StageFlag[] = [
  { name: 'target', type: 'string', configKey: 'target', valueName: 'URL', description: 'base URL to load (the only origin that gets traffic)' },
  { name: 'vus', type: 'number', configKey: 'vus', valueName: 'N', description: 'concurrent virtual users (closed model)' },
  { name: 'rate', type: 'number', configKey: 'rate', valueName: 'N', description: 'journeys started per second (open model)' },
  { name: 'duration', type: 'string', configKey: 'duration', valueName: '30s', description: 'how long to load' },
  {
    name: 'threshold',
    type: 'string',
    multiple: true,
    configKey: 'thresholds',
    valueName: 'EXPR',
    description: "k6 threshold, e.g. 'p(95)<800' or 'http_req_failed:rate<0.01' (repeatable)",
  },
  {
    name: 'shard',
    type: 'string',
    configKey: 'shard',
    valueName: 'I/N',
    description: 'run share I of N of every scenario (a matrix job each); actions/report merges them',
  },
  { name: 'export-k6', type: 'string', configKey: 'exportK6', valueName: 'FILE', description: 'also write the equivalent k6 script to FILE' },
];
