import { describe, expect, it } from '@jest/globals';
import { compareEnvironment } from '../../../src/stages/env/compare.js';
import { discoverAll } from '../../../src/stages/env/discover/index.js';
import type { EnvironmentSnapshot } from '../../../src/stages/env/target.js';

function envFrom(name: string, file: string, values: Record<string, string>): EnvironmentSnapshot {
  const variables = new Map(Object.entries(values).map(([k, v], i) => [k, { value: v, line: i + 1 }] as const));
  return { name, sources: [{ label: file, file, variables }] };
}

function compare(files: Record<string, string>, target?: EnvironmentSnapshot, others: EnvironmentSnapshot[] = [], ignore: string[] = []) {
  const inventory = discoverAll(Object.entries(files).map(([path, text]) => ({ path, text })));
  return compareEnvironment({ inventory, environments: [...(target ? [target] : []), ...others], ignore: new Set(ignore), ...(target ? { target } : {}) });
}

const byRule = (findings: ReturnType<typeof compare>, rule: string) => findings.filter((f) => f.ruleId === rule);

describe('env comparison: required variables in the target', () => {
  const code = {
    'src/jobs/report.js':
      'const key = process.env.STRIPE_SECRET_KEY;\nconst color = process.env.THEME_COLOR;\nconst port = process.env.LISTEN_PORT ?? "3000";\nconst env = process.env.NODE_ENV;\n',
    'src/server.js': 'const origin = process.env.PUBLIC_ORIGIN;\n',
  };

  it('a missing secret-looking variable is a blocker, located where the code reads it', () => {
    const [finding] = byRule(
      compare(code, envFrom('production', '.env.production', { THEME_COLOR: 'red', PUBLIC_ORIGIN: 'https://x' })),
      'env-required-missing',
    );
    expect(finding).toMatchObject({
      severity: 'blocker',
      title: 'STRIPE_SECRET_KEY is required but not set in production (a secret)',
      location: { file: 'src/jobs/report.js', line: 1 },
      paths: ['deploy'],
    });
  });

  it('a missing non-secret read with no fallback is high: a file named server.js is no proof of a start-up read', () => {
    const findings = byRule(compare(code, envFrom('production', '.env.production', { STRIPE_SECRET_KEY: 'sk_test_123456789' })), 'env-required-missing');
    expect(findings.map((f) => `${f.title.split(' ')[0]}:${f.severity}`)).toEqual(['PUBLIC_ORIGIN:high', 'THEME_COLOR:high']);
  });

  it('a missing field an env schema validates at start-up is a blocker even when it is no secret', () => {
    const schema = { 'src/env.ts': 'export const env = createEnv({ server: { MAIL_HOST: z.string() }, runtimeEnv: { MAIL_HOST: process.env.MAIL_HOST } });\n' };
    const findings = byRule(compare(schema, envFrom('production', '.env.production', {})), 'env-required-missing');
    expect(findings.map((f) => `${f.title.split(' ')[0]}:${f.severity}`)).toEqual(['MAIL_HOST:blocker']);
  });

  it('a variable read with a default, a platform variable and an ignored one are never missing', () => {
    const findings = byRule(compare(code, envFrom('production', '.env.production', {}), [], ['THEME_COLOR']), 'env-required-missing');
    expect(findings.map((f) => f.title.split(' ')[0])).toEqual(['PUBLIC_ORIGIN', 'STRIPE_SECRET_KEY']);
  });

  it('present but empty counts as missing and names the file and line', () => {
    const [finding] = byRule(
      compare(code, envFrom('production', '.env.production', { THEME_COLOR: 'red', PUBLIC_ORIGIN: 'x', STRIPE_SECRET_KEY: '  ' })),
      'env-required-empty',
    );
    expect(finding).toMatchObject({ severity: 'blocker', title: 'STRIPE_SECRET_KEY is set but empty in production (.env.production:3) (a secret)' });
  });

  it('a variable set in any source of the target counts as set', () => {
    const target: EnvironmentSnapshot = {
      name: 'production',
      sources: [
        {
          label: '.env.production',
          file: '.env.production',
          variables: new Map([
            ['THEME_COLOR', { value: 'red' }],
            ['PUBLIC_ORIGIN', { value: 'x' }],
          ]),
        },
        { label: 'GitHub environment "production"', variables: new Map([['STRIPE_SECRET_KEY', {}]]) },
      ],
    };
    expect(byRule(compare(code, target), 'env-required-missing')).toEqual([]);
  });

  it('without a target source nothing is reported missing', () => {
    expect(byRule(compare(code), 'env-required-missing')).toEqual([]);
  });
});

