import { describe, expect, it } from '@jest/globals';
import { retryDelayMs } from '../../src/github/api.js';

describe('which GitHub answers are retried', () => {
  const answer = (status: number, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers) });
  const now = Date.parse('2026-12-01T12:00:00Z');

  it.each([
    ['a 403 without Retry-After or rate-limit headers (a permission answer)', answer(403), undefined],
    [
      'a 403 with rate-limit headers that still has requests left',
      answer(403, { 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': String(now / 1000 + 5) }),
      undefined,
    ],
    ['a 404', answer(404), undefined],
    ['a 403 with Retry-After: 3', answer(403, { 'retry-after': '3' }), 3000],
    ['a 429 with Retry-After: 0', answer(429, { 'retry-after': '0' }), 0],
    ['a 403 whose rate limit resets in 4 s', answer(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 4) }), 4000],
    [
      'a rate limit that resets in an hour (fails now with its message)',
      answer(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3600) }),
      undefined,
    ],
    ['a 503', answer(503), 1000],
  ])('%s', (_case, response, expected) => {
    expect(retryDelayMs(response, now)).toBe(expected);
  });
});
