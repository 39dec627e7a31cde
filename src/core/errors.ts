/**
 * A problem with what the user gave us: a flag, a config key, a file. The CLI prints `message` as
 * one line (no stack trace) and exits 2. The message names the flag/file/key and says how to fix it.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message);
  }
}

/** The reason of an unexpected error, one line, without a stack trace. */
export function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] || error.name;
  return String(error);
}
