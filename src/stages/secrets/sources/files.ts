import { lstat, open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Why a file was not scanned, counted in the stage metrics. */
export type SkipReason = 'large' | 'binary' | 'brokenSymlink' | 'unreadable' | 'notAFile';

export type FileRead = { text: string; bytes: number } | { skipped: SkipReason };

/**
 * Read a file to scan: follows symlinks (a broken one is skipped), skips files over `maxBytes`
 * without reading them, binary files (a NUL byte in the first 8 KiB), and unreadable ones.
 * Non-UTF-8 text decodes with replacement characters: secrets are ASCII, so they still match.
 */
export async function readForScan(path: string, maxBytes: number): Promise<FileRead> {
  try {
    let link;
    try {
      link = await lstat(path);
    } catch (error) {
      // A tracked file deleted from the working tree is not there to leak; not an unreadable one.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { skipped: 'notAFile' };
      throw error;
    }
    let info = link;
    if (link.isSymbolicLink()) {
      try {
        info = await stat(path);
      } catch {
        return { skipped: 'brokenSymlink' };
      }
    }
    if (!info.isFile()) return { skipped: 'notAFile' };
    if (info.size > maxBytes) return { skipped: 'large' };
    const handle = await open(path, 'r');
    try {
      const buffer = await handle.readFile();
      if (buffer.subarray(0, 8192).includes(0)) return { skipped: 'binary' };
      return { text: buffer.toString('utf8'), bytes: buffer.length };
    } finally {
      await handle.close();
    }
  } catch {
    return { skipped: 'unreadable' };
  }
}

/** Skip counters shared by the file-based parts. */
export interface FileCounters {
  files: number;
  bytes: number;
  skipped: Record<SkipReason, number>;
}

export function newCounters(): FileCounters {
  return { files: 0, bytes: 0, skipped: { large: 0, binary: 0, brokenSymlink: 0, unreadable: 0, notAFile: 0 } };
}

/** Every file under `root` (relative paths with `/`), skipping `.git` and, unless asked for, `node_modules`. */
export async function walk(root: string, includeNodeModules: boolean, limit = 200_000): Promise<string[]> {
  const out: string[] = [];
  const queue: string[] = [''];
  while (queue.length > 0 && out.length < limit) {
    const dir = queue.shift()!;
    let entries;
    try {
      entries = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name === '.git' || (entry.name === 'node_modules' && !includeNodeModules)) continue;
        queue.push(rel);
      } else out.push(rel);
    }
  }
  return out;
}
