import { AI_RULES } from './ai.js';
import { CLOUD_RULES } from './cloud.js';
import { CODE_HOSTING_RULES } from './code-hosting.js';
import { DATABASE_RULES } from './database.js';
import { EMAIL_RULES } from './email.js';
import { AUTH_HEADER_RULE, CURL_USER_RULE, GENERIC_RULE, PUBLIC_ENV_RULE } from './generic.js';
import { MESSAGING_RULES } from './messaging.js';
import { PAYMENT_RULES } from './payments.js';
import { PLATFORM_RULES } from './platforms.js';
import { PRIVATE_KEY_RULE } from './private-key.js';
import type { SecretRule } from './types.js';

export type { SecretRule } from './types.js';
export { ROTATE_FIX } from './types.js';

/** Every built-in rule: providers first (Clerk before Stripe: same prefix, the name decides), then the catch-alls. */
export const DEFAULT_RULES: readonly SecretRule[] = [
  ...CODE_HOSTING_RULES,
  ...MESSAGING_RULES,
  ...PLATFORM_RULES,
  ...PAYMENT_RULES,
  ...AI_RULES,
  ...EMAIL_RULES,
  ...CLOUD_RULES,
  ...DATABASE_RULES,
  PRIVATE_KEY_RULE,
  PUBLIC_ENV_RULE,
  AUTH_HEADER_RULE,
  CURL_USER_RULE,
  GENERIC_RULE,
];
