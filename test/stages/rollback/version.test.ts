import { describe, expect, it } from '@jest/globals';
import { extractVersion, sameRelease } from '../../../src/stages/rollback/version.js';
import { rollbackHeading } from '../../../src/stages/rollback/runbook.js';

const source = { url: 'https://app.example.com/version' };
const json = (body: unknown, status = 200) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('which release the site serves', () => {
  it('reads JSON {version} or {sha}', () => {
    expect(extractVersion(source, json({ version: 'v1.5.0', sha: 'abc' }))).toEqual({ ok: true, version: 'v1.5.0', via: 'JSON version' });
    expect(extractVersion(source, json({ sha: '4f2a9c1' }))).toEqual({ ok: true, version: '4f2a9c1', via: 'JSON sha' });
    expect(extractVersion(source, json({ version: 15 }))).toMatchObject({ ok: true, version: '15' });
  });

  it('reads a header or a pattern when configured', () => {
    expect(extractVersion({ ...source, header: 'x-release' }, { status: 200, headers: { 'x-release': ' v2 ' }, body: '' })).toMatchObject({
      ok: true,
      version: 'v2',
    });
    expect(extractVersion({ ...source, header: 'x-release' }, { status: 200, headers: {}, body: '' })).toEqual({
      ok: false,
      problem: 'answered 200 without a x-release header',
    });
    expect(
      extractVersion(
        { ...source, pattern: /data-release="([^"]+)"/ },
        { status: 200, headers: { 'content-type': 'text/html' }, body: '<footer data-release="v1.4.2">' },
      ),
    ).toMatchObject({ ok: true, version: 'v1.4.2' });
  });

  it('an HTML answer, a version-less JSON or an error status is a problem saying what came back', () => {
    expect(
      extractVersion(source, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: '<!doctype html><title>Acme</title>' }),
    ).toEqual({
      ok: false,
      problem:
        'answered HTML (text/html): "<!doctype html><title>Acme</title>"; it needs to return JSON {"version": "…"} or {"sha": "…"}, or set versionHeader / versionPattern',
    });
    expect(extractVersion(source, json({ status: 'ok' }))).toEqual({
      ok: false,
      problem: 'answered JSON without a version: "{"status":"ok"}"; add a "version" or "sha" field',
    });
    expect(extractVersion(source, json({ message: 'nope' }, 404))).toMatchObject({ ok: false, status: 404, problem: 'answered 404: "{"message":"nope"}"' });
  });

  it('treats v-prefixed versions and short/full shas as the same release, and nothing else', () => {
    expect(sameRelease('v1.4.2', '1.4.2')).toBe(true);
    expect(sameRelease('4f2a9c1', '4f2a9c1e8d7b6a5f4e3d2c1b0a9f8e7d6c5b4a39')).toBe(true);
    expect(sameRelease('v1.4.2', 'v1.4.20')).toBe(false);
    expect(sameRelease('abc', 'abcdef')).toBe(false);
  });
});

describe('runbook headings', () => {
  it('finds a rollback section, not a code block or an unrelated heading', () => {
    expect(rollbackHeading('# App\n\n## Rolling back a release\n\nRun `fly deploy --image ...`')).toBe('Rolling back a release');
    expect(rollbackHeading('## Rollback\n')).toBe('Rollback');
    expect(rollbackHeading('### How to revert a deploy\n')).toBe('How to revert a deploy');
    expect(rollbackHeading('# App\n\n```md\n## Rollback\n```\n\n## Deploy\n')).toBeUndefined();
    expect(rollbackHeading('# App\nWe never roll back.\n## Deploy\n')).toBeUndefined();
  });
});
