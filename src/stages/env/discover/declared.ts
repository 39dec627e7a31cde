/**
 * Declared variables: example files (`.env.example`, `.env.sample`, `.env.template`) and env-spec
 * schemas (`.env.schema` with `@required`, `@optional`, `@sensitive` and the header defaults
 * `@defaultRequired`, `@defaultSensitive`).
 */
import { parseDotenv } from '../dotenv.js';
import { emptyDiscovery, type FileDiscovery } from './types.js';

/** `.env.example`, `.env.sample`, `.env.template`, also `.env.production.example` and the like. */
export function isExampleFile(path: string): boolean {
  return (
    /(^|\/)\.env(\.[\w-]+)*\.(example|sample|template|dist)$/.test(path) || /(^|\/)(env\.(example|sample|template)|(example|sample|template)\.env)$/.test(path)
  );
}

/** `# SENTRY_DSN=` or `#export SENTRY_DSN=...`: a commented-out item of an example file. */
const COMMENTED_ITEM = /^\s*#\s*(?:export\s+)?([A-Z][A-Z0-9_]*)=/;

/** An env-spec schema file. */
export function isSchemaFile(path: string): boolean {
  return /(^|\/)\.env\.schema$/.test(path);
}

/** Read one example or schema file into declarations (and its malformed lines into problems). */
export function discoverDeclared(file: string, text: string): FileDiscovery {
  const out = emptyDiscovery();
  const parsed = parseDotenv(text);
  const schema = isSchemaFile(file);
  const defaultRequired = parsed.header.get('defaultRequired') === 'true';
  const defaultSensitive = parsed.header.get('defaultSensitive') === 'true';
  for (const entry of parsed.entries) {
    const d = entry.decorators;
    const declaration = { name: entry.key, file, line: entry.line, kind: schema ? ('schema-file' as const) : ('example' as const) };
    if (schema) {
      out.declarations.push({
        ...declaration,
        required: d.has('optional') ? false : d.has('required') || defaultRequired,
        sensitive: d.has('sensitive') || (defaultSensitive && !d.has('public')),
      });
    } else {
      out.declarations.push({ ...declaration, ...(entry.value.trim() === '' ? { emptyValue: true } : {}) });
    }
  }
  if (!schema) {
    const declared = new Set(parsed.entries.map((e) => e.key));
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = COMMENTED_ITEM.exec(lines[i]!.slice(0, 512));
      if (!m || declared.has(m[1]!)) continue;
      declared.add(m[1]!);
      out.declarations.push({ name: m[1]!, file, line: i + 1, kind: 'example', commented: true });
    }
  }
  for (const problem of parsed.problems) out.problems.push({ file, line: problem.line, message: problem.message });
  return out;
}
