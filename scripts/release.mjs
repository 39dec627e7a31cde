#!/usr/bin/env node
// Release: tag the current commit `vX.Y.Z` (annotated, from package.json's version) and move the
// major tag `vX` to it, as the actions users trust do, so `uses: launch-ready/launch-ready@v1`
// follows releases and `@vX.Y.Z` (or the commit SHA) pins one.
//
//   npm run release              check, tag locally and print the push command
//   npm run release -- --push    also push both tags to origin
//   npm run release -- --dry-run only check and print what it would do
//
// It refuses unless the tree is clean, HEAD is on main, dist/ matches a fresh build and
// CHANGELOG.md has a section for the version.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const args = new Set(process.argv.slice(2));
const push = args.has('--push');
const dryRun = args.has('--dry-run');
const unknown = [...args].filter((a) => !['--push', '--dry-run'].includes(a));
if (unknown.length > 0) fail(`unknown argument ${unknown.join(' ')}; use --push or --dry-run`);

const git = (...argv) => execFileSync('git', argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const tryGit = (...argv) => {
  try {
    return git(...argv);
  } catch {
    return undefined;
  }
};

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
if (!match) fail(`package.json version "${version}" is not X.Y.Z; set it with npm version <X.Y.Z> --no-git-tag-version`);
const tag = `v${version}`;
const major = `v${match[1]}`;

if (git('status', '--porcelain') !== '') fail('the working tree has changes; commit or stash them first');
const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
if (branch !== 'main') fail(`HEAD is on ${branch}; release from main`);
if (tryGit('rev-parse', '-q', '--verify', `refs/tags/${tag}`)) fail(`${tag} exists already; raise the version in package.json`);
const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');
if (!new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?`, 'm').test(changelog))
  fail(`CHANGELOG.md has no "## ${version}" section; describe the release first`);

// What users run is dist/: it must be what the sources build to.
execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
if (git('status', '--porcelain', '--', 'dist', 'launch-ready.schema.json', 'README.md') !== '') {
  fail('dist/, launch-ready.schema.json or README.md differ from a fresh build; commit the build first');
}

const sha = git('rev-parse', 'HEAD');
const previous = tryGit('rev-parse', '-q', '--verify', `refs/tags/${major}^{commit}`);
console.log(`release ${tag} at ${sha.slice(0, 12)}; ${major} ${previous ? `moves from ${previous.slice(0, 12)}` : 'is new'}`);
if (dryRun) process.exit(0);

git('tag', '-a', tag, '-m', `launch-ready ${tag}`);
git('tag', '-fa', major, '-m', `launch-ready ${major} (latest: ${tag})`);
const pushArgs = ['push', 'origin', `refs/tags/${tag}`, `+refs/tags/${major}`];
if (push) {
  execFileSync('git', pushArgs, { stdio: 'inherit' });
  console.log(`pushed ${tag} and ${major}; publish the release notes from CHANGELOG.md on GitHub`);
} else {
  console.log(`tagged locally; push with: git ${pushArgs.join(' ')}`);
}

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}
