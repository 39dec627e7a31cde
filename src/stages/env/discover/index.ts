/**
 * Discovery, the pure core: file contents in, an inventory of the variables the app needs out.
 * Which reader handles a file is decided by its path (and, for Kubernetes, a glance at its text).
 */
import { discoverDeclared, isExampleFile, isSchemaFile } from './declared.js';
import { discoverJs } from './js-env.js';
import { discoverCompose, discoverKubernetes, discoverWorkflow, isComposeFile, isWorkflowFile, looksLikeKubernetes } from './manifests.js';
import { discoverGo, discoverPrisma, discoverPython, discoverRuby } from './other-languages.js';
import { CONTEXT_LABEL, contextOf, type UseContext } from './context.js';
import {
  emptyDiscovery,
  type Declaration,
  type DynamicAccess,
  type FileDiscovery,
  type FileProblem,
  type HelperDefinition,
  type VariableUse,
} from './types.js';
import { isPlatformProvided, isSecretLooking } from '../names.js';

export type { Declaration, DynamicAccess, FileDiscovery, FileProblem, VariableUse } from './types.js';
export { contextOf, type UseContext } from './context.js';

const JS = /\.(?:[cm]?[jt]sx?)$/;

/** Would discovery read this path at all? (Lets the file walker skip reading everything else.) */
export function isDiscoverable(path: string): boolean {
  if (JS.test(path)) return !/\.d\.[cm]?ts$/.test(path) && !/\.min\.js$/.test(path);
  return /\.(py|rb|go|ya?ml|prisma)$/.test(path) || isExampleFile(path) || isSchemaFile(path);
}

/** Discover what one file reads or declares. `path` is relative to the repository root, with `/`. */
export function discoverFile(path: string, text: string): FileDiscovery {
  if (isExampleFile(path) || isSchemaFile(path)) return discoverDeclared(path, text);
  if (JS.test(path)) return discoverJs(path, text);
  if (path.endsWith('.py')) return discoverPython(path, text);
  if (path.endsWith('.rb')) return discoverRuby(path, text);
  if (path.endsWith('.go')) return discoverGo(path, text);
  if (path.endsWith('.prisma')) return discoverPrisma(path, text);
  if (isComposeFile(path)) return discoverCompose(path, text);
  if (isWorkflowFile(path)) return discoverWorkflow(path, text);
  if (/\.ya?ml$/.test(path) && looksLikeKubernetes(text)) return discoverKubernetes(path, text);
  return emptyDiscovery();
}

/** One variable across the repository. */
export interface VariableInfo {
  name: string;
  uses: VariableUse[];
  declarations: Declaration[];
  /** The deployed app cannot do without it: a read with no fallback or guard, a required schema field, `${X:?}`, a helper that throws. */
  required: boolean;
  /** A missing value stops start-up: a schema validated at start, `${X:?}`, a module-level read that raises. */
  startup: boolean;
  /** Secret-looking by name, or declared `@sensitive`. */
  secret: boolean;
  /** Set by the platform (NODE_ENV, PORT, GITHUB_SHA): never reported missing. */
  platform: boolean;
  /** Why it is (or is not) required, with the read that decides. */
  why: string;
  /** Parts of the repository other than the app that read it (CI, tests, scripts/tooling). */
  usedBy: Exclude<UseContext, 'app'>[];
}

/** Everything the app needs, merged over all files. */
export interface Inventory {
  variables: Map<string, VariableInfo>;
  dynamic: DynamicAccess[];
  problems: FileProblem[];
  envFrom: string[];
  /** Example/schema files seen (docs-drift findings only make sense when one exists). */
  exampleFiles: string[];
}

/** Project helpers called with a literal name become reads (`requireEnv('X')`, `envbool('X', False)`). */
function helperUses(files: FileDiscovery[]): { uses: VariableUse[]; helperFiles: Set<string> } {
  const helpers = new Map<string, HelperDefinition>();
  for (const file of files)
    for (const helper of file.helpers) if (!helpers.has(`${helper.language}:${helper.name}`)) helpers.set(`${helper.language}:${helper.name}`, helper);
  const uses: VariableUse[] = [];
  const helperFiles = new Set<string>();
  if (helpers.size === 0) return { uses, helperFiles };
  for (const file of files) {
    for (const call of file.calls) {
      const helper = helpers.get(`${call.language}:${call.callee}`);
      if (!helper) continue;
      helperFiles.add(`${helper.file}:${helper.line}`);
      const call_ = `${call.callee}('${call.name}')`;
      const optional = call.withDefault || helper.getter === true;
      const why = call.withDefault
        ? `${call_} with a default`
        : helper.getter
          ? `${call_} returns nothing when it is unset (${helper.file}:${helper.line})`
          : helper.throws
            ? `${call_} throws when it is unset`
            : `${call_} with no default`;
      uses.push({
        name: call.name,
        file: call.file,
        line: call.line,
        kind: call.language,
        optional,
        ...(call.conditional && !optional ? { conditional: true } : {}),
        why,
      });
    }
  }
  return { uses, helperFiles };
}

