import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RULES } from '../../../src/stages/secrets/rules/index.js';
import type { SecretRule } from '../../../src/stages/secrets/rules/types.js';
import { scanText, type SecretMatch } from '../../../src/stages/secrets/scan.js';

/** One case of the peers' own test tables (see test/fixtures/secrets/peers/generate.mjs). */
export interface PeerCase {
  provider: string;
  peer: 'gitleaks' | 'trufflehog' | 'secretlint';
  source: string;
  expect: 'secret' | 'none';
  text: string;
}

export interface PeerRow {
  provider: string;
  positives: number;
  found: number;
  negatives: number;
  falseAlarms: number;
}

const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/secrets/peers/corpus.json');

/** The committed corpus. */
export function peerCases(): PeerCase[] {
  const stored = (JSON.parse(readFileSync(CORPUS, 'utf8')) as { cases: (Omit<PeerCase, 'text'> & { text64: string })[] }).cases;
  return stored.map(({ text64, ...rest }) => ({ ...rest, text: Buffer.from(text64, 'base64').toString('utf8') }));
}

/**
 * What the scanner reports for a case that counts as an alarm: any match above `info`. Public
 * values (a Stripe `pk_`, a Sentry DSN) may be reported as info and are not alarms.
 */
export function alarmsOf(peerCase: PeerCase, rules: readonly SecretRule[] = DEFAULT_RULES): SecretMatch[] {
  const file = peerCase.peer === 'secretlint' ? basename(peerCase.source) : 'config.txt';
  return scanText(peerCase.text, rules, file).filter((m) => m.severity !== 'info');
}

/** Recall and false alarms per provider, and the total as the last row. */
export function peerTable(
  cases: readonly PeerCase[],
  rules: readonly SecretRule[] = DEFAULT_RULES,
): { rows: PeerRow[]; misses: PeerCase[]; alarms: PeerCase[] } {
  const rows = new Map<string, PeerRow>();
  const misses: PeerCase[] = [];
  const alarms: PeerCase[] = [];
  const total: PeerRow = { provider: 'all', positives: 0, found: 0, negatives: 0, falseAlarms: 0 };
  for (const c of cases) {
    const row = rows.get(c.provider) ?? { provider: c.provider, positives: 0, found: 0, negatives: 0, falseAlarms: 0 };
    rows.set(c.provider, row);
    const hit = alarmsOf(c, rules).length > 0;
    for (const r of [row, total]) {
      if (c.expect === 'secret') {
        r.positives++;
        if (hit) r.found++;
      } else {
        r.negatives++;
        if (hit) r.falseAlarms++;
      }
    }
    if (c.expect === 'secret' && !hit) misses.push(c);
    if (c.expect === 'none' && hit) alarms.push(c);
  }
  return { rows: [...rows.values(), total], misses, alarms };
}

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** The table as text: provider, recall, false-alarm rate. */
export function formatPeerTable(rows: readonly PeerRow[]): string {
  const lines = ['provider             recall (found/cases)    false alarms (flagged/cases)'];
  for (const r of rows)
    lines.push(
      `${r.provider.padEnd(20)} ${pct(r.found, r.positives)} (${r.found}/${r.positives})`.padEnd(45) +
        `${pct(r.falseAlarms, r.negatives)} (${r.falseAlarms}/${r.negatives})`,
    );
  return lines.join('\n');
}
