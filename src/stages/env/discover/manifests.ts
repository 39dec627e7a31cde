/**
 * Environment reads in manifests: docker-compose interpolation (`${X}`, `${X:-default}`,
 * `${X:?error}`) and `environment:` pass-through entries, Kubernetes `env:` / `envFrom`, and GitHub
 * workflow `env:` maps.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { capLine, emptyDiscovery, type FileDiscovery } from './types.js';
import { isVariableName } from '../names.js';

/** One `${…}` or `$NAME` in compose text. */
interface Interpolation {
  name: string;
  /** `:-`, `-`, `:?`, `?`, `:+`, `+`, or '' for a plain `${X}` / `$X`. */
  operator: string;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isNamePart(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

/**
 * Every interpolation in one line, by a forward scan: `$$` is compose's escape for a literal `$`;
 * a default may itself hold `${…}` (found too, since the scan resumes right after the operator).
 * Where the next `}` is remembered, so runs of unclosed `${A:-` cost one pass, not one per `$`.
 */
export function interpolationsOf(line: string): Interpolation[] {
  const out: Interpolation[] = [];
  let nextClose = -2;
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) !== 36) continue;
    const next = line.charCodeAt(i + 1);
    if (next === 36) {
      i++;
      continue;
    }
    if (next !== 123) {
      if (!isNameStart(next)) continue;
      let j = i + 2;
      while (j < line.length && isNamePart(line.charCodeAt(j))) j++;
      out.push({ name: line.slice(i + 1, j), operator: '' });
      i = j - 1;
      continue;
    }
    let j = i + 2;
    if (!isNameStart(line.charCodeAt(j))) continue;
    while (j < line.length && isNamePart(line.charCodeAt(j))) j++;
    const name = line.slice(i + 2, j);
    if (line.charCodeAt(j) === 125) {
      out.push({ name, operator: '' });
      i = j;
      continue;
    }
    const colon = line[j] === ':' ? 1 : 0;
    const op = line[j + colon];
    if (op !== '-' && op !== '?' && op !== '+') continue;
    if (nextClose !== -1 && nextClose < j) nextClose = line.indexOf('}', j);
    if (nextClose === -1) return out; // no `}` anywhere after: nothing from here on is an interpolation
    out.push({ name, operator: (colon ? ':' : '') + op });
    i = j + colon;
  }
  return out;
}

/** Is this path a docker-compose file? */
export function isComposeFile(path: string): boolean {
  return /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/.test(path);
}

/** Is this path a GitHub Actions workflow? */
export function isWorkflowFile(path: string): boolean {
  return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
}

/** A YAML file that looks like Kubernetes (has `apiVersion:` and `kind:` at the top level). */
export function looksLikeKubernetes(text: string): boolean {
  return /^apiVersion:/m.test(text) && /^kind:/m.test(text);
}

function parseYaml(text: string): { docs: Node[]; lineOf: (node: Node | null | undefined) => number } | undefined {
  const counter = new LineCounter();
  try {
    // uniqueKeys: false — the duplicate-key check compares each key with every earlier one (quadratic on big maps).
    const docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((d) => d.errors.length > 0)) return undefined;
    return {
      docs: list.map((d) => d.contents).filter((c): c is NonNullable<typeof c> => c !== null),
      lineOf: (node) => counter.linePos(node?.range?.[0] ?? 0).line,
    };
  } catch {
    return undefined;
  }
}

/** How compose treats a missing variable, by the operator it is read with. */
function composeUse(name: string, operator: string, structural: string | undefined): { optional: boolean; startup?: boolean; why: string } {
  if (operator.includes('?')) return { optional: false, startup: true, why: `\${${name}${operator}…} makes compose refuse to start when it is unset` };
  if (operator !== '') return { optional: true, why: `\${${name}${operator}…} gives a default` };
  if (structural) return { optional: false, startup: true, why: `an empty ${name} leaves ${structural} invalid: compose refuses to start` };
  return { optional: true, why: `\${${name}} becomes empty with a warning when unset` };
}

/**
 * Where an empty value makes the file itself invalid (compose refuses to start): an image reference
 * (`postgres:${TAG}` → `postgres:`), a whole volume source or a whole published port (`${DATA}:/data` → `:/data`).
 */
function structuralReads(yaml: NonNullable<ReturnType<typeof parseYaml>>): Map<string, string> {
  const out = new Map<string, string>();
  const mark = (node: unknown, what: string, whole: boolean) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const value = node.value;
    for (const { name, operator } of interpolationsOf(value)) {
      if (operator !== '') continue;
      if (whole && !value.startsWith(`\${${name}}:`) && !value.startsWith(`$${name}:`)) continue;
      out.set(`${name}@${yaml.lineOf(node)}`, what);
    }
  };
  for (const doc of yaml.docs) {
    const services = isMap(doc) ? doc.get('services', true) : undefined;
    if (!isMap(services)) continue;
    for (const service of services.items) {
      if (!isMap(service.value)) continue;
      const image = service.value.get('image', true);
      if (image) mark(image, 'the image reference', false);
      for (const [key, what] of [
        ['volumes', 'a volume'],
        ['ports', 'a port mapping'],
      ] as const) {
        const list = service.value.get(key, true);
        if (isSeq(list)) for (const item of list.items) mark(item, what, true);
      }
    }
  }
  return out;
}

