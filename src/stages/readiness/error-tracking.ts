/** Server-side error tracking: the DSN variable is set in the target environment, or a provider is declared. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FindingInput } from '../../core/findings.js';
import { errorCode, isRecord, stringsOf } from '../../core/guards.js';

/** Where the target environment's variables were read from, with the values (never shown). */
export interface TargetEnvironment {
  /** `.env.production`, `the environment launch-ready runs in`. */
  label: string;
  variables: Map<string, string>;
}

/**
 * The target environment as the config describes it: `readiness.envFiles`, else the env stage's
 * `envFiles` and `environments.<target>.files`, else the environment launch-ready runs in (as the env
 * stage's `from: process`). Files that cannot be read are reported by the caller.
 */
export function targetEnvironmentFiles(readinessFiles: readonly string[], envSection: Record<string, unknown> | undefined): string[] {
  if (readinessFiles.length > 0) return [...readinessFiles];
  if (!envSection) return [];
  const target = typeof envSection.target === 'string' ? envSection.target : 'production';
  const environment = isRecord(envSection.environments) ? envSection.environments[target] : undefined;
  return [...stringsOf(envSection.envFiles), ...(isRecord(environment) ? stringsOf(environment.files) : [])];
}

/** Read the target environment: dotenv files in order (later ones override), or `processEnv`. Throws naming an unreadable file. */
export function readTargetEnvironment(files: readonly string[], baseDir: string, processEnv: Readonly<Record<string, string | undefined>>): TargetEnvironment {
  if (files.length === 0) {
    const variables = new Map<string, string>();
    for (const [name, value] of Object.entries(processEnv)) if (value !== undefined) variables.set(name, value);
    return { label: 'the environment launch-ready runs in', variables };
  }
  const variables = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(resolve(baseDir, file), 'utf8');
    } catch (error) {
      throw new Error(`${file}: cannot read it (${errorCode(error) ?? 'unreadable'}); fix readiness.envFiles (or the env stage's files for the target)`, {
        cause: error,
      });
    }
    for (const [name, value] of parseDotenvLines(text)) variables.set(name, value);
  }
  return { label: files.join(', '), variables };
}

/** `KEY=value`, `export KEY=value`, quoted values, `# comments`: enough to tell set from empty. */
export function parseDotenvLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(raw);
    if (!match) continue;
    let value = match[2]!.trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.lastIndexOf(quote) > 0) value = value.slice(1, value.lastIndexOf(quote));
    else value = value.replace(/\s+#.*$/, '');
    out.set(match[1]!, value);
  }
  return out;
}

/** The verdict on error tracking, as a finding (none when it is in place). */
export function errorTrackingFindings(declared: { variable?: string; provider?: string } | undefined, env: TargetEnvironment): FindingInput[] {
  if (!declared || (!declared.variable && !declared.provider)) {
    return [
      {
        ruleId: 'error-tracking-missing',
        severity: 'medium',
        title: 'No server-side error tracking is declared: the first customer to hit a crash is the one who tells you',
        fix: 'set up error tracking (Sentry or similar) and name its DSN variable in readiness.errorTracking, e.g. errorTracking: SENTRY_DSN',
      },
    ];
  }
  if (!declared.variable) return [];
  const value = env.variables.get(declared.variable);
  if (value === undefined || value.trim() === '') {
    return [
      {
        ruleId: 'error-tracking-unset',
        severity: 'medium',
        title: `${declared.variable} is ${value === undefined ? 'not set' : 'empty'} in ${env.label}: server errors are not reported anywhere`,
        fix: `set ${declared.variable} for the target environment (the DSN from your error tracker's project settings)`,
        evidence: `${declared.variable} ${value === undefined ? 'missing' : 'empty'}`,
      },
    ];
  }
  // A Sentry-style DSN is a URL with a key before the host: https://KEY@o1.ingest.sentry.io/42.
  if (/DSN/i.test(declared.variable) && !/^https?:\/\/[^@\s]+@[^/\s]+\/\S+$/.test(value.trim())) {
    return [
      {
        ruleId: 'error-tracking-malformed',
        severity: 'low',
        title: `${declared.variable} in ${env.label} does not look like a DSN (https://KEY@HOST/PROJECT): the SDK may drop every event`,
        fix: `copy the DSN again from the error tracker's project settings into ${declared.variable}`,
      },
    ];
  }
  return [];
}
