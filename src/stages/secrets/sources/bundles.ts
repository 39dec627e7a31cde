import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import picomatch from 'picomatch';
import { isRecord } from '../../../core/guards.js';
import { readForScan, walk, yieldToEventLoop, type FileCounters } from './files.js';
import { shownPath } from './paths.js';

/** A piece of built output to scan: a bundle, or one original source inside a source map. */
export interface BundlePiece {
  /** Path relative to the workspace, or absolute when outside it. */
  file: string;
  /** For a source map: the original source the text came from (`webpack://app/src/config.ts`). */
  source?: string;
  text: string;
}

/**
 * The original sources a source map ships (`sourcesContent`), each scanned on its own so line
 * numbers are the source's. A map that is not JSON yields nothing: the raw file was scanned anyway.
 */
export function sourcesOfMap(mapText: string): { source: string; text: string }[] {
  try {
    const map: unknown = JSON.parse(mapText);
    if (!isRecord(map) || !Array.isArray(map.sourcesContent)) return [];
    const sources: unknown[] = Array.isArray(map.sources) ? map.sources : [];
    return map.sourcesContent.flatMap((text: unknown, i) => (typeof text === 'string' ? [{ source: String(sources[i] ?? `source ${i}`), text }] : []));
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** One glob, split into the folder to walk (absolute) and the pattern to match below it. */
interface BundleGlob {
  base: string;
  matches: (relativePath: string) => boolean;
  /** The glob names one file, not a pattern. */
  single: boolean;
}

/**
 * Globs relative to `root`, or absolute (`${{ github.workspace }}/dist/**`, `$RUNNER_TEMP/out/**`,
 * a build folder outside the repository). A plain folder name means everything in it: `--bundles
 * dist` is `dist/**`.
 */
export function resolveBundleGlobs(root: string, globs: readonly string[]): BundleGlob[] {
  return globs.map((glob) => {
    const absolute = isAbsolute(glob) ? glob.replace(/\/+$/, '') : join(root, glob.replace(/^\.\//, '').replace(/\/$/, ''));
    const scan = picomatch.scan(absolute);
    if (!scan.isGlob) {
      if (isDirectory(absolute)) return { base: absolute, matches: () => true, single: false };
      return { base: absolute, matches: () => true, single: true };
    }
    const matcher = picomatch(scan.glob, { dot: true });
    return { base: scan.base || '/', matches: (rel: string) => matcher(rel), single: false };
  });
}

/**
 * Files matching the bundle globs, each bundle whole and each map's sources. Paths are shown
 * relative to `workspace` when under it, else absolute.
 */
export async function scanBundles(
  root: string,
  workspace: string,
  globs: readonly string[],
  maxFileBytes: number,
  counters: FileCounters,
  onPiece: (piece: BundlePiece) => void,
): Promise<number> {
  if (globs.length === 0) return 0;
  const wantsNodeModules = globs.some((g) => g.includes('node_modules'));
  const found = new Set<string>();
  for (const glob of resolveBundleGlobs(root, globs)) {
    if (glob.single) {
      if (isFile(glob.base)) found.add(glob.base);
      continue;
    }
    if (!isDirectory(glob.base)) continue;
    // Walk only from the glob's static base (`dist` for `dist/**/*.js`), not the whole repository.
    for (const file of await walk(glob.base, wantsNodeModules)) if (glob.matches(file)) found.add(join(glob.base, file));
  }
  const files = [...found];
  for (const [i, path] of files.entries()) {
    if (i % 32 === 31) await yieldToEventLoop();
    const read = readForScan(path, maxFileBytes);
    if ('skipped' in read) {
      if (read.skipped !== 'notAFile') counters.skipped[read.skipped]++;
      continue;
    }
    counters.files++;
    counters.bytes += read.bytes;
    const file = shownPath(workspace, path);
    if (path.endsWith('.map')) {
      for (const { source, text } of sourcesOfMap(read.text)) onPiece({ file, source, text });
    } else onPiece({ file, text: read.text });
  }
  return files.length;
}
