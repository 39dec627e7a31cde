/**
 * Environment reads in manifests: docker-compose interpolation (`${X}`, `${X:-default}`,
 * `${X:?error}`) and `environment:` pass-through entries, Kubernetes `env:` / `envFrom`, and GitHub
 * workflow `env:` maps.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { emptyDiscovery, type FileDiscovery } from './types.js';
import { isVariableName } from '../names.js';

// `$$` is compose's escape for a literal `$`.
const INTERPOLATION = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])[^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

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
    const docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false });
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((d) => d.errors.length > 0)) return undefined;
    return {
      docs: list.map((d) => d.contents).filter((c): c is NonNullable<typeof c> => c !== null) as Node[],
      lineOf: (node) => counter.linePos(node?.range?.[0] ?? 0).line,
    };
  } catch {
    return undefined;
  }
}

/** docker-compose: interpolation anywhere (not in comments), plus `environment:` entries with no value (passed through from the host). */
export function discoverCompose(file: string, text: string): FileDiscovery {
  const out = emptyDiscovery();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes('$') || /^\s*#/.test(line)) continue;
    INTERPOLATION.lastIndex = 0;
    for (let m = INTERPOLATION.exec(line); m; m = INTERPOLATION.exec(line)) {
      if (m[0] === '$$') continue;
      const name = m[1] ?? m[3]!;
      const operator = m[2] ?? '';
      out.uses.push({ name, file, line: i + 1, kind: 'compose', optional: operator.includes('-') || operator.includes('+') });
    }
  }
  const yaml = parseYaml(text);
  if (!yaml) {
    out.problems.push({ file, line: 1, message: 'not valid YAML; only ${...} interpolation was read' });
    return out;
  }
  for (const doc of yaml.docs) {
    const services = isMap(doc) ? doc.get('services', true) : undefined;
    if (!isMap(services)) continue;
    for (const service of services.items) {
      const environment = isMap(service.value) ? service.value.get('environment', true) : undefined;
      if (isSeq(environment)) {
        for (const item of environment.items) {
          if (!isScalar(item) || typeof item.value !== 'string') continue;
          const name = item.value.trim();
          if (!name.includes('=') && isVariableName(name)) out.uses.push({ name, file, line: yaml.lineOf(item), kind: 'compose', optional: false });
        }
      } else if (isMap(environment)) {
        for (const pair of environment.items) {
          const empty = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
          if (isScalar(pair.key) && empty && isVariableName(String(pair.key.value))) {
            out.uses.push({ name: String(pair.key.value), file, line: yaml.lineOf(pair.key as Node), kind: 'compose', optional: false });
          }
        }
      }
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
        out.uses.push({ name: String(nameNode.value), file, line: yaml.lineOf(nameNode), kind: 'k8s', optional: item.has('value') });
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
      out.uses.push({ name: String(entry.key.value), file, line: yaml.lineOf(entry.key as Node), kind: 'workflow', optional: !fromGitHub });
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
