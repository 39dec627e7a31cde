import type { StageId } from '../core/findings.js';

/** Progress on a terminal: `report` updates one status line, `clear` removes it before the report prints. */
export interface TerminalProgress {
  report: (stage: StageId, message: string) => void;
  clear: () => void;
}

/**
 * Progress lines for long work, on a terminal only (CI logs stay clean). A stage's message is shown
 * once the run has taken more than `afterMs`, at most every 500 ms per stage.
 */
export function terminalProgress(stream: NodeJS.WriteStream, afterMs = 2000): TerminalProgress {
  const started = Date.now();
  const last = new Map<StageId, number>();
  let shown = false;
  return {
    report: (stage, message) => {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - started < afterMs || now - (last.get(stage) ?? 0) < 500) return;
      last.set(stage, now);
      shown = true;
      stream.write(`\r\u001b[2K[${stage}] ${message}`.slice(0, (stream.columns ?? 100) + 8));
    },
    clear: () => {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
