import { parentPort, workerData } from 'node:worker_threads';
import { isRecord } from '../../core/guards.js';
import { LoadLoop } from './engine.js';
import { poolFactory, type WorkerInput, type WorkerMessage } from './threads.js';

// One worker thread runs one share of the load; the coordinator merges its windows exactly.
/** What `runLoops` hands each thread: a plan and the network settings. */
function isWorkerInput(data: unknown): data is WorkerInput {
  return isRecord(data) && isRecord(data.plan) && isRecord(data.network);
}

const data: unknown = workerData;
if (!isWorkerInput(data)) throw new Error('the burst worker thread started without its load plan; start it through the burst stage, not directly');
const input = data;
const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);
const loop = new LoadLoop(input.plan, { createPool: poolFactory(input.network), onWindow: (window) => send({ type: 'window', window }) });
let run: (startAt: number) => void = () => undefined;
const starting = new Promise<number>((resolve) => (run = resolve));
port.on('message', (message: { type: string; startAt?: number }) => {
  if (message.type === 'stop') loop.stop();
  if (message.type === 'start') run(message.startAt ?? Date.now());
});
send({ type: 'ready' });
starting
  .then((startAt) => loop.run(startAt))
  .then(
    () => {
      send({ type: 'done' });
      port.close();
    },
    (error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
