/** The cancellable wait of every stage (`ctx.services.wait`): sleep, and "poll until X or the deadline". */
import type { Waiter } from './services.js';

/** Resolve after `ms`, or early (without throwing) when `signal` aborts; no timer or listener outlives it. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The waiter: `until` calls `check` every `intervalMs` until it answers, the time is up or the signal aborts. */
export function createWaiter(): Waiter {
  return {
    sleep,
    async until(check, options) {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const deadline = started + options.timeoutMs;
      for (;;) {
        if (options.signal?.aborted) return { timedOut: false, aborted: true, elapsedMs: elapsed() };
        const value = await check();
        if (value !== undefined) return { value, timedOut: false, aborted: false, elapsedMs: elapsed() };
        const left = deadline - performance.now();
        if (left <= 0) return { timedOut: true, aborted: false, elapsedMs: elapsed() };
        await sleep(Math.min(options.intervalMs, left), options.signal);
      }
    },
  };
}
