/**
 * The `env` stage: every variable the app needs is set (non-empty) for the target environment, no
 * dotenv file is committed, no server secret sits behind a client-bundle prefix, environments do
 * not share secrets, and the app fails fast when a variable is missing.
 */
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import type { FindingInput } from '../../core/findings.js';
import type { StageContext, StageDefinition, StageOutcome, StagePartError } from '../../core/stage.js';
import { reasonOf } from '../../core/errors.js';
import { compareEnvironment } from './compare.js';
import { committedEnvFileFindings, findCommittedEnvFiles } from './committed.js';
import { envConfigOf, envConfigSchema, validateEnvConfig, type EnvConfig } from './config.js';
import { discoverAll, isDiscoverable, type Inventory } from './discover/index.js';
import { loadEnvironments, probeEnvironment } from './environments.js';
import { readRepositoryFiles } from './files.js';
import { probeFindings, runProbe, type ProbeResult } from './probe.js';
import { clientPrefixOf } from './names.js';
import { inventoryEntries, inventoryTable } from './inventory.js';
import { lookup, type EnvironmentSnapshot } from './target.js';

/** The `env` stage definition. */
export const envStage: StageDefinition<EnvConfig> = {
  id: 'env',
  phase: 'passive',
  title: 'Environment variables',
  description: 'every variable the app needs is set for the target environment and the app fails fast without one',
  built: true,
  checks: { paths: ['deploy'] },
  configSchema: envConfigSchema,
  flags: [
    { name: 'repo', type: 'string', configKey: 'repo', valueName: 'DIR', description: 'folder of the app to scan (default: .)' },
    { name: 'environment', type: 'string', configKey: 'target', valueName: 'NAME', description: 'target environment (default: production)' },
    {
      name: 'env-file',
      type: 'string',
      multiple: true,
      configKey: 'envFiles',
      valueName: 'FILE',
      description: 'dotenv file providing the target environment (repeatable)',
    },
    {
      name: 'probe',
      type: 'string',
      configKey: 'probe.command',
      valueName: 'CMD',
      description: 'start command for the fail-fast probe, e.g. "node server.js"',
    },
    { name: 'list', type: 'boolean', configKey: 'list', description: 'show every variable found, with why it is required or not and where it is read' },
  ],
  validateConfig: validateEnvConfig,
  parseOptions: envConfigOf,
  run: runEnvStage,
};

