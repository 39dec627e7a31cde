/**
 * The one command-line flag reader: the gate's commands (`cli-args.ts`) and the commands that run no
 * stage (`diagnose`, `handover`) read `--name VALUE`, `--name=VALUE`, repeatable and boolean flags
 * with the same rules and the same usage errors.
 */
import { UsageError } from './errors.js';
import type { StageFlag } from './stage.js';
import { closest } from './suggest.js';

/** What the reader needs of a flag; a stage's flags carry a config key on top. */
export type CommandFlag = Pick<StageFlag, 'name' | 'type' | 'multiple' | 'valueName' | 'description'>;

/** Flags by name (`-h` is `help`; repeatable flags as lists) and the arguments that are not flags. */
export interface ReadFlags {
  values: Map<string, unknown>;
  positional: string[];
}

/** Names the gate's commands share: never the flag a stray value was meant for. */
const COMMON_NAMES = ['config', 'format', 'output', 'fail-on', 'stages'];

/**
 * Read `args` for `launch-ready <command>`. An unknown flag is a usage error with the closest name;
 * a bare argument is one too, unless `positional` (diagnose's URL). Throws {@link UsageError}.
 */
export function readFlags(args: readonly string[], flags: readonly CommandFlag[], command: string, options: { positional?: boolean } = {}): ReadFlags {
  const values = new Map<string, unknown>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h') {
      values.set('help', true);
      continue;
    }
    if (!arg.startsWith('--')) {
      if (!options.positional) throw unexpectedArgument(arg, flags, command);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const flag = flags.find((f) => f.name === name);
    if (!flag) throw unknownFlag(name, flags, command);
    let value: unknown;
    if (flag.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name}: takes no value; write --${name} alone`);
      value = true;
    } else {
      const raw = eq !== -1 ? arg.slice(eq + 1) : args[++i];
      if (raw === undefined || (eq === -1 && raw.startsWith('--')))
        throw new UsageError(`--${name}: needs a value; e.g. --${name} ${flag.valueName ?? 'VALUE'}`);
      value = flag.type === 'number' ? toNumber(raw, name) : raw;
    }
    if (flag.multiple) {
      const earlier = values.get(name);
      values.set(name, [...(Array.isArray(earlier) ? earlier : []), value]);
    } else if (values.has(name) && flag.type !== 'boolean') throw new UsageError(`--${name}: given twice; give it once`);
    else values.set(name, value);
  }
  return { values, positional };
}

function unexpectedArgument(arg: string, flags: readonly CommandFlag[], command: string): UsageError {
  const example = flags.find((f) => f.type !== 'boolean' && !COMMON_NAMES.includes(f.name)) ?? flags[0]!;
  return new UsageError(
    `unexpected argument "${arg}" for "launch-ready ${command}"; values go after their flag, e.g. --${example.name} ${arg} (see launch-ready ${command} --help)`,
  );
}

function unknownFlag(name: string, flags: readonly CommandFlag[], command: string): UsageError {
  const guess = closest(
    name,
    flags.map((f) => f.name),
  );
  return new UsageError(`--${name}: unknown flag for "launch-ready ${command}"; ${guess ? `did you mean --${guess}?` : `see launch-ready ${command} --help`}`);
}

function toNumber(raw: string, name: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name}: "${raw}" is not a number; e.g. --${name} 10`);
  return value;
}

/** The `Flags:` rows of a `--help` text, aligned. */
export function flagLines(flags: readonly CommandFlag[]): string {
  const rows = flags.map((f) => [`--${f.name}${f.type === 'boolean' ? '' : ` ${f.valueName ?? 'VALUE'}`}${f.multiple ? '...' : ''}`, f.description] as const);
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}

/** `--help` text of a command that runs no stage: what it does, its flags, then `footer` lines. */
export function commandHelpText(usage: string, what: string, flags: readonly CommandFlag[], footer: readonly string[]): string {
  return [`${usage}: ${what}`, '', 'Flags:', flagLines(flags), '', ...footer].join('\n');
}
