/**
 * HANDOVER.md from the config and the last results: the domain map, where each credential lives
 * (names, never values), deploy and rollback steps with the measured drill time, the monitors with
 * their owners, and emergency contacts. Pure: facts in, Markdown out.
 */
import type { Monitor } from '../stages/readiness/monitors/model.js';
import { formatInterval } from '../stages/readiness/monitors/model.js';

/** The first line, so a later run knows the file is ours to rewrite. */
export const HANDOVER_MARKER = '<!-- written by launch-ready handover; edit freely, keep your own text under "## Notes" -->';

export interface HandoverFacts {
  /** Project name for the title (the repository folder). */
  project: string;
  generatedAt: Date;
  hostnames: { host: string; pointsTo?: string; certificate?: string; proxied?: boolean }[];
  credentials: { secretManager?: string; environments: { name: string; where: string[] }[]; variables: string[]; errorTracking?: string };
  deploySteps: string[];
  rollbackSteps: string[];
  drill?: { rollbackSeconds?: number; rollForwardSeconds?: number; previousRelease?: string };
  monitors: Monitor[];
  defaultOwner?: string;
  healthUrl?: string;
  contacts: string[];
  /** Text the team kept under `## Notes` in the previous version. */
  notes?: string;
}

const TODO = '_TODO: fill this in_';
const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ') || '—';

/** The whole document. */
export function renderHandover(facts: HandoverFacts): string {
  const out: string[] = [
    HANDOVER_MARKER,
    `# Handover: ${facts.project}`,
    '',
    `Written ${facts.generatedAt.toISOString().slice(0, 10)} from launch-ready.yml and the last results. Run \`launch-ready handover\` again after changing domains or monitors.`,
    '',
  ];
  out.push('## Domain map', '');
  if (facts.hostnames.length === 0) out.push(TODO, '');
  else {
    out.push('| Hostname | Points to | Certificate | Cloudflare |', '|---|---|---|---|');
    for (const h of facts.hostnames)
      out.push(`| ${cell(h.host)} | ${cell(h.pointsTo)} | ${cell(h.certificate)} | ${h.proxied === undefined ? '—' : h.proxied ? 'proxied' : 'DNS only'} |`);
    out.push('');
  }
  out.push('## Credentials: where they live', '', 'Names only: the values stay in the secret manager.', '');
  out.push(`- Secret manager: ${facts.credentials.secretManager ?? TODO}`);
  for (const env of facts.credentials.environments) out.push(`- ${env.name}: ${env.where.join(', ')}`);
  if (facts.credentials.errorTracking) out.push(`- Error tracking DSN: \`${facts.credentials.errorTracking}\``);
  if (facts.credentials.variables.length > 0) out.push(`- Variables: ${facts.credentials.variables.map((v) => `\`${v}\``).join(', ')}`);
  out.push('');
  out.push('## Deploy', '', ...steps(facts.deploySteps), '');
  out.push('## Rollback', '', ...steps(facts.rollbackSteps));
  const drill = facts.drill;
  out.push(
    '',
    drill?.rollbackSeconds !== undefined
      ? `Last drill: rollback ${drill.rollbackSeconds} s, roll forward ${drill.rollForwardSeconds ?? '?'} s${drill.previousRelease ? ` (previous release ${drill.previousRelease})` : ''}.`
      : 'Last drill: not measured (run `launch-ready rollback`).',
    '',
  );
  out.push('## Monitors', '');
  if (facts.healthUrl) out.push(`Health endpoint: ${facts.healthUrl}`, '');
  if (facts.monitors.length === 0) out.push(TODO, '');
  else {
    out.push('| Monitor | URL | Owner | Channels | Interval |', '|---|---|---|---|---|');
    for (const m of facts.monitors)
      out.push(
        `| ${cell(m.name)} | ${cell(m.url)} | ${cell(m.owner ?? facts.defaultOwner)} | ${cell(m.channels.map((c) => c.label).join(', '))} | ${formatInterval(m.intervalSeconds)} |`,
      );
    out.push('');
  }
  out.push('## Emergency contacts', '', ...(facts.contacts.length > 0 ? facts.contacts.map((c) => `- ${c}`) : [TODO]), '');
  out.push('## Notes', '', facts.notes?.trim() || '_Your own notes: kept when this file is written again._', '');
  return out.join('\n');
}

function steps(list: readonly string[]): string[] {
  return list.length > 0 ? list.map((s, i) => `${i + 1}. ${s}`) : [TODO];
}

/** The text under `## Notes` in an earlier version, to carry over. */
export function notesOf(previous: string | undefined): string | undefined {
  if (!previous) return undefined;
  const match = /^##\s+Notes\s*$/m.exec(previous);
  if (!match) return undefined;
  const rest = previous.slice(match.index + match[0].length);
  const next = /^##\s+/m.exec(rest);
  const text = (next ? rest.slice(0, next.index) : rest).trim();
  return text.startsWith('_Your own notes') ? undefined : text;
}
