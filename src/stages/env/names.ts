/**
 * What a variable's name says about it: secret-looking, behind a client-bundle prefix, or provided
 * by the platform so nobody has to set it. Names are judged by whole `_`-separated tokens, never by
 * substring: `SMTP_PORT` is not a secret, `DISABLE_EMAIL_PASSWORD_SIGNUP` is a feature flag.
 */

/** Tokens that make a name a credential wherever they stand (`STRIPE_SECRET_KEY`, `API_TOKEN`, `DB_PASSWORD`). */
const SECRET_TOKENS = new Set([
  'SECRET',
  'SECRETS',
  'PASSWORD',
  'PASSWD',
  'PASS',
  'PWD',
  'PASSPHRASE',
  'TOKEN',
  'CREDENTIAL',
  'CREDENTIALS',
  'APIKEY',
  'DSN',
  'DATASOURCE',
  'SALT',
  'PEPPER',
]);
/** Last tokens that make a name a credential (`SIGNING_KEY`, `API_KEY`): `KEY_PATH` is a file path, `KEY_ID` an identifier. */
const SECRET_LAST_TOKENS = new Set(['KEY', 'KEYS']);
/** Whole names (or name endings) that hold a credential inside a URL. */
const CREDENTIAL_URLS = ['DATABASE_URL', 'DATABASE_URI', 'DB_URL', 'REDIS_URL', 'MONGODB_URI', 'MONGO_URL', 'AMQP_URL', 'BROKER_URL', 'CONNECTION_STRING'];
/** A name with one of these tokens is a switch, not a credential (`DISABLE_PASSWORD_SIGNUP`, `SECRET_ROTATION_ENABLED`). */
const FLAG_TOKENS = new Set([
  'DISABLE',
  'DISABLED',
  'ENABLE',
  'ENABLED',
  'ALLOW',
  'ALLOWED',
  'IS',
  'HAS',
  'USE',
  'SHOW',
  'HIDE',
  'SKIP',
  'REQUIRE',
  'REQUIRED',
  'FEATURE',
  'FLAG',
]);
/** Last tokens that describe a setting about a credential rather than the credential (`PASSWORD_MIN_LENGTH`, `TOKEN_TTL`). */
const DESCRIPTOR_LAST_TOKENS = new Set([
  'PATH',
  'FILE',
  'DIR',
  'NAME',
  'ID',
  'ARN',
  'LENGTH',
  'LEN',
  'MIN',
  'MAX',
  'TTL',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'AGE',
  'LIFETIME',
  'TIMEOUT',
  'HEADER',
  'PREFIX',
  'HOST',
  'PORT',
  'USER',
  'USERNAME',
  'REGION',
  'TEMPLATE',
  'ENDPOINT',
  'ALGORITHM',
  'TYPE',
  'MODE',
  'COOKIE',
  'FIELD',
  'PARAM',
  'VERSION',
]);
/** Keys that are public by design even though their names say KEY or TOKEN. */
const PUBLIC_BY_DESIGN = [
  ['PUBLISHABLE'],
  ['PUBLIC', 'KEY'],
  ['ANON', 'KEY'],
  ['SITE', 'KEY'],
  ['PK'],
  ['PUBLIC', 'TOKEN'],
  ['MAPBOX', 'TOKEN'],
  ['CLIENT', 'ID'],
  ['VAPID', 'PUBLIC'],
];

/** Prefixes that frameworks inline into the browser bundle (Next, Vite, CRA, SvelteKit/Astro, Nuxt, Expo, Gatsby). */
export const CLIENT_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'NUXT_PUBLIC_', 'EXPO_PUBLIC_', 'GATSBY_', 'PUBLIC_'] as const;

/** Variables the platform or runtime sets itself; never reported missing. */
const PLATFORM_PROVIDED = new Set([
  'NODE_ENV',
  'PATH',
  'HOME',
  'PWD',
  'USER',
  'SHELL',
  'TMPDIR',
  'TEMP',
  'TMP',
  'LANG',
  'TZ',
  'CI',
  'PORT',
  'HOSTNAME',
  'NODE_OPTIONS',
  'NODE_DEBUG',
  'DEBUG',
  'TERM',
  'FORCE_COLOR',
  'NO_COLOR',
  'npm_package_version',
  'npm_lifecycle_event',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'BASE_URL',
  'NEXT_RUNTIME',
  'VERCEL',
  'VERCEL_ENV',
  'VERCEL_URL',
  'RENDER',
  'FLY_APP_NAME',
  'DJANGO_SETTINGS_MODULE',
  'PYTHONPATH',
  'VIRTUAL_ENV',
]);
/** Prefixes that belong to a hosting platform as a whole. `GITHUB_` is not one: see {@link GITHUB_RUNNER}. */
const PLATFORM_PREFIXES = ['RUNNER_', 'VERCEL_', 'NETLIFY_', 'RENDER_', 'FLY_', 'RAILWAY_', 'HEROKU_', 'AWS_LAMBDA_', 'npm_'];
/**
 * The names the GitHub Actions runner sets itself (GitHub's list of default variables, plus the
 * token). `GITHUB_ID`, `GITHUB_SECRET`, `GITHUB_CLIENT_SECRET` are an app's OAuth settings.
 */
