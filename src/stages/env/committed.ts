/**
 * Dotenv files committed to git, now or in history. The decision which names count is pure
 * ({@link committedEnvFileSeverity}); reading git is a thin edge ({@link findCommittedEnvFiles}).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FindingInput } from '../../core/findings.js';
import type { Severity } from '../../core/severity.js';
import { parseDotenv } from './dotenv.js';

const run = promisify(execFile);

/** Templates and encrypted stores are meant to be committed. */
const MEANT_TO_BE_COMMITTED = /\.(example|sample|template|schema|dist|defaults|vault)$/;
/** Local development and test files usually hold throwaway values. */
const LOW_STAKES = /^\.env\.(development|dev|test|testing|ci|e2e)$/;

/** Severity of a committed file by its name, or undefined when the file is not a dotenv file or is meant to be committed. */
export function committedEnvFileSeverity(path: string): Severity | undefined {
  const name = path.split('/').pop() ?? path;
  if (!/^\.env(\..+)?$/.test(name) || MEANT_TO_BE_COMMITTED.test(name)) return undefined;
  return LOW_STAKES.test(name) ? 'medium' : 'blocker';
}

export interface CommittedFile {
  path: string;
  /** Set for a file that is only in history: the commit that added it. */
  commit?: string;
  /** Committed as a symbolic link (to an example, usually): `text` is the link target. */
  symlink?: boolean;
  /** What git holds (the first {@link MAX_CONTENT} bytes), when it could be read. */
  text?: string;
}

/** Enough of a dotenv file to tell real values from placeholders. */
const MAX_CONTENT = 64 * 1024;

/** Values that are not credentials: empty, placeholders, switches, numbers, local addresses. */
const HARMLESS_VALUE =
  /^(|changeme|change[-_]?me|replace[-_]?me|todo|x+|\*+|\.+|-+|<[^>]*>|\$\{[^}]*\}|your[-_ ][\w -]*|!!!.*!!!|example|sample|placeholder|dummy|test|none|null|true|false|yes|no|on|off|development|dev|local|debug|info|warn|error|\d{1,6})$/i;
const LOCAL_ADDRESS = /(^|[/@:=])(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|host\.docker\.internal)([:/]|$)/i;

/** Does the file hold only empty, placeholder or localhost values? (`undefined` when its text is unknown.) */
export function holdsOnlyPlaceholders(text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  const entries = parseDotenv(text).entries;
  return entries.every((e) => HARMLESS_VALUE.test(e.value.trim()) || LOCAL_ADDRESS.test(e.value.trim()));
}

/** Why a committed dotenv file is harmless (low, saying what it holds), or undefined when it may hold real values. */
export function harmlessBecause(file: CommittedFile): string | undefined {
  const name = file.path.split('/').pop() ?? file.path;
  if (/\.(patch|diff)$/.test(name)) return 'a diff, not a dotenv file the app loads';
  if (file.symlink) return `a symbolic link to ${file.text?.trim() || 'another file'}, not values of its own`;
  if (holdsOnlyPlaceholders(file.text)) return 'only empty, placeholder or localhost values';
  return undefined;
}

/** Findings for tracked and historical dotenv files (pure). */
export function committedEnvFileFindings(files: CommittedFile[]): FindingInput[] {
  const out: FindingInput[] = [];
  for (const file of files) {
    const named = committedEnvFileSeverity(file.path);
    if (!named) continue;
    const now = file.commit === undefined;
    const harmless = harmlessBecause(file);
    if (harmless) {
      out.push({
        ruleId: 'env-file-committed',
        severity: 'low',
        title: `${file.path} is ${now ? 'tracked in git' : `in git history (commit ${file.commit!.slice(0, 12)})`}: it holds ${harmless}`,
        fix: `Nothing leaked; to keep it that way, add real dotenv files to .gitignore${now ? ` or rename ${file.path} to an example (.env.example)` : ''}`,
        paths: ['deploy'],
        location: now ? { file: file.path } : { file: file.path, commit: file.commit! },
      });
      continue;
    }
    const severity = named;
    out.push({
      ruleId: 'env-file-committed',
      severity,
      title: now
        ? `${file.path} is tracked in git: every clone has its values`
        : `${file.path} was committed in git history (commit ${file.commit!.slice(0, 12)})`,
      fix: now
        ? `git rm --cached ${file.path}, add it to .gitignore, and rotate every secret it holds`
        : `Rotate every secret ${file.path} held; removing it from history alone does not un-leak it`,
      paths: ['deploy'],
      location: now ? { file: file.path } : { file: file.path, commit: file.commit! },
    });
  }
  return out;
}

/** Read git: dotenv files tracked now under `repo`, and ones added in any commit on any ref (when `history`). Undefined when `repo` is not a git work tree. */
export async function findCommittedEnvFiles(repo: string, history: boolean): Promise<CommittedFile[] | undefined> {
  const git = (args: string[]) => run('git', args, { cwd: repo, maxBuffer: 64 * 1024 * 1024 }).then((r) => r.stdout);
  let prefix: string;
  try {
    prefix = (await git(['rev-parse', '--show-prefix'])).trim();
  } catch {
    return undefined;
  }
  // `-s`: mode and blob, so a symlink (mode 120000) is told apart and the blob is read as committed.
  const staged = (await git(['ls-files', '-s', '-z', '--', ':(glob)**/.env*'])).split('\0').filter(Boolean);
  const tracked: string[] = [];
  const out: CommittedFile[] = [];
  for (const line of staged) {
    const [meta, path] = line.split('\t');
    const [mode, blob] = (meta ?? '').split(' ');
    if (!path || !blob) continue;
    tracked.push(path);
    const text = committedEnvFileSeverity(path) ? await readBlob(git, blob) : undefined;
    out.push({ path, ...(mode === '120000' ? { symlink: true } : {}), ...(text !== undefined ? { text } : {}) });
  }
  if (!history) return out;
  const seen = new Set(tracked);
  // History paths are relative to the top of the work tree; show them relative to `repo`.
  const log = await git(['log', '--all', '--diff-filter=A', '--name-only', '--format=%x00%H', '--', `:(glob,top)${prefix}**/.env*`]);
  for (const block of log.split('\0').filter(Boolean)) {
    const [commit, ...names] = block.split('\n').filter(Boolean);
    for (const name of names) {
      const path = name.startsWith(prefix) ? name.slice(prefix.length) : name;
      if (seen.has(path)) continue;
      seen.add(path);
      const text = committedEnvFileSeverity(path) ? await readBlob(git, `${commit}:${name}`) : undefined;
      out.push({ path, commit: commit!, ...(text !== undefined ? { text } : {}) });
    }
  }
  return out;
}

/** A blob's text, cut at {@link MAX_CONTENT}; undefined when git cannot show it. */
async function readBlob(git: (args: string[]) => Promise<string>, object: string): Promise<string | undefined> {
  try {
    return (await git(['cat-file', '-p', object])).slice(0, MAX_CONTENT);
  } catch {
    return undefined;
  }
}
