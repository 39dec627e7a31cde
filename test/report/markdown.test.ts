import { describe, expect, it } from '@jest/globals';
import { SecretRegistry } from '../../src/core/redaction.js';
import { COMMENT_LIMIT, COMMENT_MARKER, JOB_SUMMARY_LIMIT, renderMarkdown, stageEndMarker, stageStartMarker } from '../../src/report/markdown.js';
import { readStageSections } from '../../src/report/markdown-data.js';
import { renderComment, renderJobSummary } from '../../src/report/github.js';
import { gateOf, sampleGate, stageOf } from './fixtures.js';
import type { FindingInput } from '../../src/core/findings.js';

describe('the PR comment', () => {
  const md = renderMarkdown(sampleGate());

  it('starts with the hidden marker, then the ranked blockers, critical paths and stage sections in that order', () => {
    expect(md.startsWith(COMMENT_MARKER)).toBe(true);
    const blockers = md.indexOf('### Launch blockers');
    const paths = md.indexOf('### Critical paths');
    const stages = md.indexOf(stageStartMarker('secrets'));
    expect(blockers).toBeGreaterThan(0);
    expect(paths).toBeGreaterThan(blockers);
    expect(stages).toBeGreaterThan(paths);
    expect(md.indexOf('| **F1** |')).toBeLessThan(md.indexOf('| **F2** |'));
  });

  it('answers yes/no per critical path with the blocking finding ids and the stages that checked it', () => {
    expect(md).toMatch(/\| Email delivery \| ❌ no \| F\d \| trust \|/);
    expect(md).toContain('| Checkout | ✅ yes |  | trust |');
    expect(md).toContain('## launch-ready: ❌ not ready to launch');
  });

  it('says "not checked" for a path no stage looked at, and never "ready to launch" then', () => {
    const quiet = renderMarkdown(
      gateOf([stageOf('secrets', [], { checkedPaths: ['deploy'] }), stageOf('trust', [], { status: 'skipped', summary: 'no hosts configured' })]),
    );
    expect(quiet).toContain('| Email delivery | ➖ not checked |  |  |');
    expect(quiet).toContain('| Deploy and rollback | ✅ yes |  | secrets |');
    expect(quiet).toContain('## launch-ready: ✅ no blockers found');
    expect(quiet).toContain('Not checked: Sign-up / booking, Checkout, Login, Email delivery, Homepage.');
    const full = renderMarkdown(
      gateOf([
        stageOf('secrets', [], { checkedPaths: ['deploy'] }),
        stageOf('trust', [], { checkedPaths: ['signup', 'checkout', 'login', 'email', 'homepage'] }),
      ]),
    );
    expect(full).toContain('## launch-ready: ✅ ready to launch');
    expect(full).not.toContain('Not checked');
  });

  it('keeps which paths each stage checked in its section, so a job re-rendering the comment keeps the yes/no', () => {
    const sections = readStageSections(md);
    expect(sections.find((s) => s.id === 'trust')?.result?.checkedPaths).toEqual(['signup', 'checkout', 'login', 'email', 'homepage']);
    expect(sections.find((s) => s.id === 'secrets')?.result?.checkedPaths).toEqual(['deploy']);
  });

  it('wraps each stage in its own markers around a collapsible section', () => {
    for (const id of ['secrets', 'trust', 'burst', 'rollback'] as const) {
      const start = md.indexOf(stageStartMarker(id));
      const end = md.indexOf(stageEndMarker(id));
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      expect(md.slice(start, end)).toContain('<details><summary>');
    }
    expect(md).not.toContain(stageStartMarker('env'));
  });

  it('renders the trust domain map and the burst latency as tables', () => {
    expect(md).toContain('| Host | Records | Proxied | Certificate | HTTP | HTTPS |');
    expect(md).toContain(
      "| `example.com` | A 192.0.2.10 (ttl 300) | yes | Let's Encrypt R11, until 2027-01-30 (63 days) | → https://example.com/ (1 hop) | → https://example.com/ (0 hops) |",
    );
    expect(md).toContain('| `app.example.com` | CNAME example.herokudns.com (ttl 60) | no | none | no answer | no answer |');
    expect(md).toContain('| `old.example.com` (NXDOMAIN) | none | no | none | → http://old.example.com/ (refused, 0 hops) | no answer |');
    expect(md).toContain('| 3 ms | 40 ms | 180 ms | 420 ms | 900 ms | 1200 ms |');
  });

  it('shows a stage that could not run with its reason and fix', () => {
    expect(md).toContain('`previous-release`: no previous good release found. **Fix:** tag releases as release-* or set rollback.previousRelease');
  });

  it('embeds each stage result so the comment can be re-rendered from its sections', () => {
    const sections = readStageSections(md);
    expect(sections.map((s) => s.id)).toEqual(['secrets', 'trust', 'burst', 'rollback']);
    const trust = sections.find((s) => s.id === 'trust')!.result!;
    expect(trust.findings.map((f) => f.ruleId).sort()).toEqual(['dmarc-missing', 'hsts-missing']);
    expect(sections.find((s) => s.id === 'rollback')!.result!.errors![0]!.part).toBe('previous-release');
  });

  it('keeps @names in findings from pinging anyone on GitHub, but not in code or the embedded data', () => {
    const gate = gateOf([
      stageOf('env', [
        {
          ruleId: 'client-prefix',
          severity: 'high',
          title: 'NEXT_PUBLIC_KEY is bundled by @acme/web',
          fix: 'ask @security-team',
          location: { file: '@acme/web/.env' },
        },
      ]),
    ]);
    const out = renderComment(gate, new SecretRegistry());
    expect(out).toContain('bundled by &#64;acme/web');
    expect(out).toContain('ask &#64;security-team');
    expect(out).toContain('`@acme/web/.env`');
    expect(out.replace(/<!--[\s\S]*?-->|`[^`\n]*`/g, '')).not.toMatch(/@(acme|security)/);
    expect(readStageSections(out)[0]!.result!.findings[0]!.title).toBe('NEXT_PUBLIC_KEY is bundled by @acme/web');
    expect(renderMarkdown(gate)).toContain('bundled by @acme/web');
  });

  it('escapes table-breaking and HTML characters from findings', () => {
    const out = renderMarkdown(
      gateOf([stageOf('trust', [{ ruleId: 'x', severity: 'high', title: 'a | b <script>', fix: 'f\nnext -->', location: { host: 'h' } }])]),
    );
    expect(out).toContain('a \\| b &lt;script>');
    expect(out).not.toContain('<script>');
    expect(readStageSections(out)[0]!.result!.findings[0]!.fix).toBe('f\nnext -->');
  });
});

describe('size limits', () => {
  const many: FindingInput[] = Array.from({ length: 3000 }, (_, i) => ({
    ruleId: `rule-${i % 40}`,
    severity: i % 7 === 0 ? 'blocker' : 'medium',
    title: `Finding number ${i} with a fairly long description of what is wrong`,
    fix: 'Do the thing that fixes it, as the docs say',
    location: { file: `src/file-${i}.ts`, line: i + 1 },
  }));
  const big = gateOf([stageOf('secrets', many), stageOf('env', many.slice(0, 1500))]);

  it('keeps the PR comment under 65,536 characters with a note pointing at the job summary', () => {
    const out = renderComment(big, new SecretRegistry(), 'https://github.com/o/r/actions/runs/1');
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(out).toContain('shortened to fit. The full report is in the [job summary of this workflow run](https://github.com/o/r/actions/runs/1)');
    expect(readStageSections(out).map((s) => s.id)).toEqual(['secrets', 'env']);
    expect(readStageSections(out)[0]!.result!.findings.every((f) => f.severity === 'blocker')).toBe(true);
  });

  it('does not shorten a comment that fits', () => {
    expect(renderMarkdown(sampleGate())).not.toContain('shortened');
  });

  it('caps the job summary at 1 MiB of UTF-8', () => {
    const huge = gateOf([
      stageOf(
        'secrets',
        Array.from({ length: 12000 }, (_, i) => ({ ...many[i % many.length]!, title: `🔥 ${i} ${'é'.repeat(60)}`, location: { file: `f${i}` } })),
      ),
    ]);
    const out = renderJobSummary(huge, new SecretRegistry());
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT);
    expect(Buffer.byteLength(out, 'utf8')).toBeGreaterThan(JOB_SUMMARY_LIMIT / 4);
    expect(out).toContain('shortened to fit');
  });
});

describe('the blocker table never hides a blocker', () => {
  it('shows the top blockers and says how many more fail the gate and where they are', () => {
    const many: FindingInput[] = Array.from({ length: 45 }, (_, i) => ({
      ruleId: 'env-required-missing',
      severity: 'blocker' as const,
      title: `VAR_${String(i).padStart(2, '0')} is required but not set in production (a secret)`,
      fix: 'Set it',
      paths: ['deploy'],
    }));
    const low: FindingInput = { ruleId: 'env-undeclared', severity: 'low', title: 'X is used in code but not listed', fix: 'List it', paths: ['deploy'] };
    const text = renderMarkdown(gateOf([stageOf('env', [...many, low])]), { maxLength: 9_000 });
    const shown = (text.split('### Launch blockers')[1] ?? '').split('### ')[0]!.match(/VAR_\d\d/g) ?? [];
    expect(shown.length).toBeGreaterThan(0);
    expect(text).toContain(`**…and ${45 - shown.length} more blockers (see the job summary)**, plus 1 other finding.`);
    // Ranked within a severity by name: the first shown is VAR_00, not hash order.
    expect(shown[0]).toBe('VAR_00');
  });

  it('negative control: when everything fits, no "more blockers" line', () => {
    const text = renderMarkdown(
      gateOf([stageOf('env', [{ ruleId: 'env-required-missing', severity: 'blocker', title: 'A is required', fix: 'Set it', paths: ['deploy'] }])]),
    );
    expect(text).not.toContain('more blocker');
  });
});
