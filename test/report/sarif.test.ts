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
