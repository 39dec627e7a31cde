import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/core/config/load.js';
import { UsageError } from '../../src/core/errors.js';
import { SecretRegistry } from '../../src/core/redaction.js';
import type { GateResult } from '../../src/core/result.js';
import { renderReport } from '../../src/report/index.js';
import { STAGES } from '../../src/stages/index.js';
import { stringify } from 'yaml';
import { caseSeed, describeCase, fixtureSeeds, mutateMany, Prng, scaled } from './prng.js';

/** Cases per seed: the launch-ready.yml seed gets most (its keys are real), the foreign YAML seeds fewer (mostly unknown keys). */
const CASES_OWN_SEED = scaled(24);
const CASES_FOREIGN_SEED = scaled(6);
const PASSWORDS = ['Sup3rS3cretPassw0rd9', 'An0therS3cretValue77'];
const FORMATS = ['text', 'json', 'markdown', 'sarif', 'html'] as const;

const dir = mkdtempSync(join(tmpdir(), 'lr-fuzz-config-'));
// secrets.repo defaults to the config's folder and must be a git clone for the config to validate.
execFileSync('git', ['init', '-q', dir]);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seeds = [
  ...fixtureSeeds('fuzz', /launch-ready\.yml$/),
  ...fixtureSeeds('readiness/gatus', /\.ya?ml$/),
  ...fixtureSeeds('env/manifests', /compose\.yml$/),
];

type Outcome = { kind: 'config'; config: unknown } | { kind: 'usage'; message: string } | { kind: 'crash'; error: unknown };

function load(text: string): Outcome {
  writeFileSync(join(dir, 'launch-ready.yml'), text);
  try {
    return { kind: 'config', config: loadConfig({ cwd: dir, stages: STAGES, version: '0.0.0-fuzz' }) };
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'usage', message: error.message };
    return { kind: 'crash', error };
  }
}

/** A gate whose stage leaks everything it was given (config or error) into titles and summaries: the reports must still mask it. */
function leakyGate(leak: string): GateResult {
  return {
    version: 1,
    tool: { name: 'launch-ready', version: '0.0.0-fuzz' },
    status: 'error',
    failOn: 'blocker',
    durationMs: 1,
    criticalPaths: [],
    stages: [
      {
        id: 'secrets',
        status: 'error',
        summary: leak.slice(0, 2000),
        durationMs: 1,
        metrics: { leak: leak.slice(0, 2000) },
        findings: [],
        errors: [{ part: 'config', message: leak.slice(0, 2000) }],
      },
    ],
  } as GateResult;
}

