#!/usr/bin/env -S node --
import { createRequire as __lrCreateRequire } from 'node:module';
const require = __lrCreateRequire(import.meta.url);
import {
  createHttpClient,
  errorMessage
} from "./shared-2.js";
import {
  isOneOf,
  isRecord,
  read,
  stringsOf
} from "./shared-11.js";

// src/core/burst/latency.ts
import { createRequire } from "node:module";
function isHdrModule(value) {
  return isRecord(value) && typeof value.build === "function" && typeof value.encodeIntoCompressedBase64 === "function" && typeof value.decodeFromCompressedBase64 === "function";
}
var loaded = createRequire(import.meta.url)("hdr-histogram-js");
if (!isHdrModule(loaded)) throw new Error("hdr-histogram-js did not load (no build/encode/decode); reinstall the dependencies with npm ci");
var hdr = loaded;
var HIGHEST_US = 36e8;
var LatencyHistogram = class _LatencyHistogram {
  hdr;
  constructor(from) {
    this.hdr = from ?? hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3, autoResize: false });
  }
  /** Record one latency in milliseconds (fractions kept to the microsecond). */
  recordMs(ms) {
    const us = Math.min(HIGHEST_US, Math.max(1, Math.round(ms * 1e3)));
    this.hdr.recordValue(us);
  }
  get count() {
    return this.hdr.totalCount;
  }
  /** Add every count of `other` into this one (exact). */
  add(other) {
    if (other.count > 0) this.hdr.add(other.hdr);
  }
  /** Latency in ms at a percentile (0-100); 0 when empty. */
  percentileMs(percentile) {
    if (this.count === 0) return 0;
    return toMs(this.hdr.getValueAtPercentile(percentile));
  }
  summary() {
    if (this.count === 0) return { min: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, avg: 0 };
    return {
      min: toMs(this.hdr.minNonZeroValue),
      p50: this.percentileMs(50),
      p90: this.percentileMs(90),
      p95: this.percentileMs(95),
      p99: this.percentileMs(99),
      max: toMs(this.hdr.maxValue),
      avg: toMs(this.hdr.mean)
    };
  }
  /** Compact text form (HdrHistogram's compressed base64) for results, shards and thread messages. */
  encode() {
    return hdr.encodeIntoCompressedBase64(this.hdr);
  }
  /** Read an {@link encode}d histogram; throws on text that is not one. */
  static decode(text) {
    return new _LatencyHistogram(hdr.decodeFromCompressedBase64(text, 32, false));
  }
  /** Merge encoded histograms exactly into one. */
  static mergeEncoded(texts) {
    const out = new _LatencyHistogram();
    for (const text of texts) out.add(_LatencyHistogram.decode(text));
    return out;
  }
};
function toMs(us) {
  return Math.round(us) / 1e3;
}

// src/core/burst/window.ts
var zero = () => ({ requests: 0, failed: 0, checksPassed: 0, checksFailed: 0 });
var WindowRecorder = class {
  counts = zero();
  hist = new LatencyHistogram();
  lagHist = new LatencyHistogram();
  routes = /* @__PURE__ */ new Map();
  scenarios = /* @__PURE__ */ new Map();
  errors = {};
  status = {};
  iterations = 0;
  dropped = 0;
  bytes = 0;
  record(r) {
    add(this.counts, r);
    this.hist.recordMs(r.latencyMs);
    this.bytes += r.bytes;
    let route = this.routes.get(r.route);
    if (!route) {
      route = { ...zero(), name: r.route, method: r.method, url: r.url, hist: new LatencyHistogram() };
      if (r.criticalPath) route.criticalPath = r.criticalPath;
      this.routes.set(r.route, route);
    }
    add(route, r);
    route.hist.recordMs(r.latencyMs);
    const scenario = this.scenario(r.scenario);
    add(scenario, r);
    scenario.hist.recordMs(r.latencyMs);
    if (r.error) this.errors[r.error] = (this.errors[r.error] ?? 0) + 1;
    if (r.status !== void 0) this.status[r.status] = (this.status[r.status] ?? 0) + 1;
  }
  /** A check that failed without a request (a capture that found nothing). */
  recordCheck(scenario, passed) {
    const s = this.scenario(scenario);
    if (passed) {
      this.counts.checksPassed++;
      s.checksPassed++;
    } else {
      this.counts.checksFailed++;
      s.checksFailed++;
    }
  }
  iterationDone(scenario) {
    this.iterations++;
    this.scenario(scenario).iterations++;
  }
  iterationDropped(scenario) {
    this.dropped++;
    this.scenario(scenario).dropped++;
  }
  /** How late an iteration started against its schedule (open model). */
  lag(ms) {
    this.lagHist.recordMs(Math.max(0, ms));
  }
  scenario(name) {
    let s = this.scenarios.get(name);
    if (!s) {
      s = { ...zero(), hist: new LatencyHistogram(), iterations: 0, dropped: 0 };
      this.scenarios.set(name, s);
    }
    return s;
  }
  /** The window so far, encoded, and a fresh one started. */
  flush(second, vus) {
    const snapshot = {
      second,
      ...this.counts,
      iterations: this.iterations,
      dropped: this.dropped,
      vus,
      errors: this.errors,
      status: this.status,
      latency: this.hist.encode(),
      lag: this.lagHist.encode(),
      bytes: this.bytes,
      routes: [...this.routes.values()].map(({ hist, ...rest }) => ({ ...rest, latency: hist.encode() })),
      scenarios: [...this.scenarios.entries()].map(([name, { hist, ...rest }]) => ({ name, ...rest, latency: hist.encode() }))
    };
    this.counts = zero();
    this.hist = new LatencyHistogram();
    this.lagHist = new LatencyHistogram();
    this.routes = /* @__PURE__ */ new Map();
    this.scenarios = /* @__PURE__ */ new Map();
    this.errors = {};
    this.status = {};
    this.iterations = 0;
    this.dropped = 0;
    this.bytes = 0;
    return snapshot;
  }
};
function add(into, r) {
  into.requests++;
  if (r.failed) into.failed++;
  into.checksPassed += r.checksPassed;
  into.checksFailed += r.checksFailed;
}
function addCounts(into, from) {
  into.requests += from.requests;
  into.failed += from.failed;
  into.checksPassed += from.checksPassed;
  into.checksFailed += from.checksFailed;
}

// src/stages/burst/config.ts
import { resolve } from "node:path";

