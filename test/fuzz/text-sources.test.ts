import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../src/core/errors.js';
import { discoverFile } from '../../src/stages/env/discover/index.js';
import { parseDotenv } from '../../src/stages/env/dotenv.js';
import { GITLEAKS_CONFIG, loadScanPolicy } from '../../src/stages/secrets/suppress.js';
import { REPRODUCERS } from '../fixtures/env/hostile/reproducers.js';
import { caseSeed, describeCase, fixtureSeeds, mutateMany, Prng, scaled } from './prng.js';

const DOTENV_CASES_PER_SEED = scaled(60);
const SOURCE_CASES_PER_SEED = scaled(10);
const TOML_CASES = scaled(250);
/** Hostile reproducers join the seeds at this size: big enough to keep their shape, small enough to stay fast. */
const REPRODUCER_SEED_BYTES = 4096;

/** `env/real/epic-stack/files/server/app.ts.txt` → `server/app.ts`: the path the scanner would see. */
function repoPath(fixture: string): string {
  return fixture
    .replace(/^real\/[^/]+\/files\//, '')
    .replace(/^manifests\//, '')
    .replace(/\.txt$/, '');
}

const envFixtures = fixtureSeeds('env', /^(real\/[^/]+\/files|manifests)\//).map((seed) => ({ path: repoPath(seed.path), text: seed.text }));
const reproducers = REPRODUCERS.map((r) => ({ path: r.path, text: r.make(REPRODUCER_SEED_BYTES) }));
const dotenvSeeds = [...envFixtures.filter((s) => /(^|\/)\.env|env\.example|\.envs\//.test(s.path)), ...reproducers.filter((s) => s.path.includes('.env'))];
const sourceSeeds = [...envFixtures, ...reproducers];

function run<T>(label: string, input: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new Error(`${label}: threw ${String(error)}\n--- input (first 300 chars) ---\n${JSON.stringify(input.slice(0, 300))}`, { cause: error });
  }
}

describe('fuzz: dotenv text → parseDotenv', () => {
  it('has real seeds (negative control)', () => {
    expect(dotenvSeeds.length).toBeGreaterThanOrEqual(4);
    expect(parseDotenv(dotenvSeeds[0]!.text).entries.length).toBeGreaterThan(0);
  });

  it.each(dotenvSeeds.map((seed, i) => [seed.path, i]))('mutations of %s never throw', (path, index) => {
    const seed = dotenvSeeds[index as number]!;
    let entries = 0;
    for (let i = 0; i < DOTENV_CASES_PER_SEED; i++) {
      const source = `dotenv:${path}:${index}`;
      const text = mutateMany(seed.text, new Prng(caseSeed(source, i)));
      const parsed = run(describeCase(source, i), text, () => parseDotenv(text));
      expect(Array.isArray(parsed.entries)).toBe(true);
      entries += parsed.entries.length;
    }
    expect(entries).toBeGreaterThanOrEqual(0);
  });
});

describe('fuzz: JS/TS/Python/compose/workflow sources → discoverFile', () => {
  it('has seeds of every kind (negative control)', () => {
    for (const kind of [/\.tsx?$/, /\.m?js$/, /\.py$/, /compose.*\.ya?ml$/, /workflows\/.*\.ya?ml$/])
      expect([String(kind), sourceSeeds.some((s) => kind.test(s.path))]).toEqual([String(kind), true]);
  });

  it.each(sourceSeeds.map((seed, i) => [seed.path, i]))('mutations of %s never throw', (path, index) => {
    const seed = sourceSeeds[index as number]!;
    for (let i = 0; i < SOURCE_CASES_PER_SEED; i++) {
      const source = `discover:${path}:${index}`;
      const text = mutateMany(seed.text, new Prng(caseSeed(source, i)), 6);
      const found = run(describeCase(source, i), text, () => discoverFile(seed.path, text));
      expect(typeof found).toBe('object');
    }
  });
});

describe("fuzz: .gitleaks.toml → the secrets stage's policy reading", () => {
  const repo = mkdtempSync(join(tmpdir(), 'lr-fuzz-toml-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const [seed] = fixtureSeeds('fuzz', /gitleaks\.toml$/);

  const read = (text: string): 'policy' | 'usage' | Error => {
    writeFileSync(join(repo, GITLEAKS_CONFIG), text);
    try {
      const policy = loadScanPolicy(repo);
      return policy.rules.length > 0 ? 'policy' : new Error('a policy with no rules');
    } catch (error) {
      if (error instanceof UsageError)
        return /^\.gitleaks\.toml:\d+/.test(error.message) ? 'usage' : new Error(`UsageError without file:line: ${error.message}`);
      return error instanceof Error ? error : new Error(String(error));
    }
  };

  it('the seed policy reads (negative control)', () => {
    expect(read(seed!.text)).toBe('policy');
  });

  it(`${TOML_CASES} mutations give a policy or a UsageError naming .gitleaks.toml:LINE`, () => {
    const outcomes = { policy: 0, usage: 0 };
    for (let i = 0; i < TOML_CASES; i++) {
      const text = mutateMany(seed!.text, new Prng(caseSeed('toml', i)));
      const outcome = read(text);
      if (outcome instanceof Error) throw new Error(`${describeCase('toml', i)}: ${outcome.message}\n--- input ---\n${text}`, { cause: outcome });
      outcomes[outcome]++;
    }
    expect(outcomes.policy).toBeGreaterThan(0);
    expect(outcomes.usage).toBeGreaterThan(0);
  });
});
