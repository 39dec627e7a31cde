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
    expect(readStageResults([join(dir, 'ok')]).stages.map((s) => [s.id, s.summary])).toEqual([
      ['secrets', 'new secrets'],
      ['trust', 'trust from artifact'],
    ]);
  });

  it.each([
    ['a file that is not JSON', 'bad/env.json', 'nope', /^not a launch-ready JSON result/],
    ['a result without that stage', 'other/env.json', stageFileFor('trust'), /^holds no "env" stage result \(version 1\)$/],
  ])('rejects %s and names it', (_case, path, text, reason) => {
    write(path, text);
    const read = readStageResults([join(dir, path.split('/')[0]!)]);
    expect(read.stages).toEqual([]);
    expect(read.rejected).toEqual([{ file: join(dir, path), reason: expect.stringMatching(reason) }]);
  });

  it('names a missing folder', () => {
    expect(readStageResults([join(dir, 'nowhere')]).missingFolders).toEqual([join(dir, 'nowhere')]);
  });

  describe('bound to the run', () => {
    const run = { repository: 'acme/shop', runId: 777, runAttempt: 2, sha: 'a'.repeat(40) };
    const stamped = (id: 'secrets' | 'trust', summary: string, stamp: Record<string, unknown> | undefined) => {
      const result = JSON.parse(stageFile(id, summary)) as Record<string, unknown>;
      return JSON.stringify(stamp ? { ...result, run: stamp } : result);
    };

    it('merges results of this run and commit (an earlier attempt too), the latest attempt winning', () => {
      write('bound/a/secrets.json', stamped('secrets', 'attempt 2', run), 1_000_000);
      write('bound/b/secrets.json', stamped('secrets', 'attempt 1', { ...run, runAttempt: 1 }));
      write('bound/c/trust.json', stamped('trust', 'attempt 1', { ...run, runAttempt: 1 }));
      const read = readStageResults([join(dir, 'bound')], run);
      expect(read.stages.map((s) => [s.id, s.summary])).toEqual([
        ['secrets', 'attempt 2'],
        ['trust', 'attempt 1'],
      ]);
      expect(read.rejected).toEqual([]);
    });

    it.each([
      ['no stamp (a file committed in the pull request)', undefined, /carries no run stamp/],
      ['another run', { ...run, runId: 776 }, /written by run 776 of acme\/shop, not this run \(777 of acme\/shop\)/],
      ['another repository', { ...run, repository: 'evil/fork' }, /written by run 777 of evil\/fork/],
      ['another commit', { ...run, sha: 'b'.repeat(40) }, /written for commit bbbbbbbbbbbb, not aaaaaaaaaaaa/],
      ['a later attempt', { ...run, runAttempt: 3 }, /attempt 3 of this run; this is attempt 2/],
    ])('rejects a result from %s and names the file', (_case, stamp, reason) => {
      const folder = `stamp-${_case.split(' ')[0]}-${String(stamp?.runId ?? 'none')}-${String(stamp?.repository ?? '').replace('/', '')}-${String(stamp?.sha ?? '').slice(0, 1)}-${String(stamp?.runAttempt ?? '')}`;
      write(`${folder}/trust.json`, stamped('trust', 'forged', stamp));
      const read = readStageResults([join(dir, folder)], run);
      expect(read.stages).toEqual([]);
      expect(read.rejected).toEqual([{ file: join(dir, folder, 'trust.json'), reason: expect.stringMatching(reason) }]);
    });
  });
});

function stageFileFor(id: 'trust'): string {
  return renderJson(gateOf([stageOf(id, [])]));
}
