/** What must be watched and named, from the config: critical URLs, the homepage, login, health; hostnames. */
import type { LaunchReadyConfig } from '../../core/config/types.js';
import type { WatchTarget } from './monitors/checks.js';
import type { ReadinessOptions } from './config.js';

/** The homepage: readiness.homepage, else trust.canonical, else https://<trust.domain>/. */
export function homepageOf(options: ReadinessOptions, config: LaunchReadyConfig): string | undefined {
  const trust = config.stages.trust ?? {};
  if (options.homepage) return options.homepage;
  if (typeof trust.canonical === 'string') return trust.canonical;
  if (typeof trust.domain === 'string') return `https://${trust.domain.replace(/\.$/, '')}/`;
  return undefined;
}

/** Every URL a monitor must cover, with its critical path; duplicates (the same URL twice) are kept once. */
export function watchTargets(options: ReadinessOptions, config: LaunchReadyConfig): WatchTarget[] {
  const ids = new Set(config.criticalPaths.map((p) => p.id));
  const out: WatchTarget[] = [];
  const add = (target: WatchTarget) => {
    if (!out.some((t) => t.url === target.url)) out.push(target);
  };
  for (const path of config.criticalPaths) {
    for (const url of path.urls ?? []) add({ label: path.id, url, path: path.id });
  }
  const homepage = homepageOf(options, config);
  if (homepage) add({ label: 'the homepage', url: homepage, ...(ids.has('homepage') ? { path: 'homepage' } : {}) });
  if (options.loginUrl) add({ label: 'login', url: options.loginUrl, ...(ids.has('login') ? { path: 'login' } : {}) });
  if (options.healthUrl) add({ label: 'the health endpoint', url: options.healthUrl });
  return out;
}

/** The critical-path URLs diagnosed in the gate. */
export function criticalUrls(config: LaunchReadyConfig): { url: string; path: string }[] {
  const out: { url: string; path: string }[] = [];
  for (const path of config.criticalPaths) for (const url of path.urls ?? []) if (!out.some((u) => u.url === url)) out.push({ url, path: path.id });
  return out;
}

/** The config's hostnames: trust.domain and hostnames, critical-path hosts and URLs, monitor URLs. */
export function configuredHostnames(options: ReadinessOptions, config: LaunchReadyConfig): string[] {
  const trust = config.stages.trust ?? {};
  const names = new Set<string>();
  const add = (name: unknown) => {
    if (typeof name === 'string' && name.trim()) names.add(name.trim().toLowerCase().replace(/\.$/, ''));
  };
  const addUrl = (url: string) => {
    try {
      add(new URL(url).hostname);
    } catch {
      // Validation already rejected URLs that do not parse.
    }
  };
  add(trust.domain);
  for (const host of (trust.hostnames as string[] | undefined) ?? []) add(host);
  for (const path of config.criticalPaths) {
    for (const host of path.hosts ?? []) add(host);
    for (const url of path.urls ?? []) addUrl(url);
  }
  for (const monitor of options.monitors) addUrl(monitor.url);
  return [...names];
}
