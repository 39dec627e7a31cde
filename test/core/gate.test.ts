import { describe, expect, it } from '@jest/globals';
import { runLaunchReady } from '../../src/core/run.js';
import type { StageDefinition, StageOutcome } from '../../src/core/stage.js';
import type { StageId } from '../../src/core/findings.js';
import { renderReport } from '../../src/report/index.js';
import { tempProject } from '../helpers/cli.js';

function stage(id: StageId, run: StageDefinition['run'], extra: Partial<StageDefinition> = {}): StageDefinition {
  const checks = { paths: ['signup', 'checkout', 'login', 'email', 'homepage', 'deploy'], locations: true };
  return { id, phase: 'passive', title: id, description: id, built: true, checks, configSchema: { properties: {} }, flags: [], run, ...extra };
}

const liveToken = 'ghp_' + 'Q7'.repeat(18);

async function gate(stages: StageDefinition[], options: { failOn?: 'never' | 'high'; yaml?: string; stagesAsked?: StageId[] } = {}) {
  const project = tempProject({ 'launch-ready.yml': options.yaml ?? '' });
  try {
    const request = {
      command: 'check' as const,
      overrides: [],
      format: 'json' as const,
      cwd: project.dir,
      ...(options.failOn ? { failOn: options.failOn } : {}),
      ...(options.stagesAsked ? { stages: options.stagesAsked } : {}),
    };
    return await runLaunchReady(request, { stages, version: '9.9.9', env: {} });
  } finally {
    project.cleanup();
  }
}

