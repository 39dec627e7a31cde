import type { DnsVerdict } from './dns.js';
import { dnsNameProblem, expandMacros, isSpfRecord, parseSpf, seamsWithoutSpace, type MacroContext, type SpfTerm } from './spf-record.js';

/** Asks DNS one question for the walk. */
export type SpfLookup = (name: string, type: 'TXT' | 'A' | 'MX') => Promise<DnsVerdict>;

/** RFC 7208 4.6.4: more DNS-querying terms than this is a permerror; more void lookups than 2 too. */
export const MAX_SPF_LOOKUPS = 10;
export const MAX_VOID_LOOKUPS = 2;
/** The walk stops counting here (pyspf's hard stop too): a hostile tree cannot make it ask DNS forever. */
const WALK_LIMIT = 40;
const MAX_MX_NAMES = 10;

/** Something in the tree that makes receivers return permerror. */
export interface SpfProblem {
  kind: 'syntax' | 'unresolvable' | 'no-record' | 'multiple-records' | 'loop' | 'too-many-mx';
  /** The domain whose record holds the term. */
  domain: string;
  record: string;
  term: string;
  why: string;
}

/** A record reached through includes that authorises everyone (`+all`). */
export interface SpfPermissive {
  /** Includes from the top record down to the record holding the term. */
  chain: string[];
  domain: string;
  record: string;
  term: string;
}

/** The whole include/redirect tree, counted whatever address a receiver evaluates. */
export interface SpfWalk {
  domain: string;
  /** The top record and its TXT strings as received (when the domain has exactly one). */
  record?: string;
  parts?: string[];
  lookups: number;
  voidLookups: number;
  /** True when the walk stopped at its limit: `lookups` is a lower bound. */
  truncated: boolean;
  problems: SpfProblem[];
  permissive: SpfPermissive[];
  /** `ptr` terms: deprecated and skipped by many receivers. */
  ptr: { domain: string; term: string }[];
  /** Two TXT strings of a record joined with no space where a new term starts. */
  seams: { domain: string; parts: string[]; left: string; right: string; fixed: string }[];
  /** A DNS answer the walk could not get: the counts are then incomplete and nothing is called missing. */
  unknown?: { name: string; reason: string };
}

interface State extends SpfWalk {
  lookup: SpfLookup;
  context: MacroContext;
}

const spfRecordsOf = (verdict: DnsVerdict) => (verdict.status === 'found' ? verdict.records.filter((r) => isSpfRecord(r.value)) : []);

/** Ask, counting a void lookup (NXDOMAIN or an empty NOERROR) the way receivers do; undefined when unknown. */
async function ask(state: State, name: string, type: 'TXT' | 'A' | 'MX'): Promise<DnsVerdict | undefined> {
  const verdict = await state.lookup(name, type);
  if (verdict.status === 'unknown') {
    state.unknown ??= { name: `${type} ${name}`, reason: verdict.reason };
    return undefined;
  }
  if (verdict.status === 'missing') state.voidLookups++;
  return verdict;
}

/** The target of an include/redirect, or a problem pushed for a name no resolver accepts. */
function targetOf(state: State, spec: string, domain: string, record: string, term: string): string | undefined {
  const name = expandMacros(spec, { ...state.context, domain });
  const problem = dnsNameProblem(name);
  if (!problem) return name.toLowerCase();
  state.problems.push({ kind: 'unresolvable', domain, record, term, why: `"${name}" is not a name DNS can look up (${problem})` });
  return undefined;
}

/** Follow an include or redirect to the record it names. */
async function follow(state: State, target: string, chain: string[], domain: string, record: string, term: string): Promise<void> {
  if (chain.includes(target)) {
    state.problems.push({ kind: 'loop', domain, record, term, why: `${target} includes itself again` });
    return;
  }
  const verdict = await ask(state, target, 'TXT');
  if (!verdict) return;
  const records = spfRecordsOf(verdict);
  if (records.length === 0) {
    state.problems.push({
      kind: 'no-record',
      domain,
      record,
      term,
      why: `${target} has no SPF record${verdict.status === 'missing' ? ` (${verdict.reason})` : ''}`,
    });
    return;
  }
  if (records.length > 1) {
    state.problems.push({ kind: 'multiple-records', domain, record, term, why: `${target} has ${records.length} SPF records` });
    return;
  }
  await walkRecord(state, target, records[0]!.value, records[0]!.parts ?? [records[0]!.value], [...chain, target]);
}

