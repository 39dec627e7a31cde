/** What an environment provides: named sources of variables, with values when the source has them. */

/** One variable in one source. `value` is absent when the source only tells presence (GitHub secrets). */
export interface ProvidedVariable {
  value?: string;
  /** For dotenv files: the line of the item. */
  line?: number;
}

/** One source of an environment: a dotenv file, the job's environment, a GitHub environment. */
export interface EnvironmentSource {
  /** Shown in findings: `.env.production`, `the job environment`, `GitHub environment "production"`. */
  label: string;
  /** For dotenv files: the file, relative to the config folder. */
  file?: string;
  variables: Map<string, ProvidedVariable>;
}

/** One environment (production, staging...) and its sources. */
export interface EnvironmentSnapshot {
  name: string;
  sources: EnvironmentSource[];
}

/** Where `name` is set in `env`, and whether it is set to something (an empty `KEY=` counts as missing). */
export function lookup(env: EnvironmentSnapshot, name: string): { source: EnvironmentSource; variable: ProvidedVariable; empty: boolean } | undefined {
  let emptyHit: { source: EnvironmentSource; variable: ProvidedVariable; empty: boolean } | undefined;
  for (const source of env.sources) {
    const variable = source.variables.get(name);
    if (!variable) continue;
    const empty = variable.value !== undefined && variable.value.trim() === '';
    if (!empty) return { source, variable, empty };
    emptyHit ??= { source, variable, empty };
  }
  return emptyHit;
}

/** `".env.production" and the job environment` */
export function describeSources(env: EnvironmentSnapshot): string {
  const labels = env.sources.map((s) => s.label);
  if (labels.length <= 1) return labels[0] ?? 'no source';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
