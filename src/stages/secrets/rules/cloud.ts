import type { SecretRule } from './types.js';
import { assigned, isNotASecret } from './types.js';

/** `AKIAIOSFODNN7EXAMPLE` and friends from AWS's documentation. */
const AWS_EXAMPLE = /EXAMPLE/;

function jwtRole(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { role?: unknown };
    return typeof json.role === 'string' ? json.role : undefined;
  } catch {
    return undefined;
  }
}

/** Cloud, hosting and config-platform credentials. */
export const CLOUD_RULES: SecretRule[] = [
  {
    id: 'aws-access-token',
    title: 'AWS access key id',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])/g,
    // The id alone signs nothing; its secret half is the blocker. Still worth rotating.
    classify: (secret) => (AWS_EXAMPLE.test(secret) ? undefined : 'high'),
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    keywords: ['secret'],
    pattern: assigned('aws[\\w.-]{0,20}secret[\\w.-]{0,12}key|secret_?access_?key', '[A-Za-z0-9/+]{40}'),
    classify: (secret) => (AWS_EXAMPLE.test(secret) || isNotASecret(secret) ? undefined : 'blocker'),
  },
  { id: 'gcp-api-key', title: 'Google API key', keywords: ['aiza'], pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g, classify: (secret) => (isNotASecret(secret.slice(4)) ? undefined : 'blocker') },
  {
    id: 'gcp-service-account',
    title: 'Google Cloud service-account key (JSON)',
    keywords: ['private_key_id'],
    pattern: /"private_key_id"\s{0,5}:\s{0,5}"([a-f0-9]{40})"/g,
    classify: (_secret, _match, text) => (text.includes('service_account') ? 'blocker' : undefined),
  },
  { id: 'cloudflare-api-key', title: 'Cloudflare API token or key', keywords: ['cloudflare', 'cf_api', 'cf-api'], pattern: assigned('(?:cloudflare|cf)[\\w.-]{0,20}(?:token|key)', '[A-Za-z0-9_-]{40}|[a-f0-9]{37}'), classify: (s) => (isNotASecret(s) ? undefined : 'blocker') },
  { id: 'cloudflare-origin-ca-key', title: 'Cloudflare Origin CA key', keywords: ['v1.0-'], pattern: /(?<![A-Za-z0-9_.-])v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![a-f0-9])/g, severity: 'blocker' },
  { id: 'vercel-access-token', title: 'Vercel access token', keywords: ['vercel', 'vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], pattern: /(?<![A-Za-z0-9_])vc[picrk]a?_[A-Za-z0-9]{40,80}(?![A-Za-z0-9])|vercel[\w.-]{0,24}["'`]?\s{0,5}(?:=|:|=>)\s{0,5}["'`]?([A-Za-z0-9]{24})(?![A-Za-z0-9])/gi, classify: (s) => (isNotASecret(s) ? undefined : 'blocker') },
  { id: 'doppler-api-token', title: 'Doppler token', keywords: ['dp.'], pattern: /(?<![A-Za-z0-9_.])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/g, severity: 'blocker' },
  {
    id: 'supabase-service-role-key',
    title: 'Supabase service-role key',
    keywords: ['eyj', 'sb_secret_'],
    pattern: /(?<![A-Za-z0-9_-])(?:eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{20,1000}|sb_secret_[A-Za-z0-9_-]{20,80})/g,
    // The anon key is public by design; only `role: service_role` bypasses row-level security.
    classify: (secret) => (secret.startsWith('sb_secret_') || jwtRole(secret) === 'service_role' ? 'blocker' : undefined),
  },
  {
    id: 'database-url-password',
    title: 'Database URL with a password',
    keywords: ['://'],
    pattern: /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb)(?:\+[a-z0-9]{1,12})?:\/\/[^:/\s@'"]{0,64}:([^@\s/'"]{1,128})@([^\s/:'"?]{1,253})/g,
    classify: (password, match) => {
      if (isNotASecret(password) || /^(?:pass(?:word)?|secret|postgres|root|admin|mysql|user|guest)$/i.test(password)) return undefined;
      // A password for a database on this machine or a docker-compose service is a dev default, not a leak.
      const host = match[2] ?? '';
      return /^(?:localhost|127\.|0\.0\.0\.0|\[?::1\]?$|host\.docker\.internal)/.test(host) || !host.includes('.') ? 'low' : 'blocker';
    },
  },
];
