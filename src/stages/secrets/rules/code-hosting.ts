import { hasValidChecksum } from './checksum.js';
import type { SecretRule } from './types.js';
import { assigned } from './types.js';

// A token char must not come right before the prefix: with that boundary every start is unique,
// so no input can make the regex re-scan the same run from many starts.
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

const checked = (secret: string) => (hasValidChecksum(secret) ? ('blocker' as const) : undefined);
const GITHUB = { exposes: 'source', provider: 'GitHub', revokeAt: 'https://github.com/settings/tokens' } as const;
const NPM = { exposes: 'source', provider: 'npm', revokeAt: 'https://www.npmjs.com/settings/~/tokens' } as const;

/** GitHub, GitLab and npm tokens. Peers: gitleaks `github.go`, `gitlab.go`, `npm.go`; trufflehog `github`, `npmtoken`. */
export const CODE_HOSTING_RULES: SecretRule[] = [
  {
    id: 'github-pat',
    title: 'GitHub personal access token',
    keywords: ['ghp_'],
    pattern: new RegExp(`${B}ghp_[A-Za-z0-9]{36}${E}`, 'g'),
    classify: checked,
    ...GITHUB,
  },
  {
    id: 'github-oauth',
    title: 'GitHub OAuth access token',
    keywords: ['gho_'],
    pattern: new RegExp(`${B}gho_[A-Za-z0-9]{36}${E}`, 'g'),
    classify: checked,
    ...GITHUB,
  },
  // Installation tokens (`ghs_`) grew a longer form in 2025 (`ghs_<app id>_<JWT-like body>`); gitleaks and secretlint test both.
  {
    id: 'github-app-token',
    title: 'GitHub App token',
    keywords: ['ghu_', 'ghs_'],
    pattern: new RegExp(`${B}(?:gh[us]_[A-Za-z0-9]{36}|ghs_[A-Za-z0-9]{5,40}_[A-Za-z0-9_.-]{60,1200})${E}`, 'g'),
    classify: (s) => (s.length > 40 || hasValidChecksum(s) ? 'blocker' : undefined),
    ...GITHUB,
  },
  {
    id: 'github-refresh-token',
    title: 'GitHub refresh token',
    keywords: ['ghr_'],
    pattern: new RegExp(`${B}ghr_[A-Za-z0-9]{36,76}${E}`, 'g'),
    classify: (s) => (s.length > 40 || hasValidChecksum(s) ? 'blocker' : undefined),
    ...GITHUB,
  },
  {
    id: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    pattern: new RegExp(`${B}github_pat_[A-Za-z0-9_]{82}${E}`, 'g'),
    severity: 'blocker',
    ...GITHUB,
  },
  {
    // `https://<token>:x-oauth-basic@github.com/…`: a classic token inside a clone URL (trufflehog `github` v1 tests).
    id: 'github-url-token',
    title: 'GitHub token in a clone URL',
    keywords: ['x-oauth-basic', '@github.com'],
    pattern: /https?:\/\/([A-Za-z0-9_]{36,100}):(?:x-oauth-basic)?@github\.com/g,
    classify: (s) => (/^[0-9a-f]{40}$/.test(s) || s.length === 40 || /^gh[pousr]_/.test(s) ? 'blocker' : undefined),
    ...GITHUB,
  },
  {
    // Same shape, checksum fails: never issued by GitHub, so a test value or a typo. Still reported low, as gitleaks and trufflehog report it.
    id: 'github-token-unverified',
    title: 'GitHub-shaped token whose checksum does not match (probably a test value)',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: new RegExp(`${B}gh[pousr]_[A-Za-z0-9]{36}${E}`, 'g'),
    classify: (s) => (hasValidChecksum(s) ? undefined : 'low'),
    priority: 0.5,
    ...GITHUB,
  },
  {
    id: 'gitlab-pat',
    title: 'GitLab personal access token',
    keywords: ['glpat-'],
    pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_.-]{20,80}(?![A-Za-z0-9_-])/g,
    severity: 'blocker',
    exposes: 'source',
    provider: 'GitLab',
    revokeAt: 'https://gitlab.com/-/user_settings/personal_access_tokens',
  },
  {
    id: 'gitlab-runner-token',
    title: 'GitLab runner, trigger or deploy token',
    keywords: ['glrt-', 'gldt-', 'glptt-'],
    pattern: /(?<![A-Za-z0-9_-])gl(?:rt|dt|ptt)-[A-Za-z0-9_-]{20,80}(?![A-Za-z0-9_-])/g,
    severity: 'blocker',
    exposes: 'source',
    provider: 'GitLab',
    revokeAt: 'https://docs.gitlab.com/ee/security/tokens/',
  },
  { id: 'npm-access-token', title: 'npm access token', keywords: ['npm_'], pattern: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, 'g'), classify: checked, ...NPM },
  {
    id: 'npm-token-unverified',
    title: 'npm-shaped token whose checksum does not match (probably a test value)',
    keywords: ['npm_'],
    pattern: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, 'g'),
    classify: (s) => (hasValidChecksum(s) ? undefined : 'low'),
    priority: 0.5,
    ...NPM,
  },
  {
    // Legacy npm tokens are UUIDs: `_authToken=<uuid>` in `.npmrc`, `NPM_TOKEN=<uuid>` (trufflehog `npmtoken`).
    id: 'npm-legacy-token',
    title: 'npm access token (legacy)',
    keywords: ['npm', '_authtoken'],
    pattern: assigned('npm[\\w.-]{0,20}(?:token|auth)|_authToken', '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
    severity: 'blocker',
    ...NPM,
  },
];
