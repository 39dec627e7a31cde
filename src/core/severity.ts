/** Severity of a finding, most urgent first. `blocker` breaks customer trust in the first 48 hours. */
export type Severity = 'blocker' | 'high' | 'medium' | 'low' | 'info';

/** All severities, most urgent first; the index is the rank (0 = most urgent). */
export const SEVERITIES: readonly Severity[] = ['blocker', 'high', 'medium', 'low', 'info'];

/** The `--fail-on` threshold: a severity, or `never` to report without failing. */
export type FailOn = Exclude<Severity, 'info'> | 'never';
export const FAIL_ON_VALUES: readonly FailOn[] = ['blocker', 'high', 'medium', 'low', 'never'];

/** Lower is more urgent. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when a finding of `severity` fails a gate whose threshold is `failOn`. */
export function failsGate(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return severityRank(severity) <= severityRank(failOn);
}
