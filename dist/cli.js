#!/usr/bin/env -S node --
import { createRequire as __lrCreateRequire } from 'node:module';
const require = __lrCreateRequire(import.meta.url);
import {
  EXIT,
  STAGES,
  UsageError,
  VERSION,
  buildConfigSchema,
  gitHubAccessOf,
  parseCommandLine,
  readRunnerContext,
  reasonOf,
  renderReport,
  runLaunchReady
} from "./shared-1.js";

// src/cli.ts
import { tmpdir } from "node:os";

// src/report/output.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
function writeReportFile(cwd, file, report) {
  const path = resolve(cwd, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, report);
  } catch (error) {
    const code = error.code ?? "write failed";
    throw new UsageError(`--output: cannot write ${file} (${code}); give a writable file path`);
  }
}

// src/report/progress.ts
function terminalProgress(stream, afterMs = 2e3) {
  const started = Date.now();
  const last = /* @__PURE__ */ new Map();
  let shown = false;
  return {
    report: (stage, message) => {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - started < afterMs || now - (last.get(stage) ?? 0) < 500) return;
      last.set(stage, now);
      shown = true;
      stream.write(`\r\x1B[2K[${stage}] ${message}`.slice(0, (stream.columns ?? 100) + 8));
    },
    clear: () => {
      if (shown) stream.write("\r\x1B[2K");
      shown = false;
    }
  };
}

// src/cli.ts
async function main(argv) {
  const parsed = parseCommandLine(argv, STAGES, process.cwd());
  if (parsed.kind === "help") return print(`${parsed.text}
`, EXIT.pass);
  if (parsed.kind === "version") return print(`${VERSION}
`, EXIT.pass);
  if (parsed.kind === "schema") return print(`${JSON.stringify(buildConfigSchema(STAGES, VERSION), null, 2)}
`, EXIT.pass);
  const { request } = parsed;
  if (request.command === "demo") {
    const unbuilt = STAGES.filter((s) => !s.built).map((s) => s.id);
    process.stderr.write(`launch-ready demo: the built-in demo launch is not built yet, so this checks the current folder with its launch-ready.yml${unbuilt.length > 0 ? `; not built yet: ${unbuilt.join(", ")}` : ""}
`);
  }
  const controller = new AbortController();
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
    process.once(signal, () => {
      controller.abort();
      process.once(signal, () => process.exit(code));
    });
  }
  const progress = terminalProgress(process.stderr);
  const github = gitHubAccessOf(readRunnerContext(process.env, tmpdir()), process.env.GH_TOKEN || process.env.GITHUB_TOKEN);
  const outcome = await runLaunchReady(request, { stages: STAGES, version: VERSION, env: process.env, progress: progress.report, signal: controller.signal, ...github ? { github } : {} });
  progress.clear();
  const color = !request.output && request.format === "text" && process.stdout.isTTY && !process.env.NO_COLOR;
  const report = renderReport(outcome.result, request.format, { secrets: outcome.secrets, color });
  if (request.output) {
    writeReportFile(request.cwd, request.output, report);
    if (request.format !== "text") process.stdout.write(renderReport(outcome.result, "text", { secrets: outcome.secrets }));
  } else {
    process.stdout.write(report);
  }
  return outcome.exitCode;
}
function print(text, code) {
  process.stdout.write(text);
  return code;
}
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    process.stdout.write("", () => process.exit(code));
  },
  (error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`launch-ready: ${error.message}
`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`launch-ready: internal error: ${reasonOf(error)}
`);
      process.exitCode = EXIT.error;
    }
  }
);
