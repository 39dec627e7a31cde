// Renders the configuration reference in README.md from launch-ready.schema.json, between the
// markers below, so the README can never disagree with the schema the CLI validates against.
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- config-reference:start (generated from launch-ready.schema.json by npm run build) -->';
const END = '<!-- config-reference:end -->';

function typeOf(schema) {
  if (schema.enum) return schema.enum.map((v) => `\`${v}\``).join(' or ');
  if (schema.type === 'array') return `list of ${schema.items ? typeOf(schema.items) : 'values'}`;
  if (schema.type === 'object') return 'mapping';
  return schema.type ?? 'any';
}

function cell(text) {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');
}

function rows(properties, prefix, out) {
  for (const [key, schema] of Object.entries(properties ?? {})) {
    if (key === '$schema') continue;
    const name = `${prefix}${key}`;
    const fallback = schema.default === undefined ? '' : `\`${JSON.stringify(schema.default)}\``;
    out.push(`| \`${name}\` | ${cell(typeOf(schema))} | ${fallback} | ${cell(schema.description)} |`);
    if (schema.type === 'object' && schema.properties) rows(schema.properties, `${name}.`, out);
    if (schema.type === 'array' && schema.items?.properties) rows(schema.items.properties, `${name}[].`, out);
    if (schema.type === 'object' && schema.additionalProperties?.properties) rows(schema.additionalProperties.properties, `${name}.<name>.`, out);
  }
}

export function renderConfigReference(schema) {
  const out = [START, '', '| key | type | default | what it does |', '|---|---|---|---|'];
  const top = Object.fromEntries(Object.entries(schema.properties).filter(([, s]) => s.type !== 'object' || !s.properties?.enabled));
  rows(top, '', out);
  for (const [id, section] of Object.entries(schema.properties)) {
    if (!(section.type === 'object' && section.properties?.enabled)) continue;
    out.push('', `**\`${id}\`**: ${cell(section.description)}`, '', '| key | type | default | what it does |', '|---|---|---|---|');
    rows(section.properties, `${id}.`, out);
  }
  out.push('', END);
  return out.join('\n');
}

export function updateReadme(readmePath, schema) {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) return false;
  const next = readme.slice(0, start) + renderConfigReference(schema) + readme.slice(end + END.length);
  if (next !== readme) writeFileSync(readmePath, next);
  return true;
}
