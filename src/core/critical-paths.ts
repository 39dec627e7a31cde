import type { CriticalPathConfig } from './config/types.js';
import type { Finding } from './findings.js';
import type { CriticalPathResult, StageResult } from './result.js';
import type { StageDefinition } from './stage.js';
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
 * (with `--fail-on never`, by any blocker, so the yes/no still means something), and says yes only
 * when a stage that checks it ran: silence from a skipped stage is not a yes.
 */
export function evaluateCriticalPaths(
  findings: readonly Finding[],
  paths: readonly CriticalPathConfig[],
  failOn: FailOn,
  stages: readonly StageResult[],
): CriticalPathResult[] {
  const threshold: FailOn = failOn === 'never' ? 'blocker' : failOn;
  return paths.map((path) => {
    const blockers = findings.filter((f) => f.paths.includes(path.id) && failsGate(f.severity, threshold)).map((f) => f.id);
    const checkedBy = stages
      .filter((s) => s.status !== 'skipped' && (s.checkedPaths?.includes(path.id) || s.findings.some((f) => f.paths.includes(path.id))))
      .map((s) => s.id);
    return { id: path.id, title: path.title ?? path.id, ok: blockers.length === 0 && checkedBy.length > 0, blockers, checkedBy };
  });
}

/**
 * The configured paths a stage checked: the default ids it checked (`ran`, else its definition's),
 * plus every configured path that names hosts or URLs when the stage looks at those.
 */
export function pathsCheckedBy(checks: StageDefinition['checks'], paths: readonly CriticalPathConfig[], ran?: readonly string[]): string[] {
  const ids = ran ?? checks.paths;
  return paths.filter((p) => ids.includes(p.id) || (checks.locations === true && ((p.hosts?.length ?? 0) > 0 || (p.urls?.length ?? 0) > 0))).map((p) => p.id);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
