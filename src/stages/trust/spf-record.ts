import { isIP } from 'node:net';
import { isOneOf } from '../../core/guards.js';

/**
 * SPF record text as RFC 7208 section 4.6 and 12 define it, read by a tokenizer that only moves forward
 * (no regular expression with nested or overlapping repetition), so a hostile 60 kB record costs linear
 * time.
 */

/** One term of a record. */
export type SpfTerm =
  | { kind: 'mechanism'; text: string; qualifier: '+' | '-' | '~' | '?'; name: SpfMechanism; domain?: string; cidr4?: number; cidr6?: number; network?: string }
  | { kind: 'modifier'; text: string; name: string; value: string };

export type SpfMechanism = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

/** A parsed record: its terms, and the terms receivers reject (each makes the record a permerror). */
export interface ParsedSpf {
  terms: SpfTerm[];
  /** `term: why`, in record order; at most {@link MAX_BAD_TERMS} (one is enough for a permerror). */
  bad: { term: string; why: string }[];
}

/** Bad terms kept per record: a finding shows three, and a hostile record must not fill memory with them. */
export const MAX_BAD_TERMS = 20;

const MECHANISMS: readonly SpfMechanism[] = ['all', 'include', 'a', 'mx', 'ptr', 'ip4', 'ip6', 'exists'];
const QUALIFIERS = ['+', '-', '~', '?'] as const;
const NEEDS_DOMAIN = new Set<string>(['include', 'exists']);
const MACRO_LETTERS = 'slodiphv';

/** A term as shown in a message: long hostile terms are cut, so no message grows with the record. */
export const clip = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

const isAlpha = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlnum = (c: string) => isAlpha(c) || isDigit(c);

/** Is this an SPF record (`v=spf1` then a space or the end)? */
export function isSpfRecord(text: string): boolean {
  return text.length >= 6 && text.slice(0, 6).toLowerCase() === 'v=spf1' && (text.length === 6 || text[6] === ' ');
}

/** Why a macro-string is malformed (RFC 7208 7.1), or undefined. `exp` allows the c, r, t letters. */
export function macroProblem(spec: string, inExp = false): string | undefined {
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    const code = c.charCodeAt(0);
    if (code < 0x21 || code > 0x7e) return 'a character outside visible ASCII';
    if (c !== '%') continue;
    const next = spec[i + 1];
    if (next === '%' || next === '_' || next === '-') {
      i++;
      continue;
    }
    if (next !== '{') return 'a "%" that does not start a macro';
    const close = spec.indexOf('}', i + 2);
    if (close < 0) return 'a macro without its closing "}"';
    const body = spec.slice(i + 2, close);
    const letter = (body[0] ?? '').toLowerCase();
    if (!MACRO_LETTERS.includes(letter) && !(inExp && 'crt'.includes(letter))) return `the macro letter "${body[0] ?? ''}"`;
    let j = 1;
    while (j < body.length && isDigit(body[j]!)) j++;
    if (body[j] === 'r' || body[j] === 'R') j++;
    for (; j < body.length; j++) if (!'.-+,/_='.includes(body[j]!)) return `the macro delimiter "${body[j]}"`;
    i = close;
  }
  return undefined;
}

/** A domain-spec ends in a macro or a dotted top label with a letter (RFC 7208 7.1 `domain-end`). */
export function domainSpecProblem(spec: string): string | undefined {
  if (spec === '') return 'an empty domain';
  const macro = macroProblem(spec);
  if (macro) return macro;
  const trimmed = spec.endsWith('.') ? spec.slice(0, -1) : spec;
  if (trimmed.endsWith('}')) return undefined;
  const dot = trimmed.lastIndexOf('.');
  if (dot < 0) return 'a name without a dot';
  const top = trimmed.slice(dot + 1);
  if (top === '') return 'an empty label';
  let letter = false;
  for (const c of top) {
    if (isAlpha(c)) letter = true;
    else if (!isDigit(c) && c !== '-') return `the top label "${top}"`;
  }
  if (!letter || top.startsWith('-') || top.endsWith('-')) return `the top label "${top}"`;
  return undefined;
}

