import { describe, expect, it } from '@jest/globals';
import { redactSecret, SecretRegistry } from '../../src/core/redaction.js';

describe('redaction', () => {
  it('shows the first 4 characters and the length, never the value', () => {
    const token = 'ghp_' + 'a'.repeat(36);
    expect(redactSecret(token)).toBe('ghp_…(40 chars)');
  });

  it('shows no prefix of a short secret', () => {
    expect(redactSecret('hunter22')).toBe('…(8 chars)');
  });

  it('scrubs every registered secret from any text, including its JSON-escaped form', () => {
    const registry = new SecretRegistry();
    const secret = 'sk_live_' + 'Z'.repeat(24);
    const quoted = 'pa"ss\\word-123';
    registry.add(secret);
    registry.add(quoted);
    const text = `key=${secret} ${JSON.stringify({ v: quoted })}`;
    const out = registry.scrub(text);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(JSON.stringify(quoted).slice(1, -1));
    expect(out).toContain('sk_l…(32 chars)');
  });
});
