import type { Severity } from '../../../core/severity.js';
import type { SecretRule } from './types.js';
import { entropyOf, isNotASecret } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128})$/i;
const INTEGRITY = /^(?:sha1|sha256|sha384|sha512)-/i;
/** Names that hold a public value despite the secret-sounding word. */
const PUBLIC_NAMES = /publishable|public[_-]?key|site[_-]?key|anon[_-]?key|token[_-]?(?:url|endpoint|type|name|path|ttl|expir\w*|length|count|limit)|key[_-]?(?:id|name|path|file|prefix|length|size|type|ring)\b|(?:id|max|min|num|use)[_-]?tokens?\b|tokenizer|keyboard|keyframe|keyword|monkey|hotkey|turkey|donkey|primary[_-]?key|foreign[_-]?key|sort[_-]?key|cache[_-]?key|partition[_-]?key|hash[_-]?key|author/i;
const SECRET_NAMES = /secret|token|passw(?:or)?d|pwd|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|auth[_.-]?key|credential|client[_.-]?secret|signing[_.-]?key|encryption[_.-]?key|key/i;

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

/** True when a random-looking value is probably one: UUIDs, hashes, lockfile integrity strings are not. */
export function looksRandomSecret(value: string): boolean {
  if (value.length < 12 || UUID.test(value) || HEX_HASH.test(value) || INTEGRITY.test(value)) return false;
  if (isNotASecret(value) || looksLikeIdentifier(value)) return false;
  // Identifiers, paths and URLs are words, not keys.
  if (/^[a-z]+(?:[._-][a-z]+)*$/i.test(value) || /^(?:\.{0,2}\/|https?:|file:)/.test(value) || /\.(?:js|ts|json|ya?ml|pem|key|txt|env)$/i.test(value)) return false;
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value));
  if (classes < 2 || !/[0-9]/.test(value)) return false;
  return entropyOf(value) >= 3.5;
}

/** The whole key name around the matched secret word: `STRIPE_API_KEY` for a match at `KEY`. */
function nameAt(text: string, match: RegExpExecArray): string {
  let start = match.index;
  const floor = Math.max(0, start - 40);
  while (start > floor && /[A-Za-z0-9_.-]/.test(text[start - 1]!)) start--;
  const head = match[0].match(/^[A-Za-z0-9_.-]+/)?.[0] ?? '';
  return text.slice(start, match.index) + head;
}

/**
 * High-entropy values assigned to secret-named keys: `API_KEY=…`, `"clientSecret": "…"`,
 * `password: …`. The name is matched first (a literal anchors each start), then a bounded value.
 */
export const GENERIC_RULE: SecretRule = {
  id: 'generic-api-key',
  title: 'High-entropy value assigned to a secret-named key',
  keywords: ['secret', 'token', 'passw', 'pwd', 'key', 'credential', 'auth'],
  pattern: /(?:secret|token|passw(?:or)?d|pwd|key|credentials?|auth)[A-Za-z0-9_.-]{0,24}["'`]?\s{0,5}(?:=|:=|:|=>)\s{0,5}["'`]?([A-Za-z0-9+/=_.~!@#$%^&*-]{12,200})/gi,
  classify: (secret, match, text): Severity | undefined => {
    const name = nameAt(text, match);
    if (!SECRET_NAMES.test(name) || PUBLIC_NAMES.test(name)) return undefined;
    return looksRandomSecret(secret.replace(/[.,;]+$/, '')) ? 'medium' : undefined;
  },
  priority: 3,
};

const FRAMEWORK_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'NUXT_PUBLIC_', 'PUBLIC_', 'EXPO_PUBLIC_', 'GATSBY_'];
const SERVER_SECRET_NAME = /SECRET|PRIVATE|SERVICE_ROLE|SERVICE_KEY|PASSWORD|PASSWD|DATABASE_URL|DB_URL|ADMIN_KEY|ADMIN_TOKEN|WEBHOOK_SECRET|SIGNING_KEY|ACCESS_KEY|AUTH_TOKEN/;

/**
 * A value behind a framework public-env prefix (`NEXT_PUBLIC_`, `VITE_`…) is inlined into client
 * code that every visitor downloads; a server-secret name there is a live leak: blocker.
 */
export const PUBLIC_ENV_RULE: SecretRule = {
  id: 'public-env-secret',
  title: 'Server secret behind a client-bundle env prefix',
  keywords: ['public_', 'vite_', 'react_app_', 'gatsby_'],
  pattern: /(?<![A-Za-z0-9_])((?:NEXT_PUBLIC_|VITE_|REACT_APP_|NUXT_PUBLIC_|PUBLIC_|EXPO_PUBLIC_|GATSBY_)[A-Z0-9_]{1,80})["'`]?\s{0,5}(?:=|:)\s{0,5}["'`]?([^\s"'`,;}]{8,400})/g,
  secretGroup: 2,
  classify: (secret, match): Severity | undefined => {
    const name = match[1] ?? '';
    const unprefixed = name.slice(FRAMEWORK_PREFIXES.find((p) => name.startsWith(p))?.length ?? 0);
    if (!SERVER_SECRET_NAME.test(unprefixed) || /PUBLISHABLE|ANON/.test(unprefixed) || isNotASecret(secret)) return undefined;
    return 'blocker';
  },
  priority: 1,
};

/** `Authorization: Bearer …` echoed into a log or a curl line in a script. */
export const AUTH_HEADER_RULE: SecretRule = {
  id: 'authorization-header',
  title: 'Credential in an Authorization header',
  keywords: ['authorization'],
  pattern: /authorization["']?\s{0,3}[:=]\s{0,3}["']?(?:bearer|basic|token|bot)\s{1,3}([A-Za-z0-9._~+/=-]{16,2000})/gi,
  classify: (secret) => (isNotASecret(secret) || /^[*x.]+$/i.test(secret) ? undefined : 'high'),
  priority: 2,
};
