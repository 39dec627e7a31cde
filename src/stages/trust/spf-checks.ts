import type { FindingInput } from '../../core/findings.js';
import type { DnsRecord } from './dns.js';
import { asReceived, mailFinding, unknownFinding, type EmailFacts } from './email-facts.js';
import { clip, isSpfRecord, parseSpf } from './spf-record.js';
import { MAX_SPF_LOOKUPS, MAX_VOID_LOOKUPS, type SpfWalk } from './spf-walk.js';

/** Problems with the text of one SPF record that receivers treat as permerror, and its `all` term. */
export function spfSyntaxProblems(record: string): { bad: string[]; all?: string; redirect: boolean } {
  const { terms, bad } = parseSpf(record);
  const all = terms.find((t) => t.kind === 'mechanism' && t.name === 'all');
  return { bad: bad.map((b) => b.term), all: all?.text, redirect: terms.some((t) => t.kind === 'modifier' && t.name === 'redirect') };
}

/** The SPF records among a domain's TXT records. */
export function spfRecordsIn(facts: EmailFacts): DnsRecord[] {
  return facts.txt.status === 'found' ? facts.txt.records.filter((r) => isSpfRecord(r.value)) : [];
}

const counts = (walk: SpfWalk) => `lookups: ${walk.lookups}${walk.truncated ? '+' : ''}/${MAX_SPF_LOOKUPS}, void: ${walk.voidLookups}/${MAX_VOID_LOOKUPS}`;

/** No SPF, several SPF records, or one: then the whole tree is judged. */
export function spfFindings(facts: EmailFacts): FindingInput[] {
  const d = facts.domain;
  if (facts.txt.status === 'unknown') return [unknownFinding(facts, 'SPF', facts.txt.reason)];
  const records = spfRecordsIn(facts);
  if (records.length === 0) {
    return [
      facts.subdomain
        ? mailFinding(
            facts,
            'spf-missing-subdomain',
            'blocker',
            `sending subdomain ${d} has no SPF record of its own (the parent domain's does not apply): mail from it lands in spam`,
            `publish one TXT record at ${d}: v=spf1 include:<your provider> -all`,
          )
        : mailFinding(
            facts,
            'spf-missing',
            'blocker',
            `${d} has no SPF record: mail from it lands in spam or is rejected`,
            `publish one TXT record at ${d}: v=spf1 include:<your provider> -all`,
          ),
    ];
  }
  if (records.length > 1) {
    return [
      mailFinding(
        facts,
        'spf-multiple',
        'blocker',
        `${d} has ${records.length} SPF records: receivers treat that as a permanent error and SPF fails`,
        'merge them into one v=spf1 record',
        records.map(asReceived).join(' | '),
      ),
    ];
  }
  return [...topRecordFindings(facts, records[0]!), ...(facts.spfWalk ? treeFindings(facts, facts.spfWalk) : []), ...secondOpinion(facts)];
}

/** The top record's own `all`: how unlisted senders are judged. */
function topRecordFindings(facts: EmailFacts, record: DnsRecord): FindingInput[] {
  const d = facts.domain;
  const { bad } = parseSpf(record.value);
  if (bad.length > 0) {
    const shown = bad
      .slice(0, 3)
      .map((b) => `${clip(b.term)} (${b.why})`)
      .join(', ');
    return [
      mailFinding(
        facts,
        'spf-syntax',
        'blocker',
        `${d}'s SPF record has terms receivers reject: ${shown}: SPF permerror, mail fails SPF`,
        `fix or remove ${bad
          .slice(0, 3)
          .map((b) => `"${clip(b.term)}"`)
          .join(', ')} (mechanisms: all, include:, a, mx, ip4:, ip6:, exists:; modifiers redirect=, exp=)`,
        asReceived(record),
      ),
    ];
  }
  const syntax = spfSyntaxProblems(record.value);
  if (syntax.all && /^[+?]?all$/i.test(syntax.all)) {
    const plus = !syntax.all.startsWith('?');
    return [
      mailFinding(
        facts,
        'spf-all-permissive',
        plus ? 'blocker' : 'medium',
        `${d}'s SPF ends with ${syntax.all}: ${plus ? 'anyone may send mail as your domain' : 'receivers get no verdict for unlisted senders'}`,
        `end the record with -all (or ~all while you roll out): ${record.value.replace(/[+?]?all\b/i, '~all')}`,
        asReceived(record),
      ),
    ];
  }
  if (!syntax.all && !syntax.redirect) {
    return [
      mailFinding(
        facts,
        'spf-no-all',
        'medium',
        `${d}'s SPF record does not end with -all or ~all: unlisted senders are not rejected`,
        `end the record with -all (or ~all while you roll out): ${record.value} ~all`,
        asReceived(record),
      ),
    ];
  }
  return [];
}

