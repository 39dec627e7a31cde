import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, type GateResult } from '../../src/core/result.js';
import { usePrCommentDouble } from './pr-comments.js';
import { pushEvent, readOutputs, ROOT, runnerFolder, STACK_TRACE } from './runner.js';

/**
 * A cancelled job: the runner signals `node dist/action.js` mid-run. The run's signal stops the
 * stage within its grace, and the partial gate is still written, summarised and published before
 * the step exits with the documented code (3: a stage could not finish). Run `npm run build` first.
 */
describe('root action (dist/action.js) cancelled by SIGTERM', () => {
  let dir: string;
  let server: Server;
  let requests = 0;
  const github = usePrCommentDouble();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lr-action-cancel-'));
    // A slow site: every answer takes 100 ms, so a 30 s burst is far from done when the signal comes.
    server = createServer((_req, res) => {
      requests++;
      setTimeout(() => res.end('ok'), 100);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (name: string) => {
    const folder = runnerFolder(dir, name);
    const address = server.address();
    const port = address !== null && typeof address === 'object' ? address.port : 0;
    writeFileSync(join(folder.workspace, 'launch-ready.yml'), `burst:\n  target: http://127.0.0.1:${port}\n  vus: 2\n  duration: 30s\n  pages: {home: /}\n`);
    const env = folder.env(pushEvent, github.double.url, {
      'INPUT_GITHUB-TOKEN': 'ghs_roottoken',
      INPUT_CONFIG: 'launch-ready.yml',
      INPUT_STAGES: 'burst',
      'INPUT_FAIL-ON': 'blocker',
      INPUT_COMMENT: 'false',
    });
    const child = spawn(process.execPath, [join(ROOT, 'dist/action.js')], { env, cwd: folder.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    // Bounded: a run that ignores the signal is killed after 60 s and fails the exit-code assertion.
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const exited = new Promise<number>((resolve) =>
      child.on('close', (code) => {
        clearTimeout(killer);
        resolve(code ?? -1);
      }),
    );
    return { folder, child, exited, log: () => log };
  };

  /** Wait (at most 20 s) until the burst has sent a few requests. */
  const loadStarted = async (before: number): Promise<boolean> => {
    for (let i = 0; i < 400; i++) {
      if (requests - before >= 5) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  };

  it('writes the partial result, the job summary and the outputs, then exits 3', async () => {
    const before = requests;
    const run = start('sigterm');
    expect(await loadStarted(before)).toBe(true);
    run.child.kill('SIGTERM');
    const code = await run.exited;

    const outputs = readOutputs(run.folder.output);
    expect(outputs.status).toBe('error');
    const result = JSON.parse(readFileSync(outputs.report!, 'utf8')) as GateResult;
    const burst = result.stages.find((s) => s.id === 'burst');
    expect(burst?.status).toBe('error');
    expect(burst?.summary).toContain('partial results');
    expect(burst?.errors).toEqual([expect.objectContaining({ message: 'stopped: the run was cancelled (SIGINT or SIGTERM)' })]);
    expect(code).toBe(EXIT.error);
    const summary = readFileSync(run.folder.summary, 'utf8');
    expect(summary).toContain('## launch-ready:');
    expect(summary).toContain('burst');
    expect(run.log()).toContain('a stage could not run');
    expect(run.log()).not.toMatch(STACK_TRACE);
  }, 70_000);
});
