import type { Finding, StageId } from '../core/findings.js';
import type { GateResult } from '../core/result.js';
import { failsGate } from '../core/severity.js';

/** One fault the demo plants and how to recognise the gate's finding for it. */
interface PlantedFault {
  stage: StageId;
  what: string;
  matches: (finding: Finding) => boolean;
}

const text = (f: Finding) => `${f.ruleId} ${f.title} ${f.location?.host ?? ''} ${f.location?.url ?? ''} ${f.location?.file ?? ''}`.toLowerCase();
const has =
  (...words: string[]) =>
  (f: Finding) =>
    words.every((w) => text(f).includes(w.toLowerCase()));

/** Every fault of the demo launch, one or more per stage. */
export const PLANTED_FAULTS: PlantedFault[] = [
  { stage: 'secrets', what: 'a Stripe live key in an old commit', matches: has('stripe') },
  { stage: 'env', what: 'DATABASE_URL missing in production', matches: has('DATABASE_URL') },
  { stage: 'env', what: 'a server secret behind NEXT_PUBLIC_', matches: has('NEXT_PUBLIC_STRIPE_SECRET_KEY') },
  { stage: 'trust', what: 'a certificate that does not cover app.', matches: has('app.brightbook.test') },
  { stage: 'trust', what: 'the admin area served from a shared cache', matches: has('admin.brightbook.test') },
  { stage: 'trust', what: 'DMARC at p=none', matches: has('dmarc') },
  { stage: 'burst', what: 'a slow synchronous signup POST', matches: has('signup') },
  { stage: 'burst', what: 'no rate limit on login', matches: has('login') },
  { stage: 'readiness', what: 'no monitor on signup', matches: has('signup') },
];

/** Which planted faults the gate found, and which it missed (with `fixed`: what still fails the gate). */
export function expectationsMet(result: GateResult, fixed: boolean): { found: string[]; missing: string[] } {
  const findings = result.stages.flatMap((s) => s.findings);
  const errors = result.stages.filter((s) => s.status === 'error').map((s) => `the ${s.id} stage could not run: ${s.summary}`);
  if (fixed) {
    const failing = findings.filter((f) => failsGate(f.severity, result.failOn)).map((f) => `${f.id} ${f.title}`);
    return { found: [], missing: [...errors, ...failing, ...(result.status === 'pass' ? [] : [`the gate says ${result.status}`])] };
  }
  const found: string[] = [];
  const missing: string[] = [...errors];
  for (const fault of PLANTED_FAULTS) {
    const hit = findings.find((f) => f.stage === fault.stage && fault.matches(f));
    if (hit) found.push(`${fault.what} (${hit.id})`);
    else missing.push(`${fault.stage}: ${fault.what}`);
  }
  const drill = result.stages.find((s) => s.id === 'rollback');
  if (!drill || drill.status === 'error' || drill.findings.some((f) => failsGate(f.severity, 'blocker'))) missing.push('rollback: the drill should pass');
  else found.push('a rollback drill that works');
  return { found, missing };
}
