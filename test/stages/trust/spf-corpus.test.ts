import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDnsClient, type DnsClient } from '../../../src/stages/trust/dns.js';
import { isSpfRecord } from '../../../src/stages/trust/spf-record.js';
import { walkSpf, type SpfWalk } from '../../../src/stages/trust/spf-walk.js';
import { knotAvailable, startKnot, type KnotServer } from '../../helpers/knot.js';
import { corpusZones } from '../../fixtures/trust/mail/corpus-zones.js';
import { PROVIDER_TREES, SERVED_RECORDS } from '../../fixtures/trust/mail/provider-trees.js';

/** A python that has pyspf (Debian's python3-spf lives in the system python, not in a pyenv one). */
function pyspfPython(): string | undefined {
  return ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import spf, DNS'], { stdio: 'ignore' }).status === 0);
}

const python = pyspfPython();
const needsTools = (knotAvailable() && python) || process.env.CI ? describe : describe.skip;
const script = fileURLToPath(new URL('../../fixtures/trust/mail/pyspf-count.py', import.meta.url));

needsTools('provider SPF trees: the static walk counts what pyspf counts', () => {
  let knot: KnotServer;
  let dns: DnsClient;
  const ours = new Map<string, SpfWalk>();
  let theirs: Record<string, { lookups: number; void: number; result: string; text: string }>;
  beforeAll(async () => {
    knot = await startKnot(corpusZones());
    dns = await createDnsClient({ servers: [knot.address], timeoutMs: 1000, tries: 2 });
    for (const tree of PROVIDER_TREES) {
      const txt = await dns.query(tree.domain, 'TXT');
      const record = txt.status === 'found' ? txt.records.find((r) => isSpfRecord(r.value)) : undefined;
      if (!record) throw new Error(`${tree.domain}: no SPF record served (${JSON.stringify(txt)})`);
      ours.set(tree.domain, await walkSpf(tree.domain, record.value, record.parts ?? [record.value], (name, type) => dns.query(name, type)));
    }
    const output = execFileSync(python ?? 'python3', [script, '127.0.0.1', String(knot.port), ...PROVIDER_TREES.map((t) => t.domain)], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    theirs = JSON.parse(output) as typeof theirs;
    if (process.env.TRUST_DEBUG)
      console.log(
        PROVIDER_TREES.map(
          (t) =>
            `${t.domain}: ours ${ours.get(t.domain)!.lookups}/${ours.get(t.domain)!.voidLookups} pyspf ${theirs[t.domain]!.lookups}/${theirs[t.domain]!.void} ${theirs[t.domain]!.result}`,
        ).join('\n'),
      );
  }, 90_000);
  afterAll(async () => knot?.stop());

  test('the corpus has at least 20 trees, each with its source, every served record with its own', () => {
    expect(PROVIDER_TREES.length).toBeGreaterThanOrEqual(20);
    expect(PROVIDER_TREES.every((t) => t.source.where && t.source.dated)).toBe(true);
    expect(SERVED_RECORDS.every((r) => r.source)).toBe(true);
  });

  test.each(PROVIDER_TREES.map((t) => [t.domain, t.providers.join(', ')]))("%s (%s): lookups and void lookups equal pyspf's", (domain) => {
    const walk = ours.get(domain)!;
    const py = theirs[domain]!;
    expect({ lookups: walk.lookups, void: walk.voidLookups }).toEqual({ lookups: py.lookups, void: py.void });
    // Negative control: the counts are not trivially zero for the whole corpus.
    expect(walk.unknown).toBeUndefined();
  });

  test('the trees exercise nesting: some count 7 or more lookups, one uses exists: with macros, several ptr', () => {
    const walks = [...ours.values()];
    expect(walks.filter((w) => w.lookups >= 7).length).toBeGreaterThanOrEqual(5);
    expect(walks.some((w) => w.voidLookups > 0)).toBe(true);
    expect(walks.filter((w) => w.ptr.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  test('healthy provider trees have no permerror of their own (except a tree over the 10-lookup limit)', () => {
    for (const [domain, walk] of ours) expect({ domain, problems: walk.problems }).toEqual({ domain, problems: [] });
  });
});
