/** Build the snapshots of each configured environment from its sources (an edge: reads files and GitHub). */
import { resolve } from 'node:path';
import type { FindingInput } from '../../core/findings.js';
import type { StageContext, StagePartError } from '../../core/stage.js';
import { reasonOf } from '../../core/errors.js';
import { isWithheld } from '../../core/process.js';
import { malformedLine } from './compare.js';
import type { EnvConfig } from './config.js';
import { isSecretLooking } from './names.js';
import { dotenvSource, githubEnvironmentSource, processSource } from './sources.js';
import type { EnvironmentSnapshot } from './target.js';

export interface LoadedEnvironments {
  /** Environments with at least one source, by name. */
  snapshots: Map<string, EnvironmentSnapshot>;
  findings: FindingInput[];
  errors: StagePartError[];
}

/** Read every source of every environment the config names (the target gets `envFiles` too). */
export async function loadEnvironments(
  config: EnvConfig,
  ctx: Pick<StageContext<EnvConfig>, 'baseDir' | 'env' | 'services' | 'secrets'>,
  sensitive: (name: string) => boolean,
): Promise<LoadedEnvironments> {
  const out: LoadedEnvironments = { snapshots: new Map(), findings: [], errors: [] };
  const names = new Set([...Object.keys(config.environments), ...(config.envFiles.length > 0 ? [config.target] : [])]);
  for (const name of names) {
    const environment = config.environments[name] ?? { files: [], from: [] };
    const files = [...environment.files, ...(name === config.target ? config.envFiles : [])];
    const snapshot: EnvironmentSnapshot = { name, sources: [] };
    for (const file of [...new Set(files)]) {
      try {
        const { source, problems } = dotenvSource(resolve(ctx.baseDir, file), file);
        snapshot.sources.push(source);
        for (const problem of problems) out.findings.push(malformedLine(file, problem.line, problem.message));
      } catch (error) {
        out.errors.push({
          part: `env file ${file}`,
          message: `cannot read ${file}: ${reasonOf(error)}`,
          fix: 'make the file readable by the job, or remove it from the config',
        });
      }
    }
    if (environment.from.includes('process')) snapshot.sources.push(processSource(ctx.env));
    if (environment.from.includes('github')) {
      const githubName = environment.githubEnvironment ?? name;
      const github = ctx.services.github;
      if (!github) {
        out.errors.push({
          part: `GitHub environment ${githubName}`,
          message: 'no GitHub token, so its secrets and variables could not be listed',
          fix: 'run in GitHub Actions with GITHUB_TOKEN (permission: environments read / actions read), or set GITHUB_TOKEN and GITHUB_REPOSITORY',
        });
      } else {
        try {
          snapshot.sources.push(await githubEnvironmentSource(github, githubName));
        } catch (error) {
          out.errors.push({
            part: `GitHub environment ${githubName}`,
            message: reasonOf(error),
            fix: 'check the environment name and that the token may read environment secrets and variables',
          });
        }
      }
    }
    // Values of secret-looking variables are scrubbed from every output, whatever prints them.
    for (const source of snapshot.sources) {
      for (const [key, variable] of source.variables) if (variable.value && (sensitive(key) || isSecretLooking(key))) ctx.secrets.add(variable.value);
    }
    if (snapshot.sources.length > 0) out.snapshots.set(name, snapshot);
  }
  return out;
}

/**
 * The values the probe sets: the target's known values. A dotenv file gives all of its own; the job
 * environment (`from: process`) gives only the variables the app reads, and never a token the
 * process runner withholds. Anything else the app needs comes through `env.probe.passEnv`.
 */
export function probeEnvironment(target: EnvironmentSnapshot | undefined, appReads: (name: string) => boolean): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of target?.sources ?? []) {
    const fromJob = source.file === undefined;
    for (const [key, variable] of source.variables) {
      if (variable.value === undefined || (fromJob && (!appReads(key) || isWithheld(key)))) continue;
      env[key] = variable.value;
    }
  }
  return env;
}
