/**
 * The verdict rules a real team keeps on, each with a case that must pass (ok) and one that must
 * still be caught (ng). Sources are small literal fixtures, one per case.
 */
import { describe, expect, it } from '@jest/globals';
import { compareEnvironment } from '../../../src/stages/env/compare.js';
import { discoverAll, type Inventory } from '../../../src/stages/env/discover/index.js';
import { inventoryEntries, inventoryTable } from '../../../src/stages/env/inventory.js';
import { isPlatformProvided, isSecretLooking, isServerSecretInClientBundle } from '../../../src/stages/env/names.js';
import type { EnvironmentSnapshot } from '../../../src/stages/env/target.js';

const inventoryOf = (files: Record<string, string>): Inventory => discoverAll(Object.entries(files).map(([path, text]) => ({ path, text })));
const verdicts = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries([...inventoryOf(files).variables.values()].map((v) => [v.name, v.required ? 'required' : 'optional']));
const target = (values: Record<string, string>): EnvironmentSnapshot => ({
  name: 'production',
  sources: [{ label: '.env.production', file: '.env.production', variables: new Map(Object.entries(values).map(([k, v]) => [k, { value: v }])) }],
});
const findings = (files: Record<string, string>, values: Record<string, string> = {}) => {
  const t = target(values);
  return compareEnvironment({ inventory: inventoryOf(files), target: t, environments: [t], ignore: new Set() });
};
const severities = (files: Record<string, string>, values: Record<string, string> = {}) =>
  Object.fromEntries(
    findings(files, values)
      .filter((f) => f.ruleId === 'env-required-missing')
      .map((f) => [f.title.split(' ')[0], f.severity]),
  );

describe('1. a read with a fallback or a guard is optional', () => {
  it('ok: ??, ||, defaults, if (X), X ? a : b, !!X, X && …, X === "true", ?.', () => {
    const js = [
      'const a = process.env.A ?? "d";',
      'const b = process.env.B || "d";',
      'const { C = "d" } = process.env;',
      'if (process.env.D) start();',
      'const e = process.env.E ? 1 : 2;',
      'const f = !!process.env.F;',
      'process.env.G && run();',
      'const h = process.env.H === "true";',
      'process.env.I?.trim();',
    ].join('\n');
    expect(verdicts({ 'src/app.ts': js })).toEqual({
      A: 'optional',
      B: 'optional',
      C: 'optional',
      D: 'optional',
      E: 'optional',
      F: 'optional',
      G: 'optional',
      H: 'optional',
      I: 'optional',
    });
  });
  it('ng: a read used as it is stays required', () => {
    expect(verdicts({ 'src/app.ts': 'const s = process.env.S.split(",");\nconnect(process.env.T);\nconst { U } = process.env;\n' })).toEqual({
      S: 'required',
      T: 'required',
      U: 'required',
    });
  });
  it('ok: Python get/getenv with or without a default; ng: os.environ["X"]', () => {
    expect(
      verdicts({ 'app/settings.py': 'import os\na = os.environ.get("A")\nb = os.getenv("B", "x")\nc = os.environ["C"]\nif "D" in os.environ:\n    pass\n' }),
    ).toEqual({ A: 'optional', B: 'optional', C: 'required', D: 'optional' });
  });
  it('ok: compose ${X} and ${X:-d}; ng: ${X:?msg} and ${X?} stop compose, a blocker even for a non-secret', () => {
    const compose = {
      'docker-compose.yml': 'services:\n  web:\n    image: app\n    environment:\n      A: ${A}\n      B: ${B:-1}\n      C: ${C:?set C}\n      D: ${D?}\n',
    };
    expect(verdicts(compose)).toEqual({ A: 'optional', B: 'optional', C: 'required', D: 'required' });
    expect(severities(compose)).toEqual({ C: 'blocker', D: 'blocker' });
  });
  it('ng: a read inside a Python if-block is only required on that branch, so it is not a sure requirement', () => {
    expect(verdicts({ 'app/settings.py': 'import os\nif USE_S3:\n    KEY = os.environ["S3_KEY"]\nSECRET_KEY = os.environ["SECRET_KEY"]\n' })).toEqual({
      S3_KEY: 'optional',
      SECRET_KEY: 'required',
    });
  });
});

