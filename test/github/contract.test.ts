import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine } from '../../src/core/cli-args.js';
import { UsageError } from '../../src/core/errors.js';
import { readActionInputs, readCommonInputs, readReportInputs } from '../../src/github/inputs.js';
import type { StageId } from '../../src/core/findings.js';
import { setActionOutputs } from '../../src/github/outputs.js';
import { stageCommandLine } from '../../src/github/stage-inputs.js';
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
    expect(defaults).toEqual({
      'github-token': '${{ github.token }}',
      config: 'launch-ready.yml',
      stages: '',
      'fail-on': 'blocker',
      comment: 'true',
      'comment-key': '',
      'comment-author': '',
      'config-changes': 'block',
    });
  });

  it('reads every input (INPUT_ with the hyphenated name)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lr-inputs-'));
    writeFileSync(join(cwd, 'custom.yml'), '');
    const samples: Record<string, string> = {
      'github-token': 'ghs_x',
      config: 'custom.yml',
      stages: 'trust',
      'fail-on': 'high',
      comment: 'false',
      'comment-key': 'staging',
      'comment-author': 'my-app[bot]',
      'config-changes': 'report',
    };
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

const COMMON_INPUTS = ['config', 'fail-on', 'github-token', 'comment', 'comment-key', 'comment-author', 'config-changes'];

describe.each([...STAGE_ACTIONS, 'report'])('actions/%s/action.yml', (name) => {
  const action: ActionFile = readAction(name);
  const stage = STAGES.find((s) => s.id === name);
  let dir: string;
  let node: ReturnType<typeof fakeNode>;
  /** A sample for an input; lists get two lines so repeated flags show. */
  const sampleOf = (input: string): string => {
    const description = action.inputs[input]!.description ?? '';
    if (input === 'github-token') return 'ghs_sampletoken';
    if (['comment', 'history'].includes(input)) return 'False';
    if (input === 'untracked' || input === 'dry-run') return 'TRUE';
    if (input === 'fail-on') return 'high';
    if (input === 'config') return 'custom.yml';
    if (input === 'config-changes') return 'report';
    if (input === 'stages') return 'secrets,trust';
    if (/one per line/.test(description)) return `${input}-one\n  ${input}-two  \n\n`;
    return ['vus', 'rate'].includes(input) ? '7' : `${input}-sample`;
  };
  const envOf = (given: Record<string, string>) => Object.fromEntries(Object.entries(given).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `lr-contract-${name}-`));
    writeFileSync(join(dir, 'custom.yml'), '');
    node = fakeNode(join(dir, 'bin'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a composite with one step whose outputs are all mapped with value:', () => {
    expect(action.yaml.runs.using).toBe('composite');
    expect(action.yaml.runs.steps).toHaveLength(1);
    expect(Object.keys(action.outputs).sort()).toEqual(['blockers', 'report', 'status']);
    for (const [out, spec] of Object.entries(action.outputs)) expect(spec.value).toBe(`\${{ steps.run.outputs.${out} }}`);
  });

  it('maps every input, and only inputs, to INPUT_<NAME> and runs dist/step.js with the runner node after the shared check', async () => {
    const env = action.yaml.runs.steps[0].env as Record<string, string>;
    expect(env).toEqual(Object.fromEntries(Object.keys(action.inputs).map((input) => [`INPUT_${input.toUpperCase()}`, `\${{ inputs.${input} }}`])));
    expect(action.yaml.runs.steps[0].run.trim().split('\n')).toEqual([
      '. "$GITHUB_ACTION_PATH/../node-check.sh"',
      `node "$GITHUB_ACTION_PATH/../../dist/step.js" ${name}`,
    ]);
    const given = Object.fromEntries(Object.keys(action.inputs).map((input) => [input, sampleOf(input)]));
    const out = await runCompositeStep(action, given, { PATH: `${node.path}:/usr/bin:/bin` }, dir, dir);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const call = node.calls();
    expect(resolve(call.argv[0]!)).toBe(join(ROOT, 'dist/step.js'));
    expect(call.argv.slice(1)).toEqual([name]);
    expect(call.inputs).toEqual(envOf(given));
  });

  it('declares the inputs every action shares', () => {
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(COMMON_INPUTS));
  });

  it('reads every input it declares: each changes what the step does', () => {
    const read = (given: Record<string, string>) => {
      const env = envOf(given);
      if (name === 'report') return JSON.stringify(readReportInputs(env, dir));
      return JSON.stringify([readCommonInputs(env, dir), stageCommandLine(name as StageId, env)]);
    };
    const baseline = read({});
    for (const input of Object.keys(action.inputs)) expect([input, read({ [input]: sampleOf(input) })]).not.toEqual([input, baseline]);
  });

  const acceptance = name !== 'report' && stage?.built ? it : it.skip;
  acceptance('every flag its inputs become is accepted by the command; lists become repeated flags', () => {
    for (const input of Object.keys(action.inputs).filter((i) => !COMMON_INPUTS.includes(i))) {
      const argv = stageCommandLine(name as StageId, envOf({ [input]: sampleOf(input) }));
      if (sampleOf(input).includes('\n')) expect([input, argv.filter((a) => a.startsWith(`${input}-`))]).toEqual([input, [`${input}-one`, `${input}-two`]]);
      try {
        parseCommandLine(argv, STAGES, ROOT);
      } catch (error) {
        if (error instanceof UsageError) throw new Error(`input ${input} → ${argv.join(' ')}: ${error.message}`, { cause: error });
        throw error;
      }
    }
  });

  it('stops with a clear ::error:: when node is missing', async () => {
    const out = await runCompositeStep(action, {}, { PATH: join(dir, 'empty') }, dir, dir);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('::error title=launch-ready::node was not found on PATH; add actions/setup-node');
  });

  it.each([
    ['18.19.0', false],
    ['20.17.1', false],
    ['20.18.0', true],
    ['24.1.0', true],
  ])('checks the runner node version: %s passes = %s', async (version, ok) => {
    const old = fakeNode(join(dir, `node-${version}`), version);
    const out = await runCompositeStep(action, {}, { PATH: `${old.path}:/usr/bin:/bin` }, dir, dir);
    expect(out.code).toBe(ok ? 0 : 1);
    if (!ok)
      expect(out.stdout).toContain(
        `::error title=launch-ready::node ${version} is too old for launch-ready (needs Node 20.18 or later); add actions/setup-node`,
      );
  });
});

