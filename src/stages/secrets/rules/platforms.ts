import { stringOr } from '../../../core/guards.js';
import { valueAt } from '../../../core/narrow.js';
import type { SecretRule } from './types.js';
import { assigned, isNotASecret, near } from './types.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Hosting, deploy and SaaS platforms a B2B launch stack runs on. Each rule names its peer source. */
export const PLATFORM_RULES: SecretRule[] = [
  // Vercel's prefixed tokens (`vcp_`, `vci_`, `vca_`, `vcr_`, `vck_`; secretlint `vercel`) and the older 24-character token by name (trufflehog `vercel`).
  {
    id: 'vercel-access-token',
    title: 'Vercel access token',
    keywords: ['vercel', 'vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    pattern:
      /(?<![A-Za-z0-9_])vc[picrka]_[A-Za-z0-9]{40,80}(?![A-Za-z0-9])|vercel[\w. -]{0,24}["'`]?\s{0,5}(?:=|:|=>|\s-)\s{0,5}["'`]?([A-Za-z0-9]{24})(?![A-Za-z0-9])/gi,
    classify: (s) => (isNotASecret(s) ? undefined : 'blocker'),
    exposes: 'cloud',
    provider: 'Vercel',
    revokeAt: 'https://vercel.com/account/tokens',
  },
  {
    id: 'netlify-access-token',
    title: 'Netlify access token',
    keywords: ['netlify'],
    pattern: near('netlify', 'nfp_[A-Za-z0-9_]{36}'),
    severity: 'blocker',
    exposes: 'cloud',
    provider: 'Netlify',
    revokeAt: 'https://app.netlify.com/user/applications',
  },
  {
    id: 'netlify-access-token-named',
    title: 'Netlify access token',
    keywords: ['netlify'],
    pattern: assigned('netlify[\\w.-]{0,20}(?:token|key|secret|auth)', '[A-Za-z0-9=_-]{40,46}'),
    classify: (s) => (isNotASecret(s) ? undefined : 'blocker'),
    exposes: 'cloud',
    provider: 'Netlify',
    revokeAt: 'https://app.netlify.com/user/applications',
  },
  // Heroku: `HRKU-AA…` since 2024 (gitleaks `heroku-api-key-v2`), a UUID by name before (gitleaks `heroku-api-key`).
  {
    id: 'heroku-api-key',
    title: 'Heroku API key',
    keywords: ['hrku-', 'heroku'],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])HRKU-AA[0-9A-Za-z_-]{58}(?![A-Za-z0-9_-])|${assigned('heroku', UUID).source}`, 'gi'),
    classify: (s) => (isNotASecret(s) ? undefined : 'blocker'),
    exposes: 'cloud',
    provider: 'Heroku',
    revokeAt: 'https://dashboard.heroku.com/account/applications',
  },
  {
    id: 'doppler-api-token',
    title: 'Doppler token',
    keywords: ['dp.'],
    pattern: /(?<![A-Za-z0-9_.])dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/g,
    severity: 'blocker',
    exposes: 'cloud',
    provider: 'Doppler',
    revokeAt: 'https://dashboard.doppler.com/',
  },
  {
    // The anon key is public by design; only `role: service_role` and the new `sb_secret_` keys bypass row-level security. `sbp_` is a personal access token (trufflehog `supabasetoken`).
    id: 'supabase-service-role-key',
    title: 'Supabase service-role or secret key',
    keywords: ['eyj', 'sb_secret_', 'sbp_'],
    pattern:
      /(?<![A-Za-z0-9_-])(?:eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{20,1000}|sb_secret_[A-Za-z0-9_-]{20,80}|sbp_[a-z0-9]{40})(?![A-Za-z0-9_-])/g,
    classify: (secret) => (secret.startsWith('sb_secret_') || secret.startsWith('sbp_') || jwtRole(secret) === 'service_role' ? 'blocker' : undefined),
    exposes: 'database',
    provider: 'Supabase',
    revokeAt: 'https://supabase.com/dashboard/project/_/settings/api-keys',
  },
  // Sentry: org tokens (`sntrys_` + base64 JSON + `_` + 43), user tokens (`sntryu_` + 64 hex), and the legacy 64-hex token by name (gitleaks `sentry.go`).
  {
    id: 'sentry-access-token',
    title: 'Sentry auth token',
    keywords: ['sntrys_', 'sntryu_', 'sentry'],
    pattern: /(?<![A-Za-z0-9_])(?:sntrys_eyJ[A-Za-z0-9+/=]{60,400}_[A-Za-z0-9+/]{43}|sntryu_[a-f0-9]{64})(?![A-Za-z0-9_+/])/g,
    severity: 'blocker',
    exposes: 'other',
    provider: 'Sentry',
    revokeAt: 'https://sentry.io/settings/account/api/auth-tokens/',
  },
  {
    id: 'sentry-legacy-token',
    title: 'Sentry auth token',
    keywords: ['sentry'],
    pattern: near('sentry', '[a-f0-9]{64}'),
    severity: 'blocker',
    exposes: 'other',
    provider: 'Sentry',
    revokeAt: 'https://sentry.io/settings/account/api/auth-tokens/',
  },
  // A Sentry DSN (`https://<32 hex public key>@o123.ingest.sentry.io/456`, and the older `@sentry.io/456`
  // form, with or without the deprecated `:<secret key>`) ships in every browser bundle by design:
  // Sentry's own docs call it safe to expose. Info at most, and whole, so a generic rule seeing the
  // same text loses the overlap instead of raising it (trufflehog `sentrytoken` skips DSNs too).
  {
    id: 'sentry-dsn',
    title: 'Sentry DSN (public by design)',
    keywords: ['sentry.io'],
    pattern: /https?:\/\/[a-f0-9]{32}(?::[a-f0-9]{32})?@(?:o\d{1,12}\.ingest(?:\.[a-z]{2,4})?\.sentry\.io|sentry\.io)\/\d{1,12}(?![0-9A-Za-z])/g,
    severity: 'info',
    exposes: 'other',
    provider: 'Sentry',
  },
  // Datadog API (32) and application (40) keys have no prefix: only near the word (gitleaks `datadog-access-token`, trufflehog `datadogtoken`).
  {
    id: 'datadog-access-token',
    title: 'Datadog API or application key',
    keywords: ['datadog', 'dd_api', 'dd_app', 'dd-api', 'dd-app'],
    pattern: near('datadog|dd[_-]ap[ip][_-]?key', '[a-z0-9]{40}|[a-f0-9]{32}'),
    classify: (s) => (isNotASecret(s) ? undefined : 'blocker'),
    exposes: 'other',
    provider: 'Datadog',
    revokeAt: 'https://app.datadoghq.com/organization-settings/api-keys',
  },
  {
    id: 'linear-api-key',
    title: 'Linear API key',
    keywords: ['lin_api_'],
    pattern: /(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/g,
    severity: 'blocker',
    exposes: 'other',
    provider: 'Linear',
    revokeAt: 'https://linear.app/settings/account/security',
  },
  {
    id: 'linear-client-secret',
    title: 'Linear OAuth client secret',
    keywords: ['linear'],
    pattern: assigned('linear', '[a-f0-9]{32}'),
    severity: 'blocker',
    exposes: 'other',
    provider: 'Linear',
    revokeAt: 'https://linear.app/settings/api/applications',
  },
  // Notion: `secret_` + 43 (integration tokens before 2024), `ntn_` + 11 digits + 35 (gitleaks `notion-api-token`).
  {
    id: 'notion-api-token',
    title: 'Notion integration token',
    keywords: ['secret_', 'ntn_'],
    pattern: /(?<![A-Za-z0-9_])(?:secret_[A-Za-z0-9]{43}|ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9])/g,
    severity: 'blocker',
    exposes: 'database',
    provider: 'Notion',
    revokeAt: 'https://www.notion.so/my-integrations',
  },
  // Clerk secret keys share Stripe's `sk_live_`/`sk_test_` prefix; only the name tells them apart.
  {
    id: 'clerk-secret-key',
    title: 'Clerk secret key',
    keywords: ['clerk'],
    pattern: assigned('clerk[\\w.-]{0,20}(?:secret|key)', 'sk_(?:live|test)_[A-Za-z0-9]{20,80}'),
    classify: (s) => (s.startsWith('sk_test_') ? 'high' : 'blocker'),
    exposes: 'database',
    provider: 'Clerk',
    revokeAt: 'https://dashboard.clerk.com/last-active?path=api-keys',
  },
  // trufflehog `auth0oauth`: a 64+ character client secret near "auth0".
  {
    id: 'auth0-client-secret',
    title: 'Auth0 client secret',
    keywords: ['auth0'],
    pattern: near('auth0[\\w.-]{0,20}(?:client)?[_-]?secret|auth0', '[A-Za-z0-9_-]{64,90}'),
    classify: (s) => (isNotASecret(s) ? undefined : 'blocker'),
    exposes: 'database',
    provider: 'Auth0',
    revokeAt: 'https://manage.auth0.com/#/applications',
  },
];

function jwtRole(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return stringOr(valueAt(json, 'role'));
  } catch {
    return undefined;
  }
}
