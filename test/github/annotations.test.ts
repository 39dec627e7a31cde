import { describe, expect, it } from '@jest/globals';
import type { FindingInput } from '../../src/core/findings.js';
import { SecretRegistry } from '../../src/core/redaction.js';
import { ANNOTATION_LIMIT, planAnnotations } from '../../src/github/annotations.js';
import { jobSummaryOf } from '../../src/github/summary.js';
import { gateOf, GITHUB_PAT, stageOf } from '../report/fixtures.js';

const finding = (i: number, severity: FindingInput['severity'], extra: Partial<FindingInput> = {}): FindingInput => ({
  ruleId: `r-${severity}`,
  severity,
  title: `${severity} ${i}`,
  fix: 'fix',
  location: { file: `f${i}.ts`, line: i + 1 },
  ...extra,
});

describe('annotations', () => {
  it('keep within 10 errors and 10 warnings per step, most urgent first, and count the rest', () => {
    const inputs = [
      ...Array.from({ length: 12 }, (_, i) => finding(i, 'blocker')),
      ...Array.from({ length: 3 }, (_, i) => finding(20 + i, 'high')),
      ...Array.from({ length: 14 }, (_, i) => finding(40 + i, 'low')),
      finding(99, 'info'),
    ];
    const plan = planAnnotations(gateOf([stageOf('secrets', inputs)]), new SecretRegistry());
    const errors = plan.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(ANNOTATION_LIMIT);
    expect(errors.every((a) => a.title.includes('blocker'))).toBe(true);
    expect(plan.annotations.filter((a) => a.level === 'warning')).toHaveLength(ANNOTATION_LIMIT);
    expect(plan.omitted).toEqual({ error: 5, warning: 4 });
    expect(jobSummaryOf(gateOf([stageOf('secrets', inputs)]), new SecretRegistry(), undefined, { annotations: plan })).toContain(
      '5 error and 4 warning annotations were not added',
    );
  });

  it('only annotate findings located in a file', () => {
    const plan = planAnnotations(
      gateOf([
        stageOf('trust', [finding(1, 'blocker', { location: { host: 'example.com' } }), finding(2, 'blocker', { location: { url: 'https://example.com/' } })]),
      ]),
      new SecretRegistry(),
    );
    expect(plan.annotations).toEqual([]);
  });

  it('never carry a secret whole, even one a stage put in a title', () => {
    const registry = new SecretRegistry();
    const plan = planAnnotations(
      gateOf([stageOf('secrets', [finding(1, 'blocker', { title: `token ${GITHUB_PAT} committed`, secret: GITHUB_PAT })], {}, registry)]),
      registry,
    );
    expect(plan.annotations[0]!.message).not.toContain(GITHUB_PAT);
    expect(plan.annotations[0]!.message).toContain('ghp_…(40 chars)');
    expect(plan.annotations[0]).toMatchObject({ file: 'f1.ts', startLine: 2 });
  });
});
