import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FORMATS } from '../../../src/core/request.js';
import type { RunOutcome } from '../../../src/core/run.js';
import { renderReport } from '../../../src/report/index.js';
import { runSecretsCommand, TempRepo } from './helpers.js';
import { DEFAULT_RULES } from '../../../src/stages/secrets/rules/index.js';
import { alarmsOf, formatPeerTable, peerCases, peerTable } from './peer-corpus.js';

/**
 * The peers' own published test cases (gitleaks, trufflehog, secretlint; see
 * test/fixtures/secrets/peers/README.md): launch-ready must find what they find and stay quiet where
 * they stay quiet, on the credential types it claims.
 */
describe("recall and false alarms on the peers' test cases", () => {
  const cases = peerCases();
  const { rows, misses, alarms } = peerTable(cases);
  const all = rows[rows.length - 1]!;

  it('prints the table per provider', () => {
    console.log(
      `${formatPeerTable(rows)}\n\nmissed:\n${misses.map((m) => `  ${m.source}`).join('\n')}\n\nfalse alarms:\n${alarms.map((m) => `  ${m.source}`).join('\n')}`,
    );
    expect(all.positives).toBeGreaterThan(1500);
    expect(all.negatives).toBeGreaterThan(250);
    expect(rows.length).toBeGreaterThan(30);
  });

  it('finds at least 97% of the should-detect cases', () => {
    expect(all.found / all.positives).toBeGreaterThanOrEqual(0.97);
  });

  it('flags at most 3% of the should-not cases', () => {
    expect(all.falseAlarms / all.negatives).toBeLessThanOrEqual(0.03);
  });

  it('the table can fail: with only the generic rule, recall drops below the bar (negative control)', () => {
    const generic = DEFAULT_RULES.filter((r) => r.id === 'generic-api-key');
    const { rows: genericRows } = peerTable(cases, generic);
    const total = genericRows[genericRows.length - 1]!;
    expect(total.found / total.positives).toBeLessThan(0.97);
    expect(misses.length + all.found).toBe(all.positives);
  });
});

describe('no output format prints a whole peer test value', () => {
  const repo = new TempRepo();
  const positives = peerCases().filter((c) => c.expect === 'secret');
  const values = new Set<string>();
  let outcome: RunOutcome;

  beforeAll(async () => {
    positives.forEach((c, i) => {
      repo.write(`cases/${c.peer}/${String(i).padStart(4, '0')}.txt`, c.text);
      for (const match of alarmsOf(c)) if (match.secret.length >= 8) values.add(match.secret);
    });
    repo.commit('peer cases');
    outcome = await runSecretsCommand(repo.dir);
  }, 120_000);
  afterAll(() => repo.remove());

  it('found the planted values (so the check below means something)', () => {
    expect(values.size).toBeGreaterThan(300);
    expect(outcome.result.stages[0]!.findings.length).toBeGreaterThan(300);
  });

  it.each(FORMATS.map((f) => [f]))('%s output holds none of them', (format) => {
    const text = renderReport(outcome.result, format, { secrets: outcome.secrets });
    const leaked = [...values].filter((v) => text.includes(v) || text.includes(JSON.stringify(v).slice(1, -1)));
    expect(leaked.map((v) => `${v.slice(0, 6)}…(${v.length})`)).toEqual([]);
  });
});
