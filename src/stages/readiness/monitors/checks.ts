/** Pure checks on monitors: every critical URL covered, each monitor owned, two channels, a short interval. */
import type { FindingInput } from '../../../core/findings.js';
import { formatInterval, REAL_TIME_KINDS, type Monitor } from './model.js';

/** A URL that must be watched, and the critical path it belongs to (none for the health endpoint). */
export interface WatchTarget {
  /** `signup`, `homepage`, `health endpoint`: used in "nobody is told when X breaks". */
  label: string;
  url: string;
  path?: string;
}

/** A target and the monitors that cover it. */
export interface Coverage {
  target: WatchTarget;
  monitors: Monitor[];
}

/** Same host (and explicit port), same path ignoring a trailing slash and the query; the scheme may differ (an http monitor follows the redirect). */
export function covers(monitorUrl: string, targetUrl: string): boolean {
  let monitor: URL;
  let target: URL;
  try {
    monitor = new URL(monitorUrl);
    target = new URL(targetUrl);
  } catch {
    return false;
  }
  const host = (u: URL) => u.hostname.toLowerCase().replace(/\.$/, '');
  if (host(monitor) !== host(target)) return false;
  if (monitor.port && target.port && monitor.port !== target.port) return false;
  const path = (u: URL) => decodeURI(u.pathname).replace(/\/+$/, '') || '/';
  return path(monitor) === path(target);
}

/** Which monitors cover each target. */
export function coverageOf(targets: readonly WatchTarget[], monitors: readonly Monitor[]): Coverage[] {
  return targets.map((target) => ({ target, monitors: monitors.filter((m) => covers(m.url, target.url)) }));
}

/** A high finding per target no monitor covers: "nobody is told when signup breaks". */
export function coverageFindings(coverage: readonly Coverage[]): FindingInput[] {
  return coverage
    .filter((c) => c.monitors.length === 0)
    .map((c) => {
      const finding: FindingInput = {
        ruleId: 'monitor-missing',
        severity: 'high',
        title: `Nobody is told when ${c.target.label} breaks: no uptime monitor checks ${c.target.url}`,
        fix: `add a monitor for ${c.target.url} in your uptime service (and to readiness.monitors or the export in readiness.monitorsFile), with an owner, email and a real-time channel`,
        location: { url: c.target.url },
      };
      if (c.target.path) finding.paths = [c.target.path];
      return finding;
    });
}

export interface AlertingOptions {
  /** Owner of monitors that name none. */
  defaultOwner?: string;
  maxIntervalMinutes: number;
}

/** Owner, two channels (email plus a real-time one) per monitor; the interval on critical monitors. */
export function alertingFindings(monitors: readonly Monitor[], critical: readonly Coverage[], options: AlertingOptions): FindingInput[] {
  const findings: FindingInput[] = [];
  const pathsOf = (monitor: Monitor) => [...new Set(critical.filter((c) => c.monitors.includes(monitor) && c.target.path).map((c) => c.target.path!))];
  for (const monitor of monitors) {
    const where = { url: monitor.url };
    const paths = pathsOf(monitor);
    const withPaths = (f: FindingInput): FindingInput => (paths.length > 0 ? { ...f, paths } : f);
    if (!monitor.owner && !options.defaultOwner) {
      findings.push(
        withPaths({
          ruleId: 'monitor-no-owner',
          severity: 'medium',
          title: `Monitor "${monitor.name}" has no owner: when it fires, nobody knows it is theirs`,
          fix: 'set owner: on the monitor in readiness.monitors, or readiness.owner for monitors imported from a service that has no owner field',
          location: where,
        }),
      );
    }
    const email = monitor.channels.some((c) => c.kind === 'email');
    const realTime = monitor.channels.some((c) => REAL_TIME_KINDS.includes(c.kind));
    if (!email || !realTime) findings.push(withPaths(channelFinding(monitor, email, realTime)));
    const isCritical = critical.some((c) => c.monitors.includes(monitor));
    if (isCritical && monitor.intervalSeconds !== undefined && monitor.intervalSeconds > options.maxIntervalMinutes * 60) {
      findings.push(
        withPaths({
          ruleId: 'monitor-interval',
          severity: 'medium',
          title: `Monitor "${monitor.name}" checks only every ${formatInterval(monitor.intervalSeconds)}: an outage on a critical path can last that long unseen`,
          fix: `check critical paths at least every ${options.maxIntervalMinutes} min (1 min is common); raise readiness.maxIntervalMinutes only if that is a decision`,
          location: where,
          evidence: `interval ${formatInterval(monitor.intervalSeconds)}`,
        }),
      );
    }
  }
  return findings;
}

function channelFinding(monitor: Monitor, email: boolean, realTime: boolean): FindingInput {
  const has = monitor.channels.map((c) => c.label).join(', ');
  const base = { ruleId: 'monitor-channels', location: { url: monitor.url } };
  if (!email && !realTime) {
    return {
      ...base,
      severity: 'high',
      title: `Monitor "${monitor.name}" alerts nobody: it has ${has ? `only ${has}` : 'no alert channel'}`,
      fix: 'send its alerts to an email address and one real-time channel (Slack, SMS, pager)',
    };
  }
  if (!realTime) {
    return {
      ...base,
      severity: 'medium',
      title: `Monitor "${monitor.name}" alerts by email only: nobody is woken up when it fires at night`,
      fix: 'add a real-time channel (Slack, SMS, PagerDuty/Opsgenie) next to the email',
      evidence: has,
    };
  }
  return {
    ...base,
    severity: 'medium',
    title: `Monitor "${monitor.name}" has no email channel: an alert missed in chat leaves no record in anyone's inbox`,
    fix: 'add an email channel (the owner or an ops list) next to the real-time one',
    evidence: has,
  };
}
