import { afterAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFinding } from '../../../src/core/findings.js';
import { alnum, checksummed } from './fakes.js';
import { allPlaces, runSecrets, TempRepo } from './helpers.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((r) => r.remove()));
function newRepo(): TempRepo {
  const repo = new TempRepo();
  repos.push(repo);
  return repo;
}

describe('gitleaks-compatible suppressions', () => {
  it('skips a line marked gitleaks:allow in the tree and in history', async () => {
    const repo = newRepo();
    repo.write('test/fixture.ts', `const token = '${checksummed('ghp_')}'; // gitleaks:allow\n`);
    repo.commit('fixture');
    const outcome = await runSecrets({ repo: repo.dir }, repo.dir);
    expect(outcome.findings).toEqual([]);
  });

  it('skips findings listed in .gitleaksignore (commit:file:rule:line and file:rule:line)', async () => {
    const repo = newRepo();
    const kept = checksummed('ghp_');
    repo.write('a.env', `A=${checksummed('ghp_')}\nB=${kept}\n`);
    const commit = repo.commit('env');
    repo.write('.gitleaksignore', `# reviewed: test tokens\n${commit}:a.env:github-pat:1\na.env:github-pat:1\n`);
    const outcome = await runSecrets({ repo: repo.dir }, repo.dir);
    const found = allPlaces(outcome).map((p) => [p.secret === kept, p.line, p.commit !== undefined ? 'history' : 'tree']);
    expect(found.sort()).toEqual([
      [true, 2, 'history'],
      [true, 2, 'tree'],
    ]);
    expect(outcome.metrics).toMatchObject({ suppressed: { gitleaksIgnore: 2 } });
  });

  it('honours .gitleaks.toml allowlist paths, regexes and stopwords', async () => {
    const repo = newRepo();
    repo.write(
      '.gitleaks.toml',
      ['title = "acme"', '[allowlist]', "paths = ['''^fixtures/''']", "regexes = ['''^sk_test_''']", "stopwords = ['notreal']"].join('\n'),
    );
    repo.write('fixtures/token.txt', `t=${checksummed('ghp_')}\n`);
    repo.write('src/app.ts', `const apiSecret = "notreal${alnum(24)}";\n`);
    const real = checksummed('ghp_');
    repo.write('src/real.ts', `const t = "${real}";\n`);
    repo.commit('files');
    const outcome = await runSecrets({ repo: repo.dir, history: false }, repo.dir);
    expect(outcome.findings.map((f) => f.location?.file)).toEqual(['src/real.ts']);
    expect(outcome.metrics).toMatchObject({ suppressed: { allowlist: 2 } });
  });

  it('honours a rule\'s own allowlists, targetRules, and condition = "AND" (gitleaks v8)', async () => {
    const repo = newRepo();
    repo.write(
      '.gitleaks.toml',
      [
        '[extend]',
        'useDefault = true',
        '[[rules]]',
        'id = "github-pat"',
        '[[rules.allowlists]]',
        "paths = ['''^docs/''']",
        '[[allowlists]]',
        'targetRules = ["npm-access-token"]',
        "paths = ['''^scripts/''']",
        '[[allowlists]]',
        'condition = "AND"',
        "paths = ['''^examples/''']",
        "stopwords = ['notreal']",
      ].join('\n'),
    );
    const npm = checksummed('npm_');
    repo.write('docs/setup.md', `token: ${checksummed('ghp_')}\nnpm: ${npm}\n`);
    repo.write('scripts/publish.sh', `NPM_TOKEN=${checksummed('npm_')}\nGH=${checksummed('ghp_')}\n`);
    repo.write('examples/app.ts', `const t = "${checksummed('ghp_')}";\n`);
    repo.write('examples/config.ts', `const apiSecret = "notreal${alnum(24)}";\n`);
    repo.write('src/config.ts', `const apiSecret = "notreal${alnum(24)}";\n`);
    repo.commit('files');
    const outcome = await runSecrets({ repo: repo.dir, history: false }, repo.dir);
    // docs/: only the GitHub token is allowed (the rule's own list); scripts/: only the npm token
    // (targetRules); the AND list needs both the examples/ path and the stopword.
    expect(outcome.findings.map((f) => `${f.location?.file} ${f.ruleId}`).sort()).toEqual([
      'docs/setup.md npm-access-token',
      'examples/app.ts github-pat',
      'scripts/publish.sh github-pat',
      'src/config.ts generic-api-key',
    ]);
    expect(outcome.metrics).toMatchObject({ suppressed: { allowlist: 3 } });
  });

  it('adds custom [[rules]] to the defaults with [extend] useDefault, and replaces them without', async () => {
    const repo = newRepo();
    const rule = [
      '[[rules]]',
      'id = "acme-internal-key"',
      'description = "Acme internal API key"',
      "regex = '''(?i)acme_(?:live)_([a-z0-9]{24})'''",
      'secretGroup = 1',
      'keywords = ["acme_"]',
      'entropy = 3.0',
    ];
    const acme = alnum(24).toLowerCase();
    repo.write('src/keys.ts', `const acme = 'ACME_LIVE_${acme}';\nconst gh = '${checksummed('ghp_')}';\nconst low = 'acme_live_${'a'.repeat(24)}';\n`);
    repo.write('.gitleaks.toml', ['[extend]', 'useDefault = true', ...rule].join('\n'));
    repo.commit('keys');
    const extended = await runSecrets({ repo: repo.dir, history: false }, repo.dir);
    expect(extended.findings.map((f) => f.ruleId).sort()).toEqual(['acme-internal-key', 'github-pat']);
    expect(extended.findings.find((f) => f.ruleId === 'acme-internal-key')).toMatchObject({
      secret: acme,
      title: expect.stringContaining('Acme internal API key'),
      severity: 'blocker',
    });
    writeFileSync(join(repo.dir, '.gitleaks.toml'), rule.join('\n'));
    const replaced = await runSecrets({ repo: repo.dir, history: false }, repo.dir);
    expect(replaced.findings.map((f) => f.ruleId)).toEqual(['acme-internal-key']);
  });
});

