import { describe, expect, it } from '@jest/globals';

describe('test runtime', () => {
  it('runs on Node 24, the action runtime (node24), not the machine default', () => {
    expect(process.version).toMatch(/^v24\./);
  });
});
