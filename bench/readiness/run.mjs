// Runs the Gatus-import benchmark.
// Usage: node bench/readiness/run.mjs FILE.md|FILE.yaml...  (e.g. the README.md of TwiN/gatus)
import { runBenchmark } from '../run-ts.mjs';

await runBenchmark('bench/readiness/gatus.ts', process.argv.slice(2));