// src/stages/burst/duration.ts
var DURATION_PATTERN = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function parseDuration(text) {
  const trimmed = text.trim();
  if (!new RegExp(DURATION_PATTERN).test(trimmed)) return void 0;
  let total = 0;
  for (const match of trimmed.matchAll(/([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)/g)) total += Number(match[1]) * UNIT_MS[match[2]];
  return Math.round(total);
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1e3);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s}s`;
  return s === 0 ? `${m}m` : `${m}m${s}s`;
}

// src/stages/burst/steps.ts
var CAPTURE_SOURCES = ["regex", "header", "json", "cookie"];
var BUILTIN_VARIABLES = ["__VU", "__ITER", "__SCENARIO"];
var VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
function variablesIn(text) {
  return [...text.matchAll(VARIABLE)].map((m) => m[1]);
}
function interpolate(text, values, missing) {
  if (!text.includes("${")) return text;
  return text.replace(VARIABLE, (whole, name) => {
    const value = values.get(name);
    if (value === void 0) {
      missing?.(name);
      return whole;
    }
    return value;
  });
}
function stepTexts(step) {
  const out = [step.path, ...Object.values(step.headers)];
  if (step.body?.kind === "raw") out.push(step.body.value);
  if (step.body?.kind === "form") out.push(...Object.values(step.body.value));
  if (step.body?.kind === "json") out.push(...jsonStrings(step.body.value));
  return out;
}
function jsonStrings(value) {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(jsonStrings);
  return [];
}
var PATH_HINTS = [
  [/sign-?up|register|book|onboard|trial/i, "signup"],
  [/checkout|pay|billing|cart|order/i, "checkout"],
  [/log-?in|sign-?in|session|auth/i, "login"]
];
function guessCriticalPath(name, path) {
  for (const [pattern, id] of PATH_HINTS) if (pattern.test(name) || pattern.test(path)) return id;
  if (/^(home|homepage|index)$/i.test(name) || path === "/" || path === "") return "homepage";
  return void 0;
}
function splitStepUrl(url, target) {
  const probe = url.replace(VARIABLE, "x");
  let resolved;
  try {
    resolved = new URL(probe, target);
  } catch {
    return `"${url}" is not a URL or path; write a path against burst.target such as /signup`;
  }
  if (resolved.origin !== target.origin) {
    return `"${url}" is on ${resolved.origin}, not the declared target ${target.origin}; load goes only to burst.target, so use a path such as /signup (or change burst.target)`;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    const at = url.indexOf("/", url.indexOf("//") + 2);
    return { origin: target.origin, path: at === -1 ? "/" : url.slice(at) };
  }
  if (url.startsWith("/")) return { origin: target.origin, path: url };
  const base = target.pathname.endsWith("/") ? target.pathname : target.pathname.replace(/[^/]*$/, "");
  return { origin: target.origin, path: `${base}${url}` };
}
function parseStep(raw, target, at, problems) {
  const method = typeof raw.method === "string" ? raw.method : "GET";
  const url = String(raw.url);
  const split = splitStepUrl(url, target);
  if (typeof split === "string") {
    problems.push({ path: [...at, "url"], message: split });
    return void 0;
  }
  const bodies = ["json", "form", "body"].filter((key) => raw[key] !== void 0);
  if (bodies.length > 1) problems.push({ path: at, message: `give one body (${bodies.join(", ")} are all set); keep json, form or body` });
  const headers = { ...read.optionalStringMap(raw, "headers") ?? {} };
  const form = read.optionalStringMap(raw, "form");
  let body;
  if (raw.json !== void 0) body = { kind: "json", value: raw.json };
  else if (form !== void 0) body = { kind: "form", value: form };
  else if (typeof raw.body === "string") body = { kind: "raw", value: raw.body };
  const name = typeof raw.name === "string" ? raw.name : `${method} ${split.path.split("?")[0]}`;
  const step = { name, method, origin: split.origin, path: split.path, headers, checkBody: [], captures: [] };
  if (body) step.body = body;
  const check = read.optionalRecord(raw, "check") ?? {};
  if (typeof check.status === "number") step.checkStatus = [check.status];
  else if (Array.isArray(check.status)) step.checkStatus = check.status.filter((status) => typeof status === "number");
  if (typeof check.bodyContains === "string") step.checkBody = [check.bodyContains];
  else if (Array.isArray(check.bodyContains)) step.checkBody = stringsOf(check.bodyContains);
  for (const [as, from] of Object.entries(read.optionalRecord(raw, "capture") ?? {})) {
    const [kind, expr] = Object.entries(isRecord(from) ? from : {})[0] ?? [];
    if (!isOneOf(CAPTURE_SOURCES, kind) || typeof expr !== "string") continue;
    if (kind === "regex") {
      const problem = regexProblem(expr);
      if (problem) problems.push({ path: [...at, "capture", as, "regex"], message: problem });
    }
    step.captures.push({ as, from: kind, expr });
  }
  if (typeof raw.sleep === "string") step.sleepMs = parseDuration(raw.sleep);
  const criticalPath = typeof raw.path === "string" ? raw.path : guessCriticalPath(name, split.path);
  if (criticalPath) step.criticalPath = criticalPath;
  return step;
}
function regexProblem(source) {
  try {
    const groups = new RegExp(`${source}|`).exec("").length - 1;
    return groups < 1 ? `/${source}/ has no (group); put the part to capture in parentheses, e.g. name="csrf" value="([^"]+)"` : void 0;
  } catch (error) {
    return `/${source}/ is not a valid regular expression (${errorMessage(error)}); fix the pattern`;
  }
}
function checkCaptures(steps, at) {
  const problems = [];
  const known = new Set(BUILTIN_VARIABLES);
  steps.forEach((step, i) => {
    for (const name of new Set(stepTexts(step).flatMap(variablesIn))) {
      if (known.has(name)) continue;
      const later = steps.findIndex((s, j) => j >= i && s.captures.some((c) => c.as === name));
      const captured = [...known].filter((k) => !k.startsWith("__"));
      const why = later === i ? "which this same step captures (a value is usable from the next step on)" : later > i ? `which only a later step (${later + 1}) captures` : "which no earlier step captures";
      problems.push({
        path: [...at, i],
        message: `step ${i + 1} (${step.name}) uses \${${name}}, ${why}; capture it in an earlier step, e.g. capture: {${name}: {regex: '...'}}${captured.length ? ` (captured so far: ${captured.join(", ")})` : ""}`
      });
    }
    for (const capture2 of step.captures) known.add(capture2.as);
  });
  return problems;
}