/** `/24` or `//64` suffixes, read from the end of a mechanism argument. */
function splitCidr(arg: string): { rest: string; cidr4?: number; cidr6?: number; problem?: string } {
  let rest = arg;
  let cidr6: number | undefined;
  let cidr4: number | undefined;
  const takeNumber = (text: string): { head: string; value?: number } => {
    let j = text.length;
    while (j > 0 && isDigit(text[j - 1]!)) j--;
    if (j === text.length || text[j - 1] !== '/') return { head: text };
    const digits = text.slice(j);
    return { head: text.slice(0, j - 1), value: digits.length > 1 && digits.startsWith('0') ? Number.NaN : Number(digits) };
  };
  const last = takeNumber(rest);
  if (last.value !== undefined) {
    if (last.head.endsWith('/')) {
      cidr6 = last.value;
      rest = last.head.slice(0, -1);
      const first = takeNumber(rest);
      if (first.value !== undefined) {
        cidr4 = first.value;
        rest = first.head;
      }
    } else {
      cidr4 = last.value;
      rest = last.head;
    }
  }
  if (cidr4 !== undefined && !(cidr4 >= 0 && cidr4 <= 32)) return { rest, problem: 'an IPv4 prefix length outside 0-32' };
  if (cidr6 !== undefined && !(cidr6 >= 0 && cidr6 <= 128)) return { rest, problem: 'an IPv6 prefix length outside 0-128' };
  return { rest, cidr4, cidr6 };
}

/** `ip4:192.0.2.0/24`, `ip6:2001:db8::/32`: the network and its prefix length, or why they are wrong. */
function ipNetwork(arg: string, version: 4 | 6): { network?: string; prefix?: number; why?: string } {
  const slash = arg.indexOf('/');
  const network = slash < 0 ? arg : arg.slice(0, slash);
  if (isIP(network) !== version) return { why: `"${clip(network)}" is not an IPv${version} address` };
  if (slash < 0) return { network };
  const digits = arg.slice(slash + 1);
  const max = version === 4 ? 32 : 128;
  if (digits === '' || ![...digits].every(isDigit) || (digits.length > 1 && digits.startsWith('0')) || Number(digits) > max)
    return { why: `an IPv${version} prefix length outside 0-${max}` };
  return { network, prefix: Number(digits) };
}

/** Parse one term (no spaces in it). */
function parseTerm(text: string): { term?: SpfTerm; why?: string } {
  let i = 0;
  let qualifier: (typeof QUALIFIERS)[number] = '+';
  const first = text[0];
  if (isOneOf(QUALIFIERS, first)) {
    qualifier = first;
    i = 1;
  }
  let end = i;
  while (end < text.length && (isAlnum(text[end]!) || '-_.'.includes(text[end]!))) end++;
  const name = text.slice(i, end).toLowerCase();
  const sep = text[end];
  if (sep === '=' && i === 0 && name !== '' && isAlpha(name[0]!)) {
    const value = text.slice(end + 1);
    if (name === 'redirect' || name === 'exp') {
      const problem = domainSpecProblem(value);
      if (problem) return { why: `${name}= with ${problem}` };
    } else {
      const problem = macroProblem(value);
      if (problem) return { why: `a modifier with ${problem}` };
    }
    return { term: { kind: 'modifier', text, name, value } };
  }
  if (!isOneOf(MECHANISMS, name)) return { why: name === '' ? 'not a mechanism or modifier' : `"${clip(name)}" is not a mechanism` };
  const mechanism = name;
  let arg = '';
  if (sep === ':') arg = text.slice(end + 1);
  else if (sep === '/' && (mechanism === 'a' || mechanism === 'mx')) arg = text.slice(end);
  else if (sep !== undefined) return { why: `"${clip(text)}" is not a mechanism` };
  if (sep === ':' && arg === '') return { why: `${mechanism}: without a value` };
  const term: SpfTerm = { kind: 'mechanism', text, qualifier, name: mechanism };
  switch (mechanism) {
    case 'all':
      return arg === '' && sep === undefined ? { term } : { why: 'all takes no value' };
    case 'ip4':
    case 'ip6': {
      if (sep !== ':') return { why: `${mechanism} without an address` };
      const { network, prefix, why } = ipNetwork(arg, mechanism === 'ip4' ? 4 : 6);
      if (why || network === undefined) return { why: why ?? 'no address' };
      const out: SpfTerm = { ...term, network };
      if (prefix !== undefined) out[mechanism === 'ip4' ? 'cidr4' : 'cidr6'] = prefix;
      return { term: out };
    }
    default: {
      const { rest, cidr4, cidr6, problem } =
        mechanism === 'a' || mechanism === 'mx' ? splitCidr(arg) : { rest: arg, cidr4: undefined, cidr6: undefined, problem: undefined };
      if (problem) return { why: problem };
      if (NEEDS_DOMAIN.has(mechanism) && rest === '') return { why: `${mechanism} without a domain` };
      if (rest !== '') {
        const domainProblem = domainSpecProblem(rest);
        if (domainProblem) return { why: `${mechanism}:${clip(rest)} has ${domainProblem}` };
      }
      const out: SpfTerm = { ...term };
      if (rest !== '') out.domain = rest;
      if (cidr4 !== undefined) out.cidr4 = cidr4;
      if (cidr6 !== undefined) out.cidr6 = cidr6;
      return { term: out };
    }
  }
}

