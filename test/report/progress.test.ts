import { describe, expect, it, jest } from '@jest/globals';
import { terminalProgress } from '../../src/report/progress.js';

/** A terminal-like stream that records what was written. */
function stream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 80, written, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe('progress lines', () => {
  it('stay quiet for work shorter than 2 s and in CI logs (not a terminal)', () => {
    jest.useFakeTimers({ now: 0 });
    const tty = stream(true);
    const log = stream(false);
    const onTty = terminalProgress(tty).report;
    const onLog = terminalProgress(log).report;
    jest.setSystemTime(1500);
    onTty('secrets', 'scanning history');
    jest.setSystemTime(2500);
    onLog('secrets', 'scanning history');
    expect(tty.written).toEqual([]);
    expect(log.written).toEqual([]);
    jest.useRealTimers();
  });

  it('show the stage and its message after 2 s on a terminal, at most every 500 ms per stage', () => {
    jest.useFakeTimers({ now: 0 });
    const tty = stream(true);
    const { report: progress, clear } = terminalProgress(tty);
    jest.setSystemTime(2100);
    progress('secrets', 'commit 1,000 of 9,000');
    jest.setSystemTime(2300);
    progress('secrets', 'commit 2,000 of 9,000');
    progress('trust', 'probing TLS on app.example.com');
    jest.setSystemTime(2700);
    progress('secrets', 'commit 3,000 of 9,000');
    expect(tty.written.map((line) => line.replace('\r\u001b[2K', ''))).toEqual([
      '[secrets] commit 1,000 of 9,000',
      '[trust] probing TLS on app.example.com',
      '[secrets] commit 3,000 of 9,000',
    ]);
    clear();
    expect(tty.written.at(-1)).toBe('\r\u001b[2K');
    jest.useRealTimers();
  });
});
