import { describe, expect, it } from '@jest/globals';
import { renderText } from '../../src/report/text.js';
import { sampleGate } from './fixtures.js';

describe('terminal text', () => {
  const result = sampleGate();

  it('has no colour unless asked', () => {
    expect(renderText(result)).not.toContain('\u001b[');
    expect(renderText(result, { color: true })).toContain('\u001b[1;31mFAIL\u001b[0m');
  });

  it('lists the ranked findings, then critical paths, then stages', () => {
    const out = renderText(result);
    const f1 = out.indexOf('F1  BLOCKER');
    expect(f1).toBeGreaterThan(0);
    expect(out.indexOf('Critical paths:')).toBeGreaterThan(f1);
    expect(out.indexOf('Stages:')).toBeGreaterThan(out.indexOf('Critical paths:'));
    expect(out).toMatch(/Email delivery\s+no {3}blocked by F\d/);
    expect(out).toContain('at src/config.ts:12 @ a1b2c3d4e5f6');
  });

  it('shows a stage error with its fix', () => {
    expect(renderText(result)).toContain(
      'could not run previous-release: no previous good release found; fix: tag releases as release-* or set rollback.previousRelease',
    );
  });
});
