import { describe, expect, it } from '@jest/globals';
import { read } from '../../src/core/guards.js';

describe('typed reads of a validated config section', () => {
  const section: Record<string, unknown> = {
    target: 'https://staging.example.com',
    vus: 10,
    limits: { maxVUs: 2000 },
    steps: [{ url: '/' }, 'not a step', { url: '/signup' }],
    headers: { accept: 'text/html', retries: 3 },
  };

  it('gives a key the schema does not default when it is there, and undefined when it is not', () => {
    expect(read.optionalString(section, 'target')).toBe('https://staging.example.com');
    expect(read.optionalString(section, 'duration')).toBeUndefined();
    expect(read.optionalNumber(section, 'vus')).toBe(10);
    expect(read.optionalNumber(section, 'rate')).toBeUndefined();
    expect(read.optionalRecord(section, 'limits')).toEqual({ maxVUs: 2000 });
    expect(read.optionalRecord(section, 'abort')).toBeUndefined();
    expect(read.optionalRecords(section, 'steps')).toEqual([{ url: '/' }, { url: '/signup' }]);
    expect(read.optionalRecords(section, 'scenarios')).toBeUndefined();
    expect(read.optionalStringMap(section, 'headers')).toEqual({ accept: 'text/html' });
    expect(read.optionalStringMap(section, 'form')).toBeUndefined();
  });

  it('throws naming the key when a value has the wrong type (a bug in the schema, not user input)', () => {
    expect(() => read.optionalString(section, 'vus')).toThrow('config key vus: expected the schema to give a string');
    expect(() => read.optionalNumber(section, 'target')).toThrow('config key target: expected the schema to give a number');
    expect(() => read.optionalRecord(section, 'steps')).toThrow('config key steps: expected the schema to give a mapping');
    expect(() => read.optionalRecords(section, 'limits')).toThrow('config key limits: expected the schema to give a list');
    expect(() => read.optionalStringMap(section, 'target')).toThrow('config key target: expected the schema to give a mapping');
  });
});
