// Issue 16's measure: sending-domain setups on real provider SPF trees, served by Knot on loopback,
// judged by the stage's mail checks. Prints setups fully right, planted faults found and false findings.
// Run with: node bench/trust/mail-run.mjs            (this tree)
//           node bench/trust/mail-run.mjs --at REV   (the stage at another commit, same setups)
import type { FindingInput } from '../../src/core/findings.js';
import { createDnsClient, type DnsClient } from '../../src/stages/trust/dns.js';
import * as email from '../../src/stages/trust/email.js';
import { emailFindings } from '../../src/stages/trust/email-checks.js';
import { startKnot } from '../../test/helpers/knot.js';
import { mailSetups, rowTwins } from '../../test/fixtures/trust/mail/setups.js';
import { scoreSetups, setupZones, summary } from '../../test/fixtures/trust/mail/score.js';

type Gather = (...args: unknown[]) => Promise<Parameters<typeof emailFindings>[0]>;
const gather = email.gatherEmailFacts as unknown as Gather;

const setups = [...mailSetups(), ...rowTwins()];
const knot = await startKnot(setupZones(setups));
try {
  const dns = await createDnsClient({ servers: [knot.address], timeoutMs: 1000, tries: 2 });
  // Before issue 16 the gatherer also took the launch domain (undefined: none configured).
  const check = async (domain: string, selectors: string[], client: DnsClient): Promise<FindingInput[]> =>
    emailFindings(await (gather.length === 5 ? gather(domain, selectors, true, undefined, client) : gather(domain, selectors, true, client)));
  const started = performance.now();
  const scores = await scoreSetups(setups, check, dns);
  const s = summary(scores);
  console.log(s.rows.join('\n'));
  console.log(`\n${s.line} — ${setups.length} setups in ${Math.round(performance.now() - started)} ms`);
} finally {
  await knot.stop();
}
