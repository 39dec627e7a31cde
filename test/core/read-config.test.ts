import { describe, expect, it } from '@jest/globals';
import { entriesOf, errorMessage, isBoolean, isNumber, isString, oneOrMany } from '../../src/core/read-config.js';

describe('reading config values without asserting their type', () => {
  it('tells strings, numbers and booleans from look-alikes', () => {
    expect([isString('a'), isString(1), isString(undefined)]).toEqual([true, false, false]);
    expect([isNumber(0), isNumber('1'), isNumber(undefined)]).toEqual([true, false, false]);
    expect([isBoolean(false), isBoolean('false'), isBoolean(0)]).toEqual([true, false, false]);
  });

  it('keeps only the map entries of the wanted type, and gives an empty map for a non-object', () => {
    const headers = entriesOf({ 'content-type': 'text/html', 'x-powered-by': false, retries: 3 }, (v): v is string | boolean => isString(v) || isBoolean(v));
    expect(headers).toEqual({ 'content-type': 'text/html', 'x-powered-by': false });
    expect(entriesOf(['a'], isString)).toEqual({});
    expect(entriesOf(null, isString)).toEqual({});
  });

  it('reads one item or a list of them as a list', () => {
    expect(oneOrMany(200, isNumber)).toEqual([200]);
    expect(oneOrMany([400, 401, 'x'], isNumber)).toEqual([400, 401]);
    expect(oneOrMany(undefined, isNumber)).toEqual([]);
    expect(oneOrMany('200', isNumber)).toEqual([]);
  });

  it('gives the message of an error, and anything else thrown as text', () => {
    expect(errorMessage(new TypeError('bad key'))).toBe('bad key');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(42)).toBe('42');
  });
});
