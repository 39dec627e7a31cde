import type { CriticalPathConfig } from './config/types.js';
import { STAGE_IDS, type Finding } from './findings.js';
import { pathWeight } from './critical-paths.js';
import { severityRank } from './severity.js';

/**
 * Rank by business impact: severity first, then the stage's own weight (a secret's blast radius and
 * exposure), then the weight of the critical paths broken, then stage order; ties broken by rule,
 * then by title (the variable, file or host it names, so a reader finds it where expected), then
 * fingerprint so the order is the same on every run.
 */
export function rankFindings(findings: readonly Finding[], paths: readonly CriticalPathConfig[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (b.weight ?? 0) - (a.weight ?? 0) ||
      pathWeight(b, paths) - pathWeight(a, paths) ||
      STAGE_IDS.indexOf(a.stage) - STAGE_IDS.indexOf(b.stage) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.title.localeCompare(b.title) ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
}