/** `environment:` / `build.args:` entries with no value: passed through from the host (optional: the service gets nothing). */
function passThrough(node: unknown, file: string, lineOf: (node: Node) => number, what: string, out: FileDiscovery): void {
  const why = (name: string) => `${what} passes ${name} through from the host; unset, the service gets none`;
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!isScalar(item) || typeof item.value !== 'string') continue;
      const name = item.value.trim();
      if (!name.includes('=') && isVariableName(name)) out.uses.push({ name, file, line: lineOf(item), kind: 'compose', optional: true, why: why(name) });
    }
  } else if (isMap(node)) {
    for (const pair of node.items) {
      const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
      if (isScalar(pair.key) && empty && isVariableName(String(pair.key.value))) {
        out.uses.push({
          name: String(pair.key.value),
          file,
          line: lineOf(pair.key),
          kind: 'compose',
          optional: true,
          why: why(String(pair.key.value)),
        });
      }
    }
  }
}

/** docker-compose: interpolation anywhere (not in comments; `x-` blocks and `build.args` included), plus pass-through entries. */
export function discoverCompose(file: string, text: string): FileDiscovery {
  const out = emptyDiscovery();
  const yaml = parseYaml(text);
  const structural = yaml ? structuralReads(yaml) : new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = capLine(lines[i]!);
    if (!line.includes('$') || line.trimStart().startsWith('#')) continue;
    for (const { name, operator } of interpolationsOf(line)) {
      out.uses.push({ name, file, line: i + 1, kind: 'compose', ...composeUse(name, operator, structural.get(`${name}@${i + 1}`)) });
    }
  }
  if (!yaml) {
    out.problems.push({ file, line: 1, message: 'not valid YAML; only ${...} interpolation was read' });
    return out;
  }
  for (const doc of yaml.docs) {
    const services = isMap(doc) ? doc.get('services', true) : undefined;
    if (!isMap(services)) continue;
    for (const service of services.items) {
      if (!isMap(service.value)) continue;
      passThrough(service.value.get('environment', true), file, yaml.lineOf, 'environment:', out);
      const build = service.value.get('build', true);
      if (isMap(build)) passThrough(build.get('args', true), file, yaml.lineOf, 'build.args', out);
    }
  }
  return out;
}

/** Kubernetes: every `env:` list of `{name, value|valueFrom}`; `envFrom` sources are noted (not enumerable). */
export function discoverKubernetes(file: string, text: string): FileDiscovery {
  const out = emptyDiscovery();
  const yaml = parseYaml(text);
  if (!yaml) return out;
  const visit = (key: string, value: unknown): boolean => {
    if (key === 'env' && isSeq(value)) {
      for (const item of value.items) {
        if (!isMap(item)) continue;
        const nameNode = item.get('name', true);
        if (!isScalar(nameNode) || !isVariableName(String(nameNode.value))) continue;
        // A literal `value:` is provided by the manifest itself; `valueFrom` needs a Secret/ConfigMap key to exist.
        const literal = item.has('value');
        out.uses.push({
          name: String(nameNode.value),
          file,
          line: yaml.lineOf(nameNode),
          kind: 'k8s',
          optional: literal,
          why: literal ? 'set by the manifest itself' : 'valueFrom: the Secret or ConfigMap key must exist',
        });
      }
      return true;
    }
    if (key === 'envFrom' && isSeq(value)) {
      for (const item of value.items) {
        if (!isMap(item)) continue;
        for (const ref of ['secretRef', 'configMapRef']) {
          const target = item.get(ref, true);
          const name = isMap(target) ? target.get('name') : undefined;
          if (name !== undefined) out.envFrom.push(`${ref === 'secretRef' ? 'Secret' : 'ConfigMap'} ${String(name)}`);
        }
      }
      return true;
    }
    return false;
  };
  for (const doc of yaml.docs) walkPairs(doc, visit);
  return out;
}

/** GitHub workflow `env:` maps (workflow, job, step): a key fed from `${{ secrets.* }}`/`${{ vars.* }}` must exist in GitHub. */
export function discoverWorkflow(file: string, text: string): FileDiscovery {
  const out = emptyDiscovery();
  const yaml = parseYaml(text);
  if (!yaml) return out;
  const visit = (key: string, value: unknown): boolean => {
    if (key !== 'env' || !isMap(value)) return false;
    for (const entry of value.items) {
      if (!isScalar(entry.key) || !isVariableName(String(entry.key.value))) continue;
      const text = isScalar(entry.value) ? String(entry.value.value ?? '') : '';
      const fromGitHub = /\$\{\{\s*(secrets|vars)\./.test(text);
      out.uses.push({
        name: String(entry.key.value),
        file,
        line: yaml.lineOf(entry.key),
        kind: 'workflow',
        optional: !fromGitHub,
        why: fromGitHub ? 'a workflow env: entry fed from GitHub secrets or variables' : 'a workflow env: entry with its own value',
      });
    }
    return true;
  };
  for (const doc of yaml.docs) walkPairs(doc, visit);
  return out;
}

/** Visit every mapping pair of a YAML tree; `visit` returns true when it handled the pair, else the walk descends into its value. */
function walkPairs(node: unknown, visit: (key: string, value: unknown) => boolean): void {
  if (isSeq(node)) {
    for (const item of node.items) walkPairs(item, visit);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    if (!visit(String(pair.key.value), pair.value)) walkPairs(pair.value, visit);
  }
}
