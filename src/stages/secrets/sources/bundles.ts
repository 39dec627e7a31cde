import { statSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { readForScan, walk, yieldToEventLoop, type FileCounters } from './files.js';

/** A piece of built output to scan: a bundle, or one original source inside a source map. */
export interface BundlePiece {
  /** Path relative to the scanned folder. */
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
    const map = JSON.parse(mapText) as { sources?: unknown[]; sourcesContent?: unknown[] };
    const contents = Array.isArray(map.sourcesContent) ? map.sourcesContent : [];
    return contents.flatMap((text, i) => (typeof text === 'string' ? [{ source: String(map.sources?.[i] ?? `source ${i}`), text }] : []));
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

/** Files matching the bundle globs (relative to `root`), each bundle whole and each map's sources. */
export async function scanBundles(root: string, globs: readonly string[], maxFileBytes: number, counters: FileCounters, onPiece: (piece: BundlePiece) => void): Promise<number> {
  if (globs.length === 0) return 0;
  // A plain folder name means everything in it: `--bundles dist` is `dist/**`.
  const patterns = globs.map((glob) => glob.replace(/^\.\//, '').replace(/\/$/, '')).map((glob) => (!picomatch.scan(glob).isGlob && isDirectory(join(root, glob)) ? `${glob}/**` : glob));
  const matchers = patterns.map((glob) => picomatch(glob, { dot: true }));
  const wantsNodeModules = globs.some((g) => g.includes('node_modules'));
  // Walk only from each glob's static base (`dist` for `dist/**/*.js`), not the whole repository.
  const bases = [...new Set(patterns.map((glob) => picomatch.scan(glob).base))];
  const start = bases.includes('') ? [''] : bases.filter((base) => !bases.some((other) => other !== base && base.startsWith(`${other}/`)));
  const found = new Set<string>();
  for (const base of start) {
    if (base && !isDirectory(join(root, base))) {
      if (isFile(join(root, base)) && matchers.some((m) => m(base))) found.add(base);
      continue;
    }
    for (const file of await walk(root, wantsNodeModules, base)) if (matchers.some((m) => m(file))) found.add(file);
  }
  const files = [...found];
  for (const [i, file] of files.entries()) {
    if (i % 32 === 31) await yieldToEventLoop();
    const read = readForScan(join(root, file), maxFileBytes);
    if ('skipped' in read) {
      if (read.skipped !== 'notAFile') counters.skipped[read.skipped]++;
      continue;
    }
    counters.files++;
    counters.bytes += read.bytes;
    if (file.endsWith('.map')) {
      for (const { source, text } of sourcesOfMap(read.text)) onPiece({ file, source, text });
    } else onPiece({ file, text: read.text });
  }
  return files.length;
}
