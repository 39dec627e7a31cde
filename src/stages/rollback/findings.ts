/** Findings of the rollback stage (pure): what went wrong, in the words of whoever ships. */
import type { FindingInput } from '../../core/findings.js';
import type { DrillOptions } from './config.js';
import { commandOutcome, type DrillFailure, type DrillReport } from './drill.js';
import type { SmokeResult } from './smoke.js';

const DEPLOY = ['deploy'];

function lastLines(lines: readonly string[], count = 10): string | undefined {
  const kept = lines.slice(-count).join('\n').trim();
  return kept ? kept : undefined;
}

function smokeSummary(results: readonly SmokeResult[]): string {
  return results.map((r) => `${r.name}: ${r.problems.join('; ')}`).join(' | ');
}

function withEvidence(finding: FindingInput, evidence: string | undefined): FindingInput {
  return evidence ? { ...finding, evidence } : finding;
}

/** One finding per failing smoke check on the current deployment. */
export function smokeFindings(results: readonly SmokeResult[]): FindingInput[] {
  return results
    .filter((r) => !r.ok)
    .map((r) => {
      const paths = new URL(r.url).pathname === '/' ? ['homepage'] : [];
      const redirects = r.redirects.length > 0 ? ` (after ${r.redirects.map((h) => `${h.status} → ${h.url}`).join(', ')})` : '';
      if (r.unreachable !== undefined) {
        return {
          ruleId: 'rollback-smoke-unreachable',
          severity: 'blocker',
          title: `Smoke check ${r.name} got no answer from ${r.url}: ${r.unreachable}${r.attempts > 1 ? ` (${r.attempts} attempts)` : ''}`,
          fix: 'Check that rollback.url is the live deployment and that it is up; a site that does not answer loses every visitor',
          paths,
          location: { url: r.url },
        };
      }
      return {
        ruleId: 'rollback-smoke-failed',
        severity: 'high',
        title: `Smoke check ${r.name} fails on the current deployment: ${r.problems.join('; ')}${redirects}`,
        fix: `Fix what ${r.url} serves, or correct the check in rollback.smoke if the expectation is out of date`,
        paths,
        location: { url: r.url },
        fingerprint: `rollback-smoke:${r.method}:${r.url}`,
      };
    });
}

/** The version endpoint gave no release before the drill, so nothing can be compared. */
export function versionUnreadableFinding(url: string, problem: string, drill: boolean): FindingInput {
  return {
    ruleId: 'rollback-version-unreadable',
    severity: 'high',
    title: `The version endpoint ${url} ${problem.startsWith('no answer') ? `gave ${problem}` : problem}${drill ? '; the drill did not run' : ''}`,
    fix: 'Serve the release at rollback.versionUrl as JSON {"version": "…"} or {"sha": "…"}, or set versionHeader / versionPattern to where it is shown',
    paths: DEPLOY,
    location: { url },
    fingerprint: `rollback-version-unreadable:${url}`,
  };
}

export function previousUnknownFinding(tried: string[]): FindingInput {
  return {
    ruleId: 'rollback-previous-unknown',
    severity: 'high',
    title: `No known-good release to roll back to (tried: ${tried.join('; ')})`,
    fix: 'Set rollback.previousRelease, record deployments with GitHub deployments (environment: in the deploy job), or tag releases (v1.4.2)',
    paths: DEPLOY,
    fingerprint: 'rollback-previous-unknown',
  };
}

export function noRunbookFinding(): FindingInput {
  return {
    ruleId: 'rollback-no-runbook',
    severity: 'medium',
    title: 'The rollback path is not written down: no ROLLBACK.md and no README or docs section on rolling back',
    fix: 'Add ROLLBACK.md (or a "Rolling back" section in the README): the command, who may run it, how to check it worked, what it does not undo (database migrations)',
    paths: DEPLOY,
    fingerprint: 'rollback-no-runbook',
  };
}

