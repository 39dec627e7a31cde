import { STAGE_IDS, type StageId } from './findings.js';
import { UsageError } from './errors.js';
import { didYouMean } from './suggest.js';
import { flagLines, readFlags } from './flags.js';
import { FAIL_ON_VALUES, type FailOn } from './severity.js';
import { isOneOf, stringOr } from './guards.js';
import { FORMATS, type RunRequest } from './request.js';
import type { StageDefinition, StageFlag } from './stage.js';
import type { ConfigOverride } from './config/load.js';

/** What `launch-ready ARGS` asks for. */
export type ParsedCommand = { kind: 'run'; request: RunRequest } | { kind: 'help'; text: string } | { kind: 'version' } | { kind: 'schema' };

const COMMON_FLAGS: StageFlag[] = [
  { name: 'config', type: 'string', configKey: '', valueName: 'FILE', description: 'launch-ready.yml to read (default: ./launch-ready.yml if present)' },
  { name: 'format', type: 'string', configKey: '', valueName: 'FMT', description: `output format: ${FORMATS.join('|')} (default: text)` },
  { name: 'output', type: 'string', configKey: '', valueName: 'FILE', description: 'write the report to FILE instead of stdout' },
  {
    name: 'fail-on',
    type: 'string',
    configKey: '',
    valueName: 'SEV',
    description: `lowest severity that fails the gate: ${FAIL_ON_VALUES.join('|')} (default: blocker)`,
  },
  { name: 'help', type: 'boolean', configKey: '', description: 'show this help' },
];
const STAGES_FLAG: StageFlag = {
  name: 'stages',
  type: 'string',
  configKey: '',
  valueName: 'LIST',
  description: `comma-separated stages to run: ${STAGE_IDS.join(',')}`,
};

const DEMO_FLAGS: StageFlag[] = [
  { name: 'fixed', type: 'boolean', configKey: '', description: 'run the same launch with every planted fault repaired (the gate passes)' },
];

const RUN_COMMANDS: readonly RunRequest['command'][] = ['check', ...STAGE_IDS, 'demo'];
const COMMANDS: readonly string[] = [...RUN_COMMANDS, 'schema', 'help'];

/** Parse `argv` (without `node` and the script) into a command. Throws {@link UsageError}. */
export function parseCommandLine(argv: readonly string[], stages: readonly StageDefinition<unknown>[], cwd: string): ParsedCommand {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { kind: 'help', text: mainHelp(stages) };
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (!COMMANDS.includes(first)) {
    const hint = first.startsWith('-')
      ? `put flags after a command; e.g. launch-ready check ${first}`
      : didYouMean(
          first,
          COMMANDS.filter((c) => c !== 'help'),
        );
    throw new UsageError(`unknown command "${first}"; ${hint} (see launch-ready --help)`);
  }
  if (first === 'schema') return { kind: 'schema' };
  if (!isOneOf(RUN_COMMANDS, first)) return { kind: 'help', text: mainHelp(stages) };
  const command = first;
  const stage = stages.find((s) => s.id === command);
  const flags = [...COMMON_FLAGS, ...(command === 'check' ? [STAGES_FLAG] : []), ...(command === 'demo' ? DEMO_FLAGS : []), ...(stage?.flags ?? [])];
  const { values } = readFlags(rest, flags, command);
  if (values.has('help')) return { kind: 'help', text: commandHelp(command, flags, stage) };

  const request: RunRequest = { command, overrides: [], format: 'text', cwd };
  const format = stringOr(values.get('format'));
  if (format !== undefined) {
    if (!isOneOf(FORMATS, format)) throw new UsageError(`--format: "${format}" is not a format; ${didYouMean(format, FORMATS)}`);
    request.format = format;
  }
  const failOn = stringOr(values.get('fail-on'));
  if (failOn !== undefined) request.failOn = parseFailOn(failOn, '--fail-on');
  const config = stringOr(values.get('config'));
  if (config !== undefined) request.configFile = config;
  const output = stringOr(values.get('output'));
  if (output !== undefined) request.output = output;
  const list = stringOr(values.get('stages'));
  if (list !== undefined) request.stages = parseStageList(list, '--stages');
  if (stage) request.stages = [stage.id];
  if (values.has('fixed')) request.fixed = true;
  request.overrides = stage ? overridesOf(stage, values) : [];
  return { kind: 'run', request };
}

/** A `fail-on` value (flag, action input); anything else is a usage error naming `source`. */
export function parseFailOn(value: string, source: string): FailOn {
  if (!isOneOf(FAIL_ON_VALUES, value)) throw new UsageError(`${source}: "${value}" is not a severity; ${didYouMean(value, FAIL_ON_VALUES)}`);
  return value;
}

/** `secrets,env` → ids; unknown names are a usage error naming `source`. */
export function parseStageList(list: string, source: string): StageId[] {
  const ids = list
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new UsageError(`${source}: no stage given; e.g. ${source} secrets,env`);
  const out = new Set<StageId>();
  for (const id of ids) {
    if (!isOneOf(STAGE_IDS, id)) throw new UsageError(`${source}: unknown stage "${id}"; ${didYouMean(id, STAGE_IDS)}`);
    out.add(id);
  }
  return [...out];
}

function overridesOf(stage: StageDefinition<unknown>, values: Map<string, unknown>): ConfigOverride[] {
  const out: ConfigOverride[] = [];
  for (const flag of stage.flags) {
    if (!values.has(flag.name)) continue;
    const value = values.get(flag.name);
    out.push({ path: [stage.id, ...flag.configKey.split('.')], value: flag.negate ? !value : value, source: `--${flag.name}` });
  }
  return out;
}

function mainHelp(stages: readonly StageDefinition<unknown>[]): string {
  const lines = [
    'launch-ready: a pre-deploy gate for the failures that break first-customer trust.',
    '',
    'Usage: launch-ready <command> [flags]',
    '',
    'Commands:',
    '  check      run every enabled stage (or --stages a,b) and apply the gate',
    ...stages.map((s) => `  ${s.id.padEnd(9)}  ${s.description}${s.built ? '' : ' (not built yet)'}`),
    '  diagnose   diagnose URL: is it DNS, the edge/CDN, the app or a third party? (exit 0 healthy, 1 a layer fails)',
    '  handover   write HANDOVER.md from the config and the last results',
    '  demo       the whole gate against a built-in demo launch on loopback',
    '  schema     print the JSON Schema of launch-ready.yml',
    '',
    'Common flags:',
    flagLines(COMMON_FLAGS),
    '',
    'Exit codes: 0 gate passed, 1 gate failed, 2 usage or configuration error, 3 a stage could not run.',
    'Run launch-ready <command> --help for the flags of one command.',
  ];
  return lines.join('\n');
}

function commandHelp(command: string, flags: readonly StageFlag[], stage: StageDefinition<unknown> | undefined): string {
  const what = stage
    ? stage.description
    : command === 'check'
      ? 'run every enabled stage and apply the gate'
      : 'the whole gate against a built-in demo launch on loopback';
  return [
    `launch-ready ${command}: ${what}`,
    '',
    `Usage: launch-ready ${command} [flags]`,
    '',
    'Flags:',
    flagLines(flags),
    '',
    'Flags override launch-ready.yml.',
  ].join('\n');
}
