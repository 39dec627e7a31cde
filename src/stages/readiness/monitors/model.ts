/** Uptime monitors as the checks see them, whichever service or file they came from. */

/** How an alert reaches people: email, or a real-time channel (chat, SMS, pager, call). */
export type ChannelKind = 'email' | 'chat' | 'sms' | 'pager' | 'call' | 'push' | 'webhook' | 'other';

export interface Channel {
  kind: ChannelKind;
  /** As written or imported: `email:ops@example.com`, `slack:#alerts`, `pagerduty`. */
  label: string;
}

/** One uptime monitor. */
export interface Monitor {
  name: string;
  url: string;
  owner?: string;
  channels: Channel[];
  /** Seconds between checks, when known. */
  intervalSeconds?: number;
  /** A response-time alert on this monitor (ms), when one is set. */
  alertThresholdMs?: number;
  /** Where it came from: `launch-ready.yml` or `monitors.json (Uptime Kuma backup)`. */
  source: string;
}

/** Channel kinds that wake someone up now (an email can wait until morning). */
export const REAL_TIME_KINDS: readonly ChannelKind[] = ['chat', 'sms', 'pager', 'call', 'push'];

const KIND_BY_NAME: Record<string, ChannelKind> = {
  email: 'email',
  mail: 'email',
  smtp: 'email',
  'e-mail': 'email',
  slack: 'chat',
  discord: 'chat',
  teams: 'chat',
  msteams: 'chat',
  mattermost: 'chat',
  telegram: 'chat',
  googlechat: 'chat',
  'google-chat': 'chat',
  matrix: 'chat',
  rocketchat: 'chat',
  zulip: 'chat',
  sms: 'sms',
  twilio: 'sms',
  pagerduty: 'pager',
  opsgenie: 'pager',
  pager: 'pager',
  splunk: 'pager',
  victorops: 'pager',
  incidentio: 'pager',
  'incident-io': 'pager',
  call: 'call',
  voice: 'call',
  phone: 'call',
  push: 'push',
  pushover: 'push',
  pushbullet: 'push',
  ntfy: 'push',
  gotify: 'push',
  webhook: 'webhook',
  custom: 'webhook',
};

/** The kind of a channel from its provider name (`slack`, `smtp`, `PagerDuty`). */
export function kindOfProvider(provider: string): ChannelKind {
  const name = provider.toLowerCase().replace(/[\s_]/g, '');
  return KIND_BY_NAME[name] ?? KIND_BY_NAME[name.replace(/-/g, '')] ?? 'other';
}

/** `email:ops@example.com` → email; `slack:#alerts` → chat; a bare address with `@` is email. */
export function parseChannel(text: string): Channel {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const provider = colon > 0 ? trimmed.slice(0, colon) : trimmed;
  const kind = kindOfProvider(provider);
  if (kind === 'other' && /^[^\s@:]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return { kind: 'email', label: `email:${trimmed}` };
  return { kind, label: trimmed };
}

/** `30s`, `1m`, `5m`, `1h`, `90` (seconds) → seconds; undefined when it does not parse. */
export function parseInterval(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  let total = 0;
  let matched = '';
  for (const part of value.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)?/g)) {
    const amount = Number(part[1]);
    const unit = part[2] ?? 's';
    total += unit === 'ms' ? amount / 1000 : unit === 's' ? amount : unit === 'm' ? amount * 60 : unit === 'h' ? amount * 3600 : amount * 86400;
    matched += part[0];
  }
  return matched === value.trim().replace(/\s+/g, '') && total > 0 ? total : undefined;
}

/** `300` → `5m`; `45` → `45s`. */
export function formatInterval(seconds: number | undefined): string {
  if (seconds === undefined) return 'unknown';
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