describe('baseline', () => {
  it('accepts the findings of a previous JSON report and reports only new ones', async () => {
    const repo = newRepo();
    repo.write('old.env', `T=${checksummed('ghp_')}\n`);
    repo.commit('old leak');
    const first = await runSecrets({ repo: repo.dir }, repo.dir);
    expect(first.findings).toHaveLength(1);
    expect(allPlaces(first)).toHaveLength(2);
    const report = { version: 1, stages: [{ id: 'secrets', findings: first.findings.map((f) => toFinding('secrets', f)) }] };
    writeFileSync(join(repo.dir, 'baseline.json'), JSON.stringify(report));
    const fresh = checksummed('ghp_');
    repo.write('new.env', `T=${fresh}\n`);
    repo.commit('new leak');
    const second = await runSecrets({ repo: repo.dir, baseline: 'baseline.json' }, repo.dir);
    expect(allPlaces(second).map((p) => [p.secret === fresh, p.file])).toEqual([
      [true, 'new.env'],
      [true, 'new.env'],
    ]);
    expect(second.metrics).toMatchObject({ suppressed: { baseline: 2 } });
  });

  it('accepts a gitleaks JSON report as a baseline', async () => {
    const repo = newRepo();
    repo.write('a.env', `T=${checksummed('ghp_')}\n`);
    const commit = repo.commit('leak');
    writeFileSync(join(repo.dir, 'gitleaks.json'), JSON.stringify([{ RuleID: 'github-pat', Fingerprint: `${commit}:a.env:github-pat:1` }]));
    const outcome = await runSecrets({ repo: repo.dir, baseline: 'gitleaks.json' }, repo.dir);
    expect(outcome.findings.map((f) => f.location?.commit)).toEqual([undefined]);
  });
});
