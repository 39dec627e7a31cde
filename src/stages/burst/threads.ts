import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WindowSnapshot } from '../../core/burst/window.js';
import type { HttpPool } from '../../core/services.js';
import type { NetworkOptions } from '../../core/stage.js';
import { LoadLoop, type LoopPlan } from './engine.js';
import { createHttpClient } from '../../core/http.js';

/** What a worker thread gets: its plan and the network knobs (a context cannot cross threads). */
export interface WorkerInput {
  plan: LoopPlan;
  network: NetworkOptions;
}

/** Messages from a worker thread. */
export type WorkerMessage = { type: 'ready' } | { type: 'window'; window: WindowSnapshot } | { type: 'done' } | { type: 'error'; message: string };

/** Running load loops: stop them, and wait for them to end. */
export interface RunningLoops {
  /** When the loops start on schedule (ms since the epoch): once every thread is ready. */
  started: Promise<number>;
  done: Promise<void>;
  stop(): void;
  threads: number;
}

/**
 * The pool a load loop uses for one origin when it has no stage context (a worker thread): core's
 * client built from the plain network options, so connectTo, resolvers and ca apply there too.
 */
export function poolFactory(network: NetworkOptions): (origin: string, connections: number) => HttpPool {
  const client = createHttpClient(network);
  return (origin, connections) => client.pool(origin, { connections });
}

/** The bundled worker entry (`dist/burst-worker.js`), next to this module in the bundle. */
function workerScript(): URL | undefined {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../../dist/burst-worker.js', here) : new URL('./burst-worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Start one load loop per plan: in this thread when there is one, else one worker thread each
 * (their windows are merged exactly by the caller's aggregate).
 */
export function startLoops(plans: LoopPlan[], network: NetworkOptions, onWindow: (w: WindowSnapshot) => void, createPool = poolFactory(network)): RunningLoops {
  const script = plans.length > 1 ? workerScript() : undefined;
  if (!script) {
    const loops = plans.map((plan) => new LoadLoop(plan, { createPool, onWindow }));
    return {
      started: Promise.resolve(plans[0]!.startAt),
      done: Promise.all(loops.map((l) => l.run())).then(() => undefined),
      stop: () => loops.forEach((l) => l.stop()),
      threads: 1,
    };
  }
  const workers = plans.map((plan) => new Worker(script, { workerData: { plan, network } satisfies WorkerInput }));
  // A thread takes a moment to load: the schedule starts once all are ready, so none starts behind.
  let ready = 0;
  let start: (at: number) => void = () => undefined;
  const started = new Promise<number>((resolve) => (start = resolve));
  const onReady = () => {
    if (++ready < workers.length) return;
    const at = Date.now() + 50;
    for (const w of workers) w.postMessage({ type: 'start', startAt: at });
    start(at);
  };
  const done = Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let settled = false;
          worker.on('message', (message: WorkerMessage) => {
            if (message.type === 'ready') onReady();
            else if (message.type === 'window') onWindow(message.window);
            else if (message.type === 'done') {
              settled = true;
              resolve();
            } else {
              settled = true;
              reject(new Error(`a load thread failed: ${message.message}`));
            }
          });
          worker.on('error', (error) => {
            settled = true;
            reject(error);
          });
          worker.on('exit', (code) => {
            if (!settled) (code === 0 ? resolve : () => reject(new Error(`a load thread exited with code ${code}`)))();
          });
        }),
    ),
  ).then(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  });
  done.catch(() => start(Date.now()));
  return { started, done, stop: () => workers.forEach((w) => w.postMessage({ type: 'stop' })), threads: workers.length };
}