// src/core/burst/thresholds.ts
var THRESHOLD_METRICS = ["http_req_duration", "http_req_failed", "checks", "http_reqs", "iterations", "dropped_iterations"];
var AGGREGATIONS = {
  http_req_duration: ["avg", "min", "med", "max", "p(N)"],
  http_req_failed: ["rate"],
  checks: ["rate"],
  http_reqs: ["count", "rate"],
  iterations: ["count", "rate"],
  dropped_iterations: ["count", "rate"]
};
var OPERATORS = ["<", "<=", ">", ">=", "==", "!="];
var AGGREGATION_WORDS = ["avg", "min", "med", "max", "rate", "count"];
var THRESHOLD_FORMS = "valid forms: p(95)<800, p(99.9)<1500, avg<300, med<200, min<50, max<2000 (ms of http_req_duration), http_req_failed:rate<0.01, checks:rate>0.99, http_reqs:count>100, dropped_iterations:count==0, http_req_duration{name:signup}:p(95)<800, {scenario:NAME} likewise";
var ThresholdSyntaxError = class extends Error {
  constructor(text, why) {
    super(`"${text}" is not a threshold (${why}); ${THRESHOLD_FORMS}`);
  }
};
var METRIC_PREFIX = /^\s*([a-z_]+)(\{[^}]*\})?\s*:(?!\S*\})/;
var EXPRESSION = /^\s*(p\(\s*([0-9]+(?:\.[0-9]+)?)\s*\)|p([0-9]+(?:\.[0-9]+)?)|avg|min|med|max|rate|count)\s*(<=|>=|===|==|!=|<|>)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*$/;
function parseThreshold(text, metric, extra = {}) {
  let metricText = metric ?? "http_req_duration";
  let expression = text.trim();
  const prefix = metric === void 0 ? METRIC_PREFIX.exec(expression) : null;
  if (prefix) {
    metricText = `${prefix[1]}${prefix[2] ?? ""}`;
    expression = expression.slice(prefix[0].length).trim();
  } else if (metric === void 0 && /^\{/.test(expression)) {
    const tagged = /^(\{[^}]*\})\s*:/.exec(expression);
    if (tagged) {
      metricText = `http_req_duration${tagged[1]}`;
      expression = expression.slice(tagged[0].length).trim();
    }
  }
  const { name, tags } = parseMetric(metricText, text);
  const match = EXPRESSION.exec(expression);
  if (!match) throw new ThresholdSyntaxError(text, `expected AGGREGATION OPERATOR NUMBER such as p(95)<800`);
  const word = match[1];
  const pText = match[2] ?? match[3];
  let aggregation;
  if (pText !== void 0) aggregation = { percentile: Number(pText) };
  else if (isOneOf(AGGREGATION_WORDS, word)) aggregation = word;
  else throw new ThresholdSyntaxError(text, `unknown aggregation "${word}"`);
  if (typeof aggregation === "object" && (aggregation.percentile <= 0 || aggregation.percentile > 100)) {
    throw new ThresholdSyntaxError(text, "a percentile is above 0 and at most 100");
  }
  const allowed = AGGREGATIONS[name];
  const shown = typeof aggregation === "object" ? "p(N)" : aggregation;
  if (!allowed.includes(shown)) throw new ThresholdSyntaxError(text, `${name} takes ${allowed.join(", ")}, not ${shown}`);
  const operator = match[4] === "===" ? "==" : match[4];
  if (!isOneOf(OPERATORS, operator)) throw new ThresholdSyntaxError(text, `unknown comparison "${String(match[4])}"`);
  return {
    metric: name,
    tags,
    metricText,
    expression: expression.replace(/\s+/g, "").replace("===", "=="),
    aggregation,
    operator,
    value: Number(match[5]),
    abortOnFail: extra.abortOnFail ?? false,
    delayAbortEvalMs: extra.delayAbortEvalMs ?? 0
  };
}
function parseMetric(metricText, text) {
  const match = /^([a-z_]+)(?:\{([^}]*)\})?$/.exec(metricText.trim());
  if (!match) throw new ThresholdSyntaxError(text, `"${metricText}" is not a metric name`);
  const name = match[1];
  if (!isOneOf(THRESHOLD_METRICS, name)) throw new ThresholdSyntaxError(text, `unknown metric "${match[1]}"; metrics: ${THRESHOLD_METRICS.join(", ")}`);
  const tags = {};
  for (const part of (match[2] ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
    const tag = /^(name|scenario)\s*:\s*(.+)$/.exec(part);
    if (!tag) throw new ThresholdSyntaxError(text, `tag "${part}" must be name:ROUTE or scenario:NAME`);
    const value = tag[2].trim().replace(/^["']|["']$/g, "");
    if (tag[1] === "name") tags.name = value;
    else tags.scenario = value;
  }
  return { name, tags };
}
function measure(threshold, data) {
  const agg = threshold.aggregation;
  if (threshold.metric === "http_req_duration") {
    const hist = data.latency(threshold.tags);
    if (!hist || hist.count === 0) return null;
    if (typeof agg === "object") return hist.percentileMs(agg.percentile);
    const s = hist.summary();
    return agg === "med" ? s.p50 : agg === "min" ? s.min : agg === "max" ? s.max : s.avg;
  }
  const counts = data.counts(threshold.tags);
  if (!counts) return null;
  switch (threshold.metric) {
    case "http_req_failed":
      return counts.requests === 0 ? null : counts.failed / counts.requests;
    case "checks": {
      const total = counts.checksPassed + counts.checksFailed;
      return total === 0 ? null : counts.checksPassed / total;
    }
    default: {
      const count = threshold.metric === "http_reqs" ? counts.requests : threshold.metric === "iterations" ? counts.iterations : counts.dropped;
      return agg === "rate" ? count / Math.max(data.elapsedSeconds, 1e-3) : count;
    }
  }
}
function evaluateThreshold(threshold, data) {
  const actual = measure(threshold, data);
  const ok = actual !== null && compare(actual, threshold.operator, threshold.value);
  const result = { metric: threshold.metricText, expression: threshold.expression, ok, actual: actual === null ? null : round(actual) };
  if (threshold.abortOnFail) result.abortOnFail = true;
  return result;
}
function compare(actual, operator, value) {
  switch (operator) {
    case "<":
      return actual < value;
    case "<=":
      return actual <= value;
    case ">":
      return actual > value;
    case ">=":
      return actual >= value;
    case "==":
      return actual === value;
    default:
      return actual !== value;
  }
}
function round(value) {
  return Math.round(value * 1e4) / 1e4;
}

// src/stages/burst/config.ts
var DEFAULT_LIMITS = { maxVUs: 1e3, maxRate: 5e3, maxDurationMs: 6e5 };
var DEFAULT_DURATION_MS = 3e4;
function parseBurstConfig(section, baseDir) {
  const problems = [];
  if (typeof section.target !== "string")
    return { problems: [{ path: ["target"], message: "missing; add burst: {target: https://staging.example.com} or pass --target URL" }] };
  let target;
  try {
    target = new URL(section.target);
    if (target.protocol !== "http:" && target.protocol !== "https:") throw new Error("scheme");
  } catch {
    return { problems: [{ path: ["target"], message: `"${section.target}" is not an http(s) URL; e.g. https://staging.example.com` }] };
  }
  const limitsRaw = read.optionalRecord(section, "limits") ?? {};
  const limits = {
    maxVUs: read.optionalNumber(limitsRaw, "maxVUs") ?? DEFAULT_LIMITS.maxVUs,
    maxRate: read.optionalNumber(limitsRaw, "maxRate") ?? DEFAULT_LIMITS.maxRate,
    maxDurationMs: parseDuration(String(limitsRaw.maxDuration ?? "10m")) ?? DEFAULT_LIMITS.maxDurationMs
  };
  const scenarios = parseScenarios(section, target, limits, problems);
  const { thresholds, defaults } = parseThresholds(section, scenarios, problems);
  const abortRaw = read.optionalRecord(section, "abort") ?? {};
  const options = {
    target: target.href,
    origin: target.origin,
    scenarios,
    thresholds,
    defaultThresholds: defaults,
    launchSpike: section.scenarios === void 0 && section.vus === void 0 && section.rate === void 0,
    timeoutMs: parseDuration(String(section.timeout ?? "10s")) ?? 1e4,
    abort: {
      enabled: abortRaw.enabled !== false,
      errorRate: read.optionalNumber(abortRaw, "errorRate") ?? 0.5,
      windowMs: parseDuration(String(abortRaw.window ?? "5s")) ?? 5e3,
      minRequests: read.optionalNumber(abortRaw, "minRequests") ?? 10
    },
    limits,
    workers: typeof section.workers === "number" ? section.workers : "auto"
  };
  const abuseRaw = read.optionalRecord(section, "abuse");
  if (abuseRaw) {
    const abuse = parseAbuse(abuseRaw, target, problems);
    if (abuse) options.abuse = abuse;
  }
  if (typeof section.shard === "string") {
    const [index, count] = section.shard.split("/").map(Number);
    if (index === void 0 || count === void 0 || count < 1 || index < 1 || index > count || count > 1e3)
      problems.push({ path: ["shard"], message: `"${section.shard}" is not a share; give i/n with 1 <= i <= n <= 1000, e.g. 1/4` });
    else options.shard = { index, count };
  }
  if (typeof section.exportK6 === "string") options.exportK6 = resolve(baseDir, section.exportK6);
  problems.push(...capProblems(options, section));
  return problems.length ? { problems } : { options, problems };
}
function parseScenarios(section, target, limits, problems) {
  const configured = read.optionalRecord(section, "scenarios");
  if (configured !== void 0) {
    for (const key of ["vus", "rate", "duration"]) {
      if (section[key] !== void 0)
        problems.push({
          path: [key],
          message: `is for the common case without scenarios; set it inside burst.scenarios.<name> instead (or remove burst.scenarios)`
        });
    }
    const out = [];
    for (const [name, raw] of Object.entries(configured)) {
      const scenario = isRecord(raw) ? parseScenario(name, raw, target, problems) : void 0;
      if (scenario) out.push(scenario);
    }
    if (Object.keys(configured).length === 0)
      problems.push({ path: ["scenarios"], message: "is empty; add a scenario, or remove the key for the default launch spike" });
    return out;
  }
  const steps = defaultJourney(section, target, problems);
  const durationMs = parseDuration(String(section.duration ?? "30s")) ?? DEFAULT_DURATION_MS;
  if (section.vus !== void 0 && section.rate !== void 0) {
    problems.push({ path: ["rate"], message: "give vus (closed model) or rate (open model), not both" });
    return [];
  }
  if (typeof section.vus === "number") {
    return [
      { name: "default", executor: { kind: "constant-vus", vus: section.vus, durationMs }, startTimeMs: 0, gracefulStopMs: 3e4, thinkTimeMs: 0, steps }
    ];
  }
  if (typeof section.rate === "number") {
    const maxVUs = Math.min(limits.maxVUs, Math.max(20, Math.ceil(section.rate * 2)));
    const executor = {
      kind: "constant-arrival-rate",
      rate: section.rate,
      timeUnitMs: 1e3,
      durationMs,
      preAllocatedVUs: Math.min(maxVUs, Math.ceil(section.rate)),
      maxVUs
    };
    return [{ name: "default", executor, startTimeMs: 0, gracefulStopMs: 3e4, thinkTimeMs: 0, steps }];
  }
  const third = Math.max(1e3, Math.round(durationMs / 3));
  const stages = [
    { durationMs: third, target: 50 },
    { durationMs: third, target: 100 },
    { durationMs: Math.max(1e3, durationMs - 2 * third), target: 100 }
  ];
  return [
    {
      name: "launch-spike",
      executor: { kind: "ramping-vus", startVUs: 0, stages, gracefulRampDownMs: 3e4 },
      startTimeMs: 0,
      gracefulStopMs: 3e4,
      thinkTimeMs: 1e3,
      steps
    }
  ];
}
function defaultJourney(section, target, problems) {
  const pages = read.optionalStringMap(section, "pages") ?? { homepage: target.pathname || "/" };
  const steps = [];
  for (const [name, path] of Object.entries(pages)) {
    const split = splitStepUrl(path, target);
    if (typeof split === "string") {
      problems.push({ path: ["pages", name], message: split });
      continue;
    }
    const step = { name, method: "GET", origin: split.origin, path: split.path, headers: {}, checkBody: [], captures: [] };
    const criticalPath = name === "booking" ? "signup" : guessCriticalPath(name, split.path);
    if (criticalPath && name !== "health") step.criticalPath = criticalPath;
    steps.push(step);
  }
  if (steps.length === 0 && problems.length === 0) problems.push({ path: ["pages"], message: "is empty; name at least one page, e.g. {homepage: /}" });
  return steps;
}
function parseScenario(name, raw, target, problems) {
  const at = ["scenarios", name];
  const need = (key, example) => {
    if (raw[key] === void 0) problems.push({ path: at, message: `${String(raw.executor)} needs ${key}; add e.g. ${key}: ${example}` });
  };
  const ms = (key, fallback) => typeof raw[key] === "string" ? parseDuration(raw[key]) ?? fallback : fallback;
  const stages = (read.optionalRecords(raw, "stages") ?? []).map((s) => ({
    durationMs: parseDuration(read.string(s, "duration")) ?? 0,
    target: read.number(s, "target")
  }));
  let executor;
  switch (raw.executor) {
    case "constant-vus":
      need("vus", "10");
      need("duration", "30s");
      executor = { kind: "constant-vus", vus: read.optionalNumber(raw, "vus") ?? 1, durationMs: ms("duration", 0) };
      break;
    case "ramping-vus":
      need("stages", "[{duration: 30s, target: 100}]");
      executor = { kind: "ramping-vus", startVUs: read.optionalNumber(raw, "startVUs") ?? 0, stages, gracefulRampDownMs: ms("gracefulRampDown", 3e4) };
      break;
    case "constant-arrival-rate":
    case "ramping-arrival-rate": {
      if (raw.executor === "constant-arrival-rate") {
        need("rate", "20");
        need("duration", "30s");
      } else need("stages", "[{duration: 30s, target: 50}]");
      const rate = read.optionalNumber(raw, "rate") ?? 0;
      const startRate = read.optionalNumber(raw, "startRate") ?? 0;
      const peak = raw.executor === "constant-arrival-rate" ? rate : Math.max(startRate, ...stages.map((s) => s.target));
      const timeUnitMs = ms("timeUnit", 1e3);
      const { maxVUs, preAllocatedVUs } = arrivalVUs(raw, Math.max(20, Math.ceil(peak * 2e3 / timeUnitMs)), at, problems);
      executor = raw.executor === "constant-arrival-rate" ? { kind: "constant-arrival-rate", rate, timeUnitMs, durationMs: ms("duration", 0), preAllocatedVUs, maxVUs } : { kind: "ramping-arrival-rate", startRate, timeUnitMs, stages, preAllocatedVUs, maxVUs };
      break;
    }
    default:
      return void 0;
  }
  const foreign = Object.keys(raw).filter((key) => !EXECUTOR_KEYS[executor.kind].includes(key) && !COMMON_SCENARIO_KEYS.includes(key));
  for (const key of foreign)
    problems.push({ path: [...at, key], message: `does not apply to ${executor.kind}; it takes ${EXECUTOR_KEYS[executor.kind].join(", ")}` });
  const rawSteps = read.optionalRecords(raw, "steps") ?? [{ url: target.pathname || "/", name: "homepage" }];
  const steps = rawSteps.map((s, i) => parseStep(s, target, [...at, "steps", i], problems)).filter((s) => s !== void 0);
  problems.push(...checkCaptures(steps, [...at, "steps"]));
  return { name, executor, startTimeMs: ms("startTime", 0), gracefulStopMs: ms("gracefulStop", 3e4), thinkTimeMs: ms("thinkTime", 0), steps };
}
function arrivalVUs(raw, fallback, at, problems) {
  const configuredMax = read.optionalNumber(raw, "maxVUs");
  const configuredPre = read.optionalNumber(raw, "preAllocatedVUs");
  const maxVUs = configuredMax ?? configuredPre ?? fallback;
  if (configuredPre !== void 0 && configuredMax !== void 0 && configuredMax < configuredPre) {
    problems.push({
      path: [...at, "maxVUs"],
      message: `${configuredMax} is below preAllocatedVUs (${configuredPre}); raise maxVUs or lower preAllocatedVUs`
    });
  }
  return { maxVUs, preAllocatedVUs: Math.min(maxVUs, configuredPre ?? maxVUs) };
}
var COMMON_SCENARIO_KEYS = ["executor", "startTime", "gracefulStop", "thinkTime", "steps"];
var EXECUTOR_KEYS = {
  "constant-vus": ["vus", "duration"],
  "ramping-vus": ["startVUs", "stages", "gracefulRampDown"],
  "constant-arrival-rate": ["rate", "timeUnit", "duration", "preAllocatedVUs", "maxVUs"],
  "ramping-arrival-rate": ["startRate", "timeUnit", "stages", "preAllocatedVUs", "maxVUs"]
};
function parseThresholds(section, scenarios, problems) {
  const raw = section.thresholds;
  const routes = new Set(scenarios.flatMap((s) => s.steps.map((step) => step.name)));
  const names = new Set(scenarios.map((s) => s.name));
  const out = [];
  const add2 = (path, text, metric, extra = {}) => {
    try {
      const threshold = parseThreshold(text, metric, extra);
      if (threshold.tags.name !== void 0 && !routes.has(threshold.tags.name)) {
        problems.push({ path, message: `"${text}" names route "${threshold.tags.name}", which no step has; routes: ${[...routes].join(", ")}` });
      } else if (threshold.tags.scenario !== void 0 && !names.has(threshold.tags.scenario)) {
        problems.push({ path, message: `"${text}" names scenario "${threshold.tags.scenario}", which is not configured; scenarios: ${[...names].join(", ")}` });
      } else out.push(threshold);
    } catch (error) {
      if (!(error instanceof ThresholdSyntaxError)) throw error;
      problems.push({ path, message: error.message });
    }
  };
  if (Array.isArray(raw)) {
    raw.forEach((text, i) => add2(["thresholds", i], String(text)));
    return { thresholds: out, defaults: false };
  }
  if (isRecord(raw)) {
    for (const [metric, list] of Object.entries(raw)) {
      const entries = Array.isArray(list) ? list : [];
      entries.forEach((entry, i) => {
        if (typeof entry === "string") return add2(["thresholds", metric, i], entry, metric);
        const item = isRecord(entry) ? entry : {};
        add2(["thresholds", metric, i], read.string(item, "threshold"), metric, {
          abortOnFail: item.abortOnFail === true,
          delayAbortEvalMs: parseDuration(read.optionalString(item, "delayAbortEval") ?? "0s") ?? 0
        });
      });
    }
    return { thresholds: out, defaults: false };
  }
  const core = scenarios.flatMap((s) => s.steps).filter((step) => step.criticalPath !== void 0);
  for (const name of new Set(core.map((step) => step.name))) out.push(parseThreshold("p(95)<800", `http_req_duration{name:${name}}`));
  out.push(parseThreshold("p(95)<1500", "http_req_duration"), parseThreshold("rate<0.01", "http_req_failed"));
  return { thresholds: out, defaults: true };
}
function parseAbuse(raw, target, problems) {
  const split = splitStepUrl(String(raw.url), target);
  if (typeof split === "string") {
    problems.push({ path: ["abuse", "url"], message: split });
    return void 0;
  }
  const cooldownMs = parseDuration(String(raw.cooldown ?? "0s")) ?? 0;
  if (cooldownMs > 12e4)
    problems.push({
      path: ["abuse", "cooldown"],
      message: `${String(raw.cooldown)} is longer than 2m; a limiter window that long is not probed, give at most 2m`
    });
  const method = String(raw.method ?? "POST");
  const spec = {
    name: `${method} ${split.path.split("?")[0]}`,
    method,
    origin: split.origin,
    path: split.path,
    headers: { ...read.optionalStringMap(raw, "headers") ?? {} },
    limit: read.optionalNumber(raw, "limit") ?? 50,
    concurrency: read.optionalNumber(raw, "concurrency") ?? 5,
    normalRate: read.optionalNumber(raw, "normalRate") ?? 1,
    normalRequests: read.optionalNumber(raw, "normalRequests") ?? 5,
    cooldownMs
  };
  const form = read.optionalStringMap(raw, "form");
  if (raw.json !== void 0) spec.body = { kind: "json", value: raw.json };
  else if (form !== void 0) spec.body = { kind: "form", value: form };
  else if (typeof raw.body === "string") spec.body = { kind: "raw", value: raw.body };
  return spec;
}
function peakVUs(executor) {
  switch (executor.kind) {
    case "constant-vus":
      return executor.vus;
    case "ramping-vus":
      return Math.max(executor.startVUs, ...executor.stages.map((s) => s.target));
    default:
      return executor.maxVUs;
  }
}
function peakArrivalRate(executor) {
  if (executor.kind === "constant-arrival-rate") return executor.rate * 1e3 / executor.timeUnitMs;
  if (executor.kind === "ramping-arrival-rate") return Math.max(executor.startRate, ...executor.stages.map((s) => s.target)) * 1e3 / executor.timeUnitMs;
  return 0;
}
function scenarioDurationMs(executor) {
  if (executor.kind === "constant-vus" || executor.kind === "constant-arrival-rate") return executor.durationMs;
  return executor.stages.reduce((sum, s) => sum + s.durationMs, 0);
}
function capProblems(options, section) {
  const { limits } = options;
  const problems = [];
  const raise = (key) => `or raise it explicitly with burst.limits.${key}`;
  const vus = options.scenarios.reduce((sum, s) => sum + peakVUs(s.executor), 0);
  if (vus > limits.maxVUs) {
    problems.push({
      path: options.scenarios.length === 1 && section.vus !== void 0 ? ["vus"] : ["scenarios"],
      message: `${vus} VUs at once is above the cap of ${limits.maxVUs}; lower the VUs (maxVUs for arrival-rate) ${raise("maxVUs")}`
    });
  }
  const rate = options.scenarios.reduce((sum, s) => sum + peakArrivalRate(s.executor) * s.steps.length, 0);
  if (rate > limits.maxRate) {
    problems.push({
      path: section.rate !== void 0 ? ["rate"] : ["scenarios"],
      message: `${Math.round(rate)} requests/s at peak is above the cap of ${limits.maxRate}; lower the rate ${raise("maxRate")}`
    });
  }
  const longest = Math.max(0, ...options.scenarios.map((s) => s.startTimeMs + scenarioDurationMs(s.executor)));
  if (longest > limits.maxDurationMs) {
    problems.push({
      path: section.duration !== void 0 ? ["duration"] : ["scenarios"],
      message: `the run lasts ${formatDuration(longest)}, above the cap of ${formatDuration(limits.maxDurationMs)}; shorten it ${raise("maxDuration")}`
    });
  }
  const maxMinutes = typeof section.maxMinutes === "number" ? section.maxMinutes : 15;
  if (longest > maxMinutes * 6e4 - 3e4) {
    problems.push({
      path: ["maxMinutes"],
      message: `${maxMinutes} min leaves no room for a ${formatDuration(longest)} run and its graceful stop; raise burst.maxMinutes or shorten the run`
    });
  }
  for (const s of options.scenarios) {
    if (scenarioDurationMs(s.executor) <= 0)
      problems.push({ path: ["scenarios", s.name], message: "runs for 0s; give a duration or stages with a duration, e.g. duration: 30s" });
  }
  return problems;
}

// src/stages/burst/journey.ts
var KEEP_BODY_BYTES = 1024 * 1024;
function cut(vu) {
  return vu.cutAt !== void 0 && performance.now() >= vu.cutAt;
}
async function runIteration(loop, scenario, vu, scheduledAt) {
  const values = usesValues(scenario) ? /* @__PURE__ */ new Map([
    ["__VU", String(vu.id)],
    ["__ITER", String(vu.iterations)],
    ["__SCENARIO", scenario.name]
  ]) : void 0;
  for (let i = 0; i < scenario.steps.length; i++) {
    if (loop.stopping() || cut(vu)) return;
    const step = scenario.steps[i];
    const request = requestFor(step, loop.timeoutMs, values, vu.cookies);
    if (request === void 0) {
      loop.recorder.recordCheck(scenario.name, false);
      loop.recorder.record({
        scenario: scenario.name,
        route: step.name,
        method: step.method,
        url: step.path,
        latencyMs: 0,
        error: "capture",
        failed: true,
        checksPassed: 0,
        checksFailed: 0,
        bytes: 0,
        ...pathOf(step)
      });
      return;
    }
    for (let wait = loop.cap.take(); wait > 0 && !loop.stopping(); wait = loop.cap.take()) await loop.sleep(wait);
    if (loop.stopping()) return;
    const started = i === 0 && scheduledAt !== void 0 ? Math.min(scheduledAt, performance.now()) : performance.now();
    let response;
    let error;
    try {
      response = await loop.pool(step.origin).request(request);
    } catch (caught) {
      if (loop.stopping()) return;
      error = classifyError(caught);
    }
    const latencyMs = performance.now() - started;
    loop.recorder.record(recordOf(scenario, step, latencyMs, response, error));
    if (!response) return;
    if (response.headers["set-cookie"] !== void 0) storeCookies(response, vu.cookies);
    if (step.captures.length > 0 && !capture(step.captures, response, values)) {
      loop.recorder.recordCheck(scenario.name, false);
      return;
    }
    const think = step.sleepMs ?? scenario.thinkTimeMs;
    if (think > 0) await thinkFor(loop, vu, think);
  }
}
async function thinkFor(loop, vu, ms) {
  const until = performance.now() + ms;
  for (let left = ms; left > 0 && !loop.stopping() && !cut(vu); left = until - performance.now()) await loop.sleep(Math.min(left, 100));
}
function recordOf(scenario, step, latencyMs, response, error) {
  const outcome = response ? judge(step, response) : { passed: 0, failed: step.checkStatus || step.checkBody.length ? 1 : 0, ok: false };
  const record = {
    scenario: scenario.name,
    route: step.name,
    method: step.method,
    url: step.path,
    latencyMs,
    failed: !outcome.ok,
    checksPassed: outcome.passed,
    checksFailed: outcome.failed,
    bytes: response?.bodyBytes ?? 0
  };
  if (step.criticalPath) record.criticalPath = step.criticalPath;
  if (response) {
    record.status = response.status;
    const status = response.status;
    const httpError = outcome.ok ? void 0 : status >= 500 ? "http5xx" : status === 429 ? "http429" : status >= 400 ? "http4xx" : void 0;
    if (httpError) record.error = httpError;
  } else record.error = error ?? "network";
  return record;
}
var fixedRequests = /* @__PURE__ */ new WeakMap();
var scenarioValues = /* @__PURE__ */ new WeakMap();
function usesValues(scenario) {
  let uses = scenarioValues.get(scenario);
  if (uses === void 0) {
    uses = scenario.steps.some((step) => step.captures.length > 0 || !isFixed(step));
    scenarioValues.set(scenario, uses);
  }
  return uses;
}
function isFixed(step) {
  const body = step.body === void 0 ? "" : JSON.stringify(step.body.value);
  return ![step.path, body, ...Object.values(step.headers)].some((text) => text.includes("${"));
}
function requestFor(step, timeoutMs, values, cookies) {
  const extra = { timeoutMs, discardBody: !needsBody(step), maxBodyBytes: KEEP_BODY_BYTES };
  if (cookies.size === 0) {
    let fixed = fixedRequests.get(step);
    if (fixed === void 0) {
      fixed = isFixed(step) ? { timeoutMs, request: { ...buildRequest(step, /* @__PURE__ */ new Map(), cookies, () => void 0), ...extra } } : null;
      fixedRequests.set(step, fixed);
    }
    if (fixed && fixed.timeoutMs === timeoutMs) return fixed.request;
  }
  let missing = false;
  const request = buildRequest(step, values ?? /* @__PURE__ */ new Map(), cookies, () => missing = true);
  return missing ? void 0 : { ...request, ...extra };
}
function pathOf(step) {
  return step.criticalPath ? { criticalPath: step.criticalPath } : {};
}
function needsBody(step) {
  return step.checkBody.length > 0 || step.captures.some((c) => c.from === "regex" || c.from === "json");
}
function buildRequest(step, values, cookies, missing) {
  const headers = {};
  for (const [name, value] of Object.entries(step.headers)) headers[name.toLowerCase()] = interpolate(value, values, missing);
  if (cookies.size > 0 && headers.cookie === void 0) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  let body;
  if (step.body?.kind === "raw") body = interpolate(step.body.value, values, missing);
  else if (step.body?.kind === "form") {
    body = new URLSearchParams(Object.entries(step.body.value).map(([k, v]) => [k, interpolate(String(v), values, missing)])).toString();
    headers["content-type"] ??= "application/x-www-form-urlencoded";
  } else if (step.body?.kind === "json") {
    body = JSON.stringify(interpolateJson(step.body.value, values, missing));
    headers["content-type"] ??= "application/json";
  }
  const request = {
    url: `${step.origin}${interpolate(step.path, values, missing)}`,
    method: step.method,
    headers
  };
  if (body !== void 0) request.body = body;
  return request;
}
function interpolateJson(value, values, missing) {
  if (typeof value === "string") return interpolate(value, values, missing);
  if (Array.isArray(value)) return value.map((v) => interpolateJson(v, values, missing));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateJson(v, values, missing)]));
  return value;
}
function judge(step, response) {
  let passed = 0;
  let failed = 0;
  const expected = step.checkStatus ? step.checkStatus.includes(response.status) : response.status >= 200 && response.status < 400;
  if (step.checkStatus) {
    if (expected) passed++;
    else failed++;
  }
  if (step.checkBody.length > 0) {
    const text = Buffer.from(response.body).toString("utf8");
    for (const needle of step.checkBody) {
      if (text.includes(needle)) passed++;
      else failed++;
    }
  }
  return { passed, failed, ok: expected };
}
function capture(captures, response, values) {
  let text;
  const body = () => text ??= Buffer.from(response.body).toString("utf8");
  for (const c of captures) {
    let value;
    if (c.from === "regex") value = new RegExp(c.expr).exec(body())?.[1];
    else if (c.from === "header") value = headerValue(response, c.expr);
    else if (c.from === "cookie") value = cookiesOf(response).get(c.expr);
    else value = jsonPath(body(), c.expr);
    if (value === void 0) return false;
    values.set(c.as, value);
  }
  return true;
}
function headerValue(response, name) {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
function jsonPath(text, path) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return void 0;
  }
  for (const key of path.split(".")) {
    if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : void 0;
    else if (isRecord(value)) value = value[key];
    else return void 0;
  }
  if (value === void 0 || value === null) return void 0;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
