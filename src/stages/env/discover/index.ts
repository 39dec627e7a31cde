/**
 * Discovery, the pure core: file contents in, an inventory of the variables the app needs out.
 * Which reader handles a file is decided by its path (and, for Kubernetes, a glance at its text).
 */
import { discoverDeclared, isExampleFile, isSchemaFile } from './declared.js';
import { discoverJs } from './js-env.js';
import { discoverCompose, discoverKubernetes, discoverWorkflow, isComposeFile, isWorkflowFile, looksLikeKubernetes } from './manifests.js';
import { discoverGo, discoverPrisma, discoverPython, discoverRuby } from './other-languages.js';
import { emptyDiscovery, type Declaration, type DynamicAccess, type FileDiscovery, type FileProblem, type VariableUse } from './types.js';
import { isPlatformProvided, isSecretLooking } from '../names.js';

export type { Declaration, DynamicAccess, FileDiscovery, FileProblem, VariableUse } from './types.js';

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
  /** Read somewhere without a default, or declared required: the target must set it. */
  required: boolean;
  /** Validated at start-up (an env schema in code) or read in a server entry file. */
  startup: boolean;
  /** Secret-looking by name, or declared `@sensitive`. */
  secret: boolean;
  /** Set by the platform (NODE_ENV, PORT, GITHUB_*): never reported missing. */
  platform: boolean;
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

/** Files whose reads run when the server starts. */
const STARTUP_FILE = /(^|\/)(server|main|index|app|start|config|env)\.[cm]?[jt]sx?$|(^|\/)(settings|config)\.py$|(^|\/)main\.go$/;

/** Merge per-file discoveries into one inventory. */
export function mergeDiscoveries(files: FileDiscovery[]): Inventory {
  const variables = new Map<string, VariableInfo>();
  const inventory: Inventory = { variables, dynamic: [], problems: [], envFrom: [], exampleFiles: [] };
  const get = (name: string): VariableInfo => {
    let info = variables.get(name);
    if (!info) {
      info = { name, uses: [], declarations: [], required: false, startup: false, secret: isSecretLooking(name), platform: isPlatformProvided(name) };
      variables.set(name, info);
    }
    return info;
  };
  const examples = new Set<string>();
  for (const file of files) {
    for (const use of file.uses) {
      const info = get(use.name);
      info.uses.push(use);
      if (!use.optional) info.required = true;
      if (use.startup || (!use.optional && STARTUP_FILE.test(use.file))) info.startup = true;
    }
    for (const declaration of file.declarations) {
      const info = get(declaration.name);
      info.declarations.push(declaration);
      if (declaration.required) info.required = true;
      if (declaration.sensitive) info.secret = true;
      if (declaration.kind !== 'schema-code') examples.add(declaration.file);
    }
    inventory.dynamic.push(...file.dynamic);
    inventory.problems.push(...file.problems);
    inventory.envFrom.push(...file.envFrom);
  }
  inventory.exampleFiles = [...examples].sort();
  return inventory;
}

/** Discover over a list of files already read (the pure entry point the stage and the bench use). */
export function discoverAll(files: Iterable<{ path: string; text: string }>): Inventory {
  const out: FileDiscovery[] = [];
  for (const file of files) out.push(discoverFile(file.path, file.text));
  return mergeDiscoveries(out);
}
