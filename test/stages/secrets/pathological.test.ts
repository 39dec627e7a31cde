import { describe, expect, it } from '@jest/globals';
import { DEFAULT_RULES } from '../../../src/stages/secrets/rules/index.js';
import { scanText } from '../../../src/stages/secrets/scan.js';

const MB = 1024 * 1024;

/** Inputs crafted to make a backtracking regex explode: long runs, repeated prefixes, unclosed quotes. */
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

/** Prefixes of the rules' formats, repeated back to back so each is a possible match start. */
const SEEDS = ['eyJ', 'eyJa.eyJb.', 'sk-', 'sk-proj-T3BlbkFJ', 'AKIA', 'SG.', 'xoxb-1-', 'xoxp-1', '-----BEGIN PRIVATE KEY-----', `-----BEGIN PRIVATE KEY-----${' '.repeat(19000)}-----END`, 'postgres://a:', 'postgres://a:b', 'NEXT_PUBLIC_', 'Authorization: Bearer ', 'AIza', 'v1.0-', 'dp.pt.', 're_', 'SK', 'hooks.slack.com/services/', 'M', '1234567890:AA', 'ghp_', 'github_pat_', 'glpat-', 'sk_live_', 'whsec_', 'key-', '0123456789abcdef'];

function pathologicalInputs(keyword: string): [string, string][] {
  return [
    ...SEEDS.map((seed): [string, string] => [`${seed} repeated`, `${keyword} ${fill(seed)}`]),
    ['one 1 MB run of letters', fill('a')],
    ['the keyword repeated', fill(keyword)],
    ['keyword= repeated', fill(`${keyword}=`)],
    ['keyword followed by a long token run', keyword + fill('A1b2')],
    ['quoted keyword assignments without a closing quote', fill(`"${keyword}": "`)],
    ['minified code on one line', fill(`var ${keyword}_x="${keyword}A1",b=function(){return "${keyword}"};`)],
    ['whitespace runs', fill(`${keyword}     =      `)],
  ];
}

describe('no rule backtracks catastrophically', () => {
  it.each(DEFAULT_RULES.map((rule) => [rule.id, rule] as const))('%s scans 1 MB of hostile input fast', (_id, rule) => {
    const keyword = rule.keywords[0] ?? 'key';
    for (const [what, text] of pathologicalInputs(keyword)) {
      const started = performance.now();
      scanText(text, [rule]);
      const ms = performance.now() - started;
      // "Well under a second": a generous bound so a busy shared machine does not flake.
      expect({ what, ms: ms < 300 ? 'fast' : `${Math.round(ms)} ms` }).toEqual({ what, ms: 'fast' });
    }
  });

  it('scans a 1 MB single-line bundle with every rule in well under a second', () => {
    const line = 'function n(e){return e&&e.__esModule?e:{default:e}}var t="abc",r=Object.assign;'.repeat(13000);
    const started = performance.now();
    scanText(line, DEFAULT_RULES);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
