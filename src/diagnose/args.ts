/** Flags of the `diagnose` and `handover` commands (they run no stage, so the stage flag parser does not apply). */
import { UsageError } from '../core/errors.js';
import { closest } from '../core/suggest.js';

export interface FlagSpec {
  name: string;
  kind: 'string' | 'list' | 'boolean';
  valueName?: string;
  description: string;
}

export interface ParsedFlags {
  values: Map<string, string | string[] | boolean>;
  positional: string[];
}

/** `--name VALUE`, `--name=VALUE`, repeatable lists, booleans; unknown flags are a usage error with a suggestion. */
export function parseFlags(command: string, args: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const values = new Map<string, string | string[] | boolean>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h') {
      values.set('help', true);
      continue;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      const guess = closest(
        name,
        specs.map((s) => s.name),
      );
      throw new UsageError(
        `--${name}: unknown flag for "launch-ready ${command}"; ${guess ? `did you mean --${guess}?` : `see launch-ready ${command} --help`}`,
      );
    }
    if (spec.kind === 'boolean') {
      values.set(name, true);
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || (eq === -1 && value.startsWith('--')))
      throw new UsageError(`--${name}: needs a value; e.g. --${name} ${spec.valueName ?? 'VALUE'}`);
    if (spec.kind === 'list') values.set(name, [...((values.get(name) as string[] | undefined) ?? []), value]);
    else if (values.has(name)) throw new UsageError(`--${name}: given twice; give it once`);
    else values.set(name, value);
  }
  return { values, positional };
}

/** `--help` text for one of these commands. */
export function helpText(usage: string, what: string, specs: readonly FlagSpec[], footer: string[]): string {
  const rows = specs.map(
    (s) => [`--${s.name}${s.kind === 'boolean' ? '' : ` ${s.valueName ?? 'VALUE'}`}${s.kind === 'list' ? '...' : ''}`, s.description] as const,
  );
  const width = Math.max(...rows.map(([left]) => left.length));
  return [`${usage}: ${what}`, '', 'Flags:', ...rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`), '', ...footer].join('\n');
}
