import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../../bench/burst/servers.mjs';
import { runLaunchReady } from '../../../src/core/run.js';
import type { StageDefinition, StageOutcome } from '../../../src/core/stage.js';
import { readStageResults } from '../../../src/github/merge.js';
import { burstStage } from '../../../src/stages/burst/index.js';
import { runCliAsync, tempProject } from '../../helpers/cli.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ signupPostMs: 600 });
});
afterAll(() => server.close());

describe('usage errors exit 2 with the key or flag and the fix', () => {
  test.each([
    [
      ['--vus', '5000'],
      '--vus: 5000 VUs at once is above the cap of 1000; lower the VUs (maxVUs for arrival-rate) or raise it explicitly with burst.limits.maxVUs',
    ],
    [['--rate', '6000'], '--rate: 6000 requests/s at peak is above the cap of 5000'],
    [['--vus', '1', '--duration', '11m'], '--duration: the run lasts 11m, above the cap of 10m'],
    [['--vus', '1000000000'], 'above the cap of 1000'],
    [
      ['--vus', '2', '--threshold', 'p95 < banana'],
      '--threshold: "p95 < banana" is not a threshold (expected AGGREGATION OPERATOR NUMBER such as p(95)<800); valid forms: p(95)<800',
    ],
    [['--vus', '2', '--rate', '3'], '--rate: give vus (closed model) or rate (open model), not both'],
    [['--vus', '2', '--shard', '3/2'], '--shard: "3/2" is not a share'],
  ])('launch-ready burst %j', async (args, message) => {
    const run = await runCliAsync(['burst', '--target', server.url, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('burst.limits raises a cap explicitly', async () => {
    const project = tempProject({
      'launch-ready.yml': `burst:\n  target: ${server.url}\n  limits: {maxVUs: 2000}\n  vus: 1500\n  duration: 1s\n  abort: {enabled: false}\n`,
    });
    try {
      // Parse only (1500 VUs are not started here): the config is accepted.
      const { parseBurstConfig } = await import('../../../src/stages/burst/config.js');
      expect(parseBurstConfig({ target: server.url, limits: { maxVUs: 2000 }, vus: 1500 }, project.dir).problems).toEqual([]);
    } finally {
      project.cleanup();
    }
  });

  test('a journey step that uses a value never captured points at the step in launch-ready.yml', async () => {
    const yaml = [
      'burst:',
      `  target: ${server.url}`,
      '  scenarios:',
      '    signup:',
      '      executor: constant-vus',
      '      vus: 1',
      '      duration: 1s',
      '      steps:',
      '        - {url: /signup}',
      '        - {method: POST, url: /signup, form: {csrf: "${csrf}"}}',
      '',
    ].join('\n');
    const project = tempProject({ 'launch-ready.yml': yaml });
    try {
      const run = await runCliAsync(['burst'], { cwd: project.dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        'launch-ready.yml:10:11: burst.scenarios.signup.steps[1]: step 2 (POST /signup) uses ${csrf}, which no earlier step captures',
      );
    } finally {
      project.cleanup();
    }
  });

  test('a step on another host is refused: load goes only to the declared target', async () => {
    // Negative control: a full URL on the target's own origin is fine.
    const { parseBurstConfig } = await import('../../../src/stages/burst/config.js');
    expect(parseBurstConfig({ target: server.url, pages: { home: `${server.url}/` } }, '.').problems).toEqual([]);
    const project = tempProject({ 'launch-ready.yml': `burst:\n  target: ${server.url}\n  pages: {other: "https://example.com/"}\n` });
    try {
      const bad = await runCliAsync(['burst'], { cwd: project.dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('is on https://example.com, not the declared target');
    } finally {
      project.cleanup();
    }
  });
});

describe('the report', () => {
  test('Markdown has the thresholds, the route table, a mermaid latency chart and the bottleneck notes', async () => {
    const yaml = [
      'burst:',
      `  target: ${server.url}`,
      '  thresholds: ["p(95)<100", "http_req_failed:rate<0.01"]',
      '  scenarios:',
      '    signup:',
      '      executor: ramping-vus',
      '      stages: [{duration: 1s, target: 2}, {duration: 1s, target: 3}]',
      '      steps:',
      '        - {name: signup page, url: /signup, capture: {csrf: {regex: "value=\\"([^\\"]+)\\""}}}',
      '        - {name: signup, method: POST, url: /signup, form: {csrf: "${csrf}"}, check: {status: 200}}',
      '',
    ].join('\n');
    const project = tempProject({ 'launch-ready.yml': yaml });
    try {
      const run = await runCliAsync(['burst', '--format', 'markdown'], { cwd: project.dir });
      expect(run.code).toBe(1); // p(95)<100 fails: the POST does 600 ms of work
      expect(run.stdout).toContain('xychart-beta');
      expect(run.stdout).toMatch(/Thresholds[\s\S]*p\(95\)<100/);
      expect(run.stdout).toMatch(/Routes[\s\S]*signup page[\s\S]*POST/);
      expect(run.stdout).toContain('for its page GET: work such as sending email');
      expect(run.stdout).toContain('p(95)<100 failed under the launch burst');
    } finally {
      project.cleanup();
    }
  });

  test('--export-k6 writes the equivalent k6 script (valid JavaScript)', async () => {
    const project = tempProject({});
    try {
      const file = join(project.dir, 'burst.k6.mjs');
      const run = await runCliAsync(['burst', '--target', server.url, '--rate', '5', '--duration', '1s', '--threshold', 'p(95)<800', '--export-k6', file], {
        cwd: project.dir,
      });
      expect(run.code).toBe(0);
      const script = readFileSync(file, 'utf8');
      expect(script).toContain('"executor":"constant-arrival-rate","exec":"journey0"');
      expect(script).toContain('"rate":5');
      expect(script).toContain('thresholds: {"http_req_duration":["p(95)<800"]}');
      execFileSync(process.execPath, ['--check', file]);
    } finally {
      project.cleanup();
    }
  });

  test('--shard i/n results merge exactly in actions/report', async () => {
    const project = tempProject({});
    try {
      for (const shard of ['1/2', '2/2']) {
        // --fail-on never: this is about the merge; a loaded machine may fail a latency threshold.
        const run = await runCliAsync(
          ['burst', '--target', server.url, '--rate', '10', '--duration', '1s', '--shard', shard, '--format', 'json', '--fail-on', 'never'],
          { cwd: project.dir },
        );
        expect(run.code).toBe(0);
        const dir = join(project.dir, `launch-ready-burst-${shard.replace('/', '-of-')}`);
        mkdirSync(dir);
        writeFileSync(join(dir, 'burst.json'), run.stdout);
      }
      const [burst] = readStageResults([project.dir]).stages;
      expect(burst!.metrics).toMatchObject({ requests: 10, iterations: 10, shard: { merged: 2, of: 2 } });
      expect(burst!.summary).toContain('2 of 2 shards merged');
    } finally {
      project.cleanup();
    }
  });
});

describe('the schedule', () => {
  test('burst runs alone: after every passive stage has ended and before the change stage starts', async () => {
    const events: string[] = [];
    const seen = { first: -1, last: -1 };
    const timed = (id: 'secrets' | 'env' | 'rollback', phase: 'passive' | 'change', ms: number): StageDefinition => ({
      id,
      phase,
      title: id,
      description: id,
      built: true,
      checks: { paths: ['deploy'] },
      configSchema: { properties: {} },
      flags: [],
      run: async (): Promise<StageOutcome> => {
        events.push(`${id} start`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        events.push(`${id} end`);
        return { summary: id, findings: [] };
      },
    });
    const before = server.stats.requests;
    const watch = setInterval(() => {
      if (server.stats.requests > before && seen.first === -1) seen.first = events.length;
    }, 5);
    const project = tempProject({ 'launch-ready.yml': `burst:\n  target: ${server.url}\n  vus: 1\n  duration: 1s\n  pages: {hello: /hello}\n` });
    try {
      const outcome = await runLaunchReady(
        { command: 'check', overrides: [], format: 'json', cwd: project.dir },
        {
          stages: [timed('rollback', 'change', 10), burstStage as StageDefinition<unknown>, timed('secrets', 'passive', 300), timed('env', 'passive', 50)],
          version: '0.0.0',
          env: {},
        },
      );
      seen.last = events.indexOf('rollback start');
      expect(outcome.result.stages.find((s) => s.id === 'burst')!.metrics.requests).toBeGreaterThan(0);
    } finally {
      clearInterval(watch);
      project.cleanup();
    }
    // The first burst request came after both passive stages ended, and rollback started after the burst.
    expect(events.slice(0, seen.first)).toEqual(['secrets start', 'env start', 'env end', 'secrets end']);
    expect(events.slice(seen.last)).toEqual(['rollback start', 'rollback end']);
    expect(seen.first).toBe(4);
  });
});
