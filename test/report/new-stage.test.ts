/**
 * A stage written from scratch (schema, parseOptions, run, a table and a series) shows in every
 * format through the generic block renderers: adding a stage needs no change in src/report/.
 */
import { describe, expect, it } from '@jest/globals';
import { runLaunchReady, type RunOutcome } from '../../src/core/run.js';
import type { StageDefinition } from '../../src/core/stage.js';
import { renderReport } from '../../src/report/index.js';
import { tempProject } from '../helpers/cli.js';

interface QueueOptions {
  queue: string;
  samples: number;
}

let parsedTimes = 0;
const queueStage: StageDefinition<QueueOptions> = {
  id: 'burst',
  phase: 'load',
  title: 'Queue depth',
  description: 'the job queue drains under load',
  built: true,
  checks: { paths: ['checkout'] },
  configSchema: { properties: { queue: { type: 'string', default: 'mailers' }, samples: { type: 'integer', minimum: 1, default: 4 } } },
  flags: [],
  parseOptions: (section) => {
    parsedTimes++;
    return { queue: String(section.queue), samples: Number(section.samples) };
  },
  run: async (ctx) => {
    const x = Array.from({ length: ctx.options.samples }, (_, i) => i * 10);
    return {
      summary: `sampled ${ctx.options.queue} ${ctx.options.samples} times`,
      findings: [{ ruleId: 'queue-backlog', severity: 'high', title: `${ctx.options.queue} keeps a backlog`, fix: 'add a worker', paths: ['checkout'] }],
      blocks: [
        {
          kind: 'table',
          title: 'Queues',
          columns: ['Queue', 'Depth', 'Draining'],
          rows: [
            [{ code: ctx.options.queue }, 42, false],
            ['default', 0, true],
          ],
        },
        { kind: 'series', title: 'Depth over time', xLabel: 's', yLabel: 'jobs', x, series: [{ name: 'depth', values: x.map((v) => v + 2) }] },
      ],
    };
  },
};

async function run(): Promise<RunOutcome> {
  const project = tempProject({ 'launch-ready.yml': 'burst:\n  queue: invoices\n  samples: 3\n' });
  try {
    return await runLaunchReady(
      { command: 'check', overrides: [], format: 'json', cwd: project.dir },
      { stages: [queueStage], version: '0.0.0-test', env: {} },
    );
  } finally {
    project.cleanup();
  }
}

describe('a new stage renders in every format without touching the reporters', () => {
  it('parses its options once and hands them to run typed', async () => {
    parsedTimes = 0;
    const outcome = await run();
    expect(parsedTimes).toBe(1);
    expect(outcome.result.stages[0]).toMatchObject({ title: 'Queue depth', phase: 'load', summary: 'sampled invoices 3 times' });
  });

  it('text: a compact table and a one-line series', async () => {
    const { result, secrets } = await run();
    const text = renderReport(result, 'text', { secrets });
    expect(text).toMatch(/Queues:\n\s+Queue\s+Depth\s+Draining\n\s+invoices\s+42\s+no\n\s+default\s+0\s+yes/);
    expect(text).toContain('Depth over time: depth 2 → 22 jobs (min 2, max 22) over 3 points');
    expect(text).toContain('ran alone after the passive stages');
  });

  it('Markdown: the title, a table and a mermaid chart', async () => {
    const { result, secrets } = await run();
    const md = renderReport(result, 'markdown', { secrets });
    expect(md).toContain('<b>Queue depth</b>');
    expect(md).toContain('| Queue | Depth | Draining |\n|---|---|---|\n| `invoices` | 42 | no |\n| default | 0 | yes |');
    expect(md).toContain('```mermaid\nxychart-beta\n  title "Depth over time"\n  x-axis "s" [0, 10, 20]\n  y-axis "jobs"\n  line [2, 12, 22]\n```');
  });

  it('JSON: the blocks are part of the stage result', async () => {
    const { result, secrets } = await run();
    const json = JSON.parse(renderReport(result, 'json', { secrets }));
    expect(json.stages[0].blocks.map((b: { kind: string; title: string }) => `${b.kind}:${b.title}`)).toEqual(['table:Queues', 'series:Depth over time']);
  });

  it("SARIF: the finding, under the stage's own title", async () => {
    const { result, secrets } = await run();
    const sarif = JSON.parse(renderReport(result, 'sarif', { secrets }));
    expect(sarif.runs[0].tool.driver.rules[0].shortDescription.text).toBe('Queue depth: queue-backlog');
    expect(sarif.runs[0].results[0].message.text).toContain('invoices keeps a backlog');
  });
});
