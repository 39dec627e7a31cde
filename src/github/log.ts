import { randomUUID } from 'node:crypto';

/**
 * Print text that holds untrusted parts (file names, titles, evidence, command output) to the
 * workflow log. The runner executes any line starting with `::` as a workflow command, so the text
 * goes between `::stop-commands::<token>` and `::<token>::`, with a token nobody can guess: a file
 * name carrying `\n::notice::…` stays text.
 */
export function printUntrusted(text: string, write: (chunk: string) => void = (chunk) => void process.stdout.write(chunk)): void {
  if (text === '') return;
  const token = `launch-ready-${randomUUID()}`;
  write(`::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`);
}
