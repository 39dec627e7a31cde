import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { looksBinary } from '../../../core/files.js';
import { errorCode } from '../../../core/guards.js';

/** Why a file was not scanned, counted in the stage metrics. */
export type SkipReason = 'large' | 'binary' | 'brokenSymlink' | 'unreadable' | 'notAFile';

export type FileRead = { text: string; bytes: number } | { skipped: SkipReason };

/**
 * Read a file to scan: follows symlinks (a broken one is skipped), skips files over `maxBytes`
 * without reading them, binary files (the core's one sniff: a NUL byte near the start), and unreadable ones.
 * Non-UTF-8 text decodes with replacement characters: secrets are ASCII, so they still match.
 * Synchronous on purpose: thousands of small files cost far less CPU without a thread-pool round
 * trip each, and callers yield between batches so the git stream keeps flowing.
 */
export function readForScan(path: string, maxBytes: number): FileRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then skips it as not a file.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') {
      // A dangling symlink, or a tracked file deleted from the working tree (not there to leak).
      try {
        return lstatSync(path).isSymbolicLink() ? { skipped: 'brokenSymlink' } : { skipped: 'notAFile' };
      } catch {
        return { skipped: 'notAFile' };
      }
    }
    if (code === 'EISDIR') return { skipped: 'notAFile' };
    return { skipped: 'unreadable' };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { skipped: 'notAFile' };
    if (info.size > maxBytes) return { skipped: 'large' };
    const buffer = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const got = readSync(fd, buffer, filled, info.size - filled, filled);
      if (got === 0) break;
      filled += got;
    }
    const data = buffer.subarray(0, filled);
    if (looksBinary(data)) return { skipped: 'binary' };
    return { text: data.toString('utf8'), bytes: filled };
  } catch {
    return { skipped: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** Let queued I/O (the git stream) run between batches of synchronous file reads. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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

/**
 * Every file under `root/start` (paths relative to `root`, with `/`), skipping `.git` and, unless
 * asked for, `node_modules`.
 */
export async function walk(root: string, includeNodeModules: boolean, start = '', limit = 200_000): Promise<string[]> {
  const out: string[] = [];
  const queue: string[] = [start];
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
