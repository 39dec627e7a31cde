#!/usr/bin/env -S node --
import { createRequire as __lrCreateRequire } from 'node:module';
const require = __lrCreateRequire(import.meta.url);
import {
  STAGES,
  VERSION,
  cancelOnSignals,
  commandHelpText,
  configuredHostnames,
  createStageGitHubApi,
  diagnoseUrl,
  formatInterval,
  gitHubAccessOf,
  isHttpUrl,
  layersTable,
  parseCommandLine,
  parseReadinessOptions,
  readFlags,
  readRunnerContext,
  readTargetEnvironment,
  targetEnvironmentFiles
} from "./shared-5.js";
import "./shared-9.js";
import "./shared-8.js";
import "./shared-7.js";
import {
  EXIT,
  buildConfigSchema,
  loadConfig,
  renderReport,
  runLaunchReady
} from "./shared-6.js";
import "./shared-2.js";
import {
  UsageError,
  reasonOf
} from "./shared-10.js";
import {
  errorCode,
  isRecord,
  recordsOf,
  stringOr,
  stringsOf
} from "./shared-11.js";
import "./shared-12.js";

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
    const code = errorCode(error) ?? "write failed";
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

// src/diagnose/command.ts
var FLAGS = [
  { name: "config", type: "string", valueName: "FILE", description: "launch-ready.yml to read for trust.resolvers, connectTo, ca and readiness.healthUrl" },
  { name: "format", type: "string", valueName: "FMT", description: "text|json (default: text)" },
  { name: "health-url", type: "string", valueName: "URL", description: "the health endpoint to ask (default: readiness.healthUrl)" },
  { name: "timeout", type: "string", valueName: "MS", description: "per-layer timeout in ms (default: readiness.timeoutMs, 5000)" },
  { name: "help", type: "boolean", description: "show this help" }
];
async function diagnoseCommand(args, io) {
  const { values, positional } = readFlags(args, FLAGS, "diagnose", { positional: true });
  if (values.has("help")) {
    io.stdout(
      `${commandHelpText("launch-ready diagnose URL", "is it DNS, the edge/CDN, the app or a third party?", FLAGS, ["Exit codes: 0 every layer healthy, 1 a layer fails, 2 bad input."])}
`
    );
    return 0;
  }
  if (positional.length === 0) throw new UsageError("diagnose: give the URL to diagnose; e.g. launch-ready diagnose https://app.example.com/signup");
  if (positional.length > 1) throw new UsageError(`diagnose: one URL at a time; got ${positional.length} (${positional.slice(0, 3).join(", ")})`);
  const target = positional[0];
  if (!isHttpUrl(target)) throw new UsageError(`diagnose: "${target}" is not an http(s) URL; write a full URL, e.g. https://app.example.com/signup`);
  const format = stringOr(values.get("format")) ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError(`--format: "${format}" is not a format diagnose writes; use text or json`);
  const healthFlag = stringOr(values.get("health-url"));
  if (healthFlag !== void 0 && !isHttpUrl(healthFlag))
    throw new UsageError(`--health-url: "${healthFlag}" is not an http(s) URL; e.g. --health-url https://api.example.com/healthz`);
  const timeoutFlag = stringOr(values.get("timeout"));
  const timeout = timeoutFlag === void 0 ? void 0 : Number(timeoutFlag);
  if (timeout !== void 0 && !(timeout > 0 && timeout <= 6e4))
    throw new UsageError(`--timeout: "${timeoutFlag}" is not a timeout; give milliseconds from 1 to 60000, e.g. --timeout 5000`);
  const configFile = stringOr(values.get("config"));
  const config = loadConfig({ cwd: io.cwd, stages: io.stages, version: io.version, selected: [], ...configFile !== void 0 ? { file: configFile } : {} });
  const section = config.stages.readiness ?? {};
  const healthUrl = healthFlag ?? (typeof section.healthUrl === "string" ? section.healthUrl : void 0);
  const diagnosis = await diagnoseUrl(target, {
    network: config.network,
    authoritative: stringsOf(section.authoritative),
    timeoutMs: timeout ?? (typeof section.timeoutMs === "number" ? section.timeoutMs : 5e3),
    ...healthUrl ? { healthUrl } : {},
    ...io.signal ? { signal: io.signal } : {}
  });
  io.stdout(format === "json" ? `${JSON.stringify(diagnosisJson(diagnosis, io.version), null, 2)}
` : renderText(diagnosis));
  return diagnosis.answer === "healthy" ? 0 : 1;
}
function diagnosisJson(diagnosis, version) {
  const table = layersTable(diagnosis);
  const facts = JSON.parse(JSON.stringify(diagnosis.facts, (key, value) => key === "body" ? void 0 : value));
  return {
    version: 1,
    tool: { name: "launch-ready", version },
    url: diagnosis.facts.url,
    answer: diagnosis.answer,
    sentence: diagnosis.sentence,
    layers: table.rows.map(([layer, ok, evidence]) => ({ layer, ok, evidence })),
    facts
  };
}
function renderText(diagnosis) {
  const table = layersTable(diagnosis);
  const width = Math.max(...table.rows.map((r) => String(r[0]).length));
  const mark = (ok) => ok === true ? "ok  " : ok === false ? "FAIL" : String(ok).toUpperCase().slice(0, 4).padEnd(4);
  const lines = [
    diagnosis.sentence,
    "",
    ...table.rows.map(([layer, ok, evidence]) => `  ${String(layer).padEnd(width)}  ${mark(ok)}  ${String(evidence ?? "")}`),
    ""
  ];
  return lines.join("\n");
}

