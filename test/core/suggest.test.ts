import { describe, expect, it } from '@jest/globals';
import { closest, didYouMean } from '../../src/core/suggest.js';

describe('did you mean', () => {
  it('catches swapped neighbouring letters, a missing letter and a wrong case', () => {
    expect(closest('emial', ['hostnames', 'email', 'pages'])).toBe('email');
    expect(closest('hostname', ['hostnames', 'email'])).toBe('hostnames');
    expect(closest('FailOn', ['failOn', 'criticalPaths'])).toBe('failOn');
  });

  it('does not guess when nothing is close, and lists the valid values instead', () => {
    expect(closest('colour', ['failOn', 'criticalPaths', 'trust'])).toBeUndefined();
    expect(didYouMean('colour', ['failOn', 'criticalPaths', 'trust'])).toBe('expected one of failOn, criticalPaths, trust');
    expect(
      didYouMean(
        'x',
        Array.from({ length: 21 }, (_, i) => `key${i}`),
      ),
    ).toBe('remove it');
  });
});
