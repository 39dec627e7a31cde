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

describe('plain-word values and URL credentials', () => {
  it('keeps a plain-word value in paths and titles, and masks it where it stands as a value', () => {
    const registry = new SecretRegistry();
    registry.add('acmeapp');
    const text = [
      'acmeapp/web/.env.production is committed',
      'DATABASE_PASSWORD=acmeapp',
      '"password": "acmeapp"',
      'password: acmeapp',
      'see https://github.com/acme/acmeapp/blob/main/README.md',
    ].join('\n');
    const out = registry.scrub(text).split('\n');
    expect(out[0]).toBe('acmeapp/web/.env.production is committed');
    expect(out[1]).toBe('DATABASE_PASSWORD=…(7 chars)');
    expect(out[2]).toBe('"password": "…(7 chars)"');
    expect(out[3]).toBe('password: …(7 chars)');
    expect(out[4]).toBe('see https://github.com/acme/acmeapp/blob/main/README.md');
  });

  it('masks a value that looks like a secret wherever it appears, paths included', () => {
    const registry = new SecretRegistry();
    const secret = 'Zq8vN2xL5pR7';
    registry.add(secret);
    expect(registry.scrub(`cache/${secret}/x and ${secret}`)).toBe('cache/Zq8v…(12 chars)/x and Zq8v…(12 chars)');
  });

  it('never shows the userinfo of a URL, registered or not, in any text', () => {
    const registry = new SecretRegistry();
    const out = registry.scrub('GET https://deploy:hunter2hunter2@example.com/login failed; redirect to http://a:b@x.test/ and https://example.com/@user');
    expect(out).not.toContain('hunter2hunter2');
    expect(out).not.toContain('a:b@');
    expect(out).toContain('https://depl…(21 chars)@example.com/login');
    expect(out).toContain('https://example.com/@user');
  });

  it('registers the password of a URL so it is masked even where it appears alone', () => {
    const registry = new SecretRegistry();
    registry.addUrl('https://deploy:s3cr3tPa55word@example.com/');
    expect(registry.scrub('the password s3cr3tPa55word was rejected')).toBe('the password s3cr…(14 chars) was rejected');
  });
});