function cookiesOf(response) {
  const raw = response.headers["set-cookie"];
  const list = raw === void 0 ? [] : Array.isArray(raw) ? raw : [raw];
  const out = /* @__PURE__ */ new Map();
  for (const line of list) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return out;
}
function storeCookies(response, jar) {
  if (response.headers["set-cookie"] === void 0) return;
  for (const [k, v] of cookiesOf(response)) jar.set(k, v);
}
var TLS_CODES = /CERT|TLS|SSL|EPROTO|SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO|ERR_OSSL|HOSTNAME_MISMATCH|ALTNAME/;
function classifyError(error) {
  const codes = [];
  for (let e = error, depth = 0; isRecord(e) && depth < 4; e = e.cause, depth++) {
    const code = e.code;
    if (typeof code === "string") codes.push(code);
    if (e.name === "TimeoutError") codes.push("TIMEOUT");
  }
  const message = error instanceof Error ? error.message : "";
  if (/no complete answer within|timed? ?out/i.test(message)) codes.push("TIMEOUT");
  const all = codes.join(" ");
  if (/TIMEOUT|ETIMEDOUT/.test(all)) return "timeout";
  if (/ECONNREFUSED/.test(all)) return "refused";
  if (/ENOTFOUND|EAI_AGAIN|EAI_FAIL|ENODATA|ESERVFAIL/.test(all)) return "dns";
  if (TLS_CODES.test(all)) return "tls";
  if (/ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED|ECONNABORTED/.test(all)) return "closed";
  return "network";
}

