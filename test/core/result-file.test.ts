import { describe, expect, it } from '@jest/globals';
import { isCompactFinding, isGateResult, isReportBlock, isStageResult } from '../../src/core/result-file.js';
import { sampleGate } from '../report/fixtures.js';

/** A result as it comes back from a file: plain JSON. */
const reread = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('results read back from JSON', () => {
  const gate = sampleGate();

  it('takes a written gate result and each of its stages', () => {
    const back = reread(gate);
    expect(isGateResult(back)).toBe(true);
    expect(gate.stages.length).toBeGreaterThan(0);
    expect(gate.stages.every((s) => isStageResult(reread(s)))).toBe(true);
  });

  it('rejects a stage with an unknown status, a finding without a fingerprint, or a bad block', () => {
    const [stage] = gate.stages;
    expect(isStageResult({ ...stage, status: 'great' })).toBe(false);
    expect(isStageResult({ ...stage, id: 'deploy' })).toBe(false);
    const finding = reread(stage!.findings[0] ?? gate.stages.flatMap((s) => s.findings)[0]);
    expect(isCompactFinding(finding)).toBe(true);
    expect(isCompactFinding(Object.assign({}, finding, { fingerprint: 7 }))).toBe(false);
    expect(isReportBlock({ kind: 'table', title: 'Routes', columns: ['a'], rows: [['x', 1, null, { code: '/' }]] })).toBe(true);
    expect(isReportBlock({ kind: 'table', title: 'Routes', columns: ['a'], rows: [[{}]] })).toBe(false);
    expect(isReportBlock({ kind: 'chart', title: 'x' })).toBe(false);
  });

  it('rejects a gate result of another version or with a stage that is not one', () => {
    expect(isGateResult({ ...gate, version: 2 })).toBe(false);
    expect(isGateResult({ ...gate, stages: [{ id: 'secrets' }] })).toBe(false);
  });
});
