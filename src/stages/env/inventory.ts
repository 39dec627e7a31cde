/**
 * The inventory a user reads to see why: every variable with its verdict, the reason, where it is
 * read, whether an example declares it and whether the target sets it. JSON metrics carry it whole;
 * the report shows it as a table (collapsed with the rest of the env section in Markdown).
 */
import type { TableBlock } from '../../core/blocks.js';
import { contextOf, type Inventory, type VariableInfo } from './discover/index.js';
import { CONTEXT_LABEL } from './discover/context.js';
import { lookup, type EnvironmentSnapshot } from './target.js';

/** One variable of the inventory (`variables` in the JSON metrics). */
export interface InventoryEntry {
  name: string;
  required: boolean;
  why: string;
  /** Where it is read, `file:line`; the deployed app's reads first. */
  reads: string[];
  /** Listed in an example or env-schema file. */
  declared: boolean;
  /** Set to a non-empty value in the target; null when no target is configured. */
  inTarget: boolean | null;
  secret: boolean;
  startup: boolean;
  platform: boolean;
  /** Read by the deployed app (not only by CI, tests or tooling). */
  app: boolean;
  /** Read by CI, tests or scripts/tooling (never a production requirement by itself). */
  usedBy: string[];
}

/** Most reads shown per variable; the count says how many there were. */
const MAX_READS = 20;
/** Rows of the report table unless the user asked for the whole list (`--list`). */
const TABLE_ROWS = 30;

function readsOf(info: VariableInfo): string[] {
  const sorted = [...info.uses].sort((a, b) => Number(contextOf(a.file) !== 'app') - Number(contextOf(b.file) !== 'app'));
  const reads = [...new Set(sorted.map((u) => `${u.file}:${u.line}`))];
  return reads.length > MAX_READS ? [...reads.slice(0, MAX_READS), `…and ${reads.length - MAX_READS} more`] : reads;
}

/** The inventory, required variables first, then by name. */
export function inventoryEntries(inventory: Inventory, target: EnvironmentSnapshot | undefined): InventoryEntry[] {
  return [...inventory.variables.values()]
    .sort((a, b) => Number(b.required && !b.platform) - Number(a.required && !a.platform) || a.name.localeCompare(b.name))
    .map((info) => {
      const hit = target ? lookup(target, info.name) : undefined;
      return {
        name: info.name,
        required: info.required && !info.platform,
        why: info.platform ? `set by the platform; ${info.why}` : info.why,
        reads: readsOf(info),
        declared: info.declarations.some((d) => d.kind !== 'schema-code'),
        inTarget: target ? hit !== undefined && !hit.empty : null,
        secret: info.secret,
        startup: info.startup,
        platform: info.platform,
        app: info.uses.some((u) => contextOf(u.file) === 'app'),
        usedBy: info.usedBy.map((c) => CONTEXT_LABEL[c]),
      };
    });
}

/** The inventory as a report table: the variables that matter (all of them with `--list`). */
export function inventoryTable(entries: InventoryEntry[], all: boolean): TableBlock | undefined {
  const shown = all ? entries : entries.filter((e) => e.required || (e.declared && e.inTarget === false)).slice(0, TABLE_ROWS);
  if (shown.length === 0) return undefined;
  const cut = entries.length - shown.length;
  return {
    kind: 'table',
    title: `Environment variables${all ? '' : ' that matter'} (${shown.length} of ${entries.length})`,
    columns: ['Variable', 'Required', 'Why', 'Read at', 'Declared', 'In target'],
    rows: shown.map((e) => [
      e.name,
      e.required ? (e.secret ? 'yes (secret)' : 'yes') : !e.app && e.usedBy.length > 0 ? `no (used by ${e.usedBy.join(', ')})` : 'no',
      e.why,
      e.reads.slice(0, 3).join(', ') + (e.reads.length > 3 ? ', …' : ''),
      e.declared,
      e.inTarget === null ? 'not compared' : e.inTarget,
    ]),
    ...(all ? { complete: true } : {}),
    ...(cut > 0 ? { note: `${cut} more in the JSON result (metrics.variables), or run launch-ready env --list` } : {}),
  };
}
