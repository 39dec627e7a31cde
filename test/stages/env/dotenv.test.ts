import { describe, expect, it } from '@jest/globals';
import { parseDotenv } from '../../../src/stages/env/dotenv.js';

const values = (text: string) => Object.fromEntries(parseDotenv(text).entries.map((e) => [e.key, e.value]));

describe('dotenv parsing', () => {
  it('reads plain, exported, quoted and commented values', () => {
    expect(values('A=1\nexport B=two\nC="three # not a comment"\nD=\'single $NOT\'\nE=four # comment\nF=\n')).toEqual({
      A: '1',
      B: 'two',
      C: 'three # not a comment',
      D: 'single $NOT',
      E: 'four',
      F: '',
    });
  });

  it('reads multi-line quoted values and double-quote escapes', () => {
    const parsed = parseDotenv('KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nNEXT=ok\nESC="a\\nb"\n');
    expect(parsed.entries.map((e) => [e.key, e.line])).toEqual([
      ['KEY', 1],
      ['NEXT', 4],
      ['ESC', 5],
    ]);
    expect(parsed.entries[0]!.value).toBe('-----BEGIN KEY-----\nabc\n-----END KEY-----');
    expect(parsed.entries[2]!.value).toBe('a\nb');
  });

  it('reports malformed lines by number and keeps going', () => {
    const parsed = parseDotenv('GOOD=1\nno equals sign\nBAD KEY=x\nOPEN="never closed\nAFTER=2\n');
    expect(parsed.problems).toEqual([
      { line: 2, message: 'not KEY=VALUE (no "=")' },
      { line: 3, message: 'not KEY=VALUE (the name has characters a variable name cannot have)' },
      { line: 4, message: 'quoted value never closed (missing ")' },
    ]);
    expect(parsed.entries.map((e) => e.key)).toEqual(['GOOD', 'AFTER']);
  });

  it("never puts a line's content in a problem message", () => {
    const secret = 'sk_live_abcdefghijklmnopqrstuvwx';
    const parsed = parseDotenv(`STRIPE KEY=${secret}\nX="${secret}\n`);
    expect(JSON.stringify(parsed.problems)).not.toContain(secret.slice(0, 10));
  });
});
