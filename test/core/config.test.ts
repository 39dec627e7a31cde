import { afterEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/core/config/load.js';
import { UsageError } from '../../src/core/errors.js';
import type { StageDefinition } from '../../src/core/stage.js';
import { tempProject } from '../helpers/cli.js';

const trustLike: StageDefinition = {
  id: 'trust',
  phase: 'passive',
  title: 'Trust',
  description: 'test stage',
  built: true,
  checks: { paths: [] },
  configSchema: {
    properties: {
      hostnames: { type: 'array', items: { type: 'string' }, errorMessage: 'expected a list of host names; e.g. [example.com, www.example.com]' },
      pages: { type: 'array', items: { type: 'string' } },
      timeoutSeconds: { type: 'number', default: 5 },
    },
  },
  flags: [{ name: 'host', type: 'string', multiple: true, configKey: 'hostnames', description: 'host' }],
  validateConfig: (section) =>
    ((section.pages as string[] | undefined) ?? []).flatMap((page, i) =>
      URL.canParse(page) ? [] : [{ path: ['pages', i], message: `"${page}" is not a URL; write a full URL such as https://www.example.com/pricing` }],
    ),
  run: async () => ({ summary: '', findings: [] }),
};

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function load(yaml: string, extra: Partial<Parameters<typeof loadConfig>[0]> = {}) {
  const project = tempProject({ 'launch-ready.yml': yaml });
  cleanup = project.cleanup;
  return loadConfig({ cwd: project.dir, stages: [trustLike], version: '1.0.0', ...extra });
}

function problemOf(yaml: string, extra: Partial<Parameters<typeof loadConfig>[0]> = {}): string {
  try {
    load(yaml, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('launch-ready.yml', () => {
  it('names file, line, column and key, with the schema hint, for a wrong type', () => {
    const message = problemOf('failOn: blocker\ntrust:\n  hostnames: example.com\n');
    expect(message).toBe('launch-ready.yml:3:14: trust.hostnames: expected a list of host names; e.g. [example.com, www.example.com]');
  });

  it('calls an unknown key an error and suggests the close one', () => {
    const message = problemOf('trust:\n  hostnamez: [example.com]\n');
    expect(message).toBe('launch-ready.yml:2:3: trust.hostnamez: unknown key; did you mean "hostnames"?');
  });

  it('calls an unknown top-level section an error and suggests the stage', () => {
    expect(problemOf('trusst:\n  hostnames: []\n')).toBe('launch-ready.yml:1:1: trusst: unknown key; did you mean "trust"?');
    expect(problemOf('colour: blue\n')).toBe('launch-ready.yml:1:1: colour: unknown key; expected one of failOn, criticalPaths, network, trust');
  });

  it('lists the allowed values of an enum', () => {
    expect(problemOf('failOn: critical\n')).toBe('launch-ready.yml:1:9: failOn: expected one of blocker, high, medium, low, never');
  });

  it('points at a YAML syntax error', () => {
    expect(problemOf('trust:\n  hostnames: [a, b\n')).toMatch(/^launch-ready\.yml:\d+:\d+: YAML syntax: .+; fix the YAML/);
  });

  it('reports a stage-level problem at the offending list item', () => {
    expect(problemOf('trust:\n  pages:\n    - https://ok.example/\n    - not a url\n')).toBe(
      'launch-ready.yml:4:7: trust.pages[1]: "not a url" is not a URL; write a full URL such as https://www.example.com/pricing',
    );
  });

  it('names the flag, not the file, when a flag gives the bad value', () => {
    const message = problemOf('trust:\n  hostnames: [a.example]\n', { overrides: [{ path: ['trust', 'hostnames'], value: 'x', source: '--host' }] });
    expect(message).toBe('--host: expected a list of host names; e.g. [example.com, www.example.com]');
  });

  it('lets flags override the file and fills defaults', () => {
    const config = load('trust:\n  hostnames: [a.example]\n', { overrides: [{ path: ['trust', 'hostnames'], value: ['b.example'], source: '--host' }] });
    expect(config.stages.trust.hostnames).toEqual(['b.example']);
    expect(config.stages.trust.timeoutSeconds).toBe(5);
    expect(config.stages.trust.enabled).toBe(true);
  });

  it('fills the defaults of a stage the file leaves out', () => {
    const config = load('failOn: high\n');
    expect(config.failOn).toBe('high');
    expect(config.stages.trust.timeoutSeconds).toBe(5);
    expect(config.criticalPaths.map((p) => p.id)).toEqual(['signup', 'checkout', 'login', 'email', 'homepage', 'deploy']);
  });

  it('says how to fix a --config that does not exist', () => {
    expect(problemOf('', { file: 'nope.yml' })).toBe(
      '--config: nope.yml: no such file; give the path of your launch-ready.yml, or leave --config out to use defaults',
    );
  });

  it('rejects a top level that is not a mapping', () => {
    expect(problemOf('- a\n- b\n')).toMatch(/^launch-ready\.yml:1:1: expected a mapping of settings at the top/);
  });

  it('rejects a duplicate key', () => {
    expect(problemOf('failOn: high\nfailOn: low\n')).toMatch(/^launch-ready\.yml:2:1: YAML syntax: /);
  });
});

describe('stage checks beyond the schema', () => {
  it('apply only to the stages that will run, so one stage never blocks another', () => {
    const yaml = 'trust:\n  pages: [not a url]\n';
    expect(problemOf(yaml)).toMatch(/trust\.pages\[0\]/);
    expect(() => load(yaml, { selected: [] })).not.toThrow();
    expect(problemOf(yaml, { selected: ['trust'] })).toMatch(/trust\.pages\[0\]/);
  });

  it('name the key without a line when the file never wrote it', () => {
    const needsRepo: StageDefinition = { ...trustLike, validateConfig: () => [{ path: ['repo'], message: '/x is not a git repository; pass --repo DIR' }] };
    expect(problemOf('failOn: high\n', { stages: [needsRepo] })).toBe('trust.repo: /x is not a git repository; pass --repo DIR');
  });
});
