import { isOneOf } from '../../core/guards.js';

/** A DMARC record as RFC 7489 section 6.3 and 6.6.3 read it. */
export interface ParsedDmarc {
  /** Does a receiver apply it at all? False: the record is discarded ("no DMARC"). */
  valid: boolean;
  /** Why it is discarded, or the errors a receiver tolerates (an invalid p= becomes none). */
  errors: string[];
  /** The policy a receiver applies: the valid p=, or `none` when p= is missing or invalid (with a valid rua). */
  policy: 'none' | 'quarantine' | 'reject';
  /** The policy for subdomains (sp=), when set and valid. */
  subdomainPolicy?: 'none' | 'quarantine' | 'reject';
  /** pct=, 100 unless set validly. */
  pct: number;
  /** rua= / ruf= URIs that receivers can send reports to (`mailto:`), and the ones they cannot. */
  rua: string[];
  ruaInvalid: string[];
  ruf: string[];
  rufInvalid: string[];
  /** The record rewritten in valid syntax (semicolons, `mailto:`, a valid policy), when it differs. */
  corrected?: string;
}

const POLICIES = ['none', 'quarantine', 'reject'] as const;
type Policy = (typeof POLICIES)[number];
const isPolicy = (value: string): value is Policy => isOneOf(POLICIES, value);

/** The valid policy a typo most likely meant (`rejct` → `reject`), by shared letters in order. */
function closestPolicy(value: string): Policy {
  const score = (policy: string) => {
    let i = 0;
    for (const c of value.toLowerCase()) if (policy[i] === c) i++;
    return i;
  };
  return [...POLICIES].sort((a, b) => score(b) - score(a))[0]!;
}

/** `mailto:a@b.example!10m` is a report URI receivers use; anything else sends reports nowhere. */
function reportUris(value: string): { ok: string[]; bad: string[] } {
  const ok: string[] = [];
  const bad: string[] = [];
  for (const raw of value.split(',')) {
    const uri = raw.trim();
    if (uri === '') continue;
    const address = uri.slice(7).split('!')[0]!;
    if (uri.slice(0, 7).toLowerCase() === 'mailto:' && address.includes('@') && !address.includes(' ')) ok.push(uri);
    else bad.push(uri);
  }
  return { ok, bad };
}

/** A candidate record starts with `v=DMARC1` (any spacing or case): only these are judged. */
export function looksLikeDmarc(text: string): boolean {
  const compact = text.trimStart().slice(0, 16).replace(/\s/g, '').toLowerCase();
  return compact.startsWith('v=dmarc1');
}

/** Parse a DMARC record; `valid: false` means receivers discard it (no DMARC for the domain). */
export function parseDmarc(record: string): ParsedDmarc {
  const out: ParsedDmarc = { valid: true, errors: [], policy: 'none', pct: 100, rua: [], ruaInvalid: [], ruf: [], rufInvalid: [] };
  const usesCommas = !record.includes(';') && record.includes(',') && /,\s*p\s*=/i.test(record);
  const tags = new Map<string, string>();
  const parts = (usesCommas ? record.split(',') : record.split(';')).map((t) => t.trim()).filter((t) => t !== '');
  parts.forEach((part, index) => {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (index === 0 && name !== 'v') return;
    if (!tags.has(name)) tags.set(name, value);
  });
  const version = usesCommas ? 'DMARC1' : (tags.get('v') ?? '');
  if (usesCommas) {
    out.valid = false;
    out.errors.push('tags are separated by commas; DMARC separates them with semicolons, so receivers read one tag "v" and discard the record');
  } else if (parts[0] === undefined || !/^v\s*=/i.test(parts[0]) || version !== 'DMARC1') {
    out.valid = false;
    out.errors.push(`the record must start with v=DMARC1 (found "${(parts[0] ?? '').slice(0, 40)}")`);
  }
  const rua = reportUris(tags.get('rua') ?? '');
  const ruf = reportUris(tags.get('ruf') ?? '');
  out.rua = rua.ok;
  out.ruaInvalid = rua.bad;
  out.ruf = ruf.ok;
  out.rufInvalid = ruf.bad;
  const p = (tags.get('p') ?? '').toLowerCase();
  let correctedPolicy: Policy | undefined;
  if (isPolicy(p)) out.policy = p;
  else {
    correctedPolicy = p === '' ? 'none' : closestPolicy(p);
    out.errors.push(
      p === ''
        ? 'p= is missing: receivers treat the record as p=none'
        : `p=${tags.get('p')} is not a policy (none, quarantine, reject): receivers treat it as p=none (RFC 7489 6.6.3)`,
    );
    // Without a usable report address a receiver applies no DMARC at all (RFC 7489 6.6.3).
    if (out.rua.length === 0 && out.valid) {
      out.valid = false;
      out.errors.push('and with no valid rua= either, receivers apply no DMARC processing at all');
    }
  }
  const sp = tags.get('sp');
  if (sp !== undefined) {
    const subdomainPolicy = sp.toLowerCase();
    if (isPolicy(subdomainPolicy)) out.subdomainPolicy = subdomainPolicy;
    else out.errors.push(`sp=${sp} is not a policy (none, quarantine, reject): subdomains get p=none`);
  }
  const pct = tags.get('pct');
  if (pct !== undefined) {
    if (/^\d{1,3}$/.test(pct) && Number(pct) <= 100) out.pct = Number(pct);
    else out.errors.push(`pct=${pct} is not a number from 0 to 100: receivers use 100`);
  }
  const corrected = correctedRecord(tags, out, correctedPolicy);
  if (corrected !== record.trim()) out.corrected = corrected;
  return out;
}

/** The record as it should be written, keeping every tag the user gave. */
function correctedRecord(tags: Map<string, string>, parsed: ParsedDmarc, policy: Policy | undefined): string {
  const fixUris = (ok: string[], bad: string[]) => [...ok, ...bad.map((u) => (u.includes('@') && !u.includes(':') ? `mailto:${u}` : u))].join(',');
  const out = ['v=DMARC1', `p=${policy ?? parsed.policy}`];
  for (const [name, value] of tags) {
    if (name === 'v' || name === 'p') continue;
    if (name === 'rua') out.push(`rua=${fixUris(parsed.rua, parsed.ruaInvalid)}`);
    else if (name === 'ruf') out.push(`ruf=${fixUris(parsed.ruf, parsed.rufInvalid)}`);
    else out.push(`${name}=${value}`);
  }
  return out.join('; ');
}
