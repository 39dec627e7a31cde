import type { SecretRule } from './types.js';

/** OpenAI, Anthropic and Hugging Face keys: leaked ones are drained within hours. */
export const AI_RULES: SecretRule[] = [
  {
    id: 'openai-api-key',
    title: 'OpenAI API key',
    keywords: ['t3blbkfj'],
    pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{40,300}/g,
    // Every OpenAI key carries `T3BlbkFJ` (base64 of "OpenAI"); checking it in code keeps the regex linear.
    classify: (secret) => (secret.includes('T3BlbkFJ') ? 'blocker' : undefined),
  },
  { id: 'anthropic-api-key', title: 'Anthropic API key', keywords: ['sk-ant-'], pattern: /(?<![A-Za-z0-9_-])sk-ant-(?:api|admin|oat)[0-9]{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/g, severity: 'blocker' },
  { id: 'huggingface-access-token', title: 'Hugging Face access token', keywords: ['hf_'], pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])/g, severity: 'blocker' },
];
