import { describe, expect, it } from '@jest/globals';
import { FINGERPRINT_KEY, renderSarif } from '../../src/report/sarif.js';
import { sampleGate } from './fixtures.js';

type Json = Record<string, any>;

describe('SARIF 2.1.0', () => {
  const sarif = JSON.parse(renderSarif(sampleGate())) as Json;
  const run = sarif.runs[0] as Json;
  const byRule = (id: string) => (run.results as Json[]).find((r) => r.ruleId === id)!;

  it('declares version 2.1.0 and one rule per stage/rule with help text', () => {
    expect(sarif.version).toBe('2.1.0');
    const ids = (run.tool.driver.rules as Json[]).map((r) => r.id);
    expect(ids.sort()).toEqual(['secrets/github-pat', 'trust/dmarc-missing', 'trust/hsts-missing']);
    for (const rule of run.tool.driver.rules as Json[]) expect(rule.help.text).toMatch(/Fix: /);
    for (const r of run.results as Json[]) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('maps severity to level', () => {
    expect(byRule('secrets/github-pat').level).toBe('error');
    expect(byRule('trust/hsts-missing').level).toBe('warning');
  });

  it('gives file findings a physical location and fingerprints located findings', () => {
    const pat = byRule('secrets/github-pat');
    expect(pat.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'src/config.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 12 } });
    expect(pat.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives URL findings a URI and logical location, host findings a logical one', () => {
    const hsts = byRule('trust/hsts-missing');
    expect(hsts.locations[0].physicalLocation.artifactLocation.uri).toBe('https://app.example.com/login');
    expect(hsts.locations[0].logicalLocations[0]).toEqual({ name: 'app.example.com', fullyQualifiedName: 'https://app.example.com/login', kind: 'url' });
    const dmarc = byRule('trust/dmarc-missing');
    expect(dmarc.locations[0].physicalLocation).toBeUndefined();
    expect(dmarc.locations[0].logicalLocations[0].name).toBe('example.com');
  });

  it('reports stages that could not run as failed tool execution', () => {
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('no previous good release found');
  });
});

describe('SARIF against the official OASIS schema (sarif-2.1.0-rtm.5)', () => {
  it('validates, for a gate with file, URL and host findings and a stage error', async () => {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const { Ajv } = await import('ajv');
    const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Json;
    // The schema is written draft-04 style (`id`); Ajv 8 reads it as draft-07 with `$id`.
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);
    const log = JSON.parse(renderSarif(sampleGate()));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The check can fail: the same log with a level SARIF does not define is rejected.
    log.runs[0].results[0].level = 'critical';
    expect(validate(log)).toBe(false);
  });
});