const GITHUB_RUNNER = new Set([
  'GITHUB_ACTION',
  'GITHUB_ACTION_PATH',
  'GITHUB_ACTION_REPOSITORY',
  'GITHUB_ACTIONS',
  'GITHUB_ACTOR',
  'GITHUB_ACTOR_ID',
  'GITHUB_API_URL',
  'GITHUB_BASE_REF',
  'GITHUB_ENV',
  'GITHUB_EVENT_NAME',
  'GITHUB_EVENT_PATH',
  'GITHUB_GRAPHQL_URL',
  'GITHUB_HEAD_REF',
  'GITHUB_JOB',
  'GITHUB_OUTPUT',
  'GITHUB_PATH',
  'GITHUB_REF',
  'GITHUB_REF_NAME',
  'GITHUB_REF_PROTECTED',
  'GITHUB_REF_TYPE',
  'GITHUB_REPOSITORY',
  'GITHUB_REPOSITORY_ID',
  'GITHUB_REPOSITORY_OWNER',
  'GITHUB_REPOSITORY_OWNER_ID',
  'GITHUB_RETENTION_DAYS',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_NUMBER',
  'GITHUB_SERVER_URL',
  'GITHUB_SHA',
  'GITHUB_STEP_SUMMARY',
  'GITHUB_TRIGGERING_ACTOR',
  'GITHUB_WORKFLOW',
  'GITHUB_WORKFLOW_REF',
  'GITHUB_WORKFLOW_SHA',
  'GITHUB_WORKSPACE',
  'GITHUB_TOKEN',
  'GITHUB_STATE',
]);

function tokensOf(name: string): string[] {
  return name.toUpperCase().split('_').filter(Boolean);
}

function hasRun(tokens: string[], run: string[]): boolean {
  for (let i = 0; i + run.length <= tokens.length; i++) if (run.every((t, j) => tokens[i + j] === t)) return true;
  return false;
}

/** `STRIPE_SECRET_KEY`, `DATABASE_URL`, `SENTRY_DSN`... but not `STRIPE_PUBLISHABLE_KEY`, `SMTP_PORT` or `DISABLE_PASSWORD_SIGNUP`. */
export function isSecretLooking(name: string): boolean {
  const upper = name.toUpperCase();
  if (CREDENTIAL_URLS.some((url) => upper === url || upper.endsWith(`_${url}`))) return true;
  const tokens = tokensOf(name);
  if (tokens.length === 0 || tokens.some((t) => FLAG_TOKENS.has(t))) return false;
  if (PUBLIC_BY_DESIGN.some((run) => hasRun(tokens, run))) return false;
  const last = tokens[tokens.length - 1]!;
  if (DESCRIPTOR_LAST_TOKENS.has(last)) return false;
  if (SECRET_LAST_TOKENS.has(last) && tokens.length > 1) return true;
  if (hasRun(tokens, ['PRIVATE', 'KEY']) || hasRun(tokens, ['SERVICE', 'ROLE'])) return true;
  return tokens.some((t) => SECRET_TOKENS.has(t));
}

/** The client-bundle prefix of `name`, if any. */
export function clientPrefixOf(name: string): string | undefined {
  return CLIENT_PREFIXES.find((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}

/** `NEXT_PUBLIC_STRIPE_SECRET_KEY`: a credential name behind a prefix that ships it to browsers (the one client-prefix rule). */
export function isServerSecretInClientBundle(name: string): boolean {
  const prefix = clientPrefixOf(name);
  return prefix !== undefined && isSecretLooking(name.slice(prefix.length));
}

/** `NODE_ENV`, `PORT`, `GITHUB_SHA`...: set by the runtime or the host, so not the user's to set. */
export function isPlatformProvided(name: string): boolean {
  return PLATFORM_PROVIDED.has(name) || GITHUB_RUNNER.has(name) || PLATFORM_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** A plausible environment variable name (what we accept from code and files). */
export function isVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
