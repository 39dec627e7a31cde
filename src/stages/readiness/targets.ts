/** What must be watched and named, from the config: critical URLs, the homepage, login, health; hostnames. */
import type { CriticalPathConfig } from '../../core/config/types.js';
import { stringsOf } from '../../core/guards.js';
import type { WatchTarget } from './monitors/checks.js';
import type { ReadinessOptions } from './config.js';

/**
 * What the checks know of the rest of the config: the critical paths (every stage gets them) and,
 * for the handover command only, the trust section (a stage never reads another stage's section).
 */
export interface Scope {
  criticalPaths: readonly CriticalPathConfig[];
  trust?: Record<string, unknown>;
}

/** The homepage: readiness.homepage, else (handover only) trust.canonical or https://<trust.domain>/. */
export function homepageOf(options: ReadinessOptions, config: Scope): string | undefined {
  const trust = config.trust ?? {};
  if (options.homepage) return options.homepage;
  if (typeof trust.canonical === 'string') return trust.canonical;
  if (typeof trust.domain === 'string') return `https://${trust.domain.replace(/\.$/, '')}/`;
  return undefined;
}

/** Every URL a monitor must cover, with its critical path; duplicates (the same URL twice) are kept once. */
export function watchTargets(options: ReadinessOptions, config: Scope): WatchTarget[] {
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
export function criticalUrls(config: Scope): { url: string; path: string }[] {
  const out: { url: string; path: string }[] = [];
  for (const path of config.criticalPaths) for (const url of path.urls ?? []) if (!out.some((u) => u.url === url)) out.push({ url, path: path.id });
  return out;
}

/** The config's hostnames: critical-path hosts and URLs, the readiness URLs, monitor URLs (and trust's, for handover). */
export function configuredHostnames(options: ReadinessOptions, config: Scope): string[] {
  const trust = config.trust ?? {};
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
  for (const host of stringsOf(trust.hostnames)) add(host);
  for (const path of config.criticalPaths) {
    for (const host of path.hosts ?? []) add(host);
    for (const url of path.urls ?? []) addUrl(url);
  }
  for (const url of [options.homepage, options.loginUrl, options.healthUrl]) if (url) addUrl(url);
  for (const monitor of options.monitors) addUrl(monitor.url);
  return [...names];
}