// src/stages/burst/schedule.ts
var WHOLE = { index: 0, count: 1 };
function composeShare(shard, worker, workers) {
  const n = shard?.count ?? 1;
  const i = (shard?.index ?? 1) - 1;
  return { index: i + n * worker, count: n * workers };
}
function vusOfShare(total, share) {
  const whole = Math.floor(total);
  return Math.floor(whole / share.count) + (share.index < whole % share.count ? 1 : 0);
}
function rampValueAt(start, stages, t) {
  let from = start;
  let at = 0;
  for (const stage of stages) {
    if (t < at + stage.durationMs) return stage.durationMs === 0 ? stage.target : from + (stage.target - from) * (t - at) / stage.durationMs;
    at += stage.durationMs;
    from = stage.target;
  }
  return void 0;
}
function vusAt(executor, t) {
  if (executor.kind === "constant-vus") return t < executor.durationMs ? executor.vus : 0;
  if (executor.kind === "ramping-vus") return Math.floor(rampValueAt(executor.startVUs, executor.stages, t) ?? 0);
  return 0;
}
function* arrivalTimes(executor, share = WHOLE, limit = 1e8) {
  if (executor.kind !== "constant-arrival-rate" && executor.kind !== "ramping-arrival-rate") return;
  const perMs = (rate) => rate / executor.timeUnitMs;
  const stages = executor.kind === "constant-arrival-rate" ? [{ durationMs: executor.durationMs, target: executor.rate }] : executor.stages;
  let from = executor.kind === "constant-arrival-rate" ? executor.rate : executor.startRate;
  let stageStart = 0;
  let done = 0;
  let k = 0;
  let yielded = 0;
  for (const stage of stages) {
    const r0 = perMs(from);
    const r1 = perMs(stage.target);
    const d = stage.durationMs;
    const inStage = (r0 + r1) / 2 * d;
    while (k < done + inStage - 1e-9 && yielded < limit) {
      const need = k - done;
      const t = timeForCount(need, r0, r1, d);
      if (k % share.count === share.index) {
        yield stageStart + t;
        yielded++;
      }
      k++;
    }
    done += inStage;
    stageStart += d;
    from = stage.target;
  }
}
function timeForCount(n, r0, r1, d) {
  if (n <= 0) return 0;
  const a = (r1 - r0) / (2 * d);
  if (Math.abs(a) < 1e-15) return n / r0;
  const disc = r0 * r0 + 4 * a * n;
  return (-r0 + Math.sqrt(Math.max(0, disc))) / (2 * a);
}
var RateCap = class _RateCap {
  constructor(ratePerMs) {
    this.ratePerMs = ratePerMs;
    this.capacity = Math.max(1, ratePerMs * 100);
    this.tokens = this.capacity;
  }
  ratePerMs;
  tokens;
  last = performance.now();
  capacity;
  static perSecond(rate) {
    return new _RateCap(rate / 1e3);
  }
  /** Take one token: 0 when granted now, else the ms to wait before asking again. */
  take() {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.ratePerMs);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerMs));
  }
};

