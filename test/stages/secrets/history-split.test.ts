import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FindingCollector } from '../../../src/stages/secrets/report.js';
import { scanHistory, splitShares } from '../../../src/stages/secrets/sources/history-split.js';
import { loadScanPolicy } from '../../../src/stages/secrets/suppress.js';
import { checksummed, rng, stripeKey } from './fakes.js';
import { TempRepo } from './helpers.js';

/** Everything the collector is fed, in the order it is fed: what makes findings and fingerprints identical. */
async function scanWith(repo: string, workers: number) {
  const policy = loadScanPolicy(repo);
  const fed: unknown[] = [];
  const collector = new FindingCollector(policy, new Set(), new Set());
  const stats = await scanHistory({ repo, maxBlockBytes: 1024 * 1024, workers, minCommitsToSplit: 0 }, policy.rules, (block, matches) => {
    fed.push({ block, matches: matches.map((m) => ({ ...m, rule: m.rule.id })) });
    collector.add({ kind: 'history', file: block.file, commit: block.commit, ref: block.ref, date: block.date, lines: block.lines }, matches);
  });
  return { fed, stats, findings: collector.findings, places: collector.places };
}

describe('a history scan split over worker threads', () => {
  const repo = new TempRepo();
  const random = rng(15);
  const kept = checksummed('ghp_');
  let single: Awaited<ReturnType<typeof scanWith>>;
  let split: Awaited<ReturnType<typeof scanWith>>;

  beforeAll(async () => {
    // 40 commits on three branches with a merge, a rename, a deletion and one secret repeated in
    // many commits, so shares cut through every kind of commit and a finding spans shares.
    for (let i = 0; i < 40; i++) {
      if (i === 12) repo.git('checkout', '-q', '-b', 'feature/a');
      if (i === 20) repo.git('checkout', '-q', 'main');
      if (i === 26) repo.git('checkout', '-q', '-b', 'feature/b');
      if (i === 32) {
        repo.git('checkout', '-q', 'main');
        repo.git('merge', '-q', '--no-edit', 'feature/a');
      }
      const dir = i >= 12 && i < 20 ? 'a' : i >= 26 && i < 32 ? 'b' : 'src';
      repo.write(`${dir}/file-${i % 7}.ts`, `export const n = ${i};\nconst token = '${i % 5 === 0 ? kept : checksummed('ghp_')}';\n`);
      if (i % 9 === 4) repo.write(`config/${i}.env`, `STRIPE_KEY=${stripeKey()}\nN=${Math.floor(random() * 1000)}\n`);
      if (i === 35) repo.git('mv', 'src/file-1.ts', 'src/renamed.ts');
      if (i === 30) repo.git('rm', '-q', '-f', 'src/file-2.ts');
      repo.commit(`commit ${i}`);
    }
  });
  afterAll(() => repo.remove());

  it('feeds the same blocks and matches in the same order with 1 and with 3 workers', async () => {
    single = await scanWith(repo.dir, 1);
    split = await scanWith(repo.dir, 3);
    expect(single.stats.shares).toBe(1);
    expect(split.stats.shares).toBe(3);
    expect(single.fed.length).toBeGreaterThan(30);
    expect(split.fed).toEqual(single.fed);
    expect(split.stats.commits).toBe(single.stats.commits);
    expect(split.stats.skippedLargeBlocks).toBe(single.stats.skippedLargeBlocks);
  });

  it('gives identical findings, fingerprints and occurrences', () => {
    expect(single.findings.length).toBeGreaterThan(10);
    expect(split.findings).toEqual(single.findings);
    expect(split.places).toBe(single.places);
    const repeated = single.findings.filter((f) => (f.occurrences?.length ?? 0) >= 8);
    expect(repeated).toHaveLength(1);
  });

  it('names the branch that reached a commit, as the single stream does', () => {
    const refs = new Set(split.fed.map((f) => (f as { block: { ref: string } }).block.ref));
    expect([...refs].sort()).toEqual(['refs/heads/feature/a', 'refs/heads/feature/b', 'refs/heads/main']);
  });

  it('cuts the commit list into contiguous shares that cover it once', () => {
    const commits = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const shares = splitShares({ commits, refs: commits.map(() => 'refs/heads/main') }, 3);
    expect(shares.map((s) => s.commits.length)).toEqual([4, 4, 2]);
    expect(shares.flatMap((s) => s.commits)).toEqual(commits);
  });
});
