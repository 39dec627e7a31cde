/**
 * The comparison, a pure core: the inventory of what the app needs and snapshots of what each
 * environment provides in; findings out. Values are compared, never copied into a finding.
 */
import type { FindingInput, Location } from '../../core/findings.js';
import type { Inventory, VariableInfo } from './discover/index.js';
import { describeSources, lookup, type EnvironmentSnapshot } from './target.js';
import { clientPrefixOf, isSecretLooking, isServerSecretInClientBundle } from './names.js';
import { contextOf } from './discover/index.js';

const PATHS = ['deploy'];
const CODE_KINDS = new Set(['js', 'python', 'ruby', 'go']);

export interface CompareInput {
  inventory: Inventory;
  /** The target environment; undefined when nothing says what it provides (missing-variable checks are skipped). */
  target?: EnvironmentSnapshot;
  /** Every environment with sources (the target included), for the "same secret in two environments" check. */
  environments: EnvironmentSnapshot[];
  /** Names the user asked to leave out (`env.ignore`). */
  ignore: ReadonlySet<string>;
}

function firstUse(info: VariableInfo): Location | undefined {
  const use = info.uses[0] ?? info.declarations[0];
  return use ? { file: use.file, line: use.line } : undefined;
}

/** Every finding that compares code with environments. */
export function compareEnvironment(input: CompareInput): FindingInput[] {
  return [
    ...findMissingVariables(input),
    ...findDeclaredEmpty(input),
    ...findClientBundleSecrets(input),
    ...findSharedSecretValues(input),
    ...findDocsDrift(input.inventory, input.ignore),
    ...findDynamicAccess(input.inventory),
    ...findDiscoveryProblems(input.inventory),
  ];
}

/** A required variable not set (or set empty) in the target: blocker when secret-looking or read at start-up, else high. */
export function findMissingVariables({ inventory, target, ignore }: CompareInput): FindingInput[] {
  if (!target) return [];
  const out: FindingInput[] = [];
  const where = describeSources(target);
  for (const info of [...inventory.variables.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!info.required || info.platform || ignore.has(info.name)) continue;
    const hit = lookup(target, info.name);
    if (hit && !hit.empty) continue;
    const severity = info.secret || info.startup ? 'blocker' : 'high';
    const why = info.startup ? ' (read at start-up)' : info.secret ? ' (a secret)' : '';
    const location = firstUse(info);
    if (hit?.empty) {
      out.push({
        ruleId: 'env-required-empty',
        severity,
        title: `${info.name} is set but empty in ${target.name} (${hit.source.label}${hit.variable.line ? `:${hit.variable.line}` : ''})${why}`,
        fix: `Give ${info.name} a value in ${hit.source.label}; an empty value counts as missing`,
        paths: PATHS,
        ...(location ? { location } : {}),
      });
      continue;
    }
    out.push({
      ruleId: 'env-required-missing',
      severity,
      title: `${info.name} is required but not set in ${target.name}${why}`,
      fix: `Set ${info.name} for ${target.name} (checked: ${where}), or give the read a default if the app can run without it`,
      paths: PATHS,
      ...(location ? { location } : {}),
    });
  }
  return out;
}

/**
 * `SENTRY_DSN=` in the example and nothing in the target, with no read found: SDKs (Sentry, AWS,
 * Prisma) read their variables themselves, so an example that leaves a value for the deploy to fill
 * is a requirement in its own right (high: the evidence is the example, not the code).
 */
export function findDeclaredEmpty({ inventory, target, ignore }: CompareInput): FindingInput[] {
  if (!target) return [];
  const out: FindingInput[] = [];
  for (const info of [...inventory.variables.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (info.required || info.platform || ignore.has(info.name) || info.uses.some((u) => contextOf(u.file) === 'app')) continue;
    const declaration = info.declarations.find((d) => d.kind === 'example' && d.emptyValue && !d.commented);
    if (!declaration) continue;
    const hit = lookup(target, info.name);
    if (hit && !hit.empty) continue;
    out.push({
      ruleId: 'env-declared-empty',
      severity: 'high',
      title: `${info.name} is left empty in ${declaration.file} for the deploy to fill, and ${hit ? 'is empty' : 'is not set'} in ${target.name}`,
      fix: `Set ${info.name} for ${target.name} (an SDK may read it without the code naming it), or remove it from ${declaration.file} if nothing needs it`,
      paths: PATHS,
      location: { file: declaration.file, line: declaration.line },
    });
  }
  return out;
}

/** `NEXT_PUBLIC_STRIPE_SECRET_KEY`: a server-only credential behind a prefix the framework ships to every browser. */
export function findClientBundleSecrets({ inventory, environments }: CompareInput): FindingInput[] {
  const names = new Map<string, Location | undefined>();
  for (const info of inventory.variables.values()) names.set(info.name, firstUse(info));
  for (const env of environments) {
    for (const source of env.sources) {
      for (const [name, variable] of source.variables) {
        if (!names.has(name) && source.file) names.set(name, { file: source.file, ...(variable.line ? { line: variable.line } : {}) });
      }
    }
  }
  const out: FindingInput[] = [];
  for (const [name, location] of [...names].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isServerSecretInClientBundle(name)) continue;
    const prefix = clientPrefixOf(name)!;
    out.push({
      ruleId: 'env-secret-in-client-bundle',
      severity: 'blocker',
      title: `${name} looks like a server secret but its ${prefix} prefix ships it to every browser`,
      fix: `Rename it without ${prefix}, read it only on the server, and rotate the value: it may already be in a public bundle`,
      paths: PATHS,
      ...(location ? { location } : {}),
    });
  }
  return out;
}

