import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine } from '../../src/core/cli-args.js';
import { UsageError } from '../../src/core/errors.js';
import { readActionInputs } from '../../src/github/inputs.js';
import { setActionOutputs } from '../../src/github/outputs.js';
import { parseReportStepArgs, splitStageStepArgs } from '../../src/github/step-args.js';
import { STAGES } from '../../src/stages/index.js';
import { gateOf } from '../report/fixtures.js';
import { fakeNode, readAction, runCompositeStep, STAGE_ACTIONS, type ActionFile } from './composite.js';
import { readOutputs, ROOT } from './runner.js';

/**
 * Every action.yml against the code: each input reaches the CLI (a flag the command accepts, checked
 * by the CLI's own parser with the stages as they are now), lists become repeated flags, and each
 * output is wired. Composite steps run for real under bash with a `node` that records its argv.
 */
describe('root action.yml', () => {
  const action = readAction('root');

  it('is a node24 action whose entry point is built', () => {
    expect(action.yaml.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(existsSync(join(ROOT, 'dist/action.js'))).toBe(true);
  });

  it('declares the inputs with their defaults', () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default]));
    expect(defaults).toEqual({ 'github-token': '${{ github.token }}', config: 'launch-ready.yml', stages: '', 'fail-on': 'blocker', comment: 'true' });
  });

  it('reads every input (INPUT_ with the hyphenated name)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lr-inputs-'));
    writeFileSync(join(cwd, 'custom.yml'), '');
    const samples: Record<string, string> = { 'github-token': 'ghs_x', config: 'custom.yml', stages: 'trust', 'fail-on': 'high', comment: 'false' };
    const baseline = readActionInputs({}, cwd);
    for (const name of Object.keys(action.inputs)) {
      const read = readActionInputs({ [`INPUT_${name.toUpperCase()}`]: samples[name]! }, cwd);
      expect([name, JSON.stringify(read)]).not.toEqual([name, JSON.stringify(baseline)]);
    }
    rmSync(cwd, { recursive: true, force: true });
  });

  it('sets every declared output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-outputs-'));
    const previous = process.env.GITHUB_OUTPUT;
    process.env.GITHUB_OUTPUT = join(dir, 'out');
    writeFileSync(process.env.GITHUB_OUTPUT, '');
    try {
      setActionOutputs(gateOf([]), '/tmp/result.json');
      expect(Object.keys(readOutputs(process.env.GITHUB_OUTPUT)).sort()).toEqual(Object.keys(action.outputs).sort());
    } finally {
      if (previous === undefined) delete process.env.GITHUB_OUTPUT;
      else process.env.GITHUB_OUTPUT = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each([...STAGE_ACTIONS, 'report'])('actions/%s/action.yml', (name) => {
  const action: ActionFile = readAction(name);
  const stage = STAGES.find((s) => s.id === name);
  let dir: string;
  let node: ReturnType<typeof fakeNode>;
  const argvWith = async (given: Record<string, string>) => {
    const out = await runCompositeStep(action, given, { PATH: `${node.path}:/usr/bin:/bin` }, dir, dir);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    return node.calls();
  };
  /** A sample for an input; lists get two lines so repeated flags show. */
  const sampleOf = (input: string): string => {
    const description = action.inputs[input]!.description ?? '';
    if (input === 'github-token') return 'ghs_sampletoken';
    if (['comment', 'history'].includes(input)) return 'false';
    if (input === 'untracked' || input === 'dry-run') return 'true';
    if (input === 'fail-on') return 'high';
    if (input === 'config') return 'custom.yml';
    if (/one per line/.test(description)) return `${input}-one\n  ${input}-two  \n\n`;
    return ['vus', 'rate'].includes(input) ? '7' : `${input}-sample`;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `lr-contract-${name}-`));
    node = fakeNode(join(dir, 'bin'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a composite with one step whose outputs are all mapped with value:', () => {
    expect(action.yaml.runs.using).toBe('composite');
    expect(action.yaml.runs.steps).toHaveLength(1);
    expect(Object.keys(action.outputs).sort()).toEqual(['blockers', 'report', 'status']);
    for (const [out, spec] of Object.entries(action.outputs)) expect(spec.value).toBe(`\${{ steps.run.outputs.${out} }}`);
  });

  it('runs dist/step.js from the action folder with the runner node', async () => {
    const { argv } = await argvWith({});
    // `--` first: Node 20 would otherwise read a later --env-file as its own option.
    expect(argv[0]).toBe('--');
    expect(resolve(argv[1]!)).toBe(join(ROOT, 'dist/step.js'));
    expect(argv[2]).toBe(name);
  });

  it('maps every input explicitly; lists become repeated flags', async () => {
    const baseline = (await argvWith({})).argv;
    for (const input of Object.keys(action.inputs)) {
      const sample = sampleOf(input);
      const call = await argvWith({ [input]: sample });
      if (input === 'github-token') {
        expect(call.token).toBe(sample);
        expect(call.argv.join(' ')).not.toContain(sample);
        continue;
      }
      expect([input, call.argv]).not.toEqual([input, baseline]);
      if (sample.includes('\n')) {
        const values = call.argv.filter((a, i) => i > 0 && call.argv[i - 1]!.startsWith('--') && a.startsWith(`${input}-`));
        expect([input, values]).toEqual([input, [`${input}-one`, `${input}-two`]]);
      } else if (input === 'history' || input === 'untracked' || input === 'dry-run') {
        expect(call.argv).toContain(input === 'history' ? '--no-history' : `--${input}`);
      } else {
        expect([input, call.argv]).toEqual([input, expect.arrayContaining([sample])]);
      }
    }
  });

  const acceptance = name === 'report' || stage?.built ? it : it.skip;
  acceptance(`every flag it passes is accepted by the command${name !== 'report' && !stage?.built ? ' (skipped: stage not built yet)' : ''}`, async () => {
    for (const input of Object.keys(action.inputs)) {
      const args = (await argvWith({ [input]: sampleOf(input) })).argv.slice(2);
      try {
        if (name === 'report') parseReportStepArgs(args.slice(1));
        else parseCommandLine(splitStageStepArgs(args).cli, STAGES, ROOT);
      } catch (error) {
        if (error instanceof UsageError) throw new Error(`input ${input} → ${args.join(' ')}: ${error.message}`);
        throw error;
      }
    }
  });

  it('stops with a clear ::error:: when node is missing', async () => {
    const out = await runCompositeStep(action, {}, { PATH: join(dir, 'empty') }, dir, dir);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('::error title=launch-ready::node was not found on PATH; add actions/setup-node');
  });
});

it('the contract test reads the action files it claims to', () => {
  expect(readFileSync(join(ROOT, 'actions/burst/action.yml'), 'utf8')).toContain('--threshold');
});
