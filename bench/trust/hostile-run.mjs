// Runs hostile.ts. With `--at REV`, the stage's src/ is taken from that commit, so the same inputs
// measure the old code. Usage: node bench/trust/hostile-run.mjs [--at REV]
import { atRevision, runBenchmark } from '../run-ts.mjs';

await runBenchmark('bench/trust/hostile.ts', [], { at: atRevision() });
