// Issue 17's "hostile inputs" table for the trust stage: the worst case, in ms per MB, of the
// mixed-content scan and of SPF judging (the stage's syntax check, then mailauth's evaluation) over
// shapes that made them super-linear. CPU time of this process, best of 3. Run with:
//   node bench/trust/hostile-run.mjs            (this tree)
//   node bench/trust/hostile-run.mjs --at REV   (the same inputs through the code at REV)
import { evaluateSpf } from '../../src/stages/trust/email.js';
import { findMixedContent } from '../../src/stages/trust/page-checks.js';

const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const KB = 1024;
/** Give up on one input after this much CPU: the old code takes minutes on some. */
const LIMIT_MS = Number(process.env.LIMIT_MS ?? 20_000);

async function cpuMs(work: () => unknown): Promise<number> {
  const started = process.cpuUsage();
  await work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const pages: [string, (size: number) => string][] = [
  ['"<a" without ">"', (size) => fill('<a', size)],
  ['<link> with a rel= run', (size) => `<link ${fill('rel=x ', size)}>`],
  ['unclosed quotes in tags', (size) => fill('<img src="http://a.example/x ', size)],
  ['http: resources', (size) => fill('<script src="http://cdn.example/a.js"></script>', size)],
];
const records: [string, (size: number) => string][] = [
  ['"%{" runs', (size) => `v=spf1 exists:${fill('%{', size)} -all`],
  ['"%{i" runs without "}"', (size) => `v=spf1 exists:${fill('%{i', size)} -all`],
  ['macro runs ending in a name', (size) => `v=spf1 exists:${fill('%{i}', size)}.example.com -all`],
  ['distinct bad terms', (size) => `v=spf1 ${Array.from({ length: Math.ceil(size / 8) }, (_, i) => `a:x${i}`).join(' ')} -all`],
  ['ip4 terms', (size) => `v=spf1 ${fill('ip4:198.51.100.7 ', size)}-all`],
  ['a:x/1/1... runs', (size) => `v=spf1 a:x${fill('/1', size)}z -all`],
];
const spfPath = (record: string) =>
  evaluateSpf('example.com', async (name: string) =>
    name === 'example.com' ? [record.match(/.{1,255}/gs) ?? []] : Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })),
  );

const rows: string[] = [];
async function measure(scanner: string, shapes: [string, (size: number) => string][], sizes: number[], work: (input: string) => unknown): Promise<void> {
  let worst = { perMb: 0, shape: '', size: 0, ms: 0 };
  for (const [shape, make] of shapes) {
    for (const size of sizes) {
      const input = make(size);
      let best = await cpuMs(() => work(input));
      for (let run = 1; run < 3 && best < LIMIT_MS; run++) best = Math.min(best, await cpuMs(() => work(input)));
      const perMb = best / (size / (KB * KB));
      if (perMb > worst.perMb) worst = { perMb, shape, size, ms: best };
      if (best >= LIMIT_MS) break;
    }
  }
  rows.push(`| ${scanner} | ${worst.shape} at ${Math.round(worst.size / KB)} kB | ${Math.round(worst.ms)} ms | ${Math.round(worst.perMb)} ms/MB |`);
}

await measure('mixed-content scan', pages, [75 * KB, 300 * KB], findMixedContent);
await measure('SPF judging (syntax + mailauth)', records, [15 * KB, 60 * KB], spfPath);
console.log(['| scanner | worst input | CPU time | per MB |', '|---|---|---|---|', ...rows].join('\n'));
