/**
 * What a variable's name says about it: secret-looking, behind a client-bundle prefix, or provided
 * by the platform so nobody has to set it.
 */

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|PASSPHRASE|PRIVATE|TOKEN|CREDENTIAL|_KEY$|_KEY_|APIKEY|API_KEY|DATABASE_URL|_DSN$|^DSN$|CONNECTION_STRING|SERVICE_ROLE|_SALT$|WEBHOOK_SECRET)/i;
/** Keys that are public by design even though their names end in `_KEY`. */
const PUBLIC_BY_DESIGN = /(PUBLISHABLE|PUBLIC_KEY|ANON_KEY|SITE_KEY|_PK$|PUBLIC_TOKEN|MAPBOX_TOKEN|CLIENT_ID)/i;
/** A stricter test for what must never sit in a client bundle: a server-only credential. */
const SERVER_ONLY = /(SECRET|PASSWORD|PASSWD|PRIVATE_KEY|SERVICE_ROLE|DATABASE_URL|_DSN$|CONNECTION_STRING|ACCESS_TOKEN|AUTH_TOKEN|API_TOKEN|WEBHOOK)/i;

/** Prefixes that frameworks inline into the browser bundle (Next, Vite, CRA, SvelteKit/Astro, Nuxt, Expo, Gatsby). */
export const CLIENT_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'NUXT_PUBLIC_', 'EXPO_PUBLIC_', 'GATSBY_', 'PUBLIC_'] as const;

/** Variables the platform or runtime sets itself; never reported missing. */
const PLATFORM_PROVIDED = new Set([
  'NODE_ENV', 'PATH', 'HOME', 'PWD', 'USER', 'SHELL', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'TZ', 'CI', 'PORT', 'HOSTNAME',
  'NODE_OPTIONS', 'NODE_DEBUG', 'DEBUG', 'TERM', 'FORCE_COLOR', 'NO_COLOR', 'npm_package_version', 'npm_lifecycle_event',
  'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'NEXT_RUNTIME', 'VERCEL', 'VERCEL_ENV', 'VERCEL_URL', 'RENDER', 'FLY_APP_NAME',
]);
const PLATFORM_PREFIXES = ['GITHUB_', 'RUNNER_', 'VERCEL_', 'NETLIFY_', 'RENDER_', 'FLY_', 'RAILWAY_', 'HEROKU_', 'AWS_LAMBDA_', 'npm_'];

/** `STRIPE_SECRET_KEY`, `DATABASE_URL`, `GITHUB_TOKEN`... but not `STRIPE_PUBLISHABLE_KEY`. */
export function isSecretLooking(name: string): boolean {
  return SECRET_NAME.test(name) && !PUBLIC_BY_DESIGN.test(name);
}

/** The client-bundle prefix of `name`, if any. */
export function clientPrefixOf(name: string): string | undefined {
  return CLIENT_PREFIXES.find((prefix) => name.startsWith(prefix) && name.length > prefix.length);
}

/** `NEXT_PUBLIC_STRIPE_SECRET_KEY`: a server-only credential name behind a prefix that ships it to browsers. */
export function isServerSecretInClientBundle(name: string): boolean {
  const prefix = clientPrefixOf(name);
  if (!prefix) return false;
  const rest = name.slice(prefix.length);
  return SERVER_ONLY.test(rest) && !PUBLIC_BY_DESIGN.test(rest);
}

/** `NODE_ENV`, `PORT`, `GITHUB_SHA`...: set by the runtime or the host, so not the user's to set. */
export function isPlatformProvided(name: string): boolean {
  return PLATFORM_PROVIDED.has(name) || PLATFORM_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** A plausible environment variable name (what we accept from code and files). */
export function isVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
