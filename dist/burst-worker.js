#!/usr/bin/env -S node --
import { createRequire as __lrCreateRequire } from 'node:module';
const require = __lrCreateRequire(import.meta.url);
import {
  LoadLoop,
  poolFactory
} from "./shared-9.js";
import "./shared-2.js";
import {
  isRecord
} from "./shared-11.js";
import "./shared-12.js";

// src/stages/burst/worker.ts
import { parentPort, workerData } from "node:worker_threads";
function isWorkerInput(data2) {
  return isRecord(data2) && isRecord(data2.plan) && isRecord(data2.network);
}
var data = workerData;
if (!isWorkerInput(data)) throw new Error("the burst worker thread started without its load plan; start it through the burst stage, not directly");
var input = data;
var port = parentPort;
var send = (message) => port.postMessage(message);
var loop = new LoadLoop(input.plan, { createPool: poolFactory(input.network), onWindow: (window) => send({ type: "window", window }) });
var run = () => void 0;
var starting = new Promise((resolve) => run = resolve);
port.on("message", (message) => {
  if (message.type === "stop") loop.stop();
  if (message.type === "start") run(message.startAt ?? Date.now());
});
send({ type: "ready" });
starting.then((startAt) => loop.run(startAt)).then(
  () => {
    send({ type: "done" });
    port.close();
  },
  (error) => send({ type: "error", message: error instanceof Error ? error.message : String(error) })
);
