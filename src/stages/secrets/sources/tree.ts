import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { readForScan, yieldToEventLoop, type FileCounters } from './files.js';
import { shownPath } from './paths.js';

/** One file of the working tree to scan. */
export interface TreeFile {
  /** Path relative to the workspace (the git top level), with `/`, as history reports it too. */
  file: string;
  text: string;
}

/**
 * Tracked files of the working tree (plus untracked, not ignored ones when asked), read one at a
 * time so memory stays at one file. Deleted-but-tracked files are simply unreadable and skipped.
 */
export async function scanWorkingTree(
  repo: string,
  workspace: string,
  options: { untracked: boolean; maxFileBytes: number },
  counters: FileCounters,
  onFile: (file: TreeFile) => void,
): Promise<void> {
  const git = simpleGit({ baseDir: repo });
  const tracked = await git.raw(['-c', 'core.quotePath=false', 'ls-files', '-z']);
  const files = tracked.split('\0').filter(Boolean);
  if (options.untracked) {
    const others = await git.raw(['-c', 'core.quotePath=false', 'ls-files', '-z', '--others', '--exclude-standard']);
    files.push(...others.split('\0').filter(Boolean));
  }
  let count = 0;
  for (const file of new Set(files)) {
    if (++count % 32 === 0) await yieldToEventLoop();
    const read = readForScan(join(repo, file), options.maxFileBytes);
    if ('skipped' in read) {
      if (read.skipped !== 'notAFile') counters.skipped[read.skipped]++;
      continue;
    }
    counters.files++;
    counters.bytes += read.bytes;
    onFile({ file: shownPath(workspace, join(repo, file)), text: read.text });
  }
}
