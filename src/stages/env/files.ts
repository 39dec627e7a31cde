/**
 * The file walker (an edge): lists the repository's files, honouring `.gitignore` through
 * `git ls-files` when the folder is a git work tree, skipping vendored and build folders, binary
 * files and very large files (minified bundles).
 */
import { looksBinary } from '../../core/files.js';
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const READ_CONCURRENCY = 32;

/** Folders never read: dependencies, virtualenvs, VCS data and build output. */
export const SKIPPED_DIRS = new Set([
  'node_modules',
  'vendor',
  '.venv',
  'venv',
  '.git',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.svelte-kit',
  '.turbo',
  '.cache',
  'coverage',
  '__pycache__',
  'bower_components',
  '.yarn',
  '.pnpm-store',
]);

export interface WalkOptions {
  /** Use `git ls-files` when the folder is a git work tree (honours .gitignore). Default true. */
  useGit?: boolean;
  /** Only read files for which this returns true (by relative path). */
  include: (path: string) => boolean;
  /** Folders to skip, by name; default {@link SKIPPED_DIRS}. */
  skipDirs?: ReadonlySet<string>;
  /** Larger files are skipped (generated or minified). Default 1 MiB. */
  maxBytes?: number;
  signal?: AbortSignal;
}

export interface WalkResult {
  files: { path: string; text: string }[];
  bytes: number;
  skippedBinary: number;
  skippedLarge: number;
  /** `git` when the list came from `git ls-files`, else `walk`. */
  listing: 'git' | 'walk';
}

/** Relative paths (with `/`) of the files under `root`. */
export async function listFiles(
  root: string,
  options: Pick<WalkOptions, 'useGit' | 'skipDirs' | 'signal'> = {},
): Promise<{ paths: string[]; listing: 'git' | 'walk' }> {
  const skip = options.skipDirs ?? SKIPPED_DIRS;
  if (options.useGit !== false) {
    const paths = await gitListing(root);
    if (paths)
      return {
        paths: paths.filter(
          (p) =>
            !p
              .split('/')
              .slice(0, -1)
              .some((dir) => skip.has(dir)),
        ),
        listing: 'git',
      };
  }
  const paths: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    if (options.signal?.aborted) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to discover there
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) await visit(join(dir, entry.name));
      } else if (entry.isFile()) {
        paths.push(relative(root, join(dir, entry.name)).split(sep).join('/'));
      }
    }
  };
  await visit(root);
  return { paths, listing: 'walk' };
}

async function gitListing(root: string): Promise<string[] | undefined> {
  try {
    const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    return [...new Set(stdout.split('\0').filter(Boolean))];
  } catch {
    return undefined;
  }
}

/** List and read the files discovery wants. */
export async function readRepositoryFiles(root: string, options: WalkOptions): Promise<WalkResult> {
  const { paths, listing } = await listFiles(root, options);
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const result: WalkResult = { files: [], bytes: 0, skippedBinary: 0, skippedLarge: 0, listing };
  const wanted = paths.filter((path) => options.include(path));
  const readOne = async (path: string): Promise<{ path: string; text: string } | 'binary' | 'large' | undefined> => {
    const full = join(root, path);
    let buffer: Buffer;
    try {
      const info = await stat(full);
      if (!info.isFile()) return undefined;
      if (info.size > maxBytes) return 'large';
      buffer = await readFile(full);
    } catch {
      return undefined; // deleted since listing, or unreadable: nothing to read
    }
    if (looksBinary(buffer)) return 'binary';
    result.bytes += buffer.length;
    return { path, text: buffer.toString('utf8') };
  };
  // A few reads in flight hide the file system's latency without opening thousands of files at once.
  for (let i = 0; i < wanted.length; i += READ_CONCURRENCY) {
    if (options.signal?.aborted) break;
    for (const read of await Promise.all(wanted.slice(i, i + READ_CONCURRENCY).map(readOne))) {
      if (read === 'binary') result.skippedBinary++;
      else if (read === 'large') result.skippedLarge++;
      else if (read) result.files.push(read);
    }
  }
  return result;
}
