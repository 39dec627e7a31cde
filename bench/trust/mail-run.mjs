// Runs mail-setups.ts. With `--at REV`, the stage's src/ is taken from that commit while the setups
// and fixtures stay this tree's, so the same setups measure the old code.
// Usage: node bench/trust/mail-run.mjs [--at REV]
import { atRevision, runBenchmark } from '../run-ts.mjs';

await runBenchmark('bench/trust/mail-setups.ts', [], { at: atRevision() });
