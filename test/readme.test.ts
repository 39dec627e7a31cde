import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseCommandLine } from '../src/core/cli-args.js';
import { loadConfig } from '../src/core/config/load.js';
import { UsageError } from '../src/core/errors.js';
import { VERSION } from '../src/core/version.js';
import { STAGES } from '../src/stages/index.js';
import { readAction } from './github/composite.js';

/** Every example in the README is checked: configs load, workflows use real inputs, commands parse. */
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = (lang: string) => [...README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const CONFIG_KEYS = new Set(['failOn', 'criticalPaths', 'network', ...STAGES.map((s) => s.id)]);

type Json = Record<string, unknown>;
const yamlBlocks = blocks('yaml').map((text) => ({ text, doc: parse(text) as Json | null }));

/** Config keys whose value names a file the example cannot ship. */
const FILE_PROBLEM = /cannot (?:be )?read|does not exist|no such file|not found|ENOENT/i;

describe('README examples', () => {
  it('has examples to check (negative control: the extraction finds them)', () => {
    expect(yamlBlocks.length).toBeGreaterThan(10);
    expect(yamlBlocks.filter(({ doc }) => doc && 'jobs' in doc).length).toBeGreaterThan(3);
  });

  it('every launch-ready.yml example loads against the schema (file references aside)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lr-readme-'));
    const problems: string[] = [];
    try {
      for (const { text, doc } of yamlBlocks) {
        if (!doc || typeof doc !== 'object' || !Object.keys(doc).every((k) => CONFIG_KEYS.has(k))) continue;
        const file = join(dir, 'launch-ready.yml');
        writeFileSync(file, text);
        try {
          loadConfig({ cwd: dir, file, overrides: [], stages: STAGES, version: VERSION, selected: [] });
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          const real = error.message.split('\n').filter((line) => !FILE_PROBLEM.test(line));
          if (real.length > 0) problems.push(`${text.split('\n')[0]}…: ${real.join(' | ')}`);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
  });

  it('every workflow example uses launch-ready actions that exist, with inputs they declare', () => {
    const problems: string[] = [];
    for (const { doc } of yamlBlocks) {
      if (!doc || typeof doc !== 'object' || !('jobs' in doc)) continue;
      for (const job of Object.values(doc.jobs as Record<string, Json>)) {
        for (const step of (job.steps as Json[] | undefined) ?? []) {
          const uses = typeof step.uses === 'string' ? /^launch-ready\/launch-ready(?:\/actions\/([\w-]+))?@/.exec(step.uses) : null;
          if (!uses) continue;
          const action = readAction(uses[1] ?? 'root');
          for (const input of Object.keys((step.with as Json | undefined) ?? {})) {
            if (!(input in action.inputs)) problems.push(`${step.uses}: no input "${input}"`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('every launch-ready command line in the examples parses', () => {
    const fenced = blocks('(?:sh|bash|console|yaml)?').flatMap((b) => b.split('\n'));
    const inline = [...README.matchAll(/`(launch-ready [^`]+)`/g)].map((m) => m[1]!);
    const commands = [...fenced, ...inline]
      .map((line) =>
        line
          .replace(/^\s*(-\s*)?(run:\s*)?(\$\s*)?(npx\s+)?/, '')
          .replace(/\s+#.*$/, '')
          .trim(),
      )
      .filter((line) => /^launch-ready [a-z]/.test(line) && !line.includes('['));
    expect(commands.length).toBeGreaterThan(8);
    const problems: string[] = [];
    for (const command of commands) {
      const argv = (command.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).slice(1).map((a) => a.replace(/^['"]|['"]$/g, ''));
      // diagnose and handover run no stage and parse their own flags (src/diagnose, src/handover).
      if (argv[0] === 'diagnose' || argv[0] === 'handover') continue;
      try {
        parseCommandLine(argv, STAGES, process.cwd());
      } catch (error) {
        problems.push(`${command}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