/** What the static walk found anywhere in the include/redirect tree. */
function treeFindings(facts: EmailFacts, walk: SpfWalk): FindingInput[] {
  const d = facts.domain;
  const out: FindingInput[] = [];
  const top = asReceived({ value: walk.record ?? '', parts: walk.parts });
  for (const seam of walk.seams) {
    out.push(
      mailFinding(
        facts,
        'spf-split-seam',
        'blocker',
        `${seam.domain === d ? `${d}'s SPF record` : `the SPF record of ${seam.domain}`} is split into TXT strings with no space between "${clip(seam.left)}" and "${clip(seam.right)}": receivers read "${clip(seam.left + seam.right, 120)}" and SPF fails (permerror)`,
        `publish the record with a space at the seam: ${seam.fixed}`,
        seam.parts.map((p) => `"${p}"`).join(' '),
      ),
    );
  }
  const seamed = (term: string) => walk.seams.some((s) => term.includes(`${s.left}${s.right}`) || `${s.left}${s.right}`.includes(term));
  for (const problem of walk.problems) {
    if (seamed(problem.term)) continue;
    const where = problem.domain === d ? `${d}'s SPF record` : `the SPF record of ${problem.domain} (included by ${d})`;
    // The top record's own syntax is the top-record rule's.
    if (problem.kind === 'syntax' && problem.domain === d) continue;
    if (problem.kind === 'syntax') {
      out.push(
        mailFinding(
          facts,
          'spf-permerror',
          'blocker',
          `${where} has a term receivers reject: ${clip(problem.term)} (${problem.why}): SPF permerror, mail fails SPF`,
          `remove the include of ${problem.domain} or ask its owner to fix it`,
          `${problem.domain}: ${problem.record}`,
        ),
      );
    } else {
      out.push(
        mailFinding(
          facts,
          'spf-permerror',
          'blocker',
          `${where} cannot be resolved at "${clip(problem.term)}": ${problem.why}; receivers return permerror and mail fails SPF`,
          `fix or remove "${clip(problem.term)}" in the record at ${problem.domain}`,
          `${problem.domain}: ${problem.record}`,
        ),
      );
    }
  }
  for (const p of walk.permissive) {
    const include = p.chain[0] ?? p.domain;
    out.push(
      mailFinding(
        facts,
        'spf-include-pass-all',
        'blocker',
        `${d}'s SPF includes ${p.chain.join(' → ')}, whose record ends in ${p.term}: anyone passes SPF for ${d}`,
        `drop include:${include} (or replace it with the provider's current include): ${dropInclude(walk.record ?? '', include)}`,
        `${p.domain}: ${p.record}`,
      ),
    );
  }
  if (walk.lookups > MAX_SPF_LOOKUPS) {
    out.push(
      mailFinding(
        facts,
        'spf-too-many-lookups',
        'blocker',
        `${d}'s SPF needs ${walk.lookups}${walk.truncated ? ' or more' : ''} DNS lookups (at most ${MAX_SPF_LOOKUPS}): receivers return permerror and SPF fails for most senders`,
        'drop includes you do not need, or replace some with the ip4:/ip6: ranges they publish',
        `${counts(walk)}; ${top}`,
      ),
    );
  }
  if (walk.voidLookups > MAX_VOID_LOOKUPS) {
    out.push(
      mailFinding(
        facts,
        'spf-too-many-void-lookups',
        'blocker',
        `${d}'s SPF has ${walk.voidLookups} lookups that find nothing (at most ${MAX_VOID_LOOKUPS}): receivers return permerror`,
        'remove include:/a:/mx: terms that point at names without records',
        `${counts(walk)}; ${top}`,
      ),
    );
  }
  for (const ptr of walk.ptr) {
    out.push(
      mailFinding(
        facts,
        'spf-ptr',
        'medium',
        `${ptr.domain === d ? `${d}'s SPF record` : `the SPF record of ${ptr.domain} (included by ${d})`} uses ${ptr.term}: deprecated (RFC 7208 5.5), slow, and skipped by many receivers`,
        'replace ptr with the ip4:/ip6: ranges or a: names of your senders',
        `${ptr.domain}: ${ptr.term}`,
      ),
    );
  }
  if (walk.unknown) out.push(unknownFinding(facts, 'SPF include tree', `${walk.unknown.reason} for ${walk.unknown.name}`));
  return out;
}

/** The record without one include, ready to paste. */
function dropInclude(record: string, include: string): string {
  return record
    .split(' ')
    .filter((t) => t.replace(/^[+?~-]/, '').toLowerCase() !== `include:${include}`)
    .join(' ');
}

/** mailauth's evaluation, when the walk itself found nothing to fail on. */
function secondOpinion(facts: EmailFacts): FindingInput[] {
  const walk = facts.spfWalk;
  if (
    !facts.spf ||
    (walk && (walk.problems.length > 0 || walk.seams.length > 0 || walk.unknown || walk.lookups > MAX_SPF_LOOKUPS || walk.voidLookups > MAX_VOID_LOOKUPS))
  )
    return [];
  const { result, comment = '' } = facts.spf;
  const detail = comment.replace(/^[^:]+: /, '').slice(0, 200);
  if (result === 'permerror' && !comment.startsWith('syntax:')) {
    return [
      mailFinding(
        facts,
        'spf-permerror',
        'blocker',
        `${facts.domain}'s SPF evaluates to permerror: SPF fails for every message`,
        'fix the record (or an included one) so it evaluates',
        detail,
      ),
    ];
  }
  if (result === 'temperror') return [unknownFinding(facts, 'SPF evaluation', detail || 'temporary error')];
  return [];
}
