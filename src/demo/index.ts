/**
 * `launch-ready demo`: bring up the demo launch on loopback, run the whole gate against it, print
 * the terminal report and write every other format into `./launch-ready-demo/`. Exit 0 when the demo
 * ran and the gate saw what it should (every planted fault; with `--fixed`, a pass), else 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runLaunchReady } from '../core/run.js';
import type { RunRequest } from '../core/request.js';
import type { StageDefinition } from '../core/stage.js';
import { renderReport } from '../report/index.js';
import { renderMarkdown } from '../report/markdown.js';
import { expectationsMet } from './expectations.js';
import { startDemoLaunch } from './launch.js';

export interface DemoOptions {
  request: RunRequest;
  stages: readonly StageDefinition<unknown>[];
  version: string;
  signal: AbortSignal;
  write: (text: string) => void;
  color: boolean;
}

/** Where the demo writes its reports, relative to the current folder. */
export const DEMO_OUTPUT_DIR = 'launch-ready-demo';

/** Run the demo; returns the process exit code. */
export async function runDemo(options: DemoOptions): Promise<number> {
  const fixed = options.request.fixed === true;
  const launch = await startDemoLaunch(fixed);
  try {
    options.write(
      `launch-ready demo${fixed ? ' --fixed' : ''}: a booking app's launch on loopback (DNS, TLS, HTTPS, a git repository, dotenv files); running every stage…\n\n`,
    );
    const request: RunRequest = { command: 'check', overrides: [], format: 'text', cwd: launch.dir, configFile: launch.configFile };
    const outcome = await runLaunchReady(request, { stages: options.stages, version: options.version, env: {}, signal: options.signal });
    const render = (format: RunRequest['format']) =>
      renderReport(outcome.result, format, { secrets: outcome.secrets, color: format === 'text' && options.color });
    // The terminal gets the chosen format (text by default); the folder gets every format.
    options.write(render(options.request.format));
    const outDir = resolve(options.request.cwd, DEMO_OUTPUT_DIR);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'comment.md'), outcome.secrets.scrub(renderMarkdown(outcome.result, { escapeMentions: true })));
    writeFileSync(join(outDir, 'result.json'), render('json'));
    writeFileSync(join(outDir, 'result.sarif'), render('sarif'));
    writeFileSync(join(outDir, 'report.html'), render('html'));
    const verdict = expectationsMet(outcome.result, fixed);
    options.write(`\nReports: ${DEMO_OUTPUT_DIR}/comment.md (the PR comment), result.json, result.sarif, report.html\n`);
    if (verdict.missing.length === 0) {
      options.write(
        fixed
          ? 'demo: with every fault repaired, the gate passes.\n'
          : `demo: the gate found every planted fault (${verdict.found.length}): ${verdict.found.join('; ')}.\n`,
      );
      return 0;
    }
    options.write(`demo: the gate did not see what the demo planted: ${verdict.missing.join('; ')}\n`);
    return 1;
  } finally {
    await launch.close();
  }
}