function urlsIn(text: string): string[] {
  return text.match(/https?:\/\/[^\s'"\],}]+/g) ?? [];
}

/** A mutation can cut a URL so the seeded password is no longer its userinfo (`https://ops:An0t//…`); only a real one must be masked. */
function isUrlPassword(text: string, password: string): boolean {
  return new RegExp(`https?://[^\\s/?#@'"\`<>:]{1,64}:${password}@`).test(text);
}

/** Assert the documented outcome for one config text, and that no report shows a seeded password whole. */
function check(text: string, label: string): Outcome['kind'] {
  const outcome = load(text);
  if (outcome.kind === 'crash') throw new Error(`${label}: loadConfig threw ${String(outcome.error)} (not a UsageError)\n--- input ---\n${text.slice(0, 400)}`);
  if (outcome.kind === 'usage') {
    const first = outcome.message.split('\n')[0]!;
    if (!/^launch-ready\.yml(?::\d+:\d+)?[: ]/.test(first) && !first.includes('launch-ready.yml')) {
      throw new Error(`${label}: UsageError names neither the file nor a position: ${first}`);
    }
  }
  const leak = outcome.kind === 'config' ? JSON.stringify(outcome.config) : outcome.message;
  const registry = new SecretRegistry();
  for (const url of urlsIn(text)) registry.addUrl(url);
  for (const format of FORMATS) {
    const rendered = renderReport(leakyGate(leak), format, { secrets: registry });
    for (const password of PASSWORDS) {
      if (isUrlPassword(text, password) && rendered.includes(password)) throw new Error(`${label}: ${format} report prints ${password} whole`);
    }
  }
  return outcome.kind;
}

describe('fuzz: launch-ready.yml → loadConfig', () => {
  it('the unmutated seed config loads (negative control: the fuzz is not all errors)', () => {
    const outcome = load(seeds[0]!.text);
    expect(outcome.kind).toBe('config');
  });

  it.each(seeds.map((seed) => [seed.path]))('mutations of %s give a config or a UsageError naming launch-ready.yml, and never print a password', (path) => {
    const seed = seeds.find((s) => s.path === path)!;
    const cases = seed === seeds[0] ? CASES_OWN_SEED : CASES_FOREIGN_SEED;
    const outcomes = { config: 0, usage: 0, crash: 0 };
    for (let i = 0; i < cases; i++) {
      const text = mutateMany(seed.text, new Prng(caseSeed(`config:${path}`, i)));
      outcomes[check(text, describeCase(`config:${path}`, i))]++;
    }
    expect(outcomes.config + outcomes.usage).toBe(cases);
    // Negative control: on the real config some mutations still load, so the password check sees real configs.
    if (seed === seeds[0]) expect(outcomes.config).toBeGreaterThan(0);
  });

  it('alias bombs and undefined aliases are UsageErrors with file:line:col', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 10; level++)
      bomb.push(
        `${'bcdefghij'[level - 1]}: &${'bcdefghij'[level - 1]} [${Array(9)
          .fill(`*${'abcdefghij'[level - 1]}`)
          .join(',')}]`,
      );
    const cases = [
      { name: 'billion laughs', text: bomb.join('\n') + '\n' },
      { name: 'billion laughs under a real key', text: `secrets:\n  x: &x [1,2,3,4,5,6,7,8,9,10]\n${bomb.join('\n')}\n` },
      { name: 'undefined alias', text: 'failOn: *nowhere\n' },
      { name: 'undefined alias in a list', text: 'trust:\n  hostnames: [*hosts]\n' },
      { name: 'alias before its anchor', text: 'trust:\n  hostnames: *h\nreadiness:\n  x: &h [a]\n' },
      { name: 'self-referencing anchor', text: 'a: &a [*a]\n' },
      { name: 'merge key of an undefined alias', text: 'secrets:\n  <<: *base\n' },
    ];
    for (const { name, text } of cases) {
      const outcome = load(text);
      if (outcome.kind === 'crash') throw new Error(`${name}: loadConfig threw ${String(outcome.error)}`);
      expect([name, outcome.kind]).toEqual([name, 'usage']);
      if (outcome.kind === 'usage') expect([name, outcome.message]).toEqual([name, expect.stringMatching(/^launch-ready\.yml:\d+:\d+: /)]);
    }
  });

  it('values of the wrong type, shape or size under every real key give a config or a UsageError', () => {
    const base: Record<string, unknown> = {
      failOn: 'blocker',
      secrets: { history: false, urls: ['https://deploy:Sup3rS3cretPassw0rd9@app.example.test/'] },
      trust: { hostnames: ['example.test'], pages: ['https://ops:An0therS3cretValue77@example.test/login'] },
      env: {},
      burst: {},
      rollback: {},
      readiness: { homepage: 'https://example.test/' },
      criticalPaths: {},
    };
    const keys = [
      'failOn',
      'secrets.urls',
      'secrets.bundles',
      'secrets.logs',
      'secrets.baseline',
      'secrets.maxFileBytes',
      'secrets.repo',
      'trust.hostnames',
      'trust.pages',
      'trust.domain',
      'trust.privateRoutes',
      'trust.email',
      'trust.resolvers',
      'env.environments',
      'env.required',
      'burst.target',
      'burst.scenarios',
      'rollback.smoke',
      'rollback.drill',
      'readiness.monitors',
      'readiness.homepage',
      'readiness.healthUrl',
      'criticalPaths',
      'network.connectTo',
      'network.resolvers',
      'network.ca',
      'secrets',
      'trust',
      'env',
    ];
    const values = (rng: Prng): unknown =>
      rng.pick<() => unknown>([
        () => null,
        () => rng.int(1e9) - 5e8,
        () => -1,
        () => 1e308,
        () => true,
        () => '',
        () => ' ',
        () => 'x'.repeat(rng.int(5000)),
        () => ['a', 1, null, { b: [] }],
        () => [],
        () => ({}),
        () => ({ a: { b: { c: [1, 2] } } }),
        () => 'https://u:Sup3rS3cretPassw0rd9@',
        () => 'http://[::1',
        () => '\u0000\ud800',
        () => '../../../../etc/passwd',
        () => Array.from({ length: rng.int(200) }, (_, k) => `h${k}.example.test`),
        () => [{ name: 1, url: {} }],
        () => '*.example.test',
        () => '127.0.0.1:99999',
      ])();
    const outcomes = { config: 0, usage: 0, crash: 0 };
    for (let i = 0; i < scaled(20); i++) {
      const rng = new Prng(caseSeed('config:types', i));
      const doc = structuredClone(base);
      for (let k = 1 + rng.int(3); k > 0; k--) {
        const [section, key] = rng.pick(keys).split('.') as [string, string | undefined];
        if (key === undefined) doc[section] = values(rng);
        else doc[section] = { ...(typeof doc[section] === 'object' && doc[section] !== null ? doc[section] : {}), [key]: values(rng) };
      }
      for (const section of Object.keys(doc)) if (rng.int(3) === 0 && !['secrets', 'trust'].includes(section)) delete doc[section];
      outcomes[check(stringify(doc), describeCase('config:types', i))]++;
    }
    expect(outcomes.usage).toBeGreaterThan(0);
    expect(outcomes.config).toBeGreaterThan(0);
  });

  it('random alias and anchor splices into the seed never crash', () => {
    const seed = seeds[0]!.text;
    for (let i = 0; i < scaled(20); i++) {
      const rng = new Prng(caseSeed('config:aliases', i));
      const lines = seed.split('\n');
      const names = ['hosts', 'a', 'b', 'nowhere'];
      for (let k = 0; k < 1 + rng.int(4); k++) {
        const line = rng.int(lines.length);
        const piece = rng.pick([`&${rng.pick(names)} `, `*${rng.pick(names)}`, `[*${rng.pick(names)}, *${rng.pick(names)}]`, `<<: *${rng.pick(names)}`]);
        const col = rng.int(lines[line]!.length + 1);
        lines[line] = lines[line]!.slice(0, col) + piece + lines[line]!.slice(col);
      }
      check(lines.join('\n'), describeCase('config:aliases', i));
    }
  });
});
