import { describe, expect, it } from '@jest/globals';
import { discoverJs } from '../../../src/stages/env/discover/js-env.js';

const names = (text: string) => discoverJs('src/a.tsx', text).uses.map((u) => u.name);

describe('env discovery: the JS/TS tokenizer keeps code and non-code apart', () => {
  it.each([
    ['a regex holding quotes', 'const q = /["\'`]/g.test(s);\nprocess.env.AFTER_REGEX;'],
    ['a regex with an escaped slash and a class holding a slash', 'if (/a\\/b[/]c/.test(s)) process.env.AFTER_REGEX;'],
    ['a regex after return', 'function f(s) { return /"/.test(s) }\nprocess.env.AFTER_REGEX;'],
    ['divisions', 'const r = a / b / c; const s = (x) / 2; const t = arr[0] / 3;\nprocess.env.AFTER_REGEX;'],
    ['a post-increment before a division', 'let i = 0; const d = i++ / 2; // "\nprocess.env.AFTER_REGEX;'],
    ['an apostrophe in JSX text (the stray string stops at the line end)', "const el = <p>Don't panic</p>;\nprocess.env.AFTER_REGEX;"],
    ['a block comment holding a quote', '/* it\'s "here */\nprocess.env.AFTER_REGEX;'],
    ['TypeScript generics and casts', 'const m = new Map<string, Array<number>>();\nconst v = (process.env.AFTER_REGEX as string);'],
  ])('after %s', (_what, text) => {
    expect(names(text)).toEqual(['AFTER_REGEX']);
  });

  it('reads through nested template literals and object literals inside substitutions', () => {
    expect(names('const s = `a ${`b ${process.env.DEEP_ONE}`} ${ {k: process.env.IN_OBJECT}.k } c`;\nprocess.env.AFTER_TEMPLATE;')).toEqual([
      'DEEP_ONE',
      'IN_OBJECT',
      'AFTER_TEMPLATE',
    ]);
  });

  it('handles a hashbang line and an unterminated comment without throwing', () => {
    expect(names('#!/usr/bin/env node\nprocess.env.FIRST;\n/* never closed process.env.NOT_READ')).toEqual(['FIRST']);
  });

  it('skips files that cannot read the environment without tokenizing them', () => {
    expect(discoverJs('a.js', 'const x = "no env reads here";')).toEqual({
      uses: [],
      declarations: [],
      dynamic: [],
      problems: [],
      envFrom: [],
      helpers: [],
      calls: [],
    });
  });
});
