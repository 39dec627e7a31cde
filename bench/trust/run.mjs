// Runs bench.ts (it imports the TypeScript test lab).
// Usage: npm run -s build && node bench/trust/run.mjs   (RUNS=5 by default)
import { runBenchmark } from '../run-ts.mjs';

await runBenchmark('bench/trust/bench.ts');
