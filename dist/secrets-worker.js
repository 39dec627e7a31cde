#!/usr/bin/env -S node --
import { createRequire as __lrCreateRequire } from 'node:module';
const require = __lrCreateRequire(import.meta.url);
import {
  loadScanPolicy,
  scanText,
  streamHistory
} from "./shared-8.js";
import "./shared-10.js";
import {
  isRecord
} from "./shared-11.js";
import "./shared-12.js";

// src/stages/secrets/history-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var share = shareOf(workerData);
function shareOf(data) {
  const strings = (value) => Array.isArray(value) && value.every((item) => typeof item === "string");
  if (isRecord(data) && typeof data.repo === "string" && typeof data.maxBlockBytes === "number" && strings(data.commits) && strings(data.refs) && strings(data.ruleIds))
    return { repo: data.repo, maxBlockBytes: data.maxBlockBytes, commits: data.commits, refs: data.refs, ruleIds: data.ruleIds };
  throw new Error("history worker: the main thread sent no share of the history");
}
var port = parentPort;
var send = (message) => port.postMessage(message);
async function run() {
  const rules = loadScanPolicy(share.repo).rules;
  const ids = rules.map((rule) => rule.id);
  if (ids.length !== share.ruleIds.length || ids.some((id, i) => id !== share.ruleIds[i])) {
    throw new Error("the rules changed while the history was scanned (.gitleaks.toml was edited); run the scan again");
  }
  const refOf = new Map(share.commits.map((commit, i) => [commit, share.refs[i] ?? ""]));
  let batch = [];
  const stats = await streamHistory({ repo: share.repo, maxBlockBytes: share.maxBlockBytes, commits: share.commits }, (block) => {
    const matches = scanText(block.text, rules, block.file);
    if (matches.length === 0) return;
    const { text: _text, ...place } = block;
    batch.push({ block: { ...place, ref: refOf.get(block.commit) ?? block.ref }, matches: matches.map((m) => ({ ...m, rule: m.rule.id })) });
    if (batch.length >= 100) {
      send({ type: "blocks", blocks: batch });
      batch = [];
    }
  });
  if (batch.length > 0) send({ type: "blocks", blocks: batch });
  send({ type: "done", stats });
}
run().then(
  () => port.close(),
  (error) => send({ type: "error", message: error instanceof Error ? error.message : String(error) })
);
