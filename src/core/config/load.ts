import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { StageConfigError, type NetworkOptions, type StageDefinition } from '../stage.js';
import type { StageId } from '../findings.js';
import { UsageError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { readNetworkOptions } from './network.js';
import { buildConfigSchema } from './schema.js';
import { DEFAULT_CRITICAL_PATHS, type LaunchReadyConfig } from './types.js';

/** One value given on the command line (or as an action input) that overrides the file. */
export interface ConfigOverride {
  /** Config path, e.g. `['secrets', 'bundles']`. */
  path: string[];
  value: unknown;
  /** How the user wrote it, for messages: `--bundles`, `input fail-on`. */
  source: string;
}

export interface LoadConfigOptions {
  /** Path given with `--config`; when absent, `launch-ready.yml` in `cwd` is read if it exists. */
  file?: string;
  cwd: string;
  overrides?: ConfigOverride[];
  stages: readonly StageDefinition<unknown>[];
  version: string;
  /**
   * Stages that will run (asked for by name); their semantic checks (`validateConfig`) apply.
   * Default: every stage the file does not disable. A stage that will not run never blocks another.
   */
  selected?: readonly StageId[];
}

export const DEFAULT_CONFIG_FILE = 'launch-ready.yml';

type Segment = string | number;

/** Read, validate and default `launch-ready.yml` plus overrides. Throws {@link UsageError} on any problem. */
export function loadConfig(options: LoadConfigOptions): LaunchReadyConfig {
  const { text, file } = readConfigText(options);
  const shown = file ? relative(options.cwd, file) || file : DEFAULT_CONFIG_FILE;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (node: { range?: [number, number, number?] | null } | null | undefined): string => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
    throw new UsageError(`${shown}:${line}:${col}: YAML syntax: ${what}; fix the YAML (indentation, quotes, a missing colon)`);
  }
  const raw = doc.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new UsageError(`${shown}:1:1: expected a mapping of settings at the top (secrets:, env:, trust:...); see launch-ready.schema.json`);
  }
  const data = raw as Record<string, unknown>;
  const overridden = new Map<string, string>();
  for (const override of options.overrides ?? []) {
    setIn(data, override.path, override.value);
    overridden.set(override.path.join('.'), override.source);
  }

  // Stage sections the file leaves out still get their defaults (filled in by validation).
  for (const stage of options.stages) data[stage.id] ??= {};

  const schema = buildConfigSchema(options.stages, options.version);
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false, verbose: true });
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  const validate = ajv.compile(schema);
  const problems: string[] = [];
  const describe = (path: Segment[], message: string): string => {
    const source = sourceOf(path, overridden);
    if (source) return `${source}: ${message}`;
    // A default the file never wrote (or no file at all) has no line to point at.
    if (!file || !doc.hasIn(path)) return `${dotted(path)}: ${message}`;
    return `${at(nodeAt(doc, path))}: ${dotted(path)}: ${message}`;
  };
  if (!validate(data)) {
    for (const error of pickErrors(validate.errors ?? [])) {
      const path = pointerToPath(error.instancePath);
      if (error.keyword === 'additionalProperties') {
        const key = String(error.params.additionalProperty);
        const known = Object.keys((error.parentSchema?.properties ?? {}) as object).filter((k) => k !== '$schema');
        const keyPath = [...path, key];
        const source = sourceOf(keyPath, overridden);
        const message = `unknown key; ${didYouMean(key, known)}`;
        problems.push(source ? `${source}: ${message}` : `${at(keyNodeAt(doc, path, key))}: ${dotted(keyPath)}: ${message}`);
        continue;
      }
      problems.push(describe(path, messageOf(error)));
    }
  }
  const baseDir = file ? dirname(file) : options.cwd;
  const sections = data as Record<string, Record<string, unknown> | undefined>;
  let network: NetworkOptions = { resolvers: [], connectTo: [], ca: [] };
  const parsed: LaunchReadyConfig['options'] = {};
  if (problems.length === 0) {
    const read = readNetworkOptions({ network: sections.network, trust: sections.trust }, baseDir);
    network = read.network;
    for (const problem of read.problems) problems.push(describe(problem.path, problem.message));
    const selected = options.selected ?? options.stages.filter((stage) => sections[stage.id]?.enabled !== false).map((stage) => stage.id);
    for (const stage of options.stages.filter((s) => selected.includes(s.id))) {
      const section = sections[stage.id] ?? {};
      const stageProblems = [...(stage.validateConfig?.(section, baseDir) ?? [])];
      if (stageProblems.length === 0 && stage.parseOptions) {
        try {
          parsed[stage.id] = stage.parseOptions(section, baseDir);
        } catch (error) {
          if (!(error instanceof StageConfigError)) throw error;
          stageProblems.push(...error.problems);
        }
      }
      for (const problem of stageProblems) problems.push(describe([stage.id, ...problem.path], problem.message));
    }
  }
  if (problems.length > 0) {
    const more = problems.length > 1 ? `\n${problems.slice(1, 10).join('\n')}` : '';
    throw new UsageError(problems[0]! + more);
  }

  const stages = {} as LaunchReadyConfig['stages'];
  for (const stage of options.stages) {
    stages[stage.id] = { enabled: true, maxMinutes: 15, ...sections[stage.id] };
  }
  const config: LaunchReadyConfig = {
    failOn: (data.failOn as LaunchReadyConfig['failOn']) ?? 'blocker',
    criticalPaths: (data.criticalPaths as LaunchReadyConfig['criticalPaths']) ?? DEFAULT_CRITICAL_PATHS,
    stages,
    baseDir,
    network,
    options: parsed,
  };
  if (file) config.file = file;
  return config;
}

