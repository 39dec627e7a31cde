import { dirname, relative, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import { StageConfigError, type NetworkOptions, type StageDefinition } from '../stage.js';
import type { StageId } from '../findings.js';
import { reasonOf, UsageError } from '../errors.js';
import { readBoundedText, type BoundedRead } from '../files.js';
import { isOneOf, isRecord, recordsOf, stringsOf } from '../guards.js';
import { FAIL_ON_VALUES } from '../severity.js';
import { didYouMean } from '../suggest.js';
import { readNetworkOptions } from './network.js';
import { buildConfigSchema } from './schema.js';
import { DEFAULT_CRITICAL_PATHS, type CriticalPathConfig, type LaunchReadyConfig, type StageSection } from './types.js';

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

/** At most this many problems are worked out and shown; a file with thousands of typos gets the first ones fast. */
const MAX_PROBLEMS = 10;
/** A config larger than this is not a config. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** The parsed file: its data, its YAML document (for positions) and how to name a position in it. */
interface ParsedConfig {
  data: Record<string, unknown>;
  doc: Document;
  file?: string;
  /** `launch-ready.yml:3:7` for a node. */
  at: (node: { range?: [number, number, number?] | null } | null | undefined) => string;
}

/** Read, validate and default `launch-ready.yml` plus overrides. Throws {@link UsageError} on any problem. */
export function loadConfig(options: LoadConfigOptions): LaunchReadyConfig {
  const parsed = parseConfigFile(options);
  const { data, doc, file, at } = parsed;
  const overridden = new Map<string, string>();
  for (const override of options.overrides ?? []) {
    setIn(data, override.path, override.value);
    overridden.set(override.path.join('.'), override.source);
  }
  // Stage sections the file leaves out still get their defaults (filled in by validation).
  for (const stage of options.stages) data[stage.id] ??= {};

  const describe = (path: Segment[], message: string): string => {
    const source = sourceOf(path, overridden);
    if (source) return `${source}: ${message}`;
    // A default the file never wrote (or no file at all) has no line to point at.
    if (!file || !doc.hasIn(path)) return `${dotted(path)}: ${message}`;
    return `${at(nodeAt(doc, path))}: ${dotted(path)}: ${message}`;
  };
  const problems = schemaProblems(data, options, parsed, overridden, describe);
  const baseDir = file ? dirname(file) : options.cwd;
  const checked = problems.length === 0 ? semanticChecks(data, options, baseDir, describe) : undefined;
  if (checked) problems.push(...checked.problems);
  if (problems.length > 0) {
    // A problem both the core and a stage check (trust.resolvers) is said once.
    const shownProblems = [...new Set(problems)].slice(0, MAX_PROBLEMS);
    const more = problems.length > MAX_PROBLEMS ? `\n…and more problems after these ${MAX_PROBLEMS}` : '';
    throw new UsageError(shownProblems.join('\n') + more);
  }
  // Every id gets a section (validated ones carry the schema's defaults), so a lookup never misses.
  const stages: LaunchReadyConfig['stages'] = {
    secrets: stageSectionOf(data, 'secrets'),
    env: stageSectionOf(data, 'env'),
    trust: stageSectionOf(data, 'trust'),
    burst: stageSectionOf(data, 'burst'),
    rollback: stageSectionOf(data, 'rollback'),
    readiness: stageSectionOf(data, 'readiness'),
  };
  const config: LaunchReadyConfig = {
    failOn: isOneOf(FAIL_ON_VALUES, data.failOn) ? data.failOn : 'blocker',
    criticalPaths: Array.isArray(data.criticalPaths) ? recordsOf(data.criticalPaths).map(criticalPathOf) : DEFAULT_CRITICAL_PATHS,
    stages,
    baseDir,
    network: checked?.network ?? { resolvers: [], connectTo: [], ca: [] },
    options: checked?.options ?? {},
  };
  if (file) config.file = file;
  return config;
}

function sectionOf(data: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const section = data[key];
  return isRecord(section) ? section : undefined;
}

const STAGE_SECTION_DEFAULTS: StageSection = { enabled: true, maxMinutes: 15 };

/** A stage's section with the keys every stage has; an unvalidated or missing section gets their defaults. */
function stageSectionOf(data: Record<string, unknown>, id: StageId): StageSection {
  const section = sectionOf(data, id) ?? {};
  return {
    ...STAGE_SECTION_DEFAULTS,
    ...section,
    enabled: typeof section.enabled === 'boolean' ? section.enabled : STAGE_SECTION_DEFAULTS.enabled,
    maxMinutes: typeof section.maxMinutes === 'number' ? section.maxMinutes : STAGE_SECTION_DEFAULTS.maxMinutes,
  };
}

function criticalPathOf(raw: Record<string, unknown>): CriticalPathConfig {
  const path: CriticalPathConfig = { id: String(raw.id) };
  if (typeof raw.title === 'string') path.title = raw.title;
  if (Array.isArray(raw.hosts)) path.hosts = stringsOf(raw.hosts);
  if (Array.isArray(raw.urls)) path.urls = stringsOf(raw.urls);
  return path;
}

/** The file as YAML: syntax errors, undefined aliases and alias bombs are usage errors with file:line:col. */
function parseConfigFile(options: LoadConfigOptions): ParsedConfig {
  const { text, file } = readConfigText(options);
  const shown = file ? relative(options.cwd, file) || file : DEFAULT_CONFIG_FILE;
  const lineCounter = new LineCounter();
  // Duplicate keys are checked below in one pass: the parser's own check is quadratic in the keys of a map.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const position = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  const at: ParsedConfig['at'] = (node) => position(node?.range?.[0] ?? 0);
  const syntax = doc.errors[0];
  const duplicate = syntax ? undefined : firstDuplicateKey(doc);
  if (syntax || duplicate) {
    const what = syntax ? syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '') : 'Map keys must be unique';
    throw new UsageError(
      `${position(syntax ? syntax.pos[0] : (duplicate?.range?.[0] ?? 0))}: YAML syntax: ${what}; fix the YAML (indentation, quotes, a missing colon)`,
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS() ?? {};
  } catch (error) {
    throw aliasProblem(doc, at, error);
  }
  if (!isRecord(raw)) {
    throw new UsageError(`${shown}:1:1: expected a mapping of settings at the top (secrets:, env:, trust:...); see launch-ready.schema.json`);
  }
  const parsed: ParsedConfig = { data: raw, doc, at };
  if (file) parsed.file = file;
  return parsed;
}

/** The first key that repeats in its mapping (as the YAML parser's own check would report it), in one pass. */
function firstDuplicateKey(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Map: (_key, map) => {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key) && isNode(pair.key)) {
          found = pair.key;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** What YAML refused to expand: an alias to an anchor that is not defined, or aliases that multiply (a "billion laughs" file). */
function aliasProblem(doc: Document, at: ParsedConfig['at'], error: unknown): UsageError {
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_key, node) => void aliases.push(node) });
  const unresolved = aliases.find((alias) => alias.resolve(doc) === undefined);
  if (unresolved)
    return new UsageError(
      `${at(unresolved)}: YAML alias *${unresolved.source} has no anchor &${unresolved.source} before it; define the anchor first or write the value out`,
    );
  if (aliases.length > 0)
    return new UsageError(`${at(aliases[0])}: YAML aliases expand too far (${reasonOf(error)}); write the values out instead of nesting aliases`);
  return new UsageError(`${at(doc.contents)}: YAML could not be read: ${reasonOf(error)}; fix the YAML`);
}

