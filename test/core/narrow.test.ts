import { describe, expect, it } from '@jest/globals';
import { valueAt } from '../../src/core/narrow.js';

describe('narrowing unknown input', () => {
  const event: unknown = JSON.parse('{"pull_request":{"number":12,"head":{"sha":"abc"}},"issue":[1],"none":null}');

  it('reads a value down a path of keys', () => {
    expect(valueAt(event, 'pull_request', 'head', 'sha')).toBe('abc');
    expect(valueAt(event, 'pull_request', 'number')).toBe(12);
    expect(valueAt(event)).toBe(event);
  });

  it('stops at a missing key, a null, an array or a primitive', () => {
    expect(valueAt(event, 'pull_request', 'base', 'sha')).toBeUndefined();
    expect(valueAt(event, 'none', 'x')).toBeUndefined();
    expect(valueAt(event, 'issue', '0')).toBeUndefined();
    expect(valueAt(event, 'pull_request', 'number', 'toFixed')).toBeUndefined();
    expect(valueAt('text', 'length')).toBeUndefined();
  });
});