function failureFinding(failure: DrillFailure, drill: DrillOptions, current: string, manual: string): FindingInput {
  const timeout = drill.commandTimeoutSeconds;
  switch (failure.kind) {
    case 'rollback-command-failed':
      return withEvidence(
        {
          ruleId: 'rollback-command-failed',
          severity: 'blocker',
          title: `The rollback command failed: ${commandOutcome(failure.result, timeout)}`,
          fix: `Run rollback.drill.rollbackCommand ("${drill.rollbackCommand}") by hand and fix it: a release you cannot roll back is a release you cannot undo`,
          paths: DEPLOY,
          fingerprint: 'rollback-command-failed',
        },
        lastLines(failure.result.lastLines),
      );
    case 'version-unchanged':
      return {
        ruleId: 'rollback-version-unchanged',
        severity: 'blocker',
        title: `The rollback reported success but the site still serves ${failure.served} after ${failure.waitSeconds} s`,
        fix: 'Check that the rollback command targets the deployment behind rollback.url (project, environment, alias) and that caches do not hide it; raise drill.waitSeconds if the platform is just slow',
        paths: DEPLOY,
        fingerprint: 'rollback-version-unchanged',
      };
    case 'wrong-release':
      return {
        ruleId: 'rollback-wrong-release',
        severity: 'blocker',
        title: `The rollback landed on ${failure.served}, not the known-good release ${failure.expected} (waited ${failure.waitSeconds} s)`,
        fix: 'Make the rollback command target the previous release ($LAUNCH_READY_PREVIOUS_RELEASE), or correct rollback.previousRelease',
        paths: DEPLOY,
        fingerprint: 'rollback-wrong-release',
      };
    case 'version-unreadable':
      return {
        ruleId: 'rollback-version-lost',
        severity: 'blocker',
        title: `After the rollback the version endpoint ${failure.problem} for ${failure.waitSeconds} s: the previous release may not be serving at all`,
        fix: 'Check that the previous release starts and serves the version endpoint; a rollback target that is down is no rollback',
        paths: DEPLOY,
        fingerprint: 'rollback-version-lost',
      };
    case 'smoke-after-rollback':
      return {
        ruleId: 'rollback-smoke-after-rollback',
        severity: 'blocker',
        title: `Smoke checks fail on the rolled-back release: ${smokeSummary(failure.results)}`,
        fix: 'The previous release is not a safe place to go back to: fix it (often a schema change it cannot read) or pick another previousRelease',
        paths: DEPLOY,
        location: { url: failure.results[0]!.url },
        fingerprint: 'rollback-smoke-after-rollback',
      };
    case 'roll-forward-failed': {
      if (failure.restored) {
        return withEvidence(
          {
            ruleId: 'rollback-roll-forward-failed',
            severity: 'blocker',
            title: `The roll-forward command failed (${failure.result ? commandOutcome(failure.result, timeout) : 'no result'}), though the site serves ${current} again`,
            fix: `Fix rollback.drill.rollForwardCommand ("${drill.rollForwardCommand}"): next time the way back may not happen by itself`,
            paths: DEPLOY,
            fingerprint: 'rollback-roll-forward-failed',
          },
          failure.result ? lastLines(failure.result.lastLines) : undefined,
        );
      }
      const what =
        failure.result && !(failure.result.exitCode === 0 && !failure.result.timedOut) ? `the command ${commandOutcome(failure.result, timeout)}` : '';
      const serves = failure.served ? `the site serves ${failure.served}` : failure.problem ? `the version endpoint ${failure.problem}` : '';
      return withEvidence(
        {
          ruleId: 'rollback-roll-forward-failed',
          severity: 'blocker',
          title: `ROLL FORWARD FAILED: ${[what, serves].filter(Boolean).join('; ')}, not ${current}. Restore it by hand now: ${manual}`,
          fix: `Run: ${manual}; then fix rollback.drill.rollForwardCommand`,
          paths: DEPLOY,
          fingerprint: 'rollback-roll-forward-failed',
        },
        failure.result ? lastLines(failure.result.lastLines) : undefined,
      );
    }
    case 'smoke-after-roll-forward':
      return {
        ruleId: 'rollback-smoke-after-roll-forward',
        severity: 'blocker',
        title: `Smoke checks fail after rolling forward to ${current}: ${smokeSummary(failure.results)}`,
        fix: 'The current release did not come back healthy: check it now, then the roll-forward command',
        paths: DEPLOY,
        location: { url: failure.results[0]!.url },
        fingerprint: 'rollback-smoke-after-roll-forward',
      };
    case 'over-budget':
      return {
        ruleId: 'rollback-over-budget',
        severity: 'blocker',
        title: `The rollback drill took ${failure.totalSeconds < 10 ? failure.totalSeconds.toFixed(1) : Math.round(failure.totalSeconds)} s, over its budget of ${failure.budgetSeconds} s`,
        fix: 'Make the rollback faster (instant rollback or promotion of a kept build instead of a rebuild), or agree on a larger drill.budgetSeconds',
        paths: DEPLOY,
        fingerprint: 'rollback-over-budget',
      };
  }
}

/** Findings for a finished (or interrupted) drill. */
export function drillFindings(report: DrillReport, drill: DrillOptions, current: string, manual: string): FindingInput[] {
  const findings = report.failures.map((failure) => failureFinding(failure, drill, current, manual));
  if (report.interrupted) {
    const after = report.interrupted.afterLeg === 'start' ? 'before it started' : `after "${report.interrupted.afterLeg}"`;
    const restored = report.restored
      ? `it rolled forward first and the site serves ${current} again`
      : 'rolling forward did not bring the current release back (see the roll-forward finding)';
    findings.push({
      ruleId: 'rollback-drill-interrupted',
      severity: 'high',
      title: `The rollback drill was interrupted ${after} (${report.interrupted.reason}); ${restored}`,
      fix: 'Rerun the drill with time to finish (rollback.maxMinutes above the drill budget); until it finishes, the rollback path is unproven',
      paths: DEPLOY,
      fingerprint: 'rollback-drill-interrupted',
    });
  }
  return findings;
}
