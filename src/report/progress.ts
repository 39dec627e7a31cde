import type { StageId } from '../core/findings.js';

/**
 * Progress lines for long work, on a terminal only (CI logs stay clean). A stage's message is shown
 * once the run has taken more than `afterMs`, at most every 500 ms per stage.
 */
export function terminalProgress(stream: NodeJS.WriteStream, afterMs = 2000): (stage: StageId, message: string) => void {
  const started = Date.now();
  const last = new Map<StageId, number>();
  return (stage, message) => {
    if (!stream.isTTY) return;
    const now = Date.now();
    if (now - started < afterMs || now - (last.get(stage) ?? 0) < 500) return;
    last.set(stage, now);
    stream.write(`\r\u001b[2K[${stage}] ${message}`.slice(0, (stream.columns ?? 100) + 8));
  };
}