/** Schema problems, each named by file:line:col (or the flag that set it), at most {@link MAX_PROBLEMS}. */
function schemaProblems(
  data: Record<string, unknown>,
  options: LoadConfigOptions,
  parsed: ParsedConfig,
  overridden: Map<string, string>,
  describe: (path: Segment[], message: string) => string,
): string[] {
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false, verbose: true });
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
  const validate = ajv.compile(buildConfigSchema(options.stages, options.version));
  if (validate(data)) return [];
  const problems: string[] = [];
  for (const error of pickErrors(validate.errors ?? [])) {
    // One more than shown, so the message can say that there are more.
    if (problems.length > MAX_PROBLEMS) break;
    const path = pointerToPath(error.instancePath);
    if (error.keyword !== 'additionalProperties') {
      problems.push(describe(path, messageOf(error)));
      continue;
    }
    const key = String(error.params.additionalProperty);
    const properties: unknown = error.parentSchema?.properties;
    const known = Object.keys(isRecord(properties) ? properties : {}).filter((k) => k !== '$schema');
    const keyPath = [...path, key];
    const source = sourceOf(keyPath, overridden);
    const message = `unknown key; ${didYouMean(key, known)}`;
    problems.push(source ? `${source}: ${message}` : `${parsed.at(keyNodeAt(parsed.doc, path, key))}: ${dotted(keyPath)}: ${message}`);
  }
  return problems;
}

