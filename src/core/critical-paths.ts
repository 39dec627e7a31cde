import type { CriticalPathConfig } from './config/types.js';
import type { Finding } from './findings.js';
import type { CriticalPathResult } from './result.js';
import { failsGate, type FailOn } from './severity.js';

/** Add the configured paths whose hosts or URL prefixes match where the finding is. */
export function attachCriticalPaths(finding: Finding, paths: readonly CriticalPathConfig[]): Finding {
  const host = finding.location?.host?.toLowerCase() ?? hostOf(finding.location?.url);
  const url = finding.location?.url;
  const matched = paths
    .filter((path) => (host && path.hosts?.some((h) => h.toLowerCase().replace(/\.$/, '') === host)) || (url && path.urls?.some((u) => url.startsWith(u))))
    .map((path) => path.id);
  if (matched.length === 0) return finding;
  return { ...finding, paths: [...new Set([...finding.paths, ...matched])] };
}

/** Weight of a finding: the heavier the critical paths it breaks (earlier in the list), the higher. */
export function pathWeight(finding: Finding, paths: readonly CriticalPathConfig[]): number {
  let weight = 0;
  for (const id of finding.paths) {
    const index = paths.findIndex((p) => p.id === id);
    if (index >= 0) weight += paths.length - index;
  }
  return weight;
}

/**
 * One yes/no per critical path. A path is broken by any finding on it that fails the gate
 * (with `--fail-on never`, by any blocker, so the yes/no still means something).
 */
export function evaluateCriticalPaths(findings: readonly Finding[], paths: readonly CriticalPathConfig[], failOn: FailOn): CriticalPathResult[] {
  const threshold: FailOn = failOn === 'never' ? 'blocker' : failOn;
  return paths.map((path) => {
    const blockers = findings.filter((f) => f.paths.includes(path.id) && failsGate(f.severity, threshold)).map((f) => f.id);
    return { id: path.id, title: path.title ?? path.id, ok: blockers.length === 0, blockers };
  });
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
