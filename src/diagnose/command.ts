/** `launch-ready diagnose URL`: is it DNS, the edge, the app or a third party? Exit 0 healthy, 1 a layer fails, 2 bad input. */
import { loadConfig } from '../core/config/load.js';
import { UsageError } from '../core/errors.js';
import type { StageDefinition } from '../core/stage.js';
import { isHttpUrl } from '../stages/readiness/config.js';
import { diagnoseUrl, layersTable, type Diagnosis } from '../stages/readiness/diagnose/index.js';
import { commandHelpText, readFlags, type CommandFlag } from '../core/flags.js';
import { stringOr, stringsOf } from '../core/guards.js';

const FLAGS: CommandFlag[] = [
  { name: 'config', type: 'string', valueName: 'FILE', description: 'launch-ready.yml to read for trust.resolvers, connectTo, ca and readiness.healthUrl' },
  { name: 'format', type: 'string', valueName: 'FMT', description: 'text|json (default: text)' },
  { name: 'health-url', type: 'string', valueName: 'URL', description: 'the health endpoint to ask (default: readiness.healthUrl)' },
  { name: 'timeout', type: 'string', valueName: 'MS', description: 'per-layer timeout in ms (default: readiness.timeoutMs, 5000)' },
  { name: 'help', type: 'boolean', description: 'show this help' },
];

export interface DiagnoseIo {
  cwd: string;
  stages: readonly StageDefinition<unknown>[];
  version: string;
  stdout: (text: string) => void;
  signal?: AbortSignal;
}

/** Run the command; returns the exit code. Throws UsageError for bad input. */
export async function diagnoseCommand(args: readonly string[], io: DiagnoseIo): Promise<number> {
  const { values, positional } = readFlags(args, FLAGS, 'diagnose', { positional: true });
  if (values.has('help')) {
    io.stdout(
      `${commandHelpText('launch-ready diagnose URL', 'is it DNS, the edge/CDN, the app or a third party?', FLAGS, ['Exit codes: 0 every layer healthy, 1 a layer fails, 2 bad input.'])}\n`,
    );
    return 0;
  }
  if (positional.length === 0) throw new UsageError('diagnose: give the URL to diagnose; e.g. launch-ready diagnose https://app.example.com/signup');
  if (positional.length > 1) throw new UsageError(`diagnose: one URL at a time; got ${positional.length} (${positional.slice(0, 3).join(', ')})`);
  const target = positional[0]!;
  if (!isHttpUrl(target)) throw new UsageError(`diagnose: "${target}" is not an http(s) URL; write a full URL, e.g. https://app.example.com/signup`);
  const format = stringOr(values.get('format')) ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format: "${format}" is not a format diagnose writes; use text or json`);
  const healthFlag = stringOr(values.get('health-url'));
  if (healthFlag !== undefined && !isHttpUrl(healthFlag))
    throw new UsageError(`--health-url: "${healthFlag}" is not an http(s) URL; e.g. --health-url https://api.example.com/healthz`);
  const timeoutFlag = stringOr(values.get('timeout'));
  const timeout = timeoutFlag === undefined ? undefined : Number(timeoutFlag);
  if (timeout !== undefined && !(timeout > 0 && timeout <= 60_000))
    throw new UsageError(`--timeout: "${timeoutFlag}" is not a timeout; give milliseconds from 1 to 60000, e.g. --timeout 5000`);

  const configFile = stringOr(values.get('config'));
  // No stage runs, so no stage's own checks apply: a bad monitors file must not block a diagnosis.
  const config = loadConfig({ cwd: io.cwd, stages: io.stages, version: io.version, selected: [], ...(configFile !== undefined ? { file: configFile } : {}) });
  const section = config.stages.readiness ?? {};
  const healthUrl = healthFlag ?? (typeof section.healthUrl === 'string' ? section.healthUrl : undefined);
  const diagnosis = await diagnoseUrl(target, {
    network: config.network,
    authoritative: stringsOf(section.authoritative),
    timeoutMs: timeout ?? (typeof section.timeoutMs === 'number' ? section.timeoutMs : 5000),
    ...(healthUrl ? { healthUrl } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  io.stdout(format === 'json' ? `${JSON.stringify(diagnosisJson(diagnosis, io.version), null, 2)}\n` : renderText(diagnosis));
  return diagnosis.answer === 'healthy' ? 0 : 1;
}

/** The JSON answer: the verdict, the layer table, and the facts without response bodies. */
export function diagnosisJson(diagnosis: Diagnosis, version: string): Record<string, unknown> {
  const table = layersTable(diagnosis);
  const facts: unknown = JSON.parse(JSON.stringify(diagnosis.facts, (key, value: unknown) => (key === 'body' ? undefined : value)));
  return {
    version: 1,
    tool: { name: 'launch-ready', version },
    url: diagnosis.facts.url,
    answer: diagnosis.answer,
    sentence: diagnosis.sentence,
    layers: table.rows.map(([layer, ok, evidence]) => ({ layer, ok, evidence })),
    facts,
  };
}

function renderText(diagnosis: Diagnosis): string {
  const table = layersTable(diagnosis);
  const width = Math.max(...table.rows.map((r) => String(r[0]).length));
  const mark = (ok: unknown) => (ok === true ? 'ok  ' : ok === false ? 'FAIL' : String(ok).toUpperCase().slice(0, 4).padEnd(4));
  const lines = [
    diagnosis.sentence,
    '',
    ...table.rows.map(([layer, ok, evidence]) => `  ${String(layer).padEnd(width)}  ${mark(ok)}  ${String(evidence ?? '')}`),
    '',
  ];
  return lines.join('\n');
}