/** The network section, each selected stage's own checks and its options, parsed once. */
function semanticChecks(
  data: Record<string, unknown>,
  options: LoadConfigOptions,
  baseDir: string,
  describe: (path: Segment[], message: string) => string,
): { problems: string[]; network: NetworkOptions; options: LaunchReadyConfig['options'] } {
  const problems: string[] = [];
  const read = readNetworkOptions({ network: sectionOf(data, 'network'), trust: sectionOf(data, 'trust') }, baseDir);
  for (const problem of read.problems) problems.push(describe(problem.path, problem.message));
  const parsed: LaunchReadyConfig['options'] = {};
  const selected = options.selected ?? options.stages.filter((stage) => sectionOf(data, stage.id)?.enabled !== false).map((stage) => stage.id);
  for (const stage of options.stages.filter((s) => selected.includes(s.id))) {
    const section = sectionOf(data, stage.id) ?? {};
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
  return { problems, network: read.network, options: parsed };
}

function readConfigText(options: LoadConfigOptions): { text: string; file?: string } {
  if (options.file !== undefined) {
    const file = resolve(options.cwd, options.file);
    const read = readBoundedText(file, { maxBytes: MAX_CONFIG_BYTES });
    if (read.kind === 'missing') {
      throw new UsageError(`--config: ${options.file}: no such file; give the path of your launch-ready.yml, or leave --config out to use defaults`);
    }
    return { text: configText(read, '--config', options.file), file };
  }
  const file = resolve(options.cwd, DEFAULT_CONFIG_FILE);
  const read = readBoundedText(file, { maxBytes: MAX_CONFIG_BYTES });
  if (read.kind === 'missing') return { text: '' };
  return { text: configText(read, DEFAULT_CONFIG_FILE, DEFAULT_CONFIG_FILE), file };
}

function configText(read: BoundedRead, label: string, shown: string): string {
  if (read.kind === 'text') return read.text;
  if (read.kind === 'not-a-file')
    return fail(`${label}: ${shown} is ${read.reason === 'EISDIR' ? 'a folder' : read.reason}; give the path of a launch-ready.yml file`);
  if (read.kind === 'too-large') return fail(`${label}: ${shown} is too large for a config (${read.reason}); give the path of your launch-ready.yml`);
  return fail(`${shown}: cannot read the config file (${'reason' in read ? read.reason : read.kind}); check that it is a readable file`);
}

function fail(message: string): never {
  throw new UsageError(message);
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
  const hint = typeof error.parentSchema?.errorMessage === 'string' ? error.parentSchema.errorMessage : undefined;
  switch (error.keyword) {
    case 'required':
      return `missing required key "${String(error.params.missingProperty)}"; add it`;
    case 'enum':
      return hint ?? `expected one of ${[error.params.allowedValues].flat().join(', ')}`;
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
    const source = overridden.get(
      path
        .slice(0, i)
        .filter((p) => typeof p === 'string')
        .join('.'),
    );
    if (source) return source;
  }
  return undefined;
}

function nodeAt(doc: Document, path: Segment[]): Node | null | undefined {
  for (let i = path.length; i >= 0; i--) {
    const node: unknown = i === 0 ? doc.contents : doc.getIn(path.slice(0, i), true);
    if (isNode(node)) return node;
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
    const child: Record<string, unknown> = isRecord(next) ? next : {};
    node[key] = child;
    node = child;
  }
  node[path[path.length - 1]!] = value;
}
