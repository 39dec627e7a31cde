import { errorCode } from '../core/guards.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';

/** Write a rendered report to `--output FILE`, creating its folder; a path we cannot write is a usage error. */
export function writeReportFile(cwd: string, file: string, report: string): void {
  const path = resolve(cwd, file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, report);
  } catch (error) {
    const code = errorCode(error) ?? 'write failed';
    throw new UsageError(`--output: cannot write ${file} (${code}); give a writable file path`);
  }
}
