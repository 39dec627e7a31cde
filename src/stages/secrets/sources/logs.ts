import { isAbsolute, join } from 'node:path';
import { shownPath } from './paths.js';
import { readForScan, type FileCounters } from './files.js';

/** A build log to scan; `file` relative to the workspace when under it, else absolute. */
export interface LogText {
  file: string;
  text: string;
}

/** Read each build log; a missing or unreadable one is reported by the caller as a part error. */
export async function readLogs(
  root: string,
  workspace: string,
  logs: readonly string[],
  maxFileBytes: number,
  counters: FileCounters,
): Promise<{ logs: LogText[]; problems: string[] }> {
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
    out.push({ file: shownPath(workspace, path), text: read.text });
  }
  return { logs: out, problems };
}
