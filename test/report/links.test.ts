import { describe, expect, it } from '@jest/globals';
import { toFinding } from '../../src/core/findings.js';
import type { GateResult } from '../../src/core/result.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { locationUrl } from '../../src/report/shared.js';

const links = { serverUrl: 'https://github.example.com/', repository: 'acme/shop', revision: 'c0ffee0000000000000000000000000000000000' };

function gate(findings: ReturnType<typeof toFinding>[]): GateResult {
  return {
    version: 1,
    tool: { name: 'launch-ready', version: '0.0.0-test' },
    status: 'fail',
    failOn: 'blocker',
    durationMs: 5,
    criticalPaths: [],
    stages: [{ id: 'secrets', status: 'fail', summary: 's', durationMs: 5, metrics: {}, findings: findings.map((f, i) => ({ ...f, id: `F${i + 1}` })) }],
  };
}

describe('links to the file at its commit', () => {
  it('links a history location to its own commit, a tree location to the commit checked', () => {
    expect(locationUrl({ file: 'src/pay me.ts', line: 3, commit: '1c9efadb00' }, links)).toBe(
      'https://github.example.com/acme/shop/blob/1c9efadb00/src/pay%20me.ts#L3',
    );
    expect(locationUrl({ file: 'config/app.env', line: 2 }, links)).toBe(`https://github.example.com/acme/shop/blob/${links.revision}/config/app.env#L2`);
  });

  it('does not link a path outside the repository, a URL, or without a known commit', () => {
    expect(locationUrl({ file: '/tmp/out/app.js', line: 1 }, links)).toBeUndefined();
    expect(locationUrl({ url: 'https://shop.example.com/' }, links)).toBeUndefined();
    expect(locationUrl({ file: 'a.env', line: 1 }, { serverUrl: 'https://github.com', repository: 'acme/shop' })).toBeUndefined();
  });

  it("renders every stage's located finding as a link in the Markdown report", () => {
    const env = toFinding('env', {
      ruleId: 'dotenv-committed',
      severity: 'high',
      title: '.env committed',
      fix: 'remove it',
      location: { file: '.env.production', line: 1 },
    });
    const markdown = renderMarkdown(gate([env]), { links });
    expect(markdown).toContain(`[\`.env.production:1\`](https://github.example.com/acme/shop/blob/${links.revision}/.env.production#L1)`);
    expect(renderMarkdown(gate([env]))).not.toContain('](https://github.example.com');
  });
});

describe('SARIF locations for occurrences', () => {
  it('lists every place of a secret as a location, the most exposed first', () => {
    const finding = toFinding('secrets', {
      ruleId: 'github-pat',
      severity: 'blocker',
      title: 't',
      fix: 'f',
      secret: 'ghp_x',
      fingerprint: 'p2',
      location: { file: 'src/gh.ts', line: 1 },
      occurrences: [
        { file: 'src/gh.ts', line: 1, fingerprint: 'p2' },
        { file: 'src/gh.ts', line: 1, commit: 'abc', fingerprint: 'p1' },
        { file: 'src/copy.ts', line: 4, fingerprint: 'p3' },
      ],
    });
    const sarif = JSON.parse(renderSarif(gate([finding]))) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    const uris = sarif.runs[0]!.results[0]!.locations.map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}`);
    expect(uris).toEqual(['src/gh.ts:1', 'src/gh.ts:1', 'src/copy.ts:4']);
  });
});
