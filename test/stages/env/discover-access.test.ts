import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverFile } from '../../../src/stages/env/discover/index.js';

const root = fileURLToPath(new URL('../../fixtures/env/access/', import.meta.url));

/** Each fixture states what it must yield: `expect: NAME:required NAME:optional` (or `none`) and `dynamic: N`. */
function expectationsOf(text: string): { names: Map<string, string>; dynamic: number } {
  const names = new Map<string, string>();
  const list = /expect: (.*)/.exec(text)?.[1]?.trim() ?? 'none';
  if (list !== 'none') for (const item of list.split(/\s+/)) names.set(item.split(':')[0]!, item.split(':')[1]!);
  return { names, dynamic: Number(/dynamic: (\d+)/.exec(text)?.[1] ?? 0) };
}

function found(path: string, text: string): { names: Map<string, string>; dynamic: number } {
  const discovery = discoverFile(path, text);
  const names = new Map<string, string>();
  for (const use of discovery.uses) {
    const before = names.get(use.name);
    names.set(use.name, before === 'required' || !use.optional ? 'required' : 'optional');
  }
  return { names, dynamic: discovery.dynamic.length };
}

describe.each(['ok', 'ng'])('env discovery: %s access forms', (kind) => {
  const files = readdirSync(join(root, kind));
  it.each(files)('%s', (name) => {
    const text = readFileSync(join(root, kind, name), 'utf8');
    const want = expectationsOf(text);
    const got = found(`src/${name}`, text);
    expect(Object.fromEntries(got.names)).toEqual(Object.fromEntries(want.names));
    expect(got.dynamic).toBe(want.dynamic);
  });
});

describe('env discovery: where a variable is used', () => {
  it('records the file and line of each use', () => {
    const uses = discoverFile('src/server.ts', 'const a = 1;\n\nconst db = process.env.DATABASE_URL;\n').uses;
    expect(uses).toEqual([
      { name: 'DATABASE_URL', file: 'src/server.ts', line: 3, kind: 'js', optional: false, why: 'process.env.DATABASE_URL with no fallback' },
    ]);
  });

  it('counts lines inside multi-line comments, strings and templates', () => {
    const text = '/*\n\n*/\nconst t = `a\nb ${process.env.IN_TEMPLATE}\n`;\nconst s = "x\\\ny";\nprocess.env.AFTER;\n';
    const lines = discoverFile('a.js', text).uses.map((u) => `${u.name}:${u.line}`);
    expect(lines).toEqual(['IN_TEMPLATE:5', 'AFTER:9']);
  });
});
