/** `launch-ready handover`: write HANDOVER.md from the config and the last results. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { loadConfig } from '../core/config/load.js';
import type { LaunchReadyConfig } from '../core/config/types.js';
import { UsageError } from '../core/errors.js';
import type { StageDefinition } from '../core/stage.js';
import { parseReadinessOptions, type ReadinessOptions } from '../stages/readiness/config.js';
import { readTargetEnvironment, targetEnvironmentFiles } from '../stages/readiness/error-tracking.js';
import { configuredHostnames } from '../stages/readiness/targets.js';
import { commandHelpText, readFlags, type CommandFlag } from '../core/flags.js';
import { errorCode, isRecord, recordsOf, stringOr, stringsOf } from '../core/guards.js';
import { HANDOVER_MARKER, notesOf, renderHandover, type HandoverFacts } from './render.js';

const FLAGS: CommandFlag[] = [
  { name: 'config', type: 'string', valueName: 'FILE', description: 'launch-ready.yml to read (default: ./launch-ready.yml if present)' },
  { name: 'output', type: 'string', valueName: 'FILE', description: 'where to write (default: readiness.handover, HANDOVER.md)' },
  {
    name: 'results',
    type: 'string',
    multiple: true,
    valueName: 'FILE',
    description: 'a result JSON (launch-ready check --format json) for the domain map and drill time; repeatable',
  },
  { name: 'force', type: 'boolean', description: 'replace a HANDOVER.md that launch-ready did not write' },
  { name: 'help', type: 'boolean', description: 'show this help' },
];

export interface CommandIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stages: readonly StageDefinition<unknown>[];
  version: string;
  stdout: (text: string) => void;
  now?: Date;
}

/** Run the command; returns the exit code. Throws UsageError for bad input. */
export function handoverCommand(args: readonly string[], io: CommandIo): number {
  const { values } = readFlags(args, FLAGS, 'handover');
  if (values.has('help')) {
    io.stdout(
      `${commandHelpText('launch-ready handover', 'write HANDOVER.md from the config and the last results', FLAGS, ['Own text under "## Notes" is kept when the file is written again.'])}\n`,
    );
    return 0;
  }
  const configFile = stringOr(values.get('config'));
  const config = loadConfig({
    cwd: io.cwd,
    stages: io.stages,
    version: io.version,
    selected: ['readiness'],
    ...(configFile !== undefined ? { file: configFile } : {}),
  });
  const options = parseReadinessOptions(config.stages.readiness, config.baseDir);
  const output = resolve(values.has('output') ? io.cwd : config.baseDir, stringOr(values.get('output')) ?? options.handover);
  const previous = existsSync(output) ? readFileSync(output, 'utf8') : undefined;
  if (previous !== undefined && !previous.startsWith(HANDOVER_MARKER.slice(0, 40)) && !values.has('force')) {
    throw new UsageError(
      `${relative(io.cwd, output) || output}: exists and was not written by launch-ready handover; pass --force to replace it (move your own text under "## Notes" first: it is kept)`,
    );
  }
  const results = readResults(values.has('results') ? stringsOf(values.get('results')) : defaultResults(io.env), io.cwd);
  const facts = handoverFacts(config, options, results, io.now ?? new Date());
  const notes = notesOf(previous);
  if (notes) facts.notes = notes;
  const text = renderHandover(facts);
  writeFileSync(output, text);
  const todo = (text.match(/_TODO: fill this in_/g) ?? []).length;
  io.stdout(`launch-ready handover: wrote ${relative(io.cwd, output) || output}${todo > 0 ? ` (${todo} section(s) marked TODO to fill in)` : ''}\n`);
  return 0;
}

/** What the document takes from a row of trust's domain map (`metrics.domainMap` of a result file). */
interface MappedHost {
  host: string;
  pointsTo: string[];
  proxied?: boolean;
  certificate?: { issuer: string; notAfter: string };
}

/** The domain map's rows as far as they have the shape trust writes; others are passed over. */
function mappedHostsOf(domainMap: unknown): MappedHost[] {
  return recordsOf(domainMap).flatMap((row): MappedHost[] => {
    const host = stringOr(row.host);
    if (host === undefined) return [];
    const out: MappedHost = { host, pointsTo: stringsOf(recordsOf(row.records).map((r) => r.value)) };
    if (typeof row.proxied === 'boolean') out.proxied = row.proxied;
    const certificate = isRecord(row.certificate) ? row.certificate : {};
    const issuer = stringOr(certificate.issuer);
    const notAfter = stringOr(certificate.notAfter);
    if (issuer !== undefined && notAfter !== undefined) out.certificate = { issuer, notAfter };
    return [out];
  });
}