// src/handover/command.ts
import { existsSync, readFileSync, writeFileSync as writeFileSync2 } from "node:fs";
import { basename, relative, resolve as resolve2 } from "node:path";

// src/handover/render.ts
var HANDOVER_MARKER = '<!-- written by launch-ready handover; edit freely, keep your own text under "## Notes" -->';
var TODO = "_TODO: fill this in_";
var cell = (text) => (text ?? "").replace(/\|/g, "\\|").replace(/\n/g, " ") || "\u2014";
function renderHandover(facts) {
  const out = [
    HANDOVER_MARKER,
    `# Handover: ${facts.project}`,
    "",
    `Written ${facts.generatedAt.toISOString().slice(0, 10)} from launch-ready.yml and the last results. Run \`launch-ready handover\` again after changing domains or monitors.`,
    ""
  ];
  out.push("## Domain map", "");
  if (facts.hostnames.length === 0) out.push(TODO, "");
  else {
    out.push("| Hostname | Points to | Certificate | Cloudflare |", "|---|---|---|---|");
    for (const h of facts.hostnames)
      out.push(`| ${cell(h.host)} | ${cell(h.pointsTo)} | ${cell(h.certificate)} | ${h.proxied === void 0 ? "\u2014" : h.proxied ? "proxied" : "DNS only"} |`);
    out.push("");
  }
  out.push("## Credentials: where they live", "", "Names only: the values stay in the secret manager.", "");
  out.push(`- Secret manager: ${facts.credentials.secretManager ?? TODO}`);
  for (const env of facts.credentials.environments) out.push(`- ${env.name}: ${env.where.join(", ")}`);
  if (facts.credentials.errorTracking) out.push(`- Error tracking DSN: \`${facts.credentials.errorTracking}\``);
  if (facts.credentials.variables.length > 0) out.push(`- Variables: ${facts.credentials.variables.map((v) => `\`${v}\``).join(", ")}`);
  out.push("");
  out.push("## Deploy", "", ...steps(facts.deploySteps), "");
  out.push("## Rollback", "", ...steps(facts.rollbackSteps));
  const drill = facts.drill;
  out.push(
    "",
    drill?.rollbackSeconds !== void 0 ? `Last drill: rollback ${drill.rollbackSeconds} s, roll forward ${drill.rollForwardSeconds ?? "?"} s${drill.previousRelease ? ` (previous release ${drill.previousRelease})` : ""}.` : "Last drill: not measured (run `launch-ready rollback`).",
    ""
  );
  out.push("## Monitors", "");
  if (facts.healthUrl) out.push(`Health endpoint: ${facts.healthUrl}`, "");
  if (facts.monitors.length === 0) out.push(TODO, "");
  else {
    out.push("| Monitor | URL | Owner | Channels | Interval |", "|---|---|---|---|---|");
    for (const m of facts.monitors)
      out.push(
        `| ${cell(m.name)} | ${cell(m.url)} | ${cell(m.owner ?? facts.defaultOwner)} | ${cell(m.channels.map((c) => c.label).join(", "))} | ${formatInterval(m.intervalSeconds)} |`
      );
    out.push("");
  }
  out.push("## Emergency contacts", "", ...facts.contacts.length > 0 ? facts.contacts.map((c) => `- ${c}`) : [TODO], "");
  out.push("## Notes", "", facts.notes?.trim() || "_Your own notes: kept when this file is written again._", "");
  return out.join("\n");
}
function steps(list) {
  return list.length > 0 ? list.map((s, i) => `${i + 1}. ${s}`) : [TODO];
}
function notesOf(previous) {
  if (!previous) return void 0;
  const match = /^##\s+Notes\s*$/m.exec(previous);
  if (!match) return void 0;
  const rest = previous.slice(match.index + match[0].length);
  const next = /^##\s+/m.exec(rest);
  const text = (next ? rest.slice(0, next.index) : rest).trim();
  return text.startsWith("_Your own notes") ? void 0 : text;
}

// src/handover/command.ts
var FLAGS2 = [
  { name: "config", type: "string", valueName: "FILE", description: "launch-ready.yml to read (default: ./launch-ready.yml if present)" },
  { name: "output", type: "string", valueName: "FILE", description: "where to write (default: readiness.handover, HANDOVER.md)" },
  {
    name: "results",
    type: "string",
    multiple: true,
    valueName: "FILE",
    description: "a result JSON (launch-ready check --format json) for the domain map and drill time; repeatable"
  },
  { name: "force", type: "boolean", description: "replace a HANDOVER.md that launch-ready did not write" },
  { name: "help", type: "boolean", description: "show this help" }
];
function handoverCommand(args, io) {
  const { values } = readFlags(args, FLAGS2, "handover");
  if (values.has("help")) {
    io.stdout(
      `${commandHelpText("launch-ready handover", "write HANDOVER.md from the config and the last results", FLAGS2, ['Own text under "## Notes" is kept when the file is written again.'])}
