import type { Severity } from '../../../core/severity.js';
import type { SecretRule } from './types.js';
import { ASSIGN, entropyOf, isNotASecret } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{40,128}$/i;
const MD5 = /^[0-9a-f]{32}$/i;
const HOSTNAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}$/i;
const INTEGRITY = /^(?:sha1|sha256|sha384|sha512)-/i;
/** Names that hold a public value despite the secret-sounding word. */
const PUBLIC_NAMES =
  /publishable|public|site[_-]?key|anon[_-]?key|csrf|xsrf|tokenizer|keyboard|keyframe|keyword|monkey|hotkey|turkey|donkey|primary[_-]?key|foreign[_-]?key|sort[_-]?key|cache[_-]?key|partition[_-]?key|idempotency|author/i;
/** A name's word that holds a secret: `apiKey`, `DB_PASSWORD`, `client_secret`, `creds`. */
const SECRET_WORD = /^(?:\w*(?:secret|token|passw(?:or)?d|passwd|pwd|key|credentials?|creds?|auth)s?|pass)$/;
/** Words after the secret word that make the name describe it rather than hold it (`tokenUrl`, `KEY_ID`). */
const DESCRIBING_WORD =
  /^(?:id|ids|name|names|url|uri|urls|endpoint|path|paths|file|files|dir|hash|sha|digest|checksum|fingerprint|event|events|type|types|length|len|size|count|limit|ttl|expiry|expires|expiration|pressed|down|up|code|meshing|pair|signatures|vault|format|version|prefix|suffix|mode|ring|field|header|param|label|ref|env|var|st|pattern|regex|source|host|server|domain|provider|method|scheme|mechanism|store)$/;
/** Hash-like values are kept only under names that say secret outright; `key` alone is often a cache or lookup key. */
const STRONG_WORD = /secret|token|passw|pwd|credential|creds|auth|apikey/;

/** The words of a key name: `STRIPE_API_KEY` → stripe, api, key; `clientSecretValue` → client, secret, value. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a key name holds a secret: a secret word not followed by a describing one, and nothing public. */
export function isSecretName(name: string): boolean {
  if (PUBLIC_NAMES.test(name)) return false;
  const words = wordsOf(name);
  let last = -1;
  words.forEach((word, i) => {
    if (SECRET_WORD.test(word)) last = i;
  });
  if (last === -1) return false;
  return !words.slice(last + 1).some((word) => DESCRIBING_WORD.test(word));
}

/**
 * `launchReadyFingerprint/v1`, `Buffer2.concat`, `user_session_cookie`: every letter run is a
 * pronounceable word of three or more letters. Random keys break into short runs (`aB3dE5`) at
 * each case or digit switch, so they never pass.
 */
export function looksLikeIdentifier(value: string): boolean {
  const tokens = value
    .replace(/(^|[^A-Za-z0-9])v\d{1,3}(?![A-Za-z0-9])/g, '$1 ')
    .split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])/)
    .filter(Boolean);
  let words = 0;
  for (const token of tokens) {
    if (/^[0-9]+$/.test(token)) {
      if (token.length > 4) return false;
      continue;
    }
    if (token.length < 3 || !/[aeiouy]/i.test(token)) return false;
    words++;
  }
  return words >= 2;
}

/** Base64 of plain words (`ZHVtbXkgdGV4dA==` is "dummy text"): an encoded sentence, not a key. */
function isEncodedText(value: string): boolean {
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[a-z ,.'-]{12,}$/i.test(decoded) && decoded.includes(' ');
}

/** Code, not a value: `X25519.KeyPair` under `KeyPair`, `struct_X509_pubkey_st` under `X509_pubkey_st`, a Maven version. */
function isCodeValue(value: string, name: string): boolean {
  const tail = wordsOf(name).slice(-2).join('');
  if (tail.length >= 5 && wordsOf(value).join('').includes(tail)) return true;
  return /\w==\w|&&|\|\||->/.test(value) || /[A-Za-z][\w-]*[-:]v?\d{1,3}\.\d{1,3}(?:\.\d{1,4})?$/.test(value);
}

/** True when a random-looking value is probably one: hashes, lockfile integrity strings, paths and words are not. */
export function looksRandomSecret(value: string, strongName = false): boolean {
  if (value.length < 12 || INTEGRITY.test(value) || MD5.test(value) || HOSTNAME.test(value)) return false;
  // A UUID or a 64-hex value under `client_secret`/`api_token` is the secret (Heroku, npm legacy, Auth0); under `key` it is often a lookup id.
  if (UUID.test(value) || HEX.test(value)) return strongName && !isNotASecret(value);
  if (isNotASecret(value) || looksLikeIdentifier(value) || isEncodedText(value)) return false;
  if (/^[a-z]+(?:[._-][a-z]+)*$/i.test(value) || /^(?:\.{0,2}\/|https?:|file:)/.test(value) || /\.(?:js|ts|json|ya?ml|pem|key|txt|env)$/i.test(value))
    return false;
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value));
  if (classes < 2 || !/[0-9]/.test(value)) return false;
  return entropyOf(value) >= 3.5;
}

