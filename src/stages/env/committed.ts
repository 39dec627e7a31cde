/**
 * Dotenv files committed to git, now or in history. The decision which names count is pure
 * ({@link committedEnvFileSeverity}); reading git is a thin edge ({@link findCommittedEnvFiles}).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FindingInput } from '../../core/findings.js';
import type { Severity } from '../../core/severity.js';

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
}

/** Findings for tracked and historical dotenv files (pure). */
export function committedEnvFileFindings(files: CommittedFile[]): FindingInput[] {
  const out: FindingInput[] = [];
  for (const file of files) {
    const severity = committedEnvFileSeverity(file.path);
    if (!severity) continue;
    const now = file.commit === undefined;
    out.push({
      ruleId: 'env-file-committed',
      severity,
      title: now ? `${file.path} is tracked in git: every clone has its values` : `${file.path} was committed in git history (commit ${file.commit!.slice(0, 12)})`,
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
  const tracked = (await git(['ls-files', '-z', '--', ':(glob)**/.env*'])).split('\0').filter(Boolean);
  const out: CommittedFile[] = tracked.map((path) => ({ path }));
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
      out.push({ path, commit: commit! });
    }
  }
  return out;
}