describe('2. schema libraries decide, not the mapping that feeds them', () => {
  const t3 =
    'export const env = createEnv({\n  server: { A: z.string().optional(), B: z.string(), C: z.string().default("x"), D: z.string().prefault("x"), E: z.string().catch("x") },\n  runtimeEnv: { A: process.env.A, B: process.env.B, C: process.env.C, D: process.env.D, E: process.env.E },\n});\n';
  it('ok: the runtimeEnv line of an optional t3-env field is not a required read', () => {
    expect(verdicts({ 'src/env.ts': t3 })).toEqual({ A: 'optional', B: 'required', C: 'optional', D: 'optional', E: 'optional' });
  });
  it('ok: envalid default/devDefault are optional; ng: a field without them is required', () => {
    expect(
      verdicts({ 'src/env.ts': 'export const env = cleanEnv(process.env, { A: str({ default: "x" }), B: str({ devDefault: "x" }), C: str() });\n' }),
    ).toEqual({ A: 'optional', B: 'optional', C: 'required' });
  });
  it('ok: a plain read elsewhere does not overrule an optional schema field', () => {
    expect(verdicts({ 'src/env.ts': t3, 'src/mail.ts': 'send(process.env.A);\n' }).A).toBe('optional');
  });
  it('ok: Pydantic settings fields with defaults are optional; ng: one without is required', () => {
    expect(
      verdicts({ 'app/config.py': 'class Settings(BaseSettings):\n    database_url: str\n    debug: bool = False\n    sentry_dsn: Optional[str]\n' }),
    ).toEqual({ DATABASE_URL: 'required', DEBUG: 'optional', SENTRY_DSN: 'optional' });
  });
});

describe('3. project helpers are reads', () => {
  it('ng: requireEnv("X") of a helper that throws is required, in any file', () => {
    const helper =
      'export function requireEnv(name: string) {\n  const v = process.env[name];\n  if (!v) throw new Error(`missing ${name}`);\n  return v;\n}\n';
    const inventory = inventoryOf({
      'src/lib/env.ts': helper,
      'src/server.ts': 'const db = requireEnv("DATABASE_URL");\nconst c = requireEnv("COLOR", "red");\n',
    });
    expect(inventory.variables.get('DATABASE_URL')).toMatchObject({ required: true, why: expect.stringContaining("requireEnv('DATABASE_URL') throws") });
    expect(inventory.variables.get('COLOR')?.required).toBe(false);
    expect(inventory.dynamic).toEqual([]);
  });
  it('ok: envbool("X", False) of a Python helper is optional with a default; a helper over os.environ[name] makes calls required', () => {
    const settings =
      'import os\ndef envbool(name, default):\n    return os.getenv(name, default) == "True"\ndef need(name):\n    return os.environ[name]\nDEBUG = envbool("DEBUG_MODE", "False")\nKEY = need("API_KEY")\n';
    expect(verdicts({ 'app/settings.py': settings })).toEqual({ DEBUG_MODE: 'optional', API_KEY: 'required' });
  });
  it('django-environ, decouple, Prisma env(), compose build.args and x- blocks are reads', () => {
    expect(
      verdicts({
        'app/settings.py':
          'SECRET_KEY = env("SECRET_KEY")\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\nHOSTS = env.list(\n    "ALLOWED_HOSTS",\n    default=[],\n)\n',
        'app/other.py': 'from decouple import config\nX = config("DECOUPLE_X", default="1")\nY = config("DECOUPLE_Y")\n',
        'prisma/schema.prisma': 'datasource db {\n  url = env("DATABASE_URL")\n}\n',
        'docker-compose.yml':
          'x-common: &common\n  environment:\n    LOG: ${LOG_LEVEL:-info}\nservices:\n  web:\n    build:\n      context: .\n      args:\n        - NPM_TOKEN\n',
      }),
    ).toEqual({
      SECRET_KEY: 'required',
      DJANGO_DEBUG: 'optional',
      ALLOWED_HOSTS: 'optional',
      DECOUPLE_X: 'optional',
      DECOUPLE_Y: 'required',
      DATABASE_URL: 'required',
      LOG_LEVEL: 'optional',
      NPM_TOKEN: 'optional',
    });
  });
});