async function runEnvStage(ctx: StageContext<EnvConfig>): Promise<StageOutcome> {
  const config = ctx.options;
  const repo = resolve(ctx.baseDir, config.repo);
  const errors: StagePartError[] = [];
  const findings: FindingInput[] = [];

  const started = performance.now();
  ctx.progress(`reading ${config.repo}`);
  const excluded = config.exclude.length > 0 ? picomatch(config.exclude, { dot: true }) : () => false;
  const walk = await readRepositoryFiles(repo, { include: (path) => isDiscoverable(path) && !excluded(path), signal: ctx.signal });
  const inventory = discoverAll(walk.files);
  const discoveryMs = Math.round(performance.now() - started);

  const environments = await loadEnvironments(config, ctx, (name) => inventory.variables.get(name)?.secret === true);
  errors.push(...environments.errors);
  findings.push(...environments.findings);
  const target = environments.snapshots.get(config.target);
  findings.push(
    ...compareEnvironment({ inventory, environments: [...environments.snapshots.values()], ignore: new Set(config.ignore), ...(target ? { target } : {}) }),
  );

  try {
    const committed = await findCommittedEnvFiles(repo, config.history);
    // env.exclude and env.ignore silence committed-file findings too (a fixture, a deliberate sample).
    const kept = committed?.filter((file) => !excluded(file.path) && !config.ignore.includes(file.path));
    if (kept) findings.push(...committedEnvFileFindings(kept));
  } catch (error) {
    errors.push({
      part: 'committed env files',
      message: `git could not list files: ${reasonOf(error)}`,
      fix: 'fetch the full history (actions/checkout with fetch-depth: 0) or set env.history: false',
    });
  }

  let probeResults: ProbeResult[] = [];
  if (config.probe?.command) {
    const withoutValue = target
      ? providedWithoutValue(
          config,
          inventory,
          target,
          probeEnvironment(target, (name) => inventory.variables.has(name)),
        )
      : [];
    if (withoutValue.length > 0) findings.push(probeSkippedFinding(config.probe.command, withoutValue));
    else {
      probeResults = await probeApp(config, repo, inventory, target, ctx);
      findings.push(...probeFindings(probeResults, config.probe.command, config.probe.timeoutSeconds));
    }
  }

  const required = [...inventory.variables.values()].filter((v) => v.required && !v.platform);
  const entries = inventoryEntries(inventory, target);
  const table = inventoryTable(entries, config.list);
  const missing = findings.filter((f) => f.ruleId === 'env-required-missing' || f.ruleId === 'env-required-empty').length;
  const verdict = target
    ? `${config.target}: ${missing} of ${required.length} required missing`
    : `${config.target}: not compared (no env file or source configured for it)`;
  const probed = probeResults.length > 0 ? `; probe: ${probeResults.filter((r) => r.outcome === 'fails-fast').length}/${probeResults.length} fail fast` : '';
  return {
    summary: `read ${walk.files.length} files: ${inventory.variables.size} variables, ${required.length} required; ${verdict}${probed}`,
    findings,
    metrics: {
      files: walk.files.length,
      bytes: walk.bytes,
      listing: walk.listing,
      skippedBinary: walk.skippedBinary,
      skippedLarge: walk.skippedLarge,
      discoveryMs,
      variableCount: inventory.variables.size,
      required: required.length,
      variables: entries,
      missing,
      target: config.target,
      environments: [...environments.snapshots.values()].map((e) => ({ name: e.name, sources: e.sources.map((s) => s.label) })),
      ...(inventory.envFrom.length > 0 ? { envFrom: inventory.envFrom } : {}),
      ...(probeResults.length > 0
        ? { probe: probeResults.map((r) => ({ variable: r.variable, outcome: r.outcome, exitCode: r.exitCode, ms: r.durationMs })) }
        : {}),
    },
    ...(table ? { blocks: [table] } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/**
 * Required variables the target provides but whose value the probe cannot have: a GitHub
 * environment's secrets give names only. (A variable the target lacks is reported as missing.)
 */
function providedWithoutValue(config: EnvConfig, inventory: Inventory, target: EnvironmentSnapshot, probeEnv: Record<string, string>): string[] {
  const ignore = new Set(config.ignore);
  return [...inventory.variables.values()]
    .filter((v) => v.required && !v.platform && !ignore.has(v.name) && !clientPrefixOf(v.name))
    .filter((v) => lookup(target, v.name) !== undefined && probeEnv[v.name] === undefined)
    .map((v) => v.name)
    .sort();
}

/**
 * Without a value for every other required variable, the app would stop at the first one missing,
 * not at the one being probed: no verdict is better than a wrong one.
 */
function probeSkippedFinding(command: string, names: string[]): FindingInput {
  const shown = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
  return {
    ruleId: 'env-probe-skipped',
    severity: 'info',
    title: `The fail-fast probe of "${command}" did not run: no value here for ${shown}`,
    fix: "run the probe where the target environment's values are set (a job with them in its environment and from: process, or an env file); GitHub environment secrets give names only",
    paths: ['deploy'],
  };
}

/** Probe up to N required variables the target provides, secret-looking and start-up ones first. */
async function probeApp(
  config: EnvConfig,
  repo: string,
  inventory: Inventory,
  target: EnvironmentSnapshot | undefined,
  ctx: StageContext<EnvConfig>,
): Promise<ProbeResult[]> {
  const probe = config.probe!;
  const ignore = new Set(config.ignore);
  const candidates = [...inventory.variables.values()]
    // Client-prefixed variables are build-time inputs of the browser bundle, not server start-up ones.
    .filter((v) => v.required && !v.platform && !ignore.has(v.name) && !clientPrefixOf(v.name))
    .filter((v) => !target || (lookup(target, v.name) && !lookup(target, v.name)!.empty))
    .sort((a, b) => Number(b.secret) - Number(a.secret) || Number(b.startup) - Number(a.startup) || a.name.localeCompare(b.name))
    .slice(0, probe.variables);
  const base = probeEnvironment(target, (name) => inventory.variables.has(name));
  const results: ProbeResult[] = [];
  for (const variable of candidates) {
    if (ctx.signal.aborted) break;
    ctx.progress(`probing ${probe.command} without ${variable.name}`);
    const env = { ...base };
    delete env[variable.name];
    const run = {
      processes: ctx.services.processes,
      command: probe.command!,
      cwd: repo,
      env,
      passEnv: probe.passEnv,
      variable: variable.name,
      timeoutMs: probe.timeoutSeconds * 1000,
    };
    const result = await runProbe({ ...run, signal: ctx.signal });
    results.push(result);
    if (result.outcome === 'command-failed') break; // the same error for every variable
  }
  return results;
}