// src/stages/burst/engine.ts
var LoadLoop = class {
  constructor(plan, hooks) {
    this.plan = plan;
    this.hooks = hooks;
    const cap = RateCap.perSecond(Math.max(plan.maxRate, 1e-3));
    this.context = {
      pool: (origin) => this.poolFor(origin),
      recorder: this.recorder,
      timeoutMs: plan.timeoutMs,
      cap,
      stopping: () => this.stopped,
      sleep: (ms) => this.sleep(ms)
    };
  }
  plan;
  hooks;
  recorder = new WindowRecorder();
  pools = /* @__PURE__ */ new Map();
  sleepers = /* @__PURE__ */ new Set();
  stopped = false;
  busy = 0;
  /** Most VUs busy at once in the current window. */
  peak = 0;
  startPerf = 0;
  windows = 0;
  context;
  /** Stop starting requests, end sleeps and cut in-flight requests (a signal, the abort rule). */
  stop() {
    if (this.stopped) return;
    this.stopped = true;
    for (const s of this.sleepers) {
      clearTimeout(s.timer);
      s.resolve();
    }
    this.sleepers.clear();
    for (const pool of this.pools.values()) void pool.close().catch(() => void 0);
  }
  /** Run the schedule from `startAt` (ms since the epoch; default the plan's). */
  async run(startAt = this.plan.startAt) {
    await this.sleep(Math.max(0, startAt - Date.now()));
    this.startPerf = performance.now();
    const tick = setInterval(() => this.flush(), 1e3);
    const longest = Math.max(...this.plan.scenarios.map((s) => s.startTimeMs + scenarioDurationMs(s.executor) + s.gracefulStopMs));
    const deadline = setTimeout(() => this.stop(), longest + this.plan.timeoutMs);
    try {
      await Promise.all(this.plan.scenarios.map((s) => this.runScenario(s)));
    } finally {
      clearInterval(tick);
      clearTimeout(deadline);
      this.flush();
      const pools = [...this.pools.values()];
      this.stopped = true;
      let timer;
      const bound = new Promise((resolve2) => timer = setTimeout(resolve2, 1e3));
      await Promise.race([Promise.all(pools.map((p) => p.close().catch(() => void 0))), bound]);
      clearTimeout(timer);
    }
  }
  /** Hand over the window: window k covers second k of the run (ticks are a second apart). */
  flush() {
    this.hooks.onWindow(this.recorder.flush(this.windows++, Math.max(this.peak, this.busy)));
    this.peak = this.busy;
  }
  poolFor(origin) {
    let pool = this.pools.get(origin);
    if (!pool) {
      const connections = Math.max(
        1,
        this.plan.scenarios.reduce((sum, s) => sum + vusOfShare(peakVUs(s.executor), this.plan.share), 0)
      );
      pool = this.hooks.createPool(origin, connections);
      this.pools.set(origin, pool);
    }
    return pool;
  }
  now() {
    return performance.now() - this.startPerf;
  }
  sleep(ms) {
    if (this.stopped || ms <= 0) return Promise.resolve();
    return new Promise((resolve2) => {
      const entry = {
        timer: setTimeout(() => {
          this.sleepers.delete(entry);
          resolve2();
        }, ms),
        resolve: resolve2
      };
      this.sleepers.add(entry);
    });
  }
  async runScenario(scenario) {
    await this.sleep(scenario.startTimeMs - this.now());
    if (this.stopped) return;
    const kind = scenario.executor.kind;
    if (kind === "constant-vus" || kind === "ramping-vus") await this.runClosed(scenario);
    else await this.runOpen(scenario);
  }
  /** Closed model: each VU runs the journey again as soon as it finishes; VUs follow the ramp. */
  async runClosed(scenario) {
    const start = this.now();
    const end = start + scenarioDurationMs(scenario.executor);
    let target = 0;
    const running = /* @__PURE__ */ new Map();
    const states = /* @__PURE__ */ new Map();
    const vu = async (id) => {
      const state = { id: id + 1, iterations: 0, cookies: /* @__PURE__ */ new Map() };
      states.set(id, state);
      this.busy++;
      this.peak = Math.max(this.peak, this.busy);
      try {
        while (!this.stopped && this.now() < end && id < target && state.iterations < 1e7) {
          await runIteration(this.context, scenario, state).catch(() => void 0);
          state.iterations++;
          if (!this.stopped && !cut(state)) this.recorder.iterationDone(scenario.name);
        }
      } finally {
        this.busy--;
        running.delete(id);
        states.delete(id);
      }
    };
    const rampDownMs = scenario.executor.kind === "ramping-vus" ? scenario.executor.gracefulRampDownMs : 0;
    while (!this.stopped && this.now() < end) {
      target = vusOfShare(vusAt(scenario.executor, this.now() - start), this.plan.share);
      for (let id = 0; id < target; id++) if (!running.has(id)) running.set(id, vu(id));
      for (const [id, state] of states) state.cutAt = id < target ? void 0 : state.cutAt ?? performance.now() + rampDownMs;
      await this.sleep(Math.min(100, end - this.now()));
    }
    await this.graceful([...running.values()], scenario.gracefulStopMs);
  }
  /** Open model: iterations start on schedule; with every VU busy an iteration is dropped. */
  async runOpen(scenario) {
    const executor = scenario.executor;
    if (executor.kind !== "constant-arrival-rate" && executor.kind !== "ramping-arrival-rate") return;
    const start = this.now();
    const maxVUs = Math.max(1, vusOfShare(executor.maxVUs, this.plan.share));
    const free = [];
    let created = 0;
    const inFlight = /* @__PURE__ */ new Set();
    for (const offset of arrivalTimes(executor, this.plan.share)) {
      if (this.stopped) break;
      const due = start + offset;
      if (due - this.now() >= 1) await this.sleep(due - this.now());
      if (this.stopped) break;
      this.recorder.lag(this.now() - due);
      if (inFlight.size >= maxVUs) {
        this.recorder.iterationDropped(scenario.name);
        continue;
      }
      const state = free.pop() ?? { id: ++created, iterations: 0, cookies: /* @__PURE__ */ new Map() };
      this.busy++;
      this.peak = Math.max(this.peak, this.busy);
      const run = runIteration(this.context, scenario, state, this.startPerf + due).then(
        () => {
          state.iterations++;
          if (!this.stopped) this.recorder.iterationDone(scenario.name);
        },
        () => void 0
      ).finally(() => {
        this.busy--;
        inFlight.delete(run);
        free.push(state);
      });
      inFlight.add(run);
    }
    await this.graceful([...inFlight], scenario.gracefulStopMs);
  }
  /** Let running iterations finish, for at most `ms`. */
  async graceful(runs, ms) {
    if (runs.length === 0 || this.stopped) return;
    let entry;
    const limit = new Promise((resolve2) => {
      entry = { timer: setTimeout(resolve2, ms), resolve: resolve2 };
      this.sleepers.add(entry);
    });
    await Promise.race([Promise.all(runs), limit]);
    clearTimeout(entry.timer);
    this.sleepers.delete(entry);
  }
};

