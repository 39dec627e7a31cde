import type { SecretRule } from './types.js';
import { assigned, isNotASecret, near } from './types.js';

/** `AKIAIOSFODNN7EXAMPLE`, `wJalrXUtnFEMI/K7MDENG/…`: AWS's documentation keys and their edits. */
const AWS_EXAMPLE = /EXAMPLE|^AKIAIOSFODNN7|^wJalrXUtnFEMI\/K7MDENG/;
const AWS = { exposes: 'cloud', provider: 'AWS', revokeAt: 'https://console.aws.amazon.com/iam/home#/security_credentials' } as const;
const GCP = { exposes: 'cloud', provider: 'Google Cloud', revokeAt: 'https://console.cloud.google.com/apis/credentials' } as const;
const AZURE = { exposes: 'cloud', provider: 'Azure', revokeAt: 'https://portal.azure.com/' } as const;
const CLOUDFLARE = { exposes: 'cloud', provider: 'Cloudflare', revokeAt: 'https://dash.cloudflare.com/profile/api-tokens' } as const;
const DIGITALOCEAN = { exposes: 'cloud', provider: 'DigitalOcean', revokeAt: 'https://cloud.digitalocean.com/account/api/tokens' } as const;

/**
 * A Google API key is public by design in a Firebase web config or a Maps snippet (restricted by
 * referrer), so a bare one is info. Assigned to a server-side name (`GEMINI_API_KEY`, `gcp_token`)
 * it spends money: high.
 */
function googleKeySeverity(secret: string, match: RegExpExecArray, text: string): 'high' | 'info' | undefined {
  if (isNotASecret(secret.slice(4))) return undefined;
  const before = text.slice(Math.max(0, match.index - 48), match.index);
  if (
    /firebase|authDomain|messagingSenderId|maps|NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_/i.test(text.slice(Math.max(0, match.index - 400), match.index + 400))
  )
    return 'info';
  return /(?:gcp|google|gemini|vertex|youtube|places|translate|vision|api[_-]?key|token|secret)[^\n]{0,30}[:=,>]/i.test(before) ? 'high' : 'info';
}

/** Cloud providers: root credentials for the infrastructure the product runs on. */
export const CLOUD_RULES: SecretRule[] = [
  {
    id: 'aws-access-token',
    title: 'AWS access key id',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    pattern: /(?<![A-Z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])/g,
    // The id alone signs nothing; its secret half is the blocker. Still worth rotating.
    classify: (secret) => (AWS_EXAMPLE.test(secret) ? undefined : 'high'),
    ...AWS,
  },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    keywords: ['secret'],
    pattern: assigned('aws[\\w.-]{0,20}secret[\\w.-]{0,12}key|secret_?access_?key', '[A-Za-z0-9/+]{40}'),
    classify: (secret) => (AWS_EXAMPLE.test(secret) || isNotASecret(secret) ? undefined : 'blocker'),
    ...AWS,
  },
  // gitleaks `aws-amazon-bedrock-api-key-long-lived` / `-short-lived`.
  {
    id: 'aws-bedrock-api-key',
    title: 'Amazon Bedrock API key',
    keywords: ['absk', 'bedrock-api-key-'],
    pattern: /(?<![A-Za-z0-9+/])(?:ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=&%-]{0,2000})(?![A-Za-z0-9+/=])/g,
    severity: 'blocker',
    ...AWS,
    exposes: 'ai',
  },
  {
    id: 'gcp-api-key',
    title: 'Google API key',
    keywords: ['aiza'],
    pattern: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g,
    classify: googleKeySeverity,
    ...GCP,
  },
  {
    id: 'gcp-service-account',
    title: 'Google Cloud or Firebase service-account key (JSON)',
    keywords: ['private_key_id'],
    pattern: /"private_key_id"\s{0,5}:\s{0,5}"([a-f0-9]{40})"/g,
    classify: (_secret, _match, text) => (text.includes('service_account') ? 'blocker' : undefined),
    ...GCP,
  },
  {
    // trufflehog `azure_storage`: the 88-character account key after `AccountKey=`, `account_key`, `-storagekey`.
    id: 'azure-storage-account-key',
    title: 'Azure storage account key',
    keywords: ['accountkey', 'account_key', 'account-key', 'storagekey', 'storage_key', 'access_key', 'accesskey', 'account_key'],
    pattern: /(?:access|account|storage)[_.-]?key[\s\S]{0,40}?(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/gi,
    classify: (s) => (isNotASecret(s) ? undefined : 'blocker'),
    ...AZURE,
    revokeAt: 'https://portal.azure.com/#view/HubsExtension/BrowseResource/resourceType/Microsoft.Storage%2FStorageAccounts',
  },
  // gitleaks `azure-ad-client-secret`: three characters, a digit, `Q~`, then 31–34 characters.
  {
    id: 'azure-ad-client-secret',
    title: 'Azure AD (Entra ID) client secret',
    keywords: ['q~'],
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    severity: 'blocker',
    ...AZURE,
  },
  {
    // gitleaks `cloudflare-api-key` (40) and `cloudflare-global-api-key` (37 hex) by name.
    id: 'cloudflare-api-key',
    title: 'Cloudflare API token or key',
    keywords: ['cloudflare', 'cf_api', 'cf-api', 'cf_token'],
    pattern: assigned('(?:cloudflare|cf)[\\w. -]{0,20}(?:token|key|api)|cloudflare', '[A-Za-z0-9_-]{40}|[a-f0-9]{37}'),
    classify: (s) => (isNotASecret(s) ? undefined : 'blocker'),
    ...CLOUDFLARE,
  },
  // Since 2026 tokens carry `cfut_`/`cfat_`/`cfk_`, 40 random characters and an 8-hex checksum (trufflehog `cloudflareapitoken` v2).
  {
    id: 'cloudflare-prefixed-token',
    title: 'Cloudflare API token or key',
    keywords: ['cfut_', 'cfat_', 'cfk_'],
    pattern: /(?<![A-Za-z0-9_])cf(?:ut|at|k)_[A-Za-z0-9]{40}[a-f0-9]{8}(?![A-Za-z0-9_])/g,
    severity: 'blocker',
    ...CLOUDFLARE,
  },
  {
    id: 'cloudflare-origin-ca-key',
    title: 'Cloudflare Origin CA key',
    keywords: ['v1.0-'],
    pattern: /(?<![A-Za-z0-9_.-])v1\.0-[a-f0-9]{24}-[a-f0-9]{146}(?![a-f0-9])/g,
    severity: 'blocker',
    ...CLOUDFLARE,
  },
  {
    id: 'cloudflare-global-api-key-near',
    title: 'Cloudflare global API key',
    keywords: ['cloudflare'],
    pattern: near('cloudflare', '[a-f0-9]{37}'),
    severity: 'blocker',
    ...CLOUDFLARE,
  },
  // gitleaks `digitalocean-pat`, `-access-token`, `-refresh-token`.
  {
    id: 'digitalocean-token',
    title: 'DigitalOcean token',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    pattern: /(?<![A-Za-z0-9_])do[por]_v1_[a-f0-9]{64}(?![A-Za-z0-9_])/gi,
    severity: 'blocker',
    ...DIGITALOCEAN,
  },
];
