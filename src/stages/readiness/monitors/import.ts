/**
 * Monitors from the export files of common uptime services. Each format is recognised by its shape,
 * never by the file name, so a renamed export still imports; an unknown shape is a usage error
 * listing the formats known.
 */
import { parse as parseYaml } from 'yaml';
import { recordsOf } from '../../../core/guards.js';
import { errorMessage } from '../../../core/read-config.js';
import { kindOfProvider, parseChannel, parseInterval, type Channel, type Monitor } from './model.js';

/** The export formats understood, as named in messages and the README. */
export const MONITOR_FORMATS = {
  'launch-ready': 'launch-ready monitors list (YAML or JSON: {monitors: [{url, owner, channels, interval}]})',
  'uptime-kuma': 'Uptime Kuma backup JSON (Settings → Backup → Export: {version, notificationList, monitorList})',
  uptimerobot: 'UptimeRobot API v2 getMonitors JSON (with alert_contacts=1)',
  betterstack: 'Better Stack Uptime API JSON (GET /api/v2/monitors: {data: [{type: "monitor", attributes}]})',
  gatus: 'Gatus config YAML (endpoints: with alerts:, and alerting:)',
} as const;

export type MonitorFormat = keyof typeof MONITOR_FORMATS;

/** What an import found: the monitors, and what it left out (non-HTTP monitors, paused ones). */
export interface ImportedMonitors {
  format: MonitorFormat;
  monitors: Monitor[];
  skipped: string[];
}

