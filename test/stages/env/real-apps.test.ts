import { describe, expect, it } from '@jest/globals';
import { evaluate, fixtureApps, loadFixture } from './real-apps.js';

describe.each(fixtureApps())('env verdicts on a real application: %s', (app) => {
  const { truth, files } = loadFixture(app);
  const result = evaluate(app, truth, files);

  it('finds at least 95% of the variables the deployed app reads', () => {
    expect(result.readRecall).toBeGreaterThanOrEqual(0.95);
  });

  it('at least 90% of what it calls required, production truly requires', () => {
    expect(result.requiredPrecision).toBeGreaterThanOrEqual(0.9);
  });

  it('catches every planted fault at blocker or high, with at most 1 false blocker', () => {
    expect(result.uncaught).toEqual([]);
    expect(result.faultsCaught).toBe(4);
    expect(result.falseBlockers.length).toBeLessThanOrEqual(1);
  });

  it('the fault test is not vacuous: with the example as is (nothing removed or renamed) no planted fault is reported', () => {
    const clean = evaluate(app, { ...truth, faults: { remove: [], rename: { from: '', to: '' } } }, files);
    const blockersOrHigh = clean.findings.filter(
      (f) => (f.severity === 'blocker' || f.severity === 'high') && truth.faults.remove.includes(f.title.split(' ')[0]!),
    );
    expect(blockersOrHigh).toEqual([]);
  });
});