`
    );
    return 0;
  }
  const configFile = stringOr(values.get("config"));
  const config = loadConfig({
    cwd: io.cwd,
    stages: io.stages,
    version: io.version,
    selected: ["readiness"],
    ...configFile !== void 0 ? { file: configFile } : {}
  });
  const options = parseReadinessOptions(config.stages.readiness, config.baseDir);
  const output = resolve2(values.has("output") ? io.cwd : config.baseDir, stringOr(values.get("output")) ?? options.handover);
  const previous = existsSync(output) ? readFileSync(output, "utf8") : void 0;
  if (previous !== void 0 && !previous.startsWith(HANDOVER_MARKER.slice(0, 40)) && !values.has("force")) {
    throw new UsageError(
      `${relative(io.cwd, output) || output}: exists and was not written by launch-ready handover; pass --force to replace it (move your own text under "## Notes" first: it is kept)`
    );
  }
  const results = readResults(values.has("results") ? stringsOf(values.get("results")) : defaultResults(io.env), io.cwd);
  const facts = handoverFacts(config, options, results, io.now ?? /* @__PURE__ */ new Date());
  const notes = notesOf(previous);
  if (notes) facts.notes = notes;
  const text = renderHandover(facts);
  writeFileSync2(output, text);
  const todo = (text.match(/_TODO: fill this in_/g) ?? []).length;
  io.stdout(`launch-ready handover: wrote ${relative(io.cwd, output) || output}${todo > 0 ? ` (${todo} section(s) marked TODO to fill in)` : ""}