/** Parse a record that starts with `v=spf1`; terms are separated by spaces (RFC 7208 4.6.1). */
export function parseSpf(record: string): ParsedSpf {
  const terms: SpfTerm[] = [];
  const bad: ParsedSpf['bad'] = [];
  const seen = new Set<string>();
  for (const text of record.slice(6).split(' ')) {
    if (text === '') continue;
    const { term, why } = parseTerm(text);
    if (!term) {
      if (bad.length < MAX_BAD_TERMS) bad.push({ term: text, why: why ?? 'not understood' });
      continue;
    }
    if (term.kind === 'modifier' && (term.name === 'redirect' || term.name === 'exp')) {
      if (seen.has(term.name) && bad.length < MAX_BAD_TERMS) bad.push({ term: text, why: `${term.name}= given twice` });
      seen.add(term.name);
    }
    terms.push(term);
  }
  return { terms, bad };
}

/** The identity a static walk evaluates macros with: a receiver on IPv4 seeing `postmaster@<domain>`. */
export interface MacroContext {
  sender: string;
  domain: string;
  ip: string;
  helo: string;
}

/** Expand the macros of a domain-spec (RFC 7208 7.3); the result is a DNS name to ask. */
export function expandMacros(spec: string, context: MacroContext): string {
  const at = context.sender.lastIndexOf('@');
  const values: Record<string, string> = {
    s: context.sender,
    l: at > 0 ? context.sender.slice(0, at) : 'postmaster',
    o: at >= 0 ? context.sender.slice(at + 1) : context.sender,
    d: context.domain,
    i: context.ip,
    p: 'unknown',
    h: context.helo,
    v: 'in-addr',
  };
  let out = '';
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const next = spec[i + 1];
    if (next === '%') out += '%';
    else if (next === '_') out += ' ';
    else if (next === '-') out += '%20';
    if (next !== '{') {
      i++;
      continue;
    }
    const close = spec.indexOf('}', i + 2);
    const body = spec.slice(i + 2, close < 0 ? spec.length : close);
    i = close < 0 ? spec.length : close;
    let j = 1;
    while (j < body.length && isDigit(body[j]!)) j++;
    const keep = j > 1 ? Number(body.slice(1, j)) : undefined;
    const reverse = body[j] === 'r' || body[j] === 'R';
    const delimiters = body.slice(reverse ? j + 1 : j) || '.';
    let parts: string[] = [];
    let current = '';
    for (const ch of values[(body[0] ?? '').toLowerCase()] ?? '') {
      if (delimiters.includes(ch)) {
        parts.push(current);
        current = '';
      } else current += ch;
    }
    parts.push(current);
    if (reverse) parts = parts.reverse();
    if (keep !== undefined && keep > 0) parts = parts.slice(-keep);
    out += parts.join('.');
  }
  return out.endsWith('.') ? out.slice(0, -1) : out;
}

/** Why a DNS resolver refuses this name (empty or long labels, characters outside host names), or undefined. */
export function dnsNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 253) return 'a name longer than 253 characters';
  for (const label of name.split('.')) {
    if (label.length === 0) return 'an empty label';
    if (label.length > 63) return 'a label longer than 63 characters';
    for (const c of label) if (!(isAlnum(c) || c === '-' || c === '_')) return `the character "${c}"`;
  }
  return undefined;
}

/** Where two TXT strings were joined with no space between two terms, e.g. `…sendgrid.net` + `include:…`. */
export function seamsWithoutSpace(parts: readonly string[]): { index: number; left: string; right: string }[] {
  const seams: { index: number; left: string; right: string }[] = [];
  for (let k = 0; k + 1 < parts.length; k++) {
    const left = parts[k]!;
    const right = parts[k + 1]!;
    if (left === '' || right === '' || left.endsWith(' ') || right.startsWith(' ')) continue;
    const tailStart = left.lastIndexOf(' ') + 1;
    const headEnd = right.indexOf(' ');
    const head = headEnd < 0 ? right : right.slice(0, headEnd);
    // Only a seam where the second string starts a new term is a missing space; a long key split mid-term is fine.
    if (parseTerm(head).term && tailStart < left.length && parseTerm(left.slice(tailStart)).term)
      seams.push({ index: k, left: left.slice(tailStart), right: head });
  }
  return seams;
}
