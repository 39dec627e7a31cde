import { describe, expect, it } from '@jest/globals';
import { applyPolicyChanges, comparePolicy, effectiveFailOn, type PolicyFiles } from '../../src/core/policy.js';
import { stageOf } from '../report/fixtures.js';

/** The pure core of the config-weakening check: file texts at the base and the head in, changes out. */
describe('comparePolicy', () => {
  const paths = { config: 'launch-ready.yml', gitleaksConfig: '.gitleaks.toml', gitleaksIgnore: '.gitleaksignore', baseline: 'baseline.json' };
  const rules = (base: PolicyFiles, head: PolicyFiles, workflow = {}) => comparePolicy(base, head, paths, workflow).map((c) => [c.rule, c.stage, c.change]);

  it('finds nothing when nothing weakens (a stricter failOn, a removed suppression, a new stage turned on)', () => {
    expect(
      rules({ config: 'failOn: blocker\nenv: {enabled: false}\n', gitleaksIgnore: 'a:b:c:1\n' }, { config: 'failOn: high\n', gitleaksIgnore: '' }),
    ).toEqual([]);
  });

  it('a stage turned off, a raised failOn, new excludes and history off', () => {
    const head = 'failOn: never\nsecrets: {enabled: false, history: false}\nenv: {exclude: ["src/**"], ignore: [STRIPE_KEY]}\n';
    expect(rules({ config: 'failOn: medium\n' }, { config: head })).toEqual([
      ['config-stage-disabled', 'secrets', 'secrets.enabled: true → false'],
      ['config-fail-on-raised', undefined, 'failOn: medium → never'],
      ['config-paths-excluded', 'env', 'env.exclude + src/**'],
      ['config-paths-excluded', 'env', 'env.ignore + STRIPE_KEY'],
      ['config-history-off', 'secrets', 'secrets.history: true → false'],
    ]);
  });

  it('a file added by the pull request is compared with the defaults; a deleted one counts as defaults too', () => {
    expect(rules({}, { config: 'failOn: low\ntrust: {enabled: false}\n' })).toEqual([['config-stage-disabled', 'trust', 'trust.enabled: true → false']]);
    expect(rules({ config: 'failOn: low\n' }, {})).toEqual([['config-fail-on-raised', undefined, 'failOn: low → blocker']]);
  });

  it("what the workflow decides is not the file's to weaken: fail-on and stages inputs", () => {
    expect(rules({}, { config: 'failOn: never\nsecrets: {enabled: false}\n' }, { failOn: 'blocker', stages: ['secrets'] })).toEqual([]);
  });

  it('new suppressions: .gitleaks.toml allowlists (global, per rule) and disabled rules, .gitleaksignore lines, baseline fingerprints', () => {
    const toml =
      '[extend]\nuseDefault = true\ndisabledRules = ["github-pat"]\n[allowlist]\npaths = ["fixtures/"]\n[[rules]]\nid = "custom"\nregex = "x"\n[rules.allowlist]\nstopwords = ["demo"]\n';
    const baseline = JSON.stringify({ version: 1, stages: [{ id: 'secrets', findings: [{ fingerprint: 'f1' }, { fingerprint: 'f2' }] }] });
    const changes = comparePolicy(
      { gitleaksConfig: '[allowlist]\npaths = ["fixtures/"]\n', gitleaksIgnore: '# accepted\nold:1\n', baseline: JSON.stringify([{ Fingerprint: 'f1' }]) },
      { gitleaksConfig: toml, gitleaksIgnore: '# accepted\nold:1\nnew:2\n', baseline },
      paths,
    );
    expect(changes.map((c) => [c.file, c.change])).toEqual([
      ['.gitleaks.toml', '+ custom stopwords: demo, disabled rule github-pat'],
      ['.gitleaksignore', '+ new:2'],
      ['baseline.json', '+ f2'],
    ]);
    expect(changes.every((c) => c.rule === 'config-suppression-added' && c.stage === 'secrets')).toBe(true);
  });

  it('a base file that does not parse counts as empty, so every head entry is new (fails safe)', () => {
    expect(rules({ gitleaksConfig: 'not = [toml' }, { gitleaksConfig: '[allowlist]\npaths = ["a"]\n' })).toEqual([
      ['config-suppression-added', 'secrets', '+ paths: a'],
    ]);
  });
});

describe('applying the changes to the gate', () => {
  const [disabled, raised] = comparePolicy(
    {},
    { config: 'failOn: never\nenv: {enabled: false}\n' },
    { config: 'launch-ready.yml', gitleaksConfig: '', gitleaksIgnore: '' },
  );

  it("a blocked change keeps the base's failOn; a reported one does not", () => {
    expect(effectiveFailOn('never', { changes: [raised!] }, 'block')).toBe('blocker');
    expect(effectiveFailOn('never', { changes: [raised!] }, 'report')).toBe('never');
    expect(effectiveFailOn('never', undefined, 'block')).toBe('never');
  });

  it('a stage turned off gets a result of its own; a gate-wide change goes to the first stage; the same change is added once', () => {
    const titles = { env: 'Environment variables' };
    const once = applyPolicyChanges([stageOf('secrets', [])], [disabled!, raised!], { mode: 'block', titles });
    const twice = applyPolicyChanges(once, [disabled!, raised!], { mode: 'block', titles });
    expect(twice.map((s) => [s.id, s.summary, s.findings.map((f) => [f.ruleId, f.severity])])).toEqual([
      ['secrets', expect.any(String), [['config-fail-on-raised', 'blocker']]],
      ['env', 'Environment variables: not run: this pull request turns it off', [['config-stage-disabled', 'blocker']]],
    ]);
  });

  it('a stage job reports only on its own stage', () => {
    const out = applyPolicyChanges([stageOf('trust', [])], [disabled!, raised!], { mode: 'report', titles: {}, only: ['trust'] });
    expect(out.map((s) => [s.id, s.findings.map((f) => [f.ruleId, f.severity])])).toEqual([['trust', [['config-fail-on-raised', 'info']]]]);
  });
});