describe('env comparison: other findings', () => {
  it('a server secret behind a client-bundle prefix is a blocker; a publishable key is not', () => {
    const findings = compare({
      'app/page.tsx':
        'const a = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;\nconst b = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY;\nconst c = import.meta.env.VITE_DATABASE_URL;\n',
    });
    expect(byRule(findings, 'env-secret-in-client-bundle').map((f) => [f.severity, f.location?.file, f.location?.line, f.title.split(' ')[0]])).toEqual([
      ['blocker', 'app/page.tsx', 1, 'NEXT_PUBLIC_STRIPE_SECRET_KEY'],
      ['blocker', 'app/page.tsx', 3, 'VITE_DATABASE_URL'],
    ]);
  });

  it('the same secret value in two environments is high and the finding holds no value', () => {
    const value = 'sk_live_shared_between_envs_123';
    const production = envFrom('production', '.env.production', { STRIPE_SECRET_KEY: value, APP_NAME: 'same-name-everywhere' });
    const staging = envFrom('staging', '.env.staging', { STRIPE_SECRET_KEY: value, APP_NAME: 'same-name-everywhere' });
    const findings = byRule(compare({}, production, [staging]), 'env-shared-secret-value');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'high',
      title: 'STRIPE_SECRET_KEY has the same value in production and staging: the environments are not split',
      location: { file: '.env.staging', line: 1 },
    });
    expect(JSON.stringify(findings)).not.toContain(value);
    expect(findings[0]!.secret).toBeUndefined();
  });

  it('different secret values per environment are fine', () => {
    const production = envFrom('production', '.env.production', { STRIPE_SECRET_KEY: 'sk_live_one_1234567' });
    const staging = envFrom('staging', '.env.staging', { STRIPE_SECRET_KEY: 'sk_test_two_1234567' });
    expect(byRule(compare({}, production, [staging]), 'env-shared-secret-value')).toEqual([]);
  });

  it('used in code but not in the example file is low (docs drift); declared but unused is info', () => {
    const findings = compare({
      '.env.example': 'DATABASE_URL=\nLEGACY_FLAG=\n',
      'src/db.ts': 'export const url = process.env.DATABASE_URL;\nexport const k = process.env.MAILGUN_API_KEY;\n',
    });
    expect(byRule(findings, 'env-undeclared').map((f) => [f.severity, f.title, f.location])).toEqual([
      ['low', 'MAILGUN_API_KEY is used in code but not listed in .env.example', { file: 'src/db.ts', line: 2 }],
    ]);
    expect(byRule(findings, 'env-declared-unused').map((f) => [f.severity, f.title, f.location])).toEqual([
      ['info', 'LEGACY_FLAG is listed in .env.example but nothing reads it', { file: '.env.example', line: 2 }],
    ]);
  });

  it('without an example file there is no docs-drift finding', () => {
    expect(byRule(compare({ 'src/db.ts': 'process.env.DATABASE_URL;' }), 'env-undeclared')).toEqual([]);
  });

  it('a dynamic read is info with its location, and is not guessed into a variable', () => {
    const findings = compare({ 'src/config.js': 'function get(name) {\n  return process.env[name];\n}\n' });
    expect(byRule(findings, 'env-dynamic-access').map((f) => [f.severity, f.location])).toEqual([['info', { file: 'src/config.js', line: 2 }]]);
    expect(findings.filter((f) => f.ruleId === 'env-required-missing')).toEqual([]);
  });

  it('a malformed line in an example file is low with file:line', () => {
    const [finding] = byRule(compare({ '.env.example': 'OK=\nnot a line\n' }), 'env-malformed-line');
    expect(finding).toMatchObject({ severity: 'low', location: { file: '.env.example', line: 2 } });
  });
});

describe('env comparison: docs drift in a monorepo', () => {
  const files = {
    'apps/web/.env.example': 'NEXT_PUBLIC_APP_URL=\nWEB_ONLY_UNUSED=\n',
    'apps/web/src/page.ts': 'process.env.NEXT_PUBLIC_APP_URL;\nprocess.env.WEB_SECRET_TOKEN;\n',
    'apps/api/src/db.ts': 'process.env.DATABASE_URL;\n',
    'lib/seed.js': 'process.env.SEED_COUNT;\n',
    '.env.example': 'DATABASE_URL=\n',
  };

  it('holds code to the example files of its own folder and the folders above it', () => {
    const findings = compare(files);
    expect(byRule(findings, 'env-undeclared').map((f) => f.title)).toEqual([
      'SEED_COUNT is used in code but not listed in .env.example',
      'WEB_SECRET_TOKEN is used in code but not listed in .env.example, apps/web/.env.example',
    ]);
  });

  it('counts a declaration as used only when something under its folder reads it', () => {
    const findings = compare({ ...files, 'apps/web/.env.example': 'NEXT_PUBLIC_APP_URL=\nWEB_ONLY_UNUSED=\nDATABASE_URL=\n' });
    expect(byRule(findings, 'env-declared-unused').map((f) => f.title)).toEqual([
      'DATABASE_URL is listed in apps/web/.env.example but nothing reads it',
      'WEB_ONLY_UNUSED is listed in apps/web/.env.example but nothing reads it',
    ]);
  });
});
