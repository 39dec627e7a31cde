import type { SecretRule } from './types.js';

const AI = { exposes: 'ai' } as const;

/** OpenAI's forms (trufflehog `openai`, `openaiadmin`): admin keys carry `T3BlbkFJ` at a fixed place, 58 characters from each end. */
function openAiSeverity(secret: string): 'blocker' | undefined {
  const at = secret.indexOf('T3BlbkFJ');
  if (at === -1) return undefined;
  if (secret.startsWith('sk-admin-')) return at === 9 + 58 && secret.length === at + 8 + 58 ? 'blocker' : undefined;
  return at >= 20 && secret.length - at - 8 >= 20 ? 'blocker' : undefined;
}

/** OpenAI, Anthropic and Hugging Face keys: leaked ones are drained within hours. */
export const AI_RULES: SecretRule[] = [
  {
    id: 'openai-api-key',
    title: 'OpenAI API key',
    keywords: ['t3blbkfj'],
    pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin|None)-)?[A-Za-z0-9_-]{40,300}/g,
    // Every OpenAI key carries `T3BlbkFJ` (base64 of "OpenAI"); checking it in code keeps the regex linear.
    classify: openAiSeverity,
    ...AI,
    provider: 'OpenAI',
    revokeAt: 'https://platform.openai.com/api-keys',
  },
  // Anthropic keys end in `AA`; dashes sit anywhere in the body (gitleaks `anthropic.go`).
  {
    id: 'anthropic-api-key',
    title: 'Anthropic API key',
    keywords: ['sk-ant-'],
    pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|oat)[0-9]{2}-[A-Za-z0-9_-]{80,120}AA(?![A-Za-z0-9_-])/g,
    severity: 'blocker',
    ...AI,
    provider: 'Anthropic',
    revokeAt: 'https://console.anthropic.com/settings/keys',
  },
  // `hf_` user tokens and `api_org_` organisation tokens, 34 letters (gitleaks `huggingface.go`).
  {
    id: 'huggingface-access-token',
    title: 'Hugging Face access token',
    keywords: ['hf_', 'api_org_'],
    pattern: /(?<![A-Za-z0-9_])(?:hf_|api_org_)[A-Za-z0-9]{34}(?![A-Za-z0-9])/g,
    severity: 'blocker',
    ...AI,
    provider: 'Hugging Face',
    revokeAt: 'https://huggingface.co/settings/tokens',
  },
];
