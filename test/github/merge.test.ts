import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStageResults } from '../../src/github/merge.js';
import { renderJson } from '../../src/report/json.js';
import { gateOf, stageOf } from '../report/fixtures.js';

describe('reading stage results for the report action', () => {
  let dir: string;
  const write = (path: string, text: string, mtime?: number) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    if (mtime) utimesSync(join(dir, path), mtime, mtime);
  };
  const stageFile = (id: 'secrets' | 'trust', summary: string) => renderJson(gateOf([stageOf(id, [], { summary })]));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lr-merge-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads <stage>.json at any depth in stage order; the newest copy of a stage wins; result.json is not a stage', () => {
    write('ok/artifact-trust/trust.json', stageFile('trust', 'trust from artifact'));
    write('ok/old/secrets.json', stageFile('secrets', 'old secrets'), 1_000_000);
    write('ok/new/secrets.json', stageFile('secrets', 'new secrets'));
    write('ok/result.json', '{"not":"a stage"}');
    expect(readStageResults([join(dir, 'ok')]).map((s) => [s.id, s.summary])).toEqual([['secrets', 'new secrets'], ['trust', 'trust from artifact']]);
  });

  it.each([
    ['a file that is not JSON', 'bad/env.json', 'nope', /bad\/env\.json: not a launch-ready JSON result .*; re-run the stage action/],
    ['a result without that stage', 'other/env.json', stageFileFor('trust'), /other\/env\.json: holds no "env" stage result \(version 1\); re-run the env stage action/],
  ])('names %s and the fix', (_case, path, text, message) => {
    write(path, text);
    expect(() => readStageResults([join(dir, path.split('/')[0]!)])).toThrow(message);
  });

  it('names a missing folder', () => {
    expect(() => readStageResults([join(dir, 'nowhere')])).toThrow(/--from .*nowhere: no such folder; point it at the folder the stage results were downloaded to/);
  });
});

function stageFileFor(id: 'trust'): string {
  return renderJson(gateOf([stageOf(id, [])]));
}
