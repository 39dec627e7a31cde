// Runs bench.ts (it imports the TypeScript test lab).
// Usage: npm run -s build && node bench/rollback/run.mjs   (RUNS=3 by default)
import { runBenchmark } from '../run-ts.mjs';

await runBenchmark('bench/rollback/bench.ts');
