import { lstatSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readBoundedFile } from '../../../core/files.js';

/** Why a file was not scanned, counted in the stage metrics. */
export type SkipReason = 'large' | 'binary' | 'brokenSymlink' | 'unreadable' | 'notAFile';

export type FileRead = { text: string; bytes: number } | { skipped: SkipReason };

/**
 * Read a file to scan through the core's one bounded reader: follows symlinks (a broken one is
 * skipped), skips files over `maxBytes` without reading them, binary files (a NUL byte near the
 * start), and unreadable ones.
 * Non-UTF-8 text decodes with replacement characters: secrets are ASCII, so they still match.
 * Synchronous on purpose: thousands of small files cost far less CPU without a thread-pool round
 * trip each, and callers yield between batches so the git stream keeps flowing.
 */
export function readForScan(path: string, maxBytes: number): FileRead {
  const read = readBoundedFile(path, { maxBytes, sniffBinary: true });
  switch (read.kind) {
    case 'text':
      return { text: read.text, bytes: read.bytes };
    case 'missing':
      // A dangling symlink, or a tracked file deleted from the working tree (not there to leak).
      return isSymlink(path) ? { skipped: 'brokenSymlink' } : { skipped: 'notAFile' };
    case 'too-large':
      return { skipped: 'large' };
    case 'binary':
      return { skipped: 'binary' };
    case 'not-a-file':
      return { skipped: 'notAFile' };
    case 'unreadable':
      return { skipped: 'unreadable' };
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
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
