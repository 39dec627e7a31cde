import { describe, expect, it } from '@jest/globals';
import { commandHelpText, readFlags, type CommandFlag } from '../../src/core/flags.js';

const FLAGS: CommandFlag[] = [
  { name: 'config', type: 'string', valueName: 'FILE', description: 'the config' },
  { name: 'results', type: 'string', multiple: true, valueName: 'FILE', description: 'a result file; repeatable' },
  { name: 'force', type: 'boolean', description: 'replace it' },
];

describe('the one flag reader (gate commands, diagnose, handover)', () => {
  it('reads values, repeatable lists and booleans, with = or a space', () => {
    const { values, positional } = readFlags(['--config=a.yml', '--results', 'x.json', '--results=y.json', '--force'], FLAGS, 'handover');
    expect([...values]).toEqual([
      ['config', 'a.yml'],
      ['results', ['x.json', 'y.json']],
      ['force', true],
    ]);
    expect(positional).toEqual([]);
  });

  it('keeps bare arguments only for a command that takes them (diagnose URL)', () => {
    expect(readFlags(['https://shop.test/', '--force'], FLAGS, 'diagnose', { positional: true }).positional).toEqual(['https://shop.test/']);
    expect(() => readFlags(['notes.md'], FLAGS, 'handover')).toThrow(
      'unexpected argument "notes.md" for "launch-ready handover"; values go after their flag, e.g. --results notes.md (see launch-ready handover --help)',
    );
  });

  it('names the closest flag, a missing value and a repeated one', () => {
    expect(() => readFlags(['--forse'], FLAGS, 'handover')).toThrow('--forse: unknown flag for "launch-ready handover"; did you mean --force?');
    expect(() => readFlags(['--config'], FLAGS, 'handover')).toThrow('--config: needs a value; e.g. --config FILE');
    expect(() => readFlags(['--config', 'a', '--config', 'b'], FLAGS, 'handover')).toThrow('--config: given twice; give it once');
    expect(() => readFlags(['--force=yes'], FLAGS, 'handover')).toThrow('--force: takes no value; write --force alone');
  });

  it('writes the help rows aligned, lists marked with ...', () => {
    expect(commandHelpText('launch-ready handover', 'write HANDOVER.md', FLAGS, ['footer'])).toBe(
      [
        'launch-ready handover: write HANDOVER.md',
        '',
        'Flags:',
        '  --config FILE      the config',
        '  --results FILE...  a result file; repeatable',
        '  --force            replace it',
        '',
        'footer',
      ].join('\n'),
    );
  });
});
