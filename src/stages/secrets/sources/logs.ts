import { isAbsolute, join, relative } from 'node:path';
import { readForScan, type FileCounters } from './files.js';

/** A build log to scan; `file` as the user named it (relative to the scanned folder when inside). */
export interface LogText {
  file: string;
  text: string;
}

/** Read each build log; a missing or unreadable one is reported by the caller as a part error. */
export async function readLogs(root: string, logs: readonly string[], maxFileBytes: number, counters: FileCounters): Promise<{ logs: LogText[]; problems: string[] }> {
  const out: LogText[] = [];
  const problems: string[] = [];
  for (const log of logs) {
    const path = isAbsolute(log) ? log : join(root, log);
    const read = readForScan(path, maxFileBytes);
    if ('skipped' in read) {
      if (read.skipped === 'large') counters.skipped.large++;
      else problems.push(`${log}: ${read.skipped === 'unreadable' || read.skipped === 'notAFile' ? 'cannot read the file' : read.skipped}`);
      continue;
    }
    counters.files++;
    counters.bytes += read.bytes;
    const rel = relative(root, path);
    out.push({ file: rel.startsWith('..') ? log : rel, text: read.text });
  }
  return { logs: out, problems };
}