/**
 * Prefixes of providers whose exact format a provider rule checks. A value that starts with one but
 * did not match its rule has the wrong length or alphabet (a truncated or mangled token, a test
 * value): the generic rule does not report it either.
 */
const PROVIDER_PREFIX =
  /^(?:gh[pousr]_|github_pat_|glpat-|npm_|xox[abpers]-|sk_(?:live|test|prod)_|rk_(?:live|test|prod)_|pk_(?:live|test)_|whsec_|shp(?:at|ca|pa|ss)_|sk-(?:proj-|ant-|admin-)?|hf_|SG\.|AKIA|AIza|cf(?:ut|at|k)_|vc[picrk]_|dp\.|sb_(?:secret|publishable)_|sbp_|sntr[ysu]_|dop_v1_|doo_v1_|dor_v1_|HRKU-|nfp_|lin_api_|ntn_|sq0|EAAA|re_|ABSK|bedrock-api-key-)/;

/** Provider names whose secret has a fixed shape; a value of another shape under that name is not that secret. */
const SHAPED_NAMES: [RegExp, RegExp][] = [[/aws[\w.-]{0,20}secret|secret[_-]?access[_-]?key/i, /^[A-Za-z0-9/+]{40}$/]];

/** The whole key name around the matched secret word: `STRIPE_API_KEY` for a match at `KEY`. */
function nameAt(text: string, match: RegExpExecArray): string {
  let start = match.index;
  const floor = Math.max(0, start - 40);
  while (start > floor && /[A-Za-z0-9_.-]/.test(text[start - 1]!)) start--;
  const head = match[0].match(/^[A-Za-z0-9_.-]+/)?.[0] ?? '';
  return text.slice(start, match.index) + head;
}

/** `<entry key="jetbrains.mps.v8" value="…">`: an attribute named `key` names a setting. */
function isKeyAttribute(name: string, text: string, match: RegExpExecArray): boolean {
  if (name.toLowerCase() !== 'key') return false;
  return /^["']\s{0,3}value=/.test(text.slice(match.index + match[0].length, match.index + match[0].length + 12));
}

/**
 * High-entropy values assigned to secret-named keys: `API_KEY=…`, `"clientSecret": "…"`,
 * `password: …`, `<dbPassword>…</dbPassword>`. The name is matched first (a literal anchors each
 * start), then a bounded value that must end at a quote, a space or a separator.
 */
export const GENERIC_RULE: SecretRule = {
  id: 'generic-api-key',
  title: 'High-entropy value assigned to a secret-named key',
  keywords: ['secret', 'token', 'passw', 'pwd', 'key', 'credential', 'creds', 'auth'],
  pattern: new RegExp(
    `(?:secret|token|passw(?:or)?d|pwd|key|credentials?|creds|auth)[A-Za-z0-9_.-]{0,24}${ASSIGN}([A-Za-z0-9+/=_.~!@#$%^&*-]{12,200})(?=["'\`\\s,;)}\\]<&|\\\\]|$)`,
    'gi',
  ),
  classify: (secret, match, text): Severity | undefined => {
    const name = nameAt(text, match);
    if (!isSecretName(name) || isKeyAttribute(name, text, match)) return undefined;
    const value = secret.replace(/[.,;]+$/, '');
    if (PROVIDER_PREFIX.test(value) || isCodeValue(value, name)) return undefined;
    if (SHAPED_NAMES.some(([names, shape]) => names.test(name) && !shape.test(value))) return undefined;
    return looksRandomSecret(value, STRONG_WORD.test(name.toLowerCase())) ? 'medium' : undefined;
  },
  priority: 3,
};

const FRAMEWORK_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'NUXT_PUBLIC_', 'PUBLIC_', 'EXPO_PUBLIC_', 'GATSBY_'];
const SERVER_SECRET_NAME =
  /SECRET|PRIVATE|SERVICE_ROLE|SERVICE_KEY|PASSWORD|PASSWD|DATABASE_URL|DB_URL|ADMIN_KEY|ADMIN_TOKEN|WEBHOOK_SECRET|SIGNING_KEY|ACCESS_KEY|AUTH_TOKEN/;

/**
 * A value behind a framework public-env prefix (`NEXT_PUBLIC_`, `VITE_`…) is inlined into client
 * code that every visitor downloads; a server-secret name there is a live leak: blocker.
 */
