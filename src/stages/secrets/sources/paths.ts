import { execFileSync } from 'node:child_process';
import { isAbsolute, relative, sep } from 'node:path';

/**
 * The folder every finding's path is relative to: the top of the git work tree (the workspace in
 * GitHub Actions, where annotations and blob links resolve paths), else the scanned folder. A
 * scanned subfolder (`secrets.repo: apps/web`) thus reports `apps/web/config.js` from the tree and
 * from history alike.
 */
export function workspaceOf(repo: string): string {
  try {
    const top = execFileSync('git', ['-C', repo, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return top || repo;
  } catch {
    return repo;
  }
}

/** `apps/web/dist/app.js` for a path under the workspace; the absolute path for one outside it (`$RUNNER_TEMP/out/app.js`). */
export function shownPath(workspace: string, absolute: string): string {
  const rel = relative(workspace, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return absolute;
  return sep === '/' ? rel : rel.split(sep).join('/');
}
