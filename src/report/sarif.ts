import type { Finding, Location, StageId } from '../core/findings.js';
import type { GateResult } from '../core/result.js';
import type { Severity } from '../core/severity.js';
import { rankedFindings, stageTitles } from './shared.js';

type SarifLevel = 'error' | 'warning' | 'note';

/** blocker/high fail builds in code scanning as errors; medium is a warning; low/info are notes. */
const LEVEL: Record<Severity, SarifLevel> = { blocker: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning's security-severity scale (0-10) so alerts sort like our ranking. */
const SECURITY_SEVERITY: Record<Severity, string> = { blocker: '9.5', high: '7.5', medium: '5.0', low: '3.0', info: '0.0' };
/** Key of our fingerprint in `partialFingerprints`; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'launchReadyFingerprint/v1';

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per stage/rule id with help text, one result per
 * finding with a level from its severity, a physical location for file findings, a URI/logical
 * location for URL and host findings, and `partialFingerprints` for located findings so alerts
 * survive line shifts. Stages that could not run become tool execution notifications.
 */
export function renderSarif(result: GateResult): string {
  const findings = rankedFindings(result);
  const rules = rulesOf(findings, stageTitles(result));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = findings.map((f) => resultOf(f, ruleIndex.get(ruleId(f)) ?? 0));
  const notifications = result.stages.flatMap((s) =>
    (s.errors ?? []).map((e) => ({
      level: 'error',
      message: { text: `${s.id}: ${e.part}: ${e.message}${e.fix ? `; fix: ${e.fix}` : ''}` },
      descriptor: { id: `${s.id}/${e.part}` },
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'launch-ready',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: 'https://github.com/launch-ready/launch-ready',
            rules,
          },
        },
        automationDetails: { id: 'launch-ready/' },
        invocations: [{ executionSuccessful: result.stages.every((s) => s.status !== 'error'), toolExecutionNotifications: notifications }],
        results,
        properties: { gateStatus: result.status, failOn: result.failOn, criticalPaths: result.criticalPaths },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function ruleId(f: Finding): string {
  return `${f.stage}/${f.ruleId}`;
}

function rulesOf(findings: readonly Finding[], titles: Map<StageId, string>) {
  const byRule = new Map<string, Finding>();
  for (const f of findings) if (!byRule.has(ruleId(f))) byRule.set(ruleId(f), f);
  return [...byRule.entries()].map(([id, f]) => ({
    id,
    name: id.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
    shortDescription: { text: `${titles.get(f.stage) ?? f.stage}: ${f.ruleId}` },
    fullDescription: { text: f.title },
    help: { text: `${f.title}\nFix: ${f.fix}`, markdown: `**${f.title}**\n\nFix: ${f.fix}` },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: { tags: ['launch-ready', f.stage, ...(f.stage === 'secrets' ? ['security'] : [])], 'security-severity': SECURITY_SEVERITY[f.severity] },
  }));
}

function resultOf(f: Finding, index: number) {
  const out: Record<string, unknown> = {
    ruleId: ruleId(f),
    ruleIndex: index,
    level: LEVEL[f.severity],
    message: { text: `${f.title}. Fix: ${f.fix}${f.evidence ? ` (evidence: ${f.evidence})` : ''}` },
    properties: {
      findingId: f.id,
      severity: f.severity,
      criticalPaths: f.paths,
      ...(f.location?.commit ? { commit: f.location.commit } : {}),
      ...(f.location?.ref ? { ref: f.location.ref } : {}),
    },
  };
  const location = locationOf(f.location);
  if (location) {
    // Every place the same secret lives must change, so each is a location (code scanning shows the first).
    const others = (f.occurrences ?? []).filter((o) => o.fingerprint !== f.fingerprint).flatMap((o) => locationOf(o) ?? []);
    out.locations = [location, ...others];
    out.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
  }
  return out;
}

function locationOf(where: Location | undefined): Record<string, unknown> | undefined {
  if (!where) return undefined;
  if (where.file) {
    const region: Record<string, number> = {};
    if (where.line) region.startLine = where.line;
    if (where.line && where.column) region.startColumn = where.column;
    const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: where.file.replace(/\\/g, '/'), uriBaseId: '%SRCROOT%' } };
    if (Object.keys(region).length > 0) physicalLocation.region = region;
    return { physicalLocation };
  }
  const logical = where.url ?? where.host;
  if (!logical) return undefined;
  const location: Record<string, unknown> = {
    logicalLocations: [{ name: where.host ?? hostOf(where.url) ?? logical, fullyQualifiedName: logical, kind: where.url ? 'url' : 'host' }],
  };
  if (where.url) location.physicalLocation = { artifactLocation: { uri: where.url } };
  return location;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}
