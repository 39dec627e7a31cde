import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random token body; assembled at run time so no live-looking key sits in launch-ready's source. */
export function randomToken(length: number): string {
  return [...randomBytes(length)].map((byte) => ALNUM[byte % ALNUM.length]).join('');
}

/** A Stripe-style live secret key, made fresh for each demo run. */
export function fakeStripeLiveKey(): string {
  return ['sk', 'live', randomToken(24)].join('_');
}

/** The secrets planted in the demo repository (fresh each run; never real). */
export interface DemoSecrets {
  /** Committed in an old commit, removed later: still in history. */
  oldCommitKey: string;
  /** Shipped to browsers behind a `NEXT_PUBLIC_` name. */
  publicBundleKey: string;
}

export interface DemoRepoOptions {
  dir: string;
  fixed: boolean;
  secrets: DemoSecrets;
  /** The public bundle's text (also served by the app). */
  bundle: string;
}

function git(dir: string, args: string[], date: string): void {
  const env = {
    ...process.env,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_AUTHOR_NAME: 'Ana Founder',
    GIT_AUTHOR_EMAIL: 'ana@brightbook.test',
    GIT_COMMITTER_NAME: 'Ana Founder',
    GIT_COMMITTER_EMAIL: 'ana@brightbook.test',
  };
  execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: dir,
    env,
    stdio: 'ignore',
  });
}

function write(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

const SERVER = `import express from 'express';
import * as Sentry from '@sentry/node';

// Fails fast: the app refuses to start without its database.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is not set');

Sentry.init({ dsn: process.env.SENTRY_DSN });
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);
const mailer = createTransport({ host: process.env.SMTP_HOST, auth: { user: 'apikey', pass: process.env.SENDGRID_API_KEY } });
const port = Number(process.env.PORT ?? 3000);
const app = express();
app.listen(port);
`;

const CLIENT = `export const appUrl = process.env.NEXT_PUBLIC_APP_URL;
export const stripePublishable = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY;
`;

const EXAMPLE = `# Copy to .env and fill in. Every variable here is needed in production.
DATABASE_URL=
STRIPE_SECRET_KEY=
SENDGRID_API_KEY=
SMTP_HOST=smtp.sendgrid.net
SENTRY_DSN=
NEXT_PUBLIC_APP_URL=https://www.brightbook.test
NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=
# PORT=3000
`;

const ROLLBACK = `# Rolling back a bad release

1. \`./scripts/release.sh rollback\` switches traffic to the previous release (the drill measures it).
2. Check https://www.brightbook.test/healthz and the signup page.
3. Roll forward with \`./scripts/release.sh promote <release>\` once the fix is out.
Database migrations are not reverted: write them backwards-compatible.
`;

/**
 * The demo launch's repository: a small booking app with a history. Its faults: a Stripe live key
 * committed in an old commit (removed later, still in history) and the client code reading a server
 * secret behind `NEXT_PUBLIC_`. `fixed` builds the same app with a clean history.
 */
export function buildDemoRepo(options: DemoRepoOptions): void {
  const { dir, fixed, secrets } = options;
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q'], '2026-10-01T09:00:00Z');
  write(dir, { 'README.md': '# Brightbook\n\nBook a call with an advisor.\n', '.gitignore': '.env\n.env.*\n!.env.example\nnode_modules/\n' });
  git(dir, ['add', '-A'], '2026-10-01T09:00:00Z');
  git(dir, ['commit', '-q', '-m', 'Initial commit'], '2026-10-01T09:00:00Z');

  const firstPayments = fixed
    ? 'export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n'
    : `// TODO move to env before launch\nexport const stripe = new Stripe('${secrets.oldCommitKey}');\n`;
  write(dir, { 'src/payments.ts': firstPayments, 'src/server.ts': SERVER, '.env.example': EXAMPLE });
  git(dir, ['add', '-A'], '2026-10-08T14:30:00Z');
  git(dir, ['commit', '-q', '-m', 'Payments: take bookings with Stripe'], '2026-10-08T14:30:00Z');

  write(dir, { 'src/payments.ts': 'export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);\n', 'ROLLBACK.md': ROLLBACK });
  const client = fixed ? CLIENT : `${CLIENT}export const stripeSecret = process.env.NEXT_PUBLIC_STRIPE_SECRET_KEY;\n`;
  write(dir, { 'src/client.ts': client });
  git(dir, ['add', '-A'], '2026-10-20T11:00:00Z');
  git(dir, ['commit', '-q', '-m', 'Read the Stripe key from the environment; rollback runbook'], '2026-10-20T11:00:00Z');
  git(dir, ['tag', 'v1.4.2'], '2026-10-20T11:00:00Z');

  write(dir, { 'dist/app.js': options.bundle, 'build.log': buildLog() });
  git(dir, ['add', '-A'], '2026-11-28T16:00:00Z');
  git(dir, ['commit', '-q', '-m', 'Signup form and booking confirmation e-mail'], '2026-11-28T16:00:00Z');
  git(dir, ['tag', 'v1.5.0'], '2026-11-28T16:00:00Z');
}

function buildLog(): string {
  return [
    '> brightbook@1.5.0 build',
    '> next build',
    '',
    '   Creating an optimized production build ...',
    ' ✓ Compiled successfully',
    ' ✓ Collecting page data',
    ' ✓ Generating static pages (6/6)',
    '',
  ].join('\n');
}

/** The public bundle: what browsers download. With the fault, it inlines a server secret. */
export function demoBundle(fixed: boolean, secrets: DemoSecrets): string {
  const base =
    '(()=>{"use strict";var e={appUrl:"https://www.brightbook.test"};document.addEventListener("DOMContentLoaded",()=>{console.log(e.appUrl)})})();\n';
  return fixed ? base : `${base}var NEXT_PUBLIC_STRIPE_SECRET_KEY="${secrets.publicBundleKey}";\n`;
}