describe('4. only the deployed app counts toward production', () => {
  const files = {
    '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: x\n    env:\n      CI_TOKEN: ${{ secrets.CI_TOKEN }}\n    steps: [{ run: echo }]\n',
    'src/app.test.ts': 'process.env.TEST_ONLY.trim();\n',
    'tests/e2e/login.ts': 'process.env.E2E_USER.trim();\n',
    'app/conftest.py': 'import os\nos.environ["PYTEST_DB"]\n',
    'scripts/seed.ts': 'process.env.SEED_SECRET.trim();\n',
    'playwright.config.ts': 'process.env.PW_BASE_URL.trim();\n',
    'src/Button.stories.tsx': 'process.env.STORYBOOK_KEY.trim();\n',
    'src/server.ts': 'process.env.APP_SECRET.trim();\n',
  };
  it('ok: CI, tests, scripts and tooling make no requirement; ng: the app still does', () => {
    expect(
      Object.entries(verdicts(files))
        .filter(([, v]) => v === 'required')
        .map(([k]) => k),
    ).toEqual(['APP_SECRET']);
    expect(
      findings(files)
        .filter((f) => f.severity === 'blocker')
        .map((f) => f.title.split(' ')[0]),
    ).toEqual(['APP_SECRET']);
  });
  it('the inventory says who uses them', () => {
    const entries = inventoryEntries(inventoryOf(files), undefined);
    expect(entries.find((e) => e.name === 'CI_TOKEN')).toMatchObject({ required: false, app: false, usedBy: ['CI'] });
    expect(entries.find((e) => e.name === 'SEED_SECRET')).toMatchObject({ required: false, usedBy: ['scripts/tooling'] });
    expect(entries.find((e) => e.name === 'TEST_ONLY')).toMatchObject({ usedBy: ['tests'] });
  });
});

describe('5. declarations', () => {
  it('ok: a commented example line is a declaration (optional), never "declared but unused"', () => {
    const inventory = inventoryOf({ '.env.example': '# SENTRY_DSN=\nDATABASE_URL=\n', 'src/db.ts': 'process.env.DATABASE_URL.trim();\n' });
    expect(inventory.variables.get('SENTRY_DSN')).toMatchObject({ required: false, declarations: [expect.objectContaining({ commented: true })] });
    expect(findings({ '.env.example': '# SENTRY_DSN=\n' }).map((f) => f.ruleId)).toEqual([]);
  });
  it('ng: declared empty in the example and empty in the target is high even with no read (SDKs read env themselves)', () => {
    const f = findings({ '.env.example': 'SENTRY_DSN=\nLOG_LEVEL=info\n' }, { SENTRY_DSN: '' });
    expect(f.filter((x) => x.ruleId === 'env-declared-empty').map((x) => [x.title.split(' ')[0], x.severity])).toEqual([['SENTRY_DSN', 'high']]);
  });
  it('ok: filled in the target, it is not reported', () => {
    expect(
      findings({ '.env.example': 'SENTRY_DSN=\n' }, { SENTRY_DSN: 'https://k@o1.ingest.sentry.io/1' }).filter((x) => x.ruleId === 'env-declared-empty'),
    ).toEqual([]);
  });
});