export const PUBLIC_ENV_RULE: SecretRule = {
  id: 'public-env-secret',
  title: 'Server secret behind a client-bundle env prefix',
  keywords: ['public_', 'vite_', 'react_app_', 'gatsby_'],
  pattern:
    /(?<![A-Za-z0-9_])((?:NEXT_PUBLIC_|VITE_|REACT_APP_|NUXT_PUBLIC_|PUBLIC_|EXPO_PUBLIC_|GATSBY_)[A-Z0-9_]{1,80})["'`]?\s{0,5}(?:=|:)\s{0,5}["'`]?([^\s"'`,;}]{8,400})/g,
  secretGroup: 2,
  classify: (secret, match): Severity | undefined => {
    const name = match[1] ?? '';
    const unprefixed = name.slice(FRAMEWORK_PREFIXES.find((p) => name.startsWith(p))?.length ?? 0);
    if (!SERVER_SECRET_NAME.test(unprefixed) || /PUBLISHABLE|ANON/.test(unprefixed) || isNotASecret(secret)) return undefined;
    return 'blocker';
  },
  priority: 1,
};

/** `Basic dXNlcjpwYXNz` must decode to `user:password`; a JWT after `Basic` is a mislabelled bearer token. */
function isBasicCredential(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return decoded.includes(':') && /^[\x20-\x7e]+$/.test(decoded);
}

/**
 * A credential in an `Authorization` or API-key header: echoed into a log, a curl line in a script,
 * `req.Header.Set("Authorization", "Bearer …")`, `-H "apikey: …"`, `-H "X-Api-Key: …"`. Peers:
 * gitleaks `curl-auth-header`, trufflehog's header-form pattern tests.
 */
export const AUTH_HEADER_RULE: SecretRule = {
  id: 'authorization-header',
  title: 'Credential in an Authorization header',
  keywords: ['authorization', '-h ', '--header'],
  pattern:
    /(?:(?<![A-Za-z0-9-])authorization["']?\s{0,3}(?:[:=]|["']\s{0,3},)|(?:-H|--header)\s{1,3}["'](?:x-[a-z0-9]{1,20}-)?(?:api-?key|api-?token|auth-?token|access-?token|token)\s{0,3}:)\s{0,3}["']?(?:(bearer|basic|token|bot|api-token|apikey|sso-key|key)\s{1,3})?([A-Za-z0-9._~+/=@!$%^*:-]{8,2000})/gi,
  secretGroup: 2,
  classify: (secret, match) => {
    const scheme = (match[1] ?? '').toLowerCase();
    const value = secret.replace(/[.,;:]+$/, '');
    if (isNotASecret(value) || /^[*x.]+$/i.test(value) || value.includes('%s') || /^(?:bearer|basic|token)$/i.test(value)) return undefined;
    if (scheme === 'basic') return isBasicCredential(value) ? 'high' : undefined;
    // Without a scheme the value itself must look like a key: `Authorization: 5eb4223e-…` does, `Authorization: required` does not.
    if (!scheme && (value.length < 10 || !/[0-9]/.test(value) || looksLikeIdentifier(value) || /^[a-z]+$/i.test(value))) return undefined;
    return 'high';
  },
  priority: 2,
};

/**
 * `curl -u user:password`, `curl --user "api:…"`: basic-auth credentials on a command line. The
 * secret is the password, or the user when the password is empty (an API key passed as the user).
 * Peer: gitleaks `curl-auth-user`.
 */
export const CURL_USER_RULE: SecretRule & { find: (text: string) => { secret: string; index: number }[] } = {
  id: 'curl-auth-user',
  title: 'Password in a curl --user argument',
  keywords: ['curl'],
  pattern: /(?:^|\s)(?:-u|--user)\s{1,3}/g,
  severity: 'high',
  find: (text) => {
    const out: { secret: string; index: number }[] = [];
    const flag = /(?:^|\s)(?:-u|--user)\s{1,3}(["']?)([^\s"']{0,200}(?:'[^'\s]{1,120}')?)\1/g;
    for (let match = flag.exec(text); match; match = flag.exec(text)) {
      const arg = (match[2] ?? '').replace(/'/g, '');
      if (/[<>[\]]/.test(arg) || isNotASecret(arg)) continue;
      const colon = arg.indexOf(':');
      if (colon === -1) continue;
      const user = arg.slice(0, colon);
      const password = arg.slice(colon + 1);
      const secret = (password || user).replace(/^\{|\}$/g, '');
      if (secret.length < 6 || isNotASecret(secret) || /^\$/.test(secret)) continue;
      const at = text.indexOf(secret, match.index);
      out.push({ secret, index: at === -1 ? match.index : at });
    }
    return out;
  },
};