// src/stages/burst/threads.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
function poolFactory(network) {
  const client = createHttpClient(network);
  return (origin, connections) => client.pool(origin, { connections });
}
function workerScript() {
  const here = import.meta.url;
  const url = here.endsWith(".ts") ? new URL("../../../dist/burst-worker.js", here) : new URL("./burst-worker.js", here);
  return existsSync(fileURLToPath(url)) ? url : void 0;
}
function startLoops(plans, network, onWindow, createPool = poolFactory(network)) {
  const script = plans.length > 1 ? workerScript() : void 0;
  if (!script) {
    const loops = plans.map((plan) => new LoadLoop(plan, { createPool, onWindow }));
    return {
      started: Promise.resolve(plans[0].startAt),
      done: Promise.all(loops.map((l) => l.run())).then(() => void 0),
      stop: () => loops.forEach((l) => l.stop()),
      threads: 1
    };
  }
  const workers = plans.map((plan) => new Worker(script, { workerData: { plan, network } }));
  let ready = 0;
  let start = () => void 0;
  const started = new Promise((resolve2) => start = resolve2);
  const onReady = () => {
    if (++ready < workers.length) return;
    const at = Date.now() + 50;
    for (const w of workers) w.postMessage({ type: "start", startAt: at });
    start(at);
  };
  const done = Promise.all(
    workers.map(
      (worker) => new Promise((resolve2, reject) => {
        let settled = false;
        worker.on("message", (message) => {
          if (message.type === "ready") onReady();
          else if (message.type === "window") onWindow(message.window);
          else if (message.type === "done") {
            settled = true;
            resolve2();
          } else {
            settled = true;
            reject(new Error(`a load thread failed: ${message.message}`));
          }
        });
        worker.on("error", (error) => {
          settled = true;
          reject(error);
        });
        worker.on("exit", (code) => {
          if (!settled) (code === 0 ? resolve2 : () => reject(new Error(`a load thread exited with code ${code}`)))();
        });
      })
    )
  ).then(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  });
  done.catch(() => start(Date.now()));
  return { started, done, stop: () => workers.forEach((w) => w.postMessage({ type: "stop" })), threads: workers.length };
}

export {
  DURATION_PATTERN,
  formatDuration,
  guessCriticalPath,
  evaluateThreshold,
  DEFAULT_LIMITS,
  parseBurstConfig,
  peakVUs,
  peakArrivalRate,
  scenarioDurationMs,
  LatencyHistogram,
  addCounts,
  classifyError,
  composeShare,
  LoadLoop,
  poolFactory,
  startLoops
};