/** A monitors file that is not one of the known formats (or not JSON/YAML at all). */
export class MonitorFormatError extends Error {}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An http(s) URL with a host (Uptime Kuma leaves `https://` in the url of port and ping monitors). */
const watchesUrl = (url: string | undefined): url is string => {
  if (!url || !/^https?:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
};
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** A short list of the known formats, for the unknown-format message. */
export function knownFormatsText(): string {
  return Object.entries(MONITOR_FORMATS)
    .map(([id, what]) => `${id} (${what})`)
    .join('; ');
}

/** Which known format `data` is in, or undefined. */
export function detectMonitorFormat(data: unknown): MonitorFormat | undefined {
  if (Array.isArray(data)) return data.every((m) => isObject(m) && typeof m.url === 'string') && data.length > 0 ? 'launch-ready' : undefined;
  if (!isObject(data)) return undefined;
  if (Array.isArray(data.monitorList)) return 'uptime-kuma';
  if (Array.isArray(data.monitors) && data.monitors.some((m) => isObject(m) && 'friendly_name' in m)) return 'uptimerobot';
  if (Array.isArray(data.monitors)) return 'launch-ready';
  if (Array.isArray(data.data) && data.data.some((m) => isObject(m) && isObject(m.attributes) && ('check_frequency' in m.attributes || m.type === 'monitor')))
    return 'betterstack';
  if (Array.isArray(data.endpoints) || Array.isArray(data['external-endpoints'])) return 'gatus';
  return undefined;
}

/** Parse an export's text (JSON or YAML). `shown` names the file in `source` and messages. Throws {@link MonitorFormatError}. */
export function importMonitors(content: string, shown: string): ImportedMonitors {
  let data: unknown;
  try {
    data = parseYaml(content, { uniqueKeys: false });
  } catch (error) {
    throw new MonitorFormatError(`${shown}: neither JSON nor YAML (${errorMessage(error).split('\n')[0]}); export the monitors again from your uptime service`);
  }
  const format = detectMonitorFormat(data);
  if (!format) throw new MonitorFormatError(`${shown}: not a monitors export launch-ready knows; known formats: ${knownFormatsText()}`);
  const source = `${shown} (${format})`;
  // Every format but a bare launch-ready list is an object (detectMonitorFormat checked it).
  const json: Json = isObject(data) ? data : {};
  switch (format) {
    case 'launch-ready':
      return { format, ...fromNative(Array.isArray(data) ? data : Array.isArray(json.monitors) ? json.monitors : [], source) };
    case 'uptime-kuma':
      return { format, ...fromUptimeKuma(json, source) };
    case 'uptimerobot':
      return { format, ...fromUptimeRobot(json, source) };
    case 'betterstack':
      return { format, ...fromBetterStack(json, source) };
    case 'gatus':
      return { format, ...fromGatus(json, source) };
  }
}

type Parsed = { monitors: Monitor[]; skipped: string[] };

/** Our own list, the same shape as `readiness.monitors`. */
export function fromNative(items: unknown[], source: string): Parsed {
  const monitors: Monitor[] = [];
  const skipped: string[] = [];
  items.forEach((item, index) => {
    if (!isObject(item) || !text(item.url)) {
      skipped.push(`item ${index + 1}: no url`);
      return;
    }
    const monitor: Monitor = {
      name: text(item.name) ?? text(item.url)!,
      url: text(item.url)!,
      channels: Array.isArray(item.channels) ? item.channels.filter((c): c is string => typeof c === 'string').map(parseChannel) : [],
      source,
    };
    const owner = text(item.owner);
    if (owner) monitor.owner = owner;
    const interval = parseInterval(item.interval);
    if (interval !== undefined) monitor.intervalSeconds = interval;
    if (typeof item.alertThresholdMs === 'number') monitor.alertThresholdMs = item.alertThresholdMs;
    monitors.push(monitor);
  });
  return { monitors, skipped };
}

/** Uptime Kuma 1.x/2.x backup: notifications carry their settings as a JSON string in `config`. */
function fromUptimeKuma(data: Json, source: string): Parsed {
  const channels = new Map<string, Channel>();
  for (const notification of recordsOf(data.notificationList)) {
    let config: Json = {};
    try {
      const parsed: unknown = typeof notification.config === 'string' ? JSON.parse(notification.config) : notification.config;
      if (isObject(parsed)) config = parsed;
    } catch {
      // A notification whose settings do not parse still counts, by its name.
    }
    const type = text(config.type) ?? 'other';
    const target = text(config.smtpTo) ?? text(config.slackchannel) ?? text(notification.name);
    channels.set(String(notification.id), { kind: kindOfProvider(type), label: target ? `${type}:${target}` : type });
  }
  const monitors: Monitor[] = [];
  const skipped: string[] = [];
  for (const item of recordsOf(data.monitorList)) {
    const name = text(item.name) ?? `monitor ${String(item.id)}`;
    const url = text(item.url);
    if (!watchesUrl(url)) {
      skipped.push(`${name}: ${text(item.type) ?? 'non-HTTP'} monitor`);
      continue;
    }
    if (item.active === false || item.active === 0) {
      skipped.push(`${name}: paused`);
      continue;
    }
    // The export writes {"1": true}; tools that write Kuma backups often use [1].
    const list = item.notificationIDList;
    const ids = isObject(list)
      ? Object.entries(list)
          .filter(([, on]) => on === true || on === 1)
          .map(([id]) => id)
      : Array.isArray(list)
        ? list.map(String)
        : [];
    const monitor: Monitor = { name, url, channels: ids.map((id) => channels.get(id)).filter((c): c is Channel => c !== undefined), source };
    const interval = parseInterval(item.interval);
    if (interval !== undefined) monitor.intervalSeconds = interval;
    const owner = Array.isArray(item.tags) ? item.tags.find((t) => isObject(t) && /^owner$/i.test(String(t.name))) : undefined;
    if (isObject(owner) && text(owner.value)) monitor.owner = text(owner.value)!;
    monitors.push(monitor);
  }
  return { monitors, skipped };
}

/** UptimeRobot alert contact types (API v2 `alert_contacts[].type`). */
const UPTIMEROBOT_CONTACT_TYPES: Record<string, string> = {
  '1': 'sms',
  '2': 'email',
  '3': 'twitter',
  '5': 'webhook',
  '6': 'pushbullet',
  '7': 'zapier',
  '9': 'pushover',
  '11': 'slack',
  '14': 'voice',
  '15': 'splunk',
  '16': 'pagerduty',
  '17': 'opsgenie',
  '20': 'teams',
  '21': 'googlechat',
  '23': 'discord',
};

function fromUptimeRobot(data: Json, source: string): Parsed {
  const monitors: Monitor[] = [];
  const skipped: string[] = [];
  for (const item of recordsOf(data.monitors)) {
    const name = text(item.friendly_name) ?? `monitor ${String(item.id)}`;
    const url = text(item.url);
    // Type 1 is HTTP(s), 2 keyword: both watch a URL. Ping and port monitors watch a host.
    if (!watchesUrl(url)) {
      skipped.push(`${name}: not an HTTP monitor`);
      continue;
    }
    if (item.status === 0) {
      skipped.push(`${name}: paused`);
      continue;
    }
    const contacts = Array.isArray(item.alert_contacts) ? item.alert_contacts.filter(isObject) : [];
    const channels = contacts.map((c): Channel => {
      const provider = UPTIMEROBOT_CONTACT_TYPES[String(c.type)] ?? `type-${String(c.type)}`;
      return { kind: kindOfProvider(provider), label: text(c.value) && provider === 'email' ? `email:${text(c.value)}` : provider };
    });
    const monitor: Monitor = { name, url, channels, source };
    const interval = parseInterval(item.interval);
    if (interval !== undefined) monitor.intervalSeconds = interval;
    monitors.push(monitor);
  }
  return { monitors, skipped };
}

function fromBetterStack(data: Json, source: string): Parsed {
  const monitors: Monitor[] = [];
  const skipped: string[] = [];
  for (const item of recordsOf(data.data)) {
    if (!isObject(item.attributes)) continue;
    const a = item.attributes;
    const name = text(a.pronounceable_name) ?? text(a.url) ?? `monitor ${String(item.id)}`;
    const url = text(a.url);
    if (!watchesUrl(url)) {
      skipped.push(`${name}: ${text(a.monitor_type) ?? 'non-HTTP'} monitor`);
      continue;
    }
    if (a.paused === true) {
      skipped.push(`${name}: paused`);
      continue;
    }
    // Better Stack sends alerts to the on-call team by these switches; the people are in its policy.
    const channels: Channel[] = [];
    if (a.email === true) channels.push({ kind: 'email', label: 'email (on-call team)' });
    if (a.sms === true) channels.push({ kind: 'sms', label: 'sms (on-call team)' });
    if (a.call === true) channels.push({ kind: 'call', label: 'call (on-call team)' });
    if (a.push === true) channels.push({ kind: 'push', label: 'push (on-call team)' });
    const monitor: Monitor = { name, url, channels, source };
    const interval = parseInterval(a.check_frequency);
    if (interval !== undefined) monitor.intervalSeconds = interval;
    monitors.push(monitor);
  }
  return { monitors, skipped };
}

/** Gatus: endpoint `alerts: [{type: slack}]` go through the providers under `alerting:`. */
function fromGatus(data: Json, source: string): Parsed {
  const alerting = isObject(data.alerting) ? data.alerting : {};
  const emailTo = isObject(alerting.email) ? text(alerting.email.to) : undefined;
  const monitors: Monitor[] = [];
  const skipped: string[] = [];
  const endpoints = [...recordsOf(data.endpoints), ...recordsOf(data['external-endpoints'])];
  for (const item of endpoints) {
    const name = [text(item.group), text(item.name)].filter(Boolean).join('/') || 'endpoint';
    const url = text(item.url);
    if (item.enabled === false) {
      skipped.push(`${name}: disabled`);
      continue;
    }
    if (!watchesUrl(url)) {
      skipped.push(`${name}: ${kindOfEndpoint(text(item.url))} endpoint`);
      continue;
    }
    const alerts = Array.isArray(item.alerts) ? item.alerts.filter((a): a is Json => isObject(a) && a.enabled !== false) : [];
    const channels = alerts
      .map((a) => text(a.type))
      .filter((t): t is string => t !== undefined && (isObject(alerting[t]) || t === 'custom'))
      .map((t): Channel => ({ kind: kindOfProvider(t), label: t === 'email' && emailTo ? `email:${emailTo}` : t }));
    const monitor: Monitor = { name, url, channels, source, intervalSeconds: parseInterval(item.interval) ?? 60 };
    const threshold = responseTimeThreshold(item.conditions);
    if (threshold !== undefined) monitor.alertThresholdMs = threshold;
    monitors.push(monitor);
  }
  return { monitors, skipped };
}

/** `[RESPONSE_TIME] < 800` in a Gatus condition list → 800. */
function responseTimeThreshold(conditions: unknown): number | undefined {
  if (!Array.isArray(conditions)) return undefined;
  for (const condition of conditions) {
    const match = /\[RESPONSE_TIME\]\s*<=?\s*(\d+)/.exec(String(condition));
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** `icmp://host` → icmp; `8.8.8.8` (a DNS check) → DNS; none → external. */
function kindOfEndpoint(url: string | undefined): string {
  if (!url) return 'external';
  return url.includes('://') ? url.split(':')[0]! : 'DNS';
}
