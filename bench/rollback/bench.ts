// How well the drill measures a rollback: the versioned loopback app switches releases a known lag
// after the command writes its state file; the drill's rollbackSeconds/rollForwardSeconds should be
// that lag plus the command and at most one poll interval. Runs the stage in-process (the real
// services), prints measured vs. true per lag and the overhead. Run with: node bench/rollback/run.mjs
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLaunchReady } from '../../src/core/run.js';
import { rollbackStage } from '../../src/stages/rollback/index.js';
import { startVersionedApp } from '../../test/helpers/versioned-app.js';

const RUNS = Number(process.env.RUNS ?? 3);
const POLL_SECONDS = 0.1;
const LAGS_MS = [0, 500, 1000, 2000];
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`rollback drill timing on loopback: poll every ${POLL_SECONDS * 1000} ms, ${RUNS} runs per lag (median)`);
console.log('lag ms | rollbackSeconds | overhead ms | rollForwardSeconds | overhead ms | drill total s');
for (const lag of LAGS_MS) {
  const back: number[] = [];
  const forward: number[] = [];
  const total: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const app = await startVersionedApp({ release: 'v1.5.0', lagMs: lag });
    try {
      const switchTo = (variable: string) => JSON.stringify(app.switchTo(variable));
      writeFileSync(
        join(app.dir, 'launch-ready.yml'),
        `rollback:
  url: ${app.url}
  versionUrl: /version
  previousRelease: v1.4.2
  smoke: [{ path: /, contains: "Book a call" }]
  drill:
    rollbackCommand: ${switchTo('LAUNCH_READY_PREVIOUS_RELEASE')}
    rollForwardCommand: ${switchTo('LAUNCH_READY_CURRENT_RELEASE')}
    waitSeconds: 10
    pollSeconds: ${POLL_SECONDS}
`,
      );
      const outcome = await runLaunchReady(
        { command: 'rollback', stages: ['rollback'], overrides: [], format: 'json', cwd: app.dir },
        { stages: [rollbackStage], version: 'bench', env: { PATH: process.env.PATH } },
      );
      const m = outcome.result.stages[0]!.metrics as { rollbackSeconds: number; rollForwardSeconds: number; drillSeconds: number };
      back.push(m.rollbackSeconds);
      forward.push(m.rollForwardSeconds);
      total.push(m.drillSeconds);
    } finally {
      await app.close();
    }
  }
  const b = median(back);
  const f = median(forward);
  console.log(
    `${String(lag).padStart(6)} | ${b.toFixed(2).padStart(15)} | ${String(Math.round(b * 1000 - lag)).padStart(11)} | ${f.toFixed(2).padStart(18)} | ${String(Math.round(f * 1000 - lag)).padStart(11)} | ${median(total).toFixed(2)}`,
  );
}
