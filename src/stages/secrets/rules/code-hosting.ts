import { hasValidChecksum } from './checksum.js';
import type { SecretRule } from './types.js';

// A token char must not come right before the prefix: with that boundary every start is unique,
// so no input can make the regex re-scan the same run from many starts.
const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

const checked = (secret: string) => (hasValidChecksum(secret) ? 'blocker' as const : undefined);

/** GitHub, GitLab and npm tokens. */
export const CODE_HOSTING_RULES: SecretRule[] = [
  { id: 'github-pat', title: 'GitHub personal access token', keywords: ['ghp_'], pattern: new RegExp(`${B}ghp_[A-Za-z0-9]{36}${E}`, 'g'), classify: checked },
  { id: 'github-oauth', title: 'GitHub OAuth access token', keywords: ['gho_'], pattern: new RegExp(`${B}gho_[A-Za-z0-9]{36}${E}`, 'g'), classify: checked },
  { id: 'github-app-token', title: 'GitHub App token', keywords: ['ghu_', 'ghs_'], pattern: new RegExp(`${B}gh[us]_[A-Za-z0-9]{36}${E}`, 'g'), classify: checked },
  { id: 'github-refresh-token', title: 'GitHub refresh token', keywords: ['ghr_'], pattern: new RegExp(`${B}ghr_[A-Za-z0-9]{36}${E}`, 'g'), classify: checked },
  { id: 'github-fine-grained-pat', title: 'GitHub fine-grained personal access token', keywords: ['github_pat_'], pattern: new RegExp(`${B}github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}${E}`, 'g'), severity: 'blocker' },
  { id: 'gitlab-pat', title: 'GitLab personal access token', keywords: ['glpat-'], pattern: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,80}(?![A-Za-z0-9_-])/g, severity: 'blocker' },
  { id: 'gitlab-runner-token', title: 'GitLab runner or deploy token', keywords: ['glrt-', 'gldt-', 'glptt-'], pattern: /(?<![A-Za-z0-9_-])gl(?:rt|dt|ptt)-[A-Za-z0-9_-]{20,80}(?![A-Za-z0-9_-])/g, severity: 'blocker' },
  { id: 'npm-access-token', title: 'npm access token', keywords: ['npm_'], pattern: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, 'g'), classify: checked },
];
