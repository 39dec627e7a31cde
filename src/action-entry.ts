import { run } from './action.js';

// The bundle's entry (dist/action.js): run the root action, then exit with its code, even if a
// stopped stage (past its maxMinutes) still holds a socket open.
void run().then((code) => {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
});
