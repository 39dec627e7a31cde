/**
 * Python reads, line by line with the block structure tracked by indentation: a read inside an
 * `if`/`try`/loop body is conditional (not a sure requirement), one at module level that raises is a
 * start-up failure. Forms: `os.environ["X"]` (raises), `os.environ.get("X")` / `os.getenv("X")`
 * (optional), `"X" in os.environ` (a test), django-environ `env("X")` / `env.bool("X", default=…)`,
 * python-decouple `config("X", default=…)`, Pydantic `BaseSettings` fields, and project helpers
 * (`def env(name): return os.environ[name]`), whose calls anywhere become reads.
 */
import { codeOf } from './other-languages.js';
import { capLine, emptyDiscovery, type FileDiscovery, type HelperDefinition, type VariableUse } from './types.js';

const NAME = '([A-Za-z_][A-Za-z0-9_]*)';
const ENVIRON_INDEX = new RegExp(`(?<![\\w.])(?:os\\.)?environ\\s*\\[\\s*(['"])${NAME}\\1\\s*\\]`, 'g');
const ENVIRON_GET = new RegExp(`(?<![\\w.])(?:os\\.environ\\.get|environ\\.get|os\\.getenv|getenv)\\(\\s*(['"])${NAME}\\1\\s*(,)?`, 'g');
const ENVIRON_TEST = new RegExp(`(['"])${NAME}\\1\\s+(?:not\\s+)?in\\s+(?:os\\.)?environ\\b`, 'g');
/** django-environ `env("X")`, `env.bool("X", …)`; python-decouple `config("X", …)`. */
const LIBRARY_CALL = new RegExp(`(?<![\\w.])(env|config)(?:\\.([a-z_]+))?\\(\\s*(['"])${NAME}\\3\\s*([,)])?`, 'g');
const HELPER_CALL = new RegExp(`(?<![\\w.])([A-Za-z_][A-Za-z0-9_]*)\\(\\s*(['"])([A-Z][A-Z0-9_]*)\\2\\s*([,)])`, 'g');
const DYNAMIC = /(?<![\w.])(?:os\.)?(?:environ\s*\[\s*([A-Za-z_]\w*)|environ\.get\(\s*([A-Za-z_]\w*)|getenv\(\s*([A-Za-z_]\w*))/;
const DEF = /^(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(\s*([A-Za-z_]\w*)?/;
const CLASS_SETTINGS = /^class\s+\w+\s*\([^)]*\bBaseSettings\b/;
const FIELD = /^([A-Za-z_]\w*)\s*:\s*([^=]*)(=)?/;
const CONDITIONAL_BLOCK = /^(?:if|elif|else|try|except|finally|for|while|with|match|case|async\s+for|async\s+with)\b/;
const MISSING_CHECK = /^if\s+(?:not\s+[\w.]+|[\w.]+\s+is\s+None|[\w.]+\s*==\s*(?:""|''|None))\s*:/;
const HINTS = ['environ', 'getenv', 'env', 'config(', 'BaseSettings'];

interface Block {
  indent: number;
  conditional: boolean;
  helper?: { name: string; param: string; line: number; reads: boolean; throws: boolean; getter?: boolean; checksMissing?: boolean };
  settings?: { fields: VariableUse[]; prefix: string };
}

/** Opened minus closed brackets on a line (strings are not told apart: close enough for block structure). */
function bracketBalance(code: string): number {
  let n = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) n++;
    else if (c === 41 || c === 93 || c === 125) n--;
  }
  return n;
}

/** Lines a call may span and still be read as one (`env.bool(\n "X",\n default=True,\n)`). */
const CALL_LINES = 8;

/** The statement starting at line `i`, joined with up to {@link CALL_LINES} continuation lines until its brackets close. */
function joinCall(lines: string[], i: number, body: string): string {
  let text = body;
  let depth = bracketBalance(body);
  for (let j = i + 1; j < lines.length && j <= i + CALL_LINES && depth > 0; j++) {
    const next = codeOf(capLine(lines[j]!), '#', '\'"').trim();
    depth += bracketBalance(next);
    text += ` ${next}`;
  }
  return text;
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
  return n;
}

/** The text of a call after its name argument, up to its closing parenthesis on this line. */
function restOfCall(code: string, from: number): string {
  let depth = 1;
  for (let i = from; i < code.length; i++) {
    const c = code[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return code.slice(from, i);
  }
  return code.slice(from);
}

/** Read one Python file. */
export function readPython(file: string, text: string): FileDiscovery {
  const out = emptyDiscovery();
  if (!HINTS.some((hint) => text.includes(hint))) return out;
  const decouple = text.includes('decouple');
  const stack: Block[] = [];
  const lines = text.split('\n');
  const close = (block: Block) => {
    if (block.helper?.reads)
      out.helpers.push({
        name: block.helper.name,
        file,
        line: block.helper.line,
        language: 'python',
        throws: block.helper.throws,
        ...(block.helper.getter && !block.helper.throws ? { getter: true } : {}),
      } satisfies HelperDefinition);
    if (block.settings) for (const field of block.settings.fields) out.uses.push({ ...field, name: `${block.settings.prefix}${field.name}`.toUpperCase() });
  };
  // A statement spanning lines (`if (\n a\n or b\n):`) opens its block with its first line's text and indent.
  let header: { body: string; indent: number } | undefined;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = capLine(lines[i]!);
    const code = codeOf(raw, '#', '\'"');
    const body = code.trim();
    if (body === '') continue;
    const continued = depth > 0;
    depth = Math.max(0, depth + bracketBalance(body));
    const indent = continued ? header!.indent : indentOf(code);
    if (!continued) {
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) close(stack.pop()!);
      header = { body, indent };
    }
    const context = { line: i + 1, conditional: stack.some((b) => b.conditional) };
    const helper = [...stack].reverse().find((b) => b.helper)?.helper;
    const settings = stack[stack.length - 1]?.settings;
    if (settings) readField(body, settings, file, i + 1);
    else if (body.includes('(') || HINTS.some((hint) => body.includes(hint))) {
      readLine(depth > 0 && !continued ? joinCall(lines, i, body) : body, file, context, helper, decouple, out);
    }
    // `if not value: raise …` in a helper: it throws when the variable is missing.
    if (helper && MISSING_CHECK.test(body)) helper.checksMissing = true;
    if (helper?.checksMissing && /^raise\b/.test(body)) helper.throws = true;
    if (depth === 0 && body.endsWith(':')) stack.push(openBlock(header!.body, indent, i + 1));
    if (settings && /\benv_prefix\s*=\s*['"](\w*)['"]/.test(body)) settings.prefix = /\benv_prefix\s*=\s*['"](\w*)['"]/.exec(body)![1]!;
  }
  while (stack.length > 0) close(stack.pop()!);
  return out;
}

function openBlock(body: string, indent: number, line: number): Block {
  const block: Block = { indent, conditional: CONDITIONAL_BLOCK.test(body) };
  const def = DEF.exec(body);
  if (def) block.helper = { name: def[1]!, param: def[2] ?? '', line, reads: false, throws: false };
  if (CLASS_SETTINGS.test(body)) block.settings = { fields: [], prefix: '' };
  return block;
}

function readField(body: string, settings: NonNullable<Block['settings']>, file: string, line: number): void {
  const m = FIELD.exec(body);
  if (!m || m[1] === 'model_config' || m[1]!.startsWith('_')) return;
  const optional = m[3] !== undefined || /\bOptional\[|\bNone\b|\|\s*None/.test(m[2]!);
  settings.fields.push({
    name: m[1]!,
    file,
    line,
    kind: 'python',
    optional,
    startup: !optional,
    why: optional ? 'Pydantic settings field with a default' : 'Pydantic settings field with no default: validated when the settings load',
  });
}

function readLine(
  code: string,
  file: string,
  at: { line: number; conditional: boolean },
  helper: Block['helper'],
  decouple: boolean,
  out: FileDiscovery,
): void {
  const { line, conditional } = at;
  const push = (use: Omit<VariableUse, 'file' | 'line' | 'kind'>) =>
    out.uses.push({ file, line, kind: 'python', ...use, ...(conditional && !use.optional ? { conditional: true } : {}) });
  const moduleLevel = !conditional && helper === undefined;
  for (const m of code.matchAll(ENVIRON_INDEX))
    push({ name: m[2]!, optional: false, ...(moduleLevel ? { startup: true } : {}), why: `os.environ["${m[2]}"] raises KeyError when unset` });
  for (const m of code.matchAll(ENVIRON_GET))
    push({ name: m[2]!, optional: true, why: m[3] ? `${m[0].split('(')[0]}("${m[2]}", default)` : `${m[0].split('(')[0]}("${m[2]}") returns None when unset` });
  for (const m of code.matchAll(ENVIRON_TEST)) push({ name: m[2]!, optional: true, why: `"${m[2]}" in os.environ tests presence` });
  for (const m of code.matchAll(LIBRARY_CALL)) {
    if (m[1] === 'config' && !decouple) continue;
    const rest = m[5] === ',' ? restOfCall(code, m.index! + m[0].length) : '';
    const withDefault = /\bdefault\s*=/.test(rest) || (m[2] !== undefined && m[5] === ',' && !/^\s*cast\s*=/.test(rest));
    const call = `${m[1]}${m[2] ? `.${m[2]}` : ''}("${m[4]}")`;
    push({
      name: m[4]!,
      optional: withDefault,
      ...(moduleLevel && !withDefault ? { startup: true } : {}),
      why: withDefault ? `${call} with a default` : `${call} with no default raises when unset`,
    });
  }
  for (const m of code.matchAll(HELPER_CALL)) {
    if (m[1] === 'env' || m[1] === 'config' || m[1] === 'getenv' || m[1] === 'get') continue;
    out.calls.push({ callee: m[1]!, name: m[3]!, file, line, language: 'python', withDefault: m[4] === ',', ...(conditional ? { conditional: true } : {}) });
  }
  const dynamic = DYNAMIC.exec(code);
  if (!dynamic) return;
  const param = dynamic[1] ?? dynamic[2] ?? dynamic[3];
  if (helper && param === helper.param) {
    helper.reads = true;
    // environ[name] raises KeyError; a getter returns None or the default (a `raise` elsewhere may check anything).
    if (dynamic[1]) helper.throws = true;
    else helper.getter = true;
  } else out.dynamic.push({ file, line, form: 'os.environ[…]' });
}