function readConfigText(options: LoadConfigOptions): { text: string; file?: string } {
  if (options.file !== undefined) {
    const file = resolve(options.cwd, options.file);
    if (!existsSync(file)) {
      throw new UsageError(`--config: ${options.file}: no such file; give the path of your launch-ready.yml, or leave --config out to use defaults`);
    }
    return { text: readText(file, options.file), file };
  }
  const file = resolve(options.cwd, DEFAULT_CONFIG_FILE);
  if (!existsSync(file)) return { text: '' };
  return { text: readText(file, DEFAULT_CONFIG_FILE), file };
}

function readText(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UsageError(`${shown}: cannot read the config file (${code}); check that it is a readable file`);
  }
}

/** One error per instance path, the most specific keyword first (type before enum before pattern). */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const error of errors) {
    const key = error.keyword === 'additionalProperties' ? `${error.instancePath}/${String(error.params.additionalProperty)}` : error.instancePath;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error);
  }
  return out;
}

function messageOf(error: ErrorObject): string {
  const hint = (error.parentSchema as { errorMessage?: string } | undefined)?.errorMessage;
  switch (error.keyword) {
    case 'required':
      return `missing required key "${String(error.params.missingProperty)}"; add it`;
    case 'enum':
      return hint ?? `expected one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
    default:
      return hint ?? `${error.message ?? 'invalid value'}; see launch-ready.schema.json`;
  }
}

function pointerToPath(pointer: string): Segment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `trust.pages[2]` */
export function dotted(path: Segment[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(top)';
}

function sourceOf(path: Segment[], overridden: Map<string, string>): string | undefined {
  for (let i = path.length; i > 0; i--) {
    const source = overridden.get(path.slice(0, i).filter((p) => typeof p === 'string').join('.'));
    if (source) return source;
  }
  return undefined;
}

function nodeAt(doc: Document, path: Segment[]): Node | null | undefined {
  for (let i = path.length; i >= 0; i--) {
    const node = i === 0 ? doc.contents : (doc.getIn(path.slice(0, i), true) as Node | undefined);
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return doc.contents;
}

function keyNodeAt(doc: Document, path: Segment[], key: string): Node | null | undefined {
  const parent = nodeAt(doc, path);
  if (isMap(parent)) {
    for (const item of parent.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item.key;
    }
  }
  return parent;
}

function setIn(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
