import { afterAll, describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../../src/core/config/load.js';
import { UsageError } from '../../../src/core/errors.js';
import { STAGES } from '../../../src/stages/index.js';
import { tempDir } from './helpers.js';

const project = tempDir();
afterAll(() => project.cleanup());
const load = (yaml: string) => {
  const file = project.write('launch-ready.yml', yaml);
  return () => loadConfig({ file, cwd: project.dir, stages: STAGES, version: '0.0.0', selected: ['readiness'] });
};

describe('readiness config errors exit 2 naming the key', () => {
  test('a monitors file in an unknown format lists the formats known', () => {
    project.write('checkly.json', '{"checks": [{"name": "signup", "locations": ["eu-west-1"]}]}');
    const run = load('readiness:\n  monitorsFile: checkly.json\n');
    expect(run).toThrow(UsageError);
    expect(run).toThrow(
      /launch-ready\.yml:2:17: readiness\.monitorsFile: checkly\.json: not a monitors export launch-ready knows; known formats: launch-ready .*uptime-kuma .*uptimerobot .*betterstack .*gatus/,
    );
  });
  test('a monitors file that does not exist', () => {
    expect(load('readiness:\n  monitorsFile: nope.json\n')).toThrow(/readiness\.monitorsFile: "nope\.json": no such file/);
  });
  test('a health URL that is not a URL, and logs with neither file nor command', () => {
    expect(load('readiness:\n  healthUrl: /healthz\n')).toThrow(/readiness\.healthUrl: "\/healthz" is not an http\(s\) URL/);
    expect(load('readiness:\n  logs: { waitSeconds: 2 }\n')).toThrow(/readiness\.logs: names neither a file nor a command/);
  });
  test('a known export loads (negative control), and the stage is skipped when nothing is configured', () => {
    project.write('kuma.json', '{"version":"1.23.16","notificationList":[],"monitorList":[]}');
    expect(load('readiness:\n  monitorsFile: kuma.json\n')).not.toThrow();
    const readiness = STAGES.find((s) => s.id === 'readiness')!;
    expect(readiness.notConfigured!({ enabled: true, monitors: [] })).toMatch(/nothing configured/);
    expect(readiness.notConfigured!({ enabled: true, monitors: [], healthUrl: 'https://x.test/h' })).toBeUndefined();
  });
});
