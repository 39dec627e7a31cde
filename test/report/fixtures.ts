import { toFinding, type FindingInput, type StageId } from '../../src/core/findings.js';
import { assembleGate } from '../../src/core/gate.js';
import { SecretRegistry } from '../../src/core/redaction.js';
import type { GateResult, StageResult } from '../../src/core/result.js';
import type { FailOn } from '../../src/core/severity.js';
import { DEFAULT_CRITICAL_PATHS } from '../../src/core/config/types.js';
import { STAGES } from '../../src/stages/index.js';
import { domainMapBlock, type DomainMapRow } from '../../src/stages/trust/domain-map.js';

/** A stage result as the runner builds it: findings pass through `toFinding` and their secrets are registered. */
export function stageOf(id: StageId, inputs: FindingInput[], extra: Partial<StageResult> = {}, registry?: SecretRegistry): StageResult {
  for (const input of inputs) registry?.add(input.secret);
  const title = STAGES.find((s) => s.id === id)?.title ?? id;
  return { id, title, status: 'pass', summary: `${id} checked`, durationMs: 12, metrics: {}, findings: inputs.map((i) => toFinding(id, i)), ...extra };
}

/** The gate over stage results, ranked and numbered like a real run. */
export function gateOf(stages: StageResult[], failOn: FailOn = 'blocker'): GateResult {
  return assembleGate(stages, { failOn, criticalPaths: DEFAULT_CRITICAL_PATHS, version: '1.2.3', durationMs: 1234 });
}

export const GITHUB_PAT = 'ghp_' + 'R8x2Kq9Lm4Np7Vt1Wz3Yb6Cd5Ef0Gh2Jk4Mn';

const DOMAIN_MAP: DomainMapRow[] = [
  {
    host: 'example.com',
    dns: 'found',
    records: [{ type: 'A', value: '192.0.2.10', ttl: 300 }],
    proxied: true,
    certificate: { issuer: "Let's Encrypt R11", notAfter: '2027-01-30', daysLeft: 63 },
    hsts: null,
    http: { finalUrl: 'https://example.com/', hops: 1, status: 200 },
    https: { finalUrl: 'https://example.com/', hops: 0, status: 200 },
  },
  {
    host: 'app.example.com',
    dns: 'found',
    records: [{ type: 'CNAME', value: 'example.herokudns.com', ttl: 60 }],
    proxied: false,
    certificate: null,
    hsts: null,
    http: null,
    https: null,
  },
  {
    host: 'old.example.com',
    dns: 'NXDOMAIN',
    records: [],
    proxied: false,
    certificate: null,
    hsts: null,
    http: { finalUrl: 'http://old.example.com/', hops: 0, status: 'refused' },
    https: null,
  },
];

/** A gate with a little of everything: a leaked token, a trust domain map, a latency table block, a stage error. */
export function sampleGate(registry = new SecretRegistry()): GateResult {
  const secrets = stageOf(
    'secrets',
    [
      {
        ruleId: 'github-pat',
        severity: 'blocker',
        title: 'A GitHub token is committed',
        fix: 'Revoke the token and remove it from history',
        paths: ['deploy'],
        secret: GITHUB_PAT,
        location: { file: 'src/config.ts', line: 12, commit: 'a1b2c3d4e5f6a7b8' },
      },
    ],
    { checkedPaths: ['deploy'] },
    registry,
  );
  const trust = stageOf(
    'trust',
    [
      {
        ruleId: 'dmarc-missing',
        severity: 'blocker',
        title: 'example.com sends mail without DMARC',
        fix: 'Publish a DMARC record: _dmarc.example.com TXT "v=DMARC1; p=quarantine"',
        paths: ['email'],
        location: { host: 'example.com' },
      },
      {
        ruleId: 'hsts-missing',
        severity: 'medium',
        title: 'No HSTS header on the login page',
        fix: 'Send Strict-Transport-Security',
        paths: ['login'],
        location: { url: 'https://app.example.com/login' },
      },
    ],
    {
      checkedPaths: ['signup', 'checkout', 'login', 'email', 'homepage'],
      metrics: { domainMap: DOMAIN_MAP },
      blocks: [domainMapBlock(DOMAIN_MAP)],
    },
  );
  // Any stage's table block renders the same way; the numbers are just numbers to the report.
  const burst = stageOf('burst', [], {
    blocks: [
      {
        kind: 'table',
        title: 'Latency',
        columns: ['min', 'p50', 'p90', 'p95', 'p99', 'max'],
        rows: [['3 ms', '40 ms', '180 ms', '420 ms', '900 ms', '1200 ms']],
      },
    ],
  });
  const rollback = stageOf('rollback', [], {
    status: 'error',
    summary: 'Rollback could not run: no previous release',
    errors: [{ part: 'previous-release', message: 'no previous good release found', fix: 'tag releases as release-* or set rollback.previousRelease' }],
  });
  return gateOf([secrets, trust, burst, rollback]);
}
