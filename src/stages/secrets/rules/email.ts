import type { SecretRule } from './types.js';
import { assigned } from './types.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Email and SMS providers: a leaked key sends spam as you and wrecks the sending domain's reputation. */
export const EMAIL_RULES: SecretRule[] = [
  { id: 'sendgrid-api-token', title: 'SendGrid API key', keywords: ['sg.'], pattern: /(?<![A-Za-z0-9_.-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, severity: 'blocker', paths: ['email'] },
  { id: 'twilio-api-key', title: 'Twilio API key', keywords: ['sk'], pattern: /(?<![A-Za-z0-9_])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/g, severity: 'blocker', paths: ['email'] },
  { id: 'twilio-auth-token', title: 'Twilio auth token', keywords: ['twilio'], pattern: assigned('twilio[\\w.-]{0,20}(?:auth|token|secret)', '[a-f0-9]{32}'), severity: 'blocker', paths: ['email'] },
  { id: 'mailgun-private-api-token', title: 'Mailgun private API key', keywords: ['key-', 'mailgun'], pattern: /(?<![A-Za-z0-9_-])(?:key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?![A-Za-z0-9_-])/g, severity: 'blocker', paths: ['email'] },
  { id: 'postmark-server-token', title: 'Postmark server or account token', keywords: ['postmark'], pattern: assigned('postmark', UUID), severity: 'blocker', paths: ['email'] },
  { id: 'resend-api-key', title: 'Resend API key', keywords: ['re_'], pattern: /(?<![A-Za-z0-9_])re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}(?![A-Za-z0-9_])/g, severity: 'blocker', paths: ['email'] },
];
