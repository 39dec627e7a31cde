/** A throwaway app repository for env stage tests: real files, a real git history. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Values in the env files; none may appear in any report. Each holds the marker `v4lue`. */
export const VALUES = {
  stripe: 'sk_live_v4lue_shared_0123456789abcdef',
  database: 'postgres://app:v4lue-db-password@db.internal:5432/app',
  session: 'v4lue-session-secret-production-000111',
  stagingSession: 'v4lue-session-secret-staging-222333',
  publicSecret: 'sk_live_v4lue_public_prefix_999888',
  malformed: 'sk_live_v4lue_in_a_broken_line_777',
  committed: 'ghp_v4lue0000000000000000000000000000000',
};

export const SERVER = `const required = ['STRIPE_SECRET_KEY', 'DATABASE_URL', 'SESSION_SECRET'];
for (const name of required) {
  if (!process.env[name]) { console.error('missing required env var ' + name); process.exit(1); }
}
const port = process.env.PORT ?? 3000;
const pub = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;
const key = process.env.STRIPE_SECRET_KEY, db = process.env.DATABASE_URL, session = process.env.SESSION_SECRET;
const theme = process.env.THEME_COLOR;
console.log('listening on', port, key, db, session, pub);
`;

/** Create the app; returns its folder and a cleanup. */
export function makeProject(extra: Record<string, string | Buffer> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lr-env-app-'));
  const files: Record<string, string | Buffer> = {
    'src/server.js': SERVER,
    '.env.example': 'STRIPE_SECRET_KEY=\nDATABASE_URL=\nSESSION_SECRET=\nLEGACY_UNUSED=\n',
    '.gitignore': 'ignored/\n',
    'ignored/local.js': 'process.env.GITIGNORED_ONLY;\n',
    'node_modules/dep/index.js': 'process.env.VENDORED_ONLY;\n',
    'vendor/bundle/x.rb': 'ENV["VENDORED_RUBY"]\n',
    '.venv/lib/site.py': 'import os\nos.environ["VENV_ONLY"]\n',
    'dist/app.js': 'process.env.BUILD_OUTPUT_ONLY;\n',
    'src/logo.js': Buffer.concat([Buffer.from('process.env.BINARY_ONLY;'), Buffer.from([0, 1, 2, 0])]),
    'envs/.env.production': `STRIPE_SECRET_KEY=${VALUES.stripe}\nDATABASE_URL="${VALUES.database}"\nSESSION_SECRET=${VALUES.session}\nNEXT_PUBLIC_STRIPE_SECRET_KEY=${VALUES.publicSecret}\nSTRIPE KEY=${VALUES.malformed}\n`,
    'envs/.env.staging': `STRIPE_SECRET_KEY=${VALUES.stripe}\nSESSION_SECRET=${VALUES.stagingSession}\n`,
    '.env': `GITHUB_TOKEN=${VALUES.committed}\n`,
    ...extra,
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', 'add', 'src', '.env.example', '.gitignore', '.env');
  git('-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', 'commit', '-qm', 'app');
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