`);
  return 0;
}
function mappedHostsOf(domainMap) {
  return recordsOf(domainMap).flatMap((row) => {
    const host = stringOr(row.host);
    if (host === void 0) return [];
    const out = { host, pointsTo: stringsOf(recordsOf(row.records).map((r) => r.value)) };
    if (typeof row.proxied === "boolean") out.proxied = row.proxied;
    const certificate = isRecord(row.certificate) ? row.certificate : {};
    const issuer = stringOr(certificate.issuer);
    const notAfter = stringOr(certificate.notAfter);
    if (issuer !== void 0 && notAfter !== void 0) out.certificate = { issuer, notAfter };
    return [out];
  });
}
function handoverFacts(config, options, metrics, now) {
  const map = mappedHostsOf(metrics.get("trust")?.domainMap);
  const hostnames = configuredHostnames(options, { criticalPaths: config.criticalPaths, trust: config.stages.trust }).map((host) => {
    const row = map.find((r) => r.host === host);
    const entry = { host };
    if (row?.pointsTo.length) entry.pointsTo = row.pointsTo.join(", ");
    if (row?.certificate) entry.certificate = `${row.certificate.issuer}, expires ${row.certificate.notAfter.slice(0, 10)}`;
    if (row?.proxied !== void 0) entry.proxied = row.proxied;
    return entry;
  });
  for (const row of map) if (!hostnames.some((h) => h.host === row.host)) hostnames.push({ host: row.host });
  const rollback = metrics.get("rollback") ?? {};
  const facts = {
    project: basename(config.baseDir),
    generatedAt: now,
    hostnames,
    credentials: credentialsOf(config, options),
    deploySteps: options.deploySteps,
    rollbackSteps: options.rollbackSteps,
    monitors: options.monitors,
    contacts: options.contacts
  };
  if (typeof rollback.rollbackSeconds === "number") {
    facts.drill = { rollbackSeconds: rollback.rollbackSeconds };
    if (typeof rollback.rollForwardSeconds === "number") facts.drill.rollForwardSeconds = rollback.rollForwardSeconds;
    if (typeof rollback.previousRelease === "string") facts.drill.previousRelease = rollback.previousRelease;
  }
  if (options.owner) facts.defaultOwner = options.owner;
  if (options.healthUrl) facts.healthUrl = options.healthUrl;
  return facts;
}
function credentialsOf(config, options) {
  const env = config.stages.env ?? {};
  const environments = Object.entries(isRecord(env.environments) ? env.environments : {}).map(([name, value]) => {
    const e = isRecord(value) ? value : {};
    const from = Array.isArray(e.from) ? stringsOf(e.from) : typeof e.from === "string" && e.from ? [e.from] : [];
    const githubEnvironment = stringOr(e.githubEnvironment) ?? name;
    const where = [
      ...stringsOf(e.files).map((f) => `dotenv file ${f}`),
      ...from.map((f) => f === "github" ? `GitHub environment "${githubEnvironment}" secrets and variables` : "the deploy job's environment")
    ];
    return { name, where: where.length > 0 ? where : ["not described in launch-ready.yml"] };
  });
  const credentials = { environments, variables: [] };
  if (options.secretManager) credentials.secretManager = options.secretManager;
  if (options.errorTracking?.variable) credentials.errorTracking = options.errorTracking.variable;
  const files = targetEnvironmentFiles(options.envFiles, env);
  if (files.length > 0) {
    try {
      credentials.variables = [...readTargetEnvironment(files, config.baseDir, {}).variables.keys()].sort();
    } catch {
    }
  }
  return credentials;
}
function defaultResults(env) {
  const dir = env.RUNNER_TEMP ? resolve2(env.RUNNER_TEMP, "launch-ready") : void 0;
  if (!dir || !existsSync(dir)) return [];
  return ["trust", "rollback", "burst"].map((id) => resolve2(dir, `${id}.json`)).filter((f) => existsSync(f));
}
function readResults(files, cwd) {
  const out = /* @__PURE__ */ new Map();
  for (const file of files) {
    let data;
    try {
      data = JSON.parse(readFileSync(resolve2(cwd, file), "utf8"));
    } catch (error) {
      throw new UsageError(
        `--results: ${file}: ${errorCode(error) === "ENOENT" ? "no such file" : "not a result JSON"}; write one with launch-ready check --format json --output FILE`
      );
    }
    const record = isRecord(data) ? data : {};
    const stages = Array.isArray(record.stages) ? recordsOf(record.stages) : record.id ? [record] : [];
    for (const stage of stages) {
      const id = stringOr(stage.id);
      if (id !== void 0) out.set(id, isRecord(stage.metrics) ? stage.metrics : {});
    }
  }
  return out;
}

// src/cli.ts
async function main(argv) {
  const io = { cwd: process.cwd(), stages: STAGES, version: VERSION, stdout: (text) => void process.stdout.write(text) };
  if (argv[0] === "diagnose") return diagnoseCommand(argv.slice(1), io);
  if (argv[0] === "handover") return handoverCommand(argv.slice(1), { ...io, env: process.env });
  const parsed = parseCommandLine(argv, STAGES, process.cwd());
  if (parsed.kind === "help") return print(`${parsed.text}
`, EXIT.pass);
  if (parsed.kind === "version") return print(`${VERSION}
`, EXIT.pass);
  if (parsed.kind === "schema") return print(`${JSON.stringify(buildConfigSchema(STAGES, VERSION), null, 2)}
`, EXIT.pass);
  const { request } = parsed;
  const signal = cancelOnSignals();
  if (request.command === "demo") {
    const { runDemo } = await import("./shared-4.js");
    const color2 = process.stdout.isTTY === true && !process.env.NO_COLOR;
    return runDemo({ request, stages: STAGES, version: VERSION, signal, color: color2, write: (text) => process.stdout.write(text) });
  }
  const progress = terminalProgress(process.stderr);
  const github = gitHubAccessOf(readRunnerContext(process.env, tmpdir()), process.env.GH_TOKEN || process.env.GITHUB_TOKEN);
  const outcome = await runLaunchReady(request, {
    stages: STAGES,
    version: VERSION,
    env: process.env,
    progress: progress.report,
    signal,
    ...github ? { githubApi: createStageGitHubApi(github) } : {}
  });
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
