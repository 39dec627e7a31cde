import type { SecretRule } from './types.js';
import { assigned } from './types.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const EMAIL = { exposes: 'email', paths: ['email'] } as const;

/** Email and SMS providers: a leaked key sends spam as you and wrecks the sending domain's reputation. */
export const EMAIL_RULES: SecretRule[] = [
  // SendGrid's body alphabet includes `-` and `_` (gitleaks `sendgrid.go`).
  {
    id: 'sendgrid-api-token',
    title: 'SendGrid API key',
    keywords: ['sg.'],
    pattern: /(?<![A-Za-z0-9_.-])SG\.(?:[A-Za-z0-9_-]{20,24}\.[A-Za-z0-9_-]{39,50}|[A-Za-z0-9=_.-]{66})(?![A-Za-z0-9_.=-])/gi,
    severity: 'blocker',
    ...EMAIL,
    provider: 'SendGrid',
    revokeAt: 'https://app.sendgrid.com/settings/api_keys',
  },
  {
    id: 'twilio-api-key',
    title: 'Twilio API key',
    keywords: ['sk'],
    pattern: /(?<![A-Za-z0-9_])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/g,
    severity: 'blocker',
    ...EMAIL,
    provider: 'Twilio',
    revokeAt: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
  },
  {
    id: 'twilio-auth-token',
    title: 'Twilio auth token',
    keywords: ['twilio'],
    pattern: assigned('twilio[\\w.-]{0,20}(?:auth|token|secret|key)', '[a-f0-9]{32}|[A-Za-z0-9]{32}'),
    severity: 'blocker',
    ...EMAIL,
    provider: 'Twilio',
    revokeAt: 'https://console.twilio.com/',
  },
  {
    id: 'mailgun-private-api-token',
    title: 'Mailgun private API key',
    keywords: ['key-', 'mailgun'],
    pattern: /(?<![A-Za-z0-9_-])(?:key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?![A-Za-z0-9_-])/g,
    severity: 'blocker',
    ...EMAIL,
    provider: 'Mailgun',
    revokeAt: 'https://app.mailgun.com/settings/api_security',
  },
  {
    id: 'mailgun-signing-key',
    title: 'Mailgun webhook signing key',
    keywords: ['mailgun'],
    pattern: assigned('mailgun[\\w.-]{0,20}(?:sign|webhook|key|token)', '[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}|[a-f0-9]{32}'),
    severity: 'blocker',
    ...EMAIL,
    provider: 'Mailgun',
    revokeAt: 'https://app.mailgun.com/settings/api_security',
  },
  {
    id: 'postmark-server-token',
    title: 'Postmark server or account token',
    keywords: ['postmark'],
    pattern: assigned('postmark', UUID),
    severity: 'blocker',
    ...EMAIL,
    provider: 'Postmark',
    revokeAt: 'https://account.postmarkapp.com/servers',
  },
  {
    id: 'resend-api-key',
    title: 'Resend API key',
    keywords: ['re_'],
    pattern: /(?<![A-Za-z0-9_])re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}(?![A-Za-z0-9_])/g,
    severity: 'blocker',
    ...EMAIL,
    provider: 'Resend',
    revokeAt: 'https://resend.com/api-keys',
  },
];