/** The same secret value in two environments (staging and production share a key): environments are not split. */
export function findSharedSecretValues({ inventory, environments }: CompareInput): FindingInput[] {
  const out: FindingInput[] = [];
  for (let a = 0; a < environments.length; a++) {
    for (let b = a + 1; b < environments.length; b++) {
      const left = environments[a]!;
      const right = environments[b]!;
      const names = new Set<string>();
      for (const source of left.sources) for (const name of source.variables.keys()) names.add(name);
      for (const name of [...names].sort()) {
        const secret = inventory.variables.get(name)?.secret ?? isSecretLooking(name);
        if (!secret) continue;
        const l = lookup(left, name);
        const r = lookup(right, name);
        const lv = l?.variable.value;
        const rv = r?.variable.value;
        // Short values (`true`, `1`, `dev`) are not credentials; equal ones say nothing.
        if (lv === undefined || rv === undefined || lv.length < 8 || lv !== rv) continue;
        const file = r!.source.file ?? l!.source.file;
        const line = r!.source.file ? r!.variable.line : l!.variable.line;
        out.push({
          ruleId: 'env-shared-secret-value',
          severity: 'high',
          title: `${name} has the same value in ${left.name} and ${right.name}: the environments are not split`,
          fix: `Issue a separate ${name} for each environment and rotate the one ${left.name} shares with ${right.name}`,
          paths: PATHS,
          ...(file ? { location: { file, ...(line ? { line } : {}) } } : {}),
          // A stable fingerprint that never depends on the value itself.
          fingerprint: `env-shared-secret-value:${name}:${left.name}:${right.name}`,
        });
      }
    }
  }
  return out;
}

/** The folder of a repo-relative path (`''` for the root). */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash + 1);
}

/**
 * Used in code but missing from the example file (low), declared but never read (info). In a
 * monorepo each example file speaks for its own folder: code is held to the example files of its
 * folder and the folders above it, and a declaration counts as used when something under its folder reads it.
 */
export function findDocsDrift(inventory: Inventory, ignore: ReadonlySet<string>): FindingInput[] {
  if (inventory.exampleFiles.length === 0) return [];
  const examplesOver = (file: string) => inventory.exampleFiles.filter((example) => file.startsWith(folderOf(example)));
  const out: FindingInput[] = [];
  for (const info of [...inventory.variables.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (info.platform || ignore.has(info.name)) continue;
    const declarations = info.declarations.filter((d) => d.kind !== 'schema-code');
    const undeclared = info.uses.find((use) => {
      if (!CODE_KINDS.has(use.kind) || contextOf(use.file) !== 'app') return false;
      const over = examplesOver(use.file);
      return over.length > 0 && !declarations.some((d) => over.includes(d.file));
    });
    if (undeclared) {
      const over = examplesOver(undeclared.file);
      out.push({
        ruleId: 'env-undeclared',
        severity: 'low',
        title: `${info.name} is used in code but not listed in ${over.join(', ')}`,
        fix: `Add ${info.name}= to ${over[over.length - 1]} so the next person (and the deploy) knows it is needed`,
        paths: PATHS,
        location: { file: undeclared.file, line: undeclared.line },
      });
    }
    for (const declaration of declarations) {
      if (declaration.commented || info.uses.some((use) => use.file.startsWith(folderOf(declaration.file)))) continue;
      out.push({
        ruleId: 'env-declared-unused',
        severity: 'info',
        title: `${info.name} is listed in ${declaration.file} but nothing reads it`,
        fix: `Remove ${info.name} from ${declaration.file} if it is no longer needed`,
        paths: PATHS,
        location: { file: declaration.file, line: declaration.line },
      });
      break;
    }
  }
  return out;
}

/** `process.env[name]`: the name is not static, so it is reported rather than guessed. */
export function findDynamicAccess(inventory: Inventory): FindingInput[] {
  return inventory.dynamic.map((access) => ({
    ruleId: 'env-dynamic-access',
    severity: 'info' as const,
    title: `${access.form} reads a variable whose name is computed at run time; it was not checked`,
    fix: 'Read variables by literal name (or list them in an env schema) so they can be checked before deploy',
    paths: PATHS,
    location: { file: access.file, line: access.line },
  }));
}

/** Malformed lines in example/schema files and unreadable manifests. */
export function findDiscoveryProblems(inventory: Inventory): FindingInput[] {
  return inventory.problems.map((problem) => malformedLine(problem.file, problem.line, problem.message));
}

/** A dotenv line that is not `KEY=value` (the line itself is never shown: it may hold a secret). */
export function malformedLine(file: string, line: number, message: string): FindingInput {
  return {
    ruleId: 'env-malformed-line',
    severity: 'low',
    title: `${file}:${line}: ${message}; the line was skipped`,
    fix: 'Write the line as KEY=value (quote values with spaces or #; close every quote)',
    paths: PATHS,
    location: { file, line },
  };
}
