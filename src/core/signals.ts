/**
 * The run's cancel signal, for the process entry points (the CLI, the root action, the composite
 * actions' step). The first SIGINT or SIGTERM aborts it: each running stage gets its grace period,
 * its cleanup runs (a drill rolls forward) and the partial report is still written and published.
 * A second signal of the same kind exits at once, with the shell's code (130 for SIGINT, 143 for
 * SIGTERM). The Actions runner sends SIGINT on cancel, then SIGTERM a few seconds later.
 */
export function cancelOnSignals(): AbortSignal {
  const controller = new AbortController();
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      controller.abort();
      process.once(signal, () => process.exit(code));
    });
  }
  return controller.signal;
}
