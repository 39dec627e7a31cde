import type { ReportBlock } from '../../core/blocks.js';
import type { FindingInput } from '../../core/findings.js';
import type { HttpPool } from '../../core/services.js';
import type { AbuseSpec } from './config.js';
import { classifyError } from './journey.js';
import { guessCriticalPath } from './steps.js';

/** One answer the probe got. */
export interface ProbeAnswer {
  status: number | null;
  /** The class of a network error, when there was no answer. */
  error?: string;
  /** Retry-After or a RateLimit header came with it. */
  limitHeaders: boolean;
}

export interface AbuseObservation {
  /** The normal phase: a legitimate user's pace, before the burst. */
  normal: ProbeAnswer[];
  /** The fast burst, in the order the answers came; it stops at the first 429. */
  burst: ProbeAnswer[];
}

export interface AbuseVerdict {
  /** A 429 came before `limit` requests of the fast burst. */
  limited: boolean;
  /** Requests of the burst up to and including the first 429. */
  limitedAfter?: number;
  /** The 429 said when to come back (Retry-After / RateLimit headers). */
  limitHeaders: boolean;
  /** Every request at the normal rate passed without a 429. */
  legitimateOk: boolean;
  normal429: number;
  findings: FindingInput[];
  block: ReportBlock;
}

const LIMIT_HEADER = /^(retry-after|ratelimit|ratelimit-.*|x-ratelimit-.*|x-rate-limit-.*)$/i;

/** The verdicts of the abuse probe from what it saw (pure). */
export function abuseVerdict(spec: AbuseSpec, target: string, seen: AbuseObservation): AbuseVerdict {
  const first = seen.burst.findIndex((a) => a.status === 429);
  const limited = first !== -1 && first < spec.limit;
  const limitHeaders = limited && seen.burst[first]!.limitHeaders;
  const normal429 = seen.normal.filter((a) => a.status === 429).length;
  const url = new URL(spec.path, target).href;
  const path = guessCriticalPath(spec.name, spec.path);
  const base = { location: { url }, ...(path ? { paths: [path] } : {}) };
  const findings: FindingInput[] = [];
  if (!limited) {
    const errors = seen.burst.filter((a) => a.status === null || a.status >= 500).length;
    findings.push({
      ...base,
      ruleId: 'burst-abuse-no-rate-limit',
      severity: 'high',
      title: `${spec.name} answered ${seen.burst.length} fast requests from one client without a 429${errors ? ` (${errors} failed instead)` : ''}: nothing stops credential stuffing or sign-up spam`,
      fix: `rate-limit ${spec.name} per client (IP and account), e.g. 10 requests a minute, answering 429 with Retry-After; at the edge (Cloudflare rate limiting rules) or in the app`,
      fingerprint: `burst:abuse:no-limit:${spec.name}`,
    });
  } else if (!limitHeaders) {
    findings.push({
      ...base,
      ruleId: 'burst-abuse-429-without-retry-after',
      severity: 'low',
      title: `${spec.name} rate-limits (429 after ${first + 1} requests) but does not say when to retry`,
      fix: 'send Retry-After (or the RateLimit headers) with the 429 so well-behaved clients back off instead of retrying at once',
      fingerprint: `burst:abuse:no-retry-after:${spec.name}`,
    });
  }
  if (normal429 > 0) {
    findings.push({
      ...base,
      ruleId: 'burst-abuse-blocks-legitimate',
      severity: 'high',
      title: `${spec.name} answered 429 to ${normal429} of ${seen.normal.length} requests at a legitimate user's pace (${spec.normalRate}/s)`,
      fix: 'loosen the limit for normal use (a real user must never see 429), e.g. a larger burst allowance with the same sustained limit, or limit per account as well as per IP',
      fingerprint: `burst:abuse:blocks-legitimate:${spec.name}`,
    });
  }
  const block: ReportBlock = {
    kind: 'table',
    title: 'Abuse probe',
    columns: ['check', 'expected', 'seen', 'pass'],
    rows: [
      [
        `fast burst on ${spec.name}`,
        `429 before ${spec.limit} requests`,
        limited ? `429 after ${first + 1}${limitHeaders ? ' with Retry-After/RateLimit' : ', no Retry-After'}` : `no 429 in ${seen.burst.length}`,
        limited,
      ],
      [`${spec.normalRequests} requests at ${spec.normalRate}/s`, 'no 429', normal429 ? `${normal429} × 429` : 'no 429', normal429 === 0],
    ],
  };
  const verdict: AbuseVerdict = { limited, limitHeaders, legitimateOk: normal429 === 0, normal429, findings, block };
  if (limited) verdict.limitedAfter = first + 1;
  return verdict;
}

/**
 * Probe one endpoint: first a legitimate user's pace (must see no 429), then a fast burst from one
 * client (must see 429 before `limit` requests). Bounded by `limit` and `normalRequests`; the burst
 * stops at the first 429.
 */
export async function probeAbuse(
  spec: AbuseSpec,
  pool: HttpPool,
  sleep: (ms: number) => Promise<void>,
  stopped: () => boolean,
  timeoutMs: number,
): Promise<AbuseObservation> {
  const request = () => {
    const headers: Record<string, string> = { ...spec.headers };
    let body: string | undefined;
    if (spec.body?.kind === 'json') {
      body = JSON.stringify(spec.body.value);
      headers['content-type'] ??= 'application/json';
    } else if (spec.body?.kind === 'form') {
      body = new URLSearchParams(spec.body.value).toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    } else if (spec.body) body = spec.body.value;
    return pool
      .request({ url: `${spec.origin}${spec.path}`, method: spec.method, headers, timeoutMs, discardBody: true, ...(body !== undefined ? { body } : {}) })
      .then(
        (r): ProbeAnswer => ({ status: r.status, limitHeaders: Object.keys(r.headers).some((h) => LIMIT_HEADER.test(h)) }),
        (error: unknown): ProbeAnswer => ({ status: null, error: classifyError(error), limitHeaders: false }),
      );
  };
  const normal: ProbeAnswer[] = [];
  for (let i = 0; i < spec.normalRequests && !stopped(); i++) {
    if (i > 0) await sleep(1000 / spec.normalRate);
    normal.push(await request());
  }
  await sleep(spec.cooldownMs);
  const burst: ProbeAnswer[] = [];
  let sent = 0;
  let limited = false;
  const lane = async () => {
    while (!limited && !stopped() && sent < spec.limit) {
      sent++;
      const answer = await request();
      burst.push(answer);
      if (answer.status === 429) limited = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(spec.concurrency, spec.limit) }, lane));
  return { normal, burst };
}