/** Gather the document's facts from the config and the stage results' metrics (by stage id). */
export function handoverFacts(config: LaunchReadyConfig, options: ReadinessOptions, metrics: Map<string, Record<string, unknown>>, now: Date): HandoverFacts {
  const map = mappedHostsOf(metrics.get('trust')?.domainMap);
  const hostnames = configuredHostnames(options, { criticalPaths: config.criticalPaths, trust: config.stages.trust }).map((host) => {
    const row = map.find((r) => r.host === host);
    const entry: HandoverFacts['hostnames'][number] = { host };
    if (row?.pointsTo.length) entry.pointsTo = row.pointsTo.join(', ');
    if (row?.certificate) entry.certificate = `${row.certificate.issuer}, expires ${row.certificate.notAfter.slice(0, 10)}`;
    if (row?.proxied !== undefined) entry.proxied = row.proxied;
    return entry;
  });
  for (const row of map) if (!hostnames.some((h) => h.host === row.host)) hostnames.push({ host: row.host });
  const rollback = metrics.get('rollback') ?? {};
  const facts: HandoverFacts = {
    project: basename(config.baseDir),
    generatedAt: now,
    hostnames,
    credentials: credentialsOf(config, options),
    deploySteps: options.deploySteps,
    rollbackSteps: options.rollbackSteps,
    monitors: options.monitors,
    contacts: options.contacts,
  };
  if (typeof rollback.rollbackSeconds === 'number') {
    facts.drill = { rollbackSeconds: rollback.rollbackSeconds };
    if (typeof rollback.rollForwardSeconds === 'number') facts.drill.rollForwardSeconds = rollback.rollForwardSeconds;
    if (typeof rollback.previousRelease === 'string') facts.drill.previousRelease = rollback.previousRelease;
  }
  if (options.owner) facts.defaultOwner = options.owner;
  if (options.healthUrl) facts.healthUrl = options.healthUrl;
  return facts;
}

function credentialsOf(config: LaunchReadyConfig, options: ReadinessOptions): HandoverFacts['credentials'] {
  const env = config.stages.env ?? {};
  const environments = Object.entries(isRecord(env.environments) ? env.environments : {}).map(([name, value]) => {
    const e = isRecord(value) ? value : {};
    const from = Array.isArray(e.from) ? stringsOf(e.from) : typeof e.from === 'string' && e.from ? [e.from] : [];
    const githubEnvironment = stringOr(e.githubEnvironment) ?? name;
    const where = [
      ...stringsOf(e.files).map((f) => `dotenv file ${f}`),
      ...from.map((f) => (f === 'github' ? `GitHub environment "${githubEnvironment}" secrets and variables` : "the deploy job's environment")),
    ];
    return { name, where: where.length > 0 ? where : ['not described in launch-ready.yml'] };
  });
  const credentials: HandoverFacts['credentials'] = { environments, variables: [] };
  if (options.secretManager) credentials.secretManager = options.secretManager;
  if (options.errorTracking?.variable) credentials.errorTracking = options.errorTracking.variable;
  const files = targetEnvironmentFiles(options.envFiles, env);
  if (files.length > 0) {
    try {
      // Names only: the values never leave the file.
      credentials.variables = [...readTargetEnvironment(files, config.baseDir, {}).variables.keys()].sort();
    } catch {
      // An unreadable file leaves the list empty; the readiness stage reports it.
    }
  }
  return credentials;
}

function defaultResults(env: Readonly<Record<string, string | undefined>>): string[] {
  const dir = env.RUNNER_TEMP ? resolve(env.RUNNER_TEMP, 'launch-ready') : undefined;
  if (!dir || !existsSync(dir)) return [];
  return ['trust', 'rollback', 'burst'].map((id) => resolve(dir, `${id}.json`)).filter((f) => existsSync(f));
}

/** Each stage's metrics from result files (a gate result, or one stage's result), by stage id; later files win. */
function readResults(files: readonly string[], cwd: string): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const file of files) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(resolve(cwd, file), 'utf8'));
    } catch (error) {
      throw new UsageError(
        `--results: ${file}: ${errorCode(error) === 'ENOENT' ? 'no such file' : 'not a result JSON'}; write one with launch-ready check --format json --output FILE`,
      );
    }
    const record = isRecord(data) ? data : {};
    const stages = Array.isArray(record.stages) ? recordsOf(record.stages) : record.id ? [record] : [];
    for (const stage of stages) {
      const id = stringOr(stage.id);
      if (id !== undefined) out.set(id, isRecord(stage.metrics) ? stage.metrics : {});
    }
  }
  return out;
}