describe('the gate', () => {
  it('keeps reporting the other stages when one throws, and exits 3', async () => {
    const outcome = await gate([
      stage('secrets', async () => {
        throw new Error('git exploded\n    at stack frame');
      }),
      stage('env', async () => ({ summary: 'all 12 variables set', findings: [] })),
    ]);
    expect(outcome.result.status).toBe('error');
    expect(outcome.exitCode).toBe(3);
    const [secrets, env] = outcome.result.stages;
    expect(secrets).toMatchObject({
      id: 'secrets',
      status: 'error',
      summary: 'secrets could not run: git exploded',
      errors: [{ part: 'secrets', message: 'git exploded' }],
    });
    expect(env).toMatchObject({ id: 'env', status: 'pass', summary: 'all 12 variables set' });
  });

  it('stops a stage that outlives its maxMinutes: error with the fix, its signal aborted, the others still report', async () => {
    let signalOfHung: AbortSignal | undefined;
    const outcome = await gate(
      [
        stage(
          'trust',
          (ctx) => {
            signalOfHung = ctx.signal;
            return new Promise<StageOutcome>(() => {});
          },
          { graceSeconds: 0.05 },
        ),
        stage('env', async () => ({ summary: 'all set', findings: [] })),
      ],
      { yaml: 'trust:\n  maxMinutes: 0.001\n' },
    );
    expect(outcome.exitCode).toBe(3);
    expect(outcome.result.stages[0]).toMatchObject({
      id: 'trust',
      status: 'error',
      summary: 'trust could not run: did not finish within 0.001 min and was stopped',
      errors: [{ part: 'trust', fix: expect.stringContaining('raise trust.maxMinutes in launch-ready.yml') }],
    });
    expect(signalOfHung?.aborted).toBe(true);
    expect(outcome.result.stages[1]).toMatchObject({ id: 'env', status: 'pass' });
  });

  it('fails (exit 1) on a blocker even when another stage errored', async () => {
    const outcome = await gate([
      stage('secrets', async () => ({
        summary: '1 live secret',
        findings: [{ ruleId: 'github-pat', severity: 'blocker', title: 'GitHub token in history', fix: 'rotate it', secret: liveToken, paths: ['deploy'] }],
      })),
      stage('env', async () => {
        throw new Error('boom');
      }),
    ]);
    expect(outcome.exitCode).toBe(1);
    expect(outcome.result.stages[0]!.status).toBe('fail');
    expect(outcome.result.stages[0]!.findings[0]).toMatchObject({ id: 'F1', stage: 'secrets', evidence: 'ghp_…(40 chars)' });
  });

  it('ranks by severity, then by the weight of the critical paths broken, and numbers F1..Fn in that order', async () => {
    const outcome = await gate([
      stage('trust', async () => ({
        summary: '3 problems',
        findings: [
          { ruleId: 'hsts-missing', severity: 'medium', title: 'no HSTS', fix: 'add it', paths: ['signup'] },
          { ruleId: 'tls-expired', severity: 'blocker', title: 'expired certificate on www', fix: 'renew', paths: ['homepage'] },
          { ruleId: 'redirect-loop', severity: 'blocker', title: 'redirect loop on /signup', fix: 'fix loop', paths: ['signup'] },
        ],
      })),
    ]);
    const findings = outcome.result.stages[0]!.findings;
    expect(findings.map((f) => [f.id, f.ruleId])).toEqual([
      ['F1', 'redirect-loop'],
      ['F2', 'tls-expired'],
      ['F3', 'hsts-missing'],
    ]);
    const paths = Object.fromEntries(outcome.result.criticalPaths.map((p) => [p.id, p]));
    expect(paths.signup).toMatchObject({ ok: false, blockers: ['F1'] });
    expect(paths.homepage).toMatchObject({ ok: false, blockers: ['F2'] });
    expect(paths.checkout).toMatchObject({ ok: true, blockers: [] });
  });

  it('attaches configured critical paths by host and URL, in the configured order', async () => {
    const yaml = 'criticalPaths:\n  - id: booking\n    urls: ["https://app.example.com/book"]\n  - id: marketing\n    hosts: [www.example.com]\n';
    const outcome = await gate(
      [
        stage('trust', async () => ({
          summary: '',
          findings: [
            { ruleId: 'tls-expiring', severity: 'high', title: 'www cert expires in 10 days', fix: 'renew', location: { host: 'WWW.example.com' } },
            {
              ruleId: 'mixed-content',
              severity: 'high',
              title: 'http script on booking page',
              fix: 'https',
              location: { url: 'https://app.example.com/book/new' },
            },
          ],
        })),
      ],
      { yaml, failOn: 'high' },
    );
    expect(outcome.result.criticalPaths).toEqual([
      { id: 'booking', title: 'booking', ok: false, blockers: ['F1'], checkedBy: ['trust'] },
      { id: 'marketing', title: 'marketing', ok: false, blockers: ['F2'], checkedBy: ['trust'] },
    ]);
  });

  it('reports without failing under --fail-on never, and a critical path still says no on a blocker', async () => {
    const outcome = await gate(
      [
        stage('env', async () => ({
          summary: '',
          findings: [{ ruleId: 'env-missing', severity: 'blocker', title: 'DATABASE_URL missing', fix: 'set it', paths: ['deploy'] }],
        })),
      ],
      { failOn: 'never' },
    );
    expect(outcome.exitCode).toBe(0);
    expect(outcome.result.stages[0]!.status).toBe('warn');
    expect(outcome.result.criticalPaths.find((p) => p.id === 'deploy')!.ok).toBe(false);
  });

  it('says a critical path is not checked, not yes, when every stage that speaks to it was skipped', async () => {
    const outcome = await gate([
      stage('secrets', async () => ({ summary: 'clean', findings: [] }), { checks: { paths: ['deploy'] } }),
      stage('trust', async () => ({ summary: 'no hosts', findings: [], skipped: true }), { checks: { paths: ['homepage', 'email'], locations: true } }),
    ]);
    const paths = Object.fromEntries(outcome.result.criticalPaths.map((p) => [p.id, p]));
    expect(paths.deploy).toMatchObject({ ok: true, checkedBy: ['secrets'] });
    expect(paths.email).toMatchObject({ ok: false, blockers: [], checkedBy: [] });
    expect(paths.homepage).toMatchObject({ ok: false, blockers: [], checkedBy: [] });
    expect(outcome.exitCode).toBe(0);
  });

  it('counts only the paths a stage reports it checked, when the stage says', async () => {
    const outcome = await gate([
      stage('trust', async () => ({ summary: 'hosts only', findings: [], checkedPaths: ['homepage'] }), { checks: { paths: ['homepage', 'email'] } }),
    ]);
    const paths = Object.fromEntries(outcome.result.criticalPaths.map((p) => [p.id, p]));
    expect(paths.homepage).toMatchObject({ ok: true, checkedBy: ['trust'] });
    expect(paths.email).toMatchObject({ ok: false, checkedBy: [] });
  });

  it('never lets an unbuilt stage pass: skipped by default, error when asked for by name', async () => {
    const unbuilt = stage('burst', async () => ({ summary: 'should not run', findings: [] }), { built: false });
    expect((await gate([unbuilt])).result.stages[0]!.status).toBe('skipped');
    const asked = await gate([unbuilt], { stagesAsked: ['burst'] });
    expect(asked.result.stages[0]!.status).toBe('error');
    expect(asked.exitCode).toBe(3);
  });

  it('skips a stage disabled in the config', async () => {
    const outcome = await gate(
      [stage('secrets', async () => ({ summary: 'ran', findings: [] })), stage('env', async () => ({ summary: 'ran', findings: [] }))],
      { yaml: 'env:\n  enabled: false\n' },
    );
    expect(outcome.result.stages.map((s) => s.id)).toEqual(['secrets']);
  });

  it('gives a finding the same fingerprint on every run, and a different one for a different secret', async () => {
    const finding = (secret: string) => [
      stage('secrets', async () => ({
        summary: '',
        findings: [{ ruleId: 'github-pat', severity: 'blocker' as const, title: 't', fix: 'f', secret, location: { file: 'a.js', line: 3 } }],
      })),
    ];
    const first = (await gate(finding(liveToken))).result.stages[0]!.findings[0]!.fingerprint;
    const again = (await gate(finding(liveToken))).result.stages[0]!.findings[0]!.fingerprint;
    const other = (await gate(finding(liveToken.replace('Q', 'R')))).result.stages[0]!.findings[0]!.fingerprint;
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    // Positive control: a real fingerprint, not an empty string that trivially lacks the token.
    expect(first).toMatch(/^[0-9a-f:]{16,}|\S{16,}/);
    expect(first).not.toContain(liveToken);
  });

  it('scrubs a secret that a stage let slip into a summary or metric, in every format', async () => {
    const outcome = await gate([
      stage('secrets', async () => ({
        summary: `found ${liveToken}`,
        metrics: { sample: liveToken },
        findings: [{ ruleId: 'github-pat', severity: 'blocker', title: 'token', fix: 'rotate', secret: liveToken }],
      })),
    ]);
    for (const format of ['text', 'json', 'markdown', 'sarif'] as const) {
      const report = renderReport(outcome.result, format, { secrets: outcome.secrets });
      // Positive controls: the report does carry the summary, the metric (where the format shows them) and the redacted form.
      expect(report).toContain('ghp_…(40 chars)');
      if (format !== 'sarif') expect(report).toContain('found ghp_…(40 chars)');
      if (format === 'json') expect(JSON.parse(report).stages[0].metrics.sample).toBe('ghp_…(40 chars)');
      expect(report).not.toContain(liveToken);
    }
  });
});

describe('trust.ca, which every stage honours', () => {
  it('is a usage error naming the key when it cannot be read, whichever stage runs', async () => {
    const project = tempProject({ 'launch-ready.yml': 'trust:\n  ca: ca-folder\n' });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(`${project.dir}/ca-folder`);
    const run = runLaunchReady(
      { command: 'check', stages: ['env'], overrides: [], format: 'json', cwd: project.dir },
      {
        stages: [stage('trust', async () => ({ summary: '', findings: [] })), stage('env', async () => ({ summary: '', findings: [] }))],
        version: '9.9.9',
        env: {},
      },
    );
    await expect(run).rejects.toThrow('trust.ca: cannot read ca-folder (EISDIR); give a readable PEM file of extra trusted roots');
    project.cleanup();
  });
});