async function mechanism(state: State, term: Extract<SpfTerm, { kind: 'mechanism' }>, domain: string, record: string, chain: string[]): Promise<void> {
  if (term.name === 'ip4' || term.name === 'ip6' || term.name === 'all') return;
  state.lookups++;
  if (term.name === 'ptr') {
    state.ptr.push({ domain, term: term.text });
    return;
  }
  if (term.name === 'include') {
    const target = targetOf(state, term.domain ?? '', domain, record, term.text);
    if (target) await follow(state, target, chain, domain, record, term.text);
    return;
  }
  const name = expandMacros(term.domain ?? domain, { ...state.context, domain });
  // A name no resolver accepts is not asked and matches nothing (receivers do not count it as void).
  if (dnsNameProblem(name)) return;
  if (term.name === 'a' || term.name === 'exists') {
    await ask(state, name, 'A');
    return;
  }
  const mx = await ask(state, name, 'MX');
  if (mx?.status !== 'found') return;
  if (mx.records.length > MAX_MX_NAMES)
    state.problems.push({
      kind: 'too-many-mx',
      domain,
      record,
      term: term.text,
      why: `${name} has ${mx.records.length} MX records (at most ${MAX_MX_NAMES} are looked up)`,
    });
  for (const r of mx.records.slice(0, MAX_MX_NAMES)) {
    const host = r.value.slice(r.value.indexOf(' ') + 1);
    // A null MX (`0 .`) names no host to look up.
    if (host !== '' && host !== '.') await ask(state, host, 'A');
  }
}

async function walkRecord(state: State, domain: string, record: string, parts: string[], chain: string[]): Promise<void> {
  for (const seam of seamsWithoutSpace(parts)) {
    const fixed = [...parts.slice(0, seam.index + 1), ' ', ...parts.slice(seam.index + 1)].join('');
    state.seams.push({ domain, parts, left: seam.left, right: seam.right, fixed });
  }
  const parsed = parseSpf(record);
  for (const bad of parsed.bad) state.problems.push({ kind: 'syntax', domain, record, term: bad.term, why: bad.why });
  // Receivers reject a record with a bad term before evaluating any of it.
  if (parsed.bad.length > 0) return;
  let all: Extract<SpfTerm, { kind: 'mechanism' }> | undefined;
  for (const term of parsed.terms) {
    if (state.lookups > WALK_LIMIT) {
      state.truncated = true;
      return;
    }
    if (term.kind === 'modifier') continue;
    if (term.name === 'all') {
      all = term;
      // Terms after `all` are never evaluated.
      break;
    }
    await mechanism(state, term, domain, record, chain);
  }
  if (all?.qualifier === '+' && chain.length > 1) state.permissive.push({ chain: chain.slice(1), domain, record, term: all.text });
  const redirect = parsed.terms.find((t) => t.kind === 'modifier' && t.name === 'redirect');
  // RFC 7208 6.1: redirect= applies only when the record has no `all`.
  if (!all && redirect?.kind === 'modifier') {
    state.lookups++;
    const target = targetOf(state, redirect.value, domain, record, redirect.text);
    if (target) await follow(state, target, chain, domain, record, redirect.text);
  }
}

/**
 * Walk the SPF tree of `domain` the way checkdmarc counts it: every include, a, mx, ptr, exists and
 * redirect is counted whatever address a message comes from, with void lookups counted as receivers
 * on IPv4 count them (pyspf). `record`/`parts` is the domain's one SPF record as received.
 */
export async function walkSpf(domain: string, record: string, parts: string[], lookup: SpfLookup): Promise<SpfWalk> {
  const state: State = {
    domain,
    record,
    parts,
    lookups: 0,
    voidLookups: 0,
    truncated: false,
    problems: [],
    permissive: [],
    ptr: [],
    seams: [],
    lookup,
    context: { sender: `postmaster@${domain}`, domain, ip: '192.0.2.1', helo: domain },
  };
  await walkRecord(state, domain, record, parts, [domain]);
  const { lookup: _lookup, context: _context, ...walk } = state;
  return walk;
}
