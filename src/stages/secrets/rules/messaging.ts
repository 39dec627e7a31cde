import type { SecretRule } from './types.js';

/** Slack, Discord and Telegram tokens and webhooks. */
export const MESSAGING_RULES: SecretRule[] = [
  { id: 'slack-bot-token', title: 'Slack bot token', keywords: ['xoxb-'], pattern: /(?<![A-Za-z0-9-])xoxb-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{20,40}(?![A-Za-z0-9-])/g, severity: 'blocker' },
  { id: 'slack-user-token', title: 'Slack user token', keywords: ['xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe'], pattern: /(?<![A-Za-z0-9-])xox(?:[pars]|e(?:\.xox[bp])?)-[0-9]{1,2}-?[A-Za-z0-9-]{20,250}/g, severity: 'blocker' },
  { id: 'slack-app-token', title: 'Slack app-level token', keywords: ['xapp-'], pattern: /(?<![A-Za-z0-9-])xapp-[0-9]-[A-Z0-9]{8,14}-[0-9]{8,16}-[a-f0-9]{40,80}(?![A-Za-z0-9])/gi, severity: 'blocker' },
  { id: 'slack-webhook-url', title: 'Slack incoming webhook URL', keywords: ['hooks.slack.com'], pattern: /hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,120}/g, severity: 'blocker' },
  { id: 'discord-webhook-url', title: 'Discord webhook URL', keywords: ['/api/webhooks/'], pattern: /discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,72}/g, severity: 'blocker' },
  { id: 'discord-api-token', title: 'Discord bot token', keywords: ['discord'], pattern: /(?<![A-Za-z0-9_-])([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/g, severity: 'blocker' },
  { id: 'telegram-bot-api-token', title: 'Telegram bot token', keywords: [':aa'], pattern: /(?<![0-9])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g, severity: 'blocker' },
];