describe('6. severity only as sure as the evidence', () => {
  it('secrets by whole name tokens, never by substring', () => {
    const secret = ['STRIPE_SECRET_KEY', 'DATABASE_URL', 'SENTRY_DSN', 'API_TOKEN', 'DB_PASSWORD', 'SIGNING_KEY', 'GITHUB_CLIENT_SECRET', 'REDIS_URL'];
    const not = [
      'SMTP_PORT',
      'NEXT_PRIVATE_BUILD_WORKERS',
      'NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP',
      'KEYBOARD_LAYOUT',
      'PASSWORD_MIN_LENGTH',
      'KEY_PATH',
      'AWS_ACCESS_KEY_ID',
      'STRIPE_PUBLISHABLE_KEY',
      'MONKEY',
      'TOKENIZER_MODEL',
    ];
    expect(secret.filter((n) => !isSecretLooking(n))).toEqual([]);
    expect(not.filter((n) => isSecretLooking(n))).toEqual([]);
  });
  it('ok: a feature flag behind a client prefix is not a leaked secret; ng: a real secret there is', () => {
    expect(isServerSecretInClientBundle('NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP')).toBe(false);
    expect(isServerSecretInClientBundle('NEXT_PUBLIC_STRIPE_SECRET_KEY')).toBe(true);
    expect(findings({ 'src/page.tsx': 'if (process.env.NEXT_PUBLIC_DISABLE_EMAIL_PASSWORD_SIGNUP === "true") hide();\n' }, {})).toEqual([]);
  });
  it('ok: a non-secret read with no fallback in a file called config.ts is high, not a blocker; ng: a missing secret is a blocker', () => {
    expect(severities({ 'src/config.ts': 'export const c = { color: process.env.THEME_COLOR.trim(), key: process.env.STRIPE_SECRET_KEY.trim() };\n' })).toEqual(
      { STRIPE_SECRET_KEY: 'blocker', THEME_COLOR: 'high' },
    );
  });
  it('ok: a conditional read never makes a blocker', () => {
    expect(severities({ 'app/settings.py': 'import os\nif USE_S3:\n    S = os.environ["AWS_SECRET_ACCESS_KEY"]\n' })).toEqual({});
  });
});

describe("8. GITHUB_ is the platform's only for the runner's own names", () => {
  it("ok: GITHUB_SHA, GITHUB_REF, GITHUB_TOKEN are the platform's; ng: GITHUB_ID, GITHUB_SECRET, GITHUB_CLIENT_SECRET are the app's", () => {
    expect(['GITHUB_SHA', 'GITHUB_REF', 'GITHUB_TOKEN', 'GITHUB_RUN_ID'].filter((n) => !isPlatformProvided(n))).toEqual([]);
    expect(['GITHUB_ID', 'GITHUB_SECRET', 'GITHUB_CLIENT_SECRET'].filter((n) => isPlatformProvided(n))).toEqual([]);
    expect(
      severities({
        'src/auth.ts':
          'github({ clientId: process.env.GITHUB_ID.trim(), clientSecret: process.env.GITHUB_SECRET.trim(), sha: process.env.GITHUB_SHA.trim() });\n',
      }),
    ).toEqual({ GITHUB_ID: 'high', GITHUB_SECRET: 'blocker' });
  });
});

describe('11. show your reasons', () => {
  it('each inventory entry says whether it is required, why, where it is read, whether it is declared and in the target', () => {
    const inventory = inventoryOf({
      '.env.example': 'DATABASE_URL=\n',
      'src/db.ts': 'const a = 1;\nconnect(process.env.DATABASE_URL);\nconst p = process.env.POOL ?? 5;\n',
    });
    const entries = inventoryEntries(inventory, target({ DATABASE_URL: 'postgres://x' }));
    expect(entries.map(({ name, required, why, reads, declared, inTarget }) => ({ name, required, why, reads, declared, inTarget }))).toEqual([
      {
        name: 'DATABASE_URL',
        required: true,
        why: 'process.env.DATABASE_URL with no fallback (src/db.ts:2)',
        reads: ['src/db.ts:2'],
        declared: true,
        inTarget: true,
      },
      { name: 'POOL', required: false, why: 'process.env.POOL followed by ?? (src/db.ts:3)', reads: ['src/db.ts:3'], declared: false, inTarget: false },
    ]);
  });
});

describe('11. the report table', () => {
  const files = { '.env.example': 'DATABASE_URL=\nUNSET_IN_TARGET=x\n', 'src/db.ts': 'connect(process.env.DATABASE_URL);\nconst p = process.env.POOL ?? 5;\n' };
  it('shows the variables that matter by default, every variable with --list', () => {
    const entries = inventoryEntries(inventoryOf(files), target({ DATABASE_URL: 'postgres://x' }));
    expect(inventoryTable(entries, false)!.rows.map((r) => r[0])).toEqual(['DATABASE_URL', 'UNSET_IN_TARGET']);
    expect(inventoryTable(entries, true)!.rows.map((r) => r[0])).toEqual(['DATABASE_URL', 'POOL', 'UNSET_IN_TARGET']);
    expect(inventoryTable(entries, false)!.note).toContain('launch-ready env --list');
  });
});
