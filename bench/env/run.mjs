// Runs one of the env benchmarks (bundled by bench/run-ts.mjs).
import { runBenchmark } from '../run-ts.mjs';

// `node bench/env/run.mjs apps [APP=DIR]...`: the real-application table (bench/env/apps.ts);
// `node bench/env/run.mjs hostile`: the hostile-input table (bench/env/hostile.ts); anything else the discovery benchmark.
const mode = ['apps', 'hostile'].includes(process.argv[2]) ? process.argv[2] : 'discovery';
await runBenchmark(`bench/env/${mode}.ts`, process.argv.slice(mode === 'discovery' ? 2 : 3));
