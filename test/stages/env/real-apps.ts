/**
 * Judging env discovery on real applications: a hand-checked ground truth per app (what the deployed
 * app reads, what production truly requires) against what the stage finds, and a production dotenv
 * made from the app's own example with planted faults. Shared by the tests and `bench/env`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareEnvironment } from '../../../src/stages/env/compare.js';
import { contextOf, discoverAll, type Inventory } from '../../../src/stages/env/discover/index.js';
import { parseDotenv } from '../../../src/stages/env/dotenv.js';
import type { EnvironmentSnapshot } from '../../../src/stages/env/target.js';
import type { FindingInput } from '../../../src/core/findings.js';

/** The fixtures, found from this file (tests) or, bundled into `.bench/`, from the repository root (the bench runs there). */
export const REAL_ROOT = existsSync(fileURLToPath(new URL('../../fixtures/env/real/', import.meta.url)))
  ? fileURLToPath(new URL('../../fixtures/env/real/', import.meta.url))
  : resolve('test/fixtures/env/real');

export interface GroundTruth {
  app: string;
  upstream: string;
  commit: string;
  licence: string;
  reads: string[];
  required: string[];
  /** The app's own example of its production environment, relative to the app. */
  example: string;
  faults: { remove: string[]; rename: { from: string; to: string } };
}

export interface AppFiles {
  truth: GroundTruth;
  files: { path: string; text: string }[];
}

function walk(dir: string, root: string, out: { path: string; text: string }[]): void {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, root, out);
    else if (name.endsWith('.txt'))
      out.push({
        path: relative(root, full)
          .split('\\')
          .join('/')
          .replace(/\.txt$/, ''),
        text: readFileSync(full, 'utf8'),
      });
  }
}

/** The trimmed fixture of one app: files are stored with a `.txt` suffix so no tool treats them as this repo's code. */
export function loadFixture(app: string): AppFiles {
  const truth = JSON.parse(readFileSync(join(REAL_ROOT, app, 'ground-truth.json'), 'utf8')) as GroundTruth;
  const files: { path: string; text: string }[] = [];
  walk(join(REAL_ROOT, app, 'files'), join(REAL_ROOT, app, 'files'), files);
  return { truth, files };
}

/** Every app with a fixture. */
export function fixtureApps(): string[] {
  return readdirSync(REAL_ROOT)
    .filter((name) => statSync(join(REAL_ROOT, name)).isDirectory())
    .sort();
}

/** Names the deployed app reads, as discovery sees them (a read or a schema field in an app file). */
export function appReads(inventory: Inventory): Set<string> {
  const names = new Set<string>();
  for (const info of inventory.variables.values()) if (info.uses.some((u) => contextOf(u.file) === 'app')) names.add(info.name);
  return names;
}

/** Names discovery calls required (platform-provided ones left out: nobody sets them). */
export function requiredNames(inventory: Inventory): Set<string> {
  return new Set([...inventory.variables.values()].filter((v) => v.required && !v.platform).map((v) => v.name));
}

/** The production dotenv of the fault test: every example value filled, three required removed, one secret renamed behind a client prefix. */
export function plantedProduction(truth: GroundTruth, exampleText: string): EnvironmentSnapshot {
  const variables = new Map<string, { value: string; line: number }>();
  let line = 0;
  for (const name of new Set(parseDotenv(exampleText).entries.map((e) => e.key))) {
    line++;
    if (truth.faults.remove.includes(name)) continue;
    const key = name === truth.faults.rename.from ? truth.faults.rename.to : name;
    variables.set(key, { value: `filled-${key.toLowerCase()}-0123456789`, line });
  }
  return { name: 'production', sources: [{ label: '.env.production', file: '.env.production', variables }] };
}

export interface Evaluation {
  app: string;
  files: number;
  variables: number;
  readRecall: number;
  missedReads: string[];
  requiredPrecision: number;
  wrongRequired: string[];
  requiredRecall: number;
  faultsCaught: number;
  faults: number;
  uncaught: string[];
  falseBlockers: string[];
  findings: FindingInput[];
}

/** Run discovery and the comparison on one app and score it against its ground truth. */
export function evaluate(app: string, truth: GroundTruth, files: { path: string; text: string }[]): Evaluation {
  const inventory = discoverAll(files);
  const reads = appReads(inventory);
  const missedReads = truth.reads.filter((n) => !reads.has(n));
  const required = requiredNames(inventory);
  const wrongRequired = [...required].filter((n) => !truth.required.includes(n));
  const example = files.find((f) => f.path === truth.example);
  if (!example) throw new Error(`${app}: the example ${truth.example} is not among the files`);
  const target = plantedProduction(truth, example.text);
  const findings = compareEnvironment({ inventory, target, environments: [target], ignore: new Set() });
  const subject = (f: FindingInput) => f.title.split(' ')[0]!;
  const serious = findings.filter((f) => f.severity === 'blocker' || f.severity === 'high');
  const planted = [...truth.faults.remove, truth.faults.rename.to];
  const uncaught = planted.filter((name) => !serious.some((f) => subject(f) === name));
  const explained = new Set([...planted, truth.faults.rename.from]);
  const falseBlockers = findings.filter((f) => f.severity === 'blocker' && !explained.has(subject(f))).map((f) => f.title);
  return {
    app,
    files: files.length,
    variables: inventory.variables.size,
    readRecall: (truth.reads.length - missedReads.length) / truth.reads.length,
    missedReads,
    requiredPrecision: required.size === 0 ? 1 : (required.size - wrongRequired.length) / required.size,
    wrongRequired,
    requiredRecall: truth.required.filter((n) => required.has(n)).length / truth.required.length,
    faultsCaught: planted.length - uncaught.length,
    faults: planted.length,
    uncaught,
    falseBlockers,
    findings,
  };
}
