import type { SecretRule } from './types.js';
import { assigned, looksSequential, near } from './types.js';

const SLACK = { exposes: 'messaging', provider: 'Slack', revokeAt: 'https://api.slack.com/apps' } as const;
const DISCORD = { exposes: 'messaging', provider: 'Discord', revokeAt: 'https://discord.com/developers/applications' } as const;
const TELEGRAM = { exposes: 'messaging', provider: 'Telegram', revokeAt: 'https://t.me/BotFather' } as const;

/** Sequential ids and all-digit bodies (`xoxa-08532509747`) are truncated or made-up tokens. */
function slackSeverity(secret: string): 'blocker' | undefined {
  return looksSequential(secret) || !/[A-Za-z]/.test(secret.slice(5)) ? undefined : 'blocker';
}

/** Slack, Discord and Telegram tokens and webhooks. Peers: gitleaks `slack.go`, `discord.go`, `telegram.go`; trufflehog and secretlint `slack`. */
export const MESSAGING_RULES: SecretRule[] = [
  // Legacy two-part bot tokens (`xoxb-<digits>-<random>`) are still accepted by Slack (gitleaks `slack-legacy-bot-token`).
  {
    id: 'slack-bot-token',
    title: 'Slack bot token',
    keywords: ['xoxb-'],
    pattern: /(?<![A-Za-z0-9-])xoxb-[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{18,40}(?![A-Za-z0-9-])/g,
    classify: slackSeverity,
    ...SLACK,
  },
  {
    // gitleaks `slack-user-token`: `xox[pe]-` and three 10–13 digit ids; `xoxp-1234-1234-…` and masked `####` tails are documentation.
    id: 'slack-user-token',
    title: 'Slack user or workspace token',
    keywords: ['xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-', 'xoxe'],
    pattern:
      /(?<![A-Za-z0-9-])(?:xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9-]{28,34}|xox[ar]-(?:[0-9]{1,2}-)?[A-Za-z0-9-]{8,250}|xox[os]-[0-9]{1,14}-[0-9]{1,14}-[0-9]{1,14}-[A-Fa-f0-9]{8,64}|xoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]{140,170})(?![A-Za-z0-9-])/g,
    classify: slackSeverity,
    ...SLACK,
  },
  {
    id: 'slack-app-token',
    title: 'Slack app-level token',
    keywords: ['xapp-'],
    pattern: /(?<![A-Za-z0-9-])xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{8,16}-[A-Za-z0-9]{40,80}(?![A-Za-z0-9])/gi,
    severity: 'blocker',
    ...SLACK,
  },
  {
    id: 'slack-webhook-url',
    title: 'Slack incoming webhook URL',
    keywords: ['hooks.slack.com'],
    pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,120}/g,
    severity: 'blocker',
    ...SLACK,
  },
  {
    id: 'discord-webhook-url',
    title: 'Discord webhook URL',
    keywords: ['/api/webhooks/'],
    pattern: /discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,72}/g,
    severity: 'blocker',
    ...DISCORD,
  },
  {
    id: 'discord-api-token',
    title: 'Discord bot token',
    keywords: ['discord'],
    pattern: /(?<![A-Za-z0-9_-])([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/g,
    severity: 'blocker',
    ...DISCORD,
  },
  // gitleaks `discord-api-token` (64 hex) and `discord-client-secret` (32 chars) by name.
  {
    id: 'discord-client-secret',
    title: 'Discord API key or client secret',
    keywords: ['discord'],
    pattern: assigned('discord[\\w.-]{0,20}(?:token|secret|key)', '[a-f0-9]{64}|[A-Za-z0-9=_-]{32}'),
    severity: 'blocker',
    ...DISCORD,
  },
  {
    id: 'telegram-bot-api-token',
    title: 'Telegram bot token',
    keywords: [':aa'],
    pattern: /(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g,
    severity: 'blocker',
    ...TELEGRAM,
  },
  // Tokens whose secret half does not start `AA`, found near the word "telegram" (gitleaks' 5–16 digit ids, trufflehog's 35-char secret).
  {
    id: 'telegram-bot-token-named',
    title: 'Telegram bot token',
    keywords: ['telegr'],
    pattern: near('telegr[\\w.-]{0,30}', '[0-9]{5,16}:[A-Za-z0-9_-]{35}'),
    classify: (s) => (/^(?:[A-Z][a-z]{2,}){3,}$/.test(s.split(':')[1] ?? '') ? undefined : 'blocker'),
    ...TELEGRAM,
  },
];