const where = (u: { file: string; line: number }) => `${u.file}:${u.line}`;

/** Decide required/startup/why for one variable from its app reads and declarations. */
function decide(info: VariableInfo): void {
  const app = info.uses.filter((u) => contextOf(u.file) === 'app');
  const schema = info.declarations.filter((d) => d.kind === 'schema-code' || d.kind === 'schema-file');
  info.usedBy = [...new Set(info.uses.map((u) => contextOf(u.file)).filter((c): c is Exclude<UseContext, 'app'> => c !== 'app'))].sort();
  // A schema the app validates decides; the mapping that feeds it and plain reads elsewhere do not.
  const codeSchema = info.declarations.filter((d) => d.kind === 'schema-code' && contextOf(d.file) === 'app');
  const deciding =
    codeSchema.length > 0 ? app.filter((u) => u.kind === 'schema' || u.kind === 'python' || u.kind === 'compose') : app.filter((u) => !u.mapping);
  const sure = deciding.filter((u) => !u.optional && !u.conditional);
  const fromSchemaFile = schema.find((d) => d.kind === 'schema-file' && d.required);
  info.required = sure.length > 0 || fromSchemaFile !== undefined;
  info.startup = sure.some((u) => u.startup === true);
  const first = sure[0];
  if (first) info.why = `${first.why ?? 'read with no fallback'} (${where(first)})`;
  else if (fromSchemaFile) info.why = `declared @required in ${where(fromSchemaFile)}`;
  else {
    const conditional = deciding.find((u) => u.conditional);
    const optional = deciding.find((u) => u.optional) ?? app.find((u) => u.mapping);
    if (conditional) info.why = `read only on some branches: ${conditional.why ?? 'no fallback'} (${where(conditional)})`;
    else if (optional) info.why = `${optional.why ?? 'read with a fallback'} (${where(optional)})`;
    else if (app.length === 0 && info.uses.length > 0) info.why = `only read by ${info.usedBy.map((c) => CONTEXT_LABEL[c]).join(', ')}`;
    else info.why = info.declarations.length > 0 ? `declared in ${where(info.declarations[0]!)}; no read found` : 'no read found';
  }
}

/** Merge per-file discoveries into one inventory. */
export function mergeDiscoveries(files: FileDiscovery[]): Inventory {
  const variables = new Map<string, VariableInfo>();
  const inventory: Inventory = { variables, dynamic: [], problems: [], envFrom: [], exampleFiles: [] };
  const get = (name: string): VariableInfo => {
    let info = variables.get(name);
    if (!info) {
      info = {
        name,
        uses: [],
        declarations: [],
        required: false,
        startup: false,
        secret: isSecretLooking(name),
        platform: isPlatformProvided(name),
        why: '',
        usedBy: [],
      };
      variables.set(name, info);
    }
    return info;
  };
  const examples = new Set<string>();
  const helpers = helperUses(files);
  for (const file of files) {
    for (const use of file.uses) get(use.name).uses.push(use);
    for (const declaration of file.declarations) {
      const info = get(declaration.name);
      info.declarations.push(declaration);
      if (declaration.sensitive) info.secret = true;
      if (declaration.kind !== 'schema-code') examples.add(declaration.file);
    }
    inventory.problems.push(...file.problems);
    inventory.envFrom.push(...file.envFrom);
  }
  for (const use of helpers.uses) get(use.name).uses.push(use);
  // A helper's own `process.env[name]` is explained by its calls, not a read to report.
  const helperDefinitions = files.flatMap((f) => f.helpers).filter((h) => helpers.helperFiles.has(`${h.file}:${h.line}`));
  for (const file of files) {
    for (const access of file.dynamic) {
      if (!helperDefinitions.some((h) => h.file === access.file && access.line >= h.line && access.line <= h.line + 60)) inventory.dynamic.push(access);
    }
  }
  for (const info of variables.values()) decide(info);
  inventory.exampleFiles = [...examples].sort();
  return inventory;
}

/** Discover over a list of files already read (the pure entry point the stage and the bench use). */
export function discoverAll(files: Iterable<{ path: string; text: string }>): Inventory {
  const out: FileDiscovery[] = [];
  for (const file of files) out.push(discoverFile(file.path, file.text));
  return mergeDiscoveries(out);
}