describe("boolean inputs follow GitHub's YAML 1.2 core schema", () => {
  it.each(['true', 'True', 'TRUE'])('history: %s scans history', (value) => {
    expect(stageCommandLine('secrets', { INPUT_HISTORY: value })).not.toContain('--no-history');
  });
  it.each(['false', 'False', 'FALSE'])('history: %s scans the working tree only', (value) => {
    expect(stageCommandLine('secrets', { INPUT_HISTORY: value })).toContain('--no-history');
  });
  it.each([
    ['history', 'no'],
    ['untracked', 'yes'],
    ['history', 'off'],
  ])('%s: %s is a usage error naming the input', (input, value) => {
    expect(() => stageCommandLine('secrets', { [`INPUT_${input.toUpperCase()}`]: value })).toThrow(
      new UsageError(`input ${input}: "${value}" is not true or false; write ${input}: true or ${input}: false`),
    );
  });
  it('comment: yes is a usage error naming the input', () => {
    expect(() => readCommonInputs({ INPUT_COMMENT: 'yes' }, ROOT)).toThrow('input comment: "yes" is not true or false');
  });
});

it('the contract test reads the action files it claims to', () => {
  expect(readFileSync(join(ROOT, 'actions/burst/action.yml'), 'utf8')).toContain('INPUT_THRESHOLDS');
});
