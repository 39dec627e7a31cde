/**
 * The one bounded file reader: regular files only (a FIFO or /dev/zero never blocks or fills
 * memory), a size cap, and one binary sniff shared by every stage that reads files.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { reasonOf } from './errors.js';
import { errorCode } from './guards.js';

/** Bytes looked at for a NUL byte when deciding that a file is binary (as git does). */
export const BINARY_SNIFF_BYTES = 8000;

/** True when the start of the data holds a NUL byte: not text worth scanning. */
export function looksBinary(data: Uint8Array): boolean {
  return data.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

export type BoundedRead =
  | { kind: 'text'; text: string; bytes: number }
  | { kind: 'binary'; bytes: number }
  | { kind: 'missing' }
  | { kind: 'too-large'; bytes: number; reason: string }
  /** A folder, a FIFO, a device or a socket: `reason` says which (EISDIR for a folder). */
  | { kind: 'not-a-file'; reason: string }
  | { kind: 'unreadable'; reason: string };

export interface BoundedReadOptions {
  maxBytes: number;
  /** Report `binary` for data with a NUL byte near the start (default: read it as text anyway). */
  sniffBinary?: boolean;
}

/** What a path is, in words for a message. */
export function kindOfNonFile(stats: Stats): string {
  if (stats.isDirectory()) return 'EISDIR';
  if (stats.isFIFO()) return 'a FIFO, not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device, not a regular file';
  if (stats.isSocket()) return 'a socket, not a regular file';
  return 'not a regular file';
}

/**
 * Read a regular file of at most `maxBytes` as UTF-8. Opened non-blocking and checked on the open
 * descriptor, so a FIFO swapped in after a check cannot hang the read.
 */
export function readBoundedFile(path: string, options: BoundedReadOptions): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'unreadable', reason: code ?? reasonOf(error) };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'not-a-file', reason: kindOfNonFile(stats) };
    if (stats.size > options.maxBytes) return { kind: 'too-large', bytes: stats.size, reason: `${stats.size} bytes, over the ${options.maxBytes}-byte limit` };
    const buffer = Buffer.alloc(Math.min(stats.size, options.maxBytes) + 1);
    let length = 0;
    // A file that grows while it is read is still cut at the cap (+1 byte to notice).
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > options.maxBytes) return { kind: 'too-large', bytes: length, reason: `over the ${options.maxBytes}-byte limit` };
    const data = buffer.subarray(0, length);
    if (options.sniffBinary && looksBinary(data)) return { kind: 'binary', bytes: length };
    return { kind: 'text', text: data.toString('utf8'), bytes: length };
  } catch (error) {
    return { kind: 'unreadable', reason: errorCode(error) ?? reasonOf(error) };
  } finally {
    closeSync(fd);
  }
}

/** {@link readBoundedFile} without the binary sniff, for config-like files. */
export function readBoundedText(path: string, options: { maxBytes: number }): BoundedRead {
  return readBoundedFile(path, { maxBytes: options.maxBytes });
}
