/**
 * Log hygiene: a sample request carries a marked secret in a header and in a form field, and the
 * app's request log must not hold either. The request also carries a harmless probe id in its URL:
 * when the log does not show the probe id either, the log did not record the request and the check
 * is "not checked", never "yes".
 */
import { randomBytes } from 'node:crypto';
import type { FindingInput } from '../../core/findings.js';

/** The markers of one sample request; unique per run so an old log line never matches. */
export interface LogMarkers {
  probeId: string;
  header: string;
  formField: string;
}

export function newLogMarkers(): LogMarkers {
  const id = randomBytes(6).toString('hex');
  return { probeId: `lr-probe-${id}`, header: `lrsecret-hdr-${id}`, formField: `lrsecret-form-${id}` };
}

/** The sample request: a POST to `url` with the probe id in the query, the secrets in Authorization and a password field. */
export function sampleRequest(url: string, markers: LogMarkers): { url: string; method: string; headers: Record<string, string>; body: string } {
  const target = new URL(url);
  target.searchParams.set('lr_probe', markers.probeId);
  return {
    url: target.href,
    method: 'POST',
    headers: {
      authorization: `Bearer ${markers.header}`,
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'launch-ready (log hygiene check)',
    },
    body: new URLSearchParams({ email: 'launch-ready-check@example.invalid', password: markers.formField }).toString(),
  };
}

/** What a log showed of the sample request. */
export interface LogScan {
  /** The probe id appeared: the log does record requests. */
  sawRequest: boolean;
  /** 1-based line numbers in the text scanned. */
  headerLines: number[];
  formLines: number[];
}

/** Scan log lines for the markers. */
export function scanLog(lines: Iterable<string>, markers: LogMarkers): LogScan {
  const scan: LogScan = { sawRequest: false, headerLines: [], formLines: [] };
  let n = 0;
  for (const line of lines) {
    n++;
    if (line.includes(markers.probeId)) scan.sawRequest = true;
    if (line.includes(markers.header)) scan.headerLines.push(n);
    if (line.includes(markers.formField)) scan.formLines.push(n);
  }
  // A logged secret is a logged request even if the URL was cut.
  if (scan.headerLines.length > 0 || scan.formLines.length > 0) scan.sawRequest = true;
  return scan;
}

/** `yes` (clean), `no` (a marker leaked) or `not checked` (no log source, or the log did not show the request). */
export type LogVerdict = 'yes' | 'no' | 'not checked';

/** The verdict and findings for a scan of `where` (a file name or `the output of "docker logs app"`). */
export function logFindings(
  scan: LogScan | undefined,
  where: string | undefined,
  reason?: string,
): { verdict: LogVerdict; findings: FindingInput[]; note?: string } {
  if (!scan || !where) {
    return {
      verdict: 'not checked',
      findings: [],
      note: reason ?? 'no log source configured (readiness.logs.file or readiness.logs.command): whether request logs keep secrets was not checked',
    };
  }
  if (!scan.sawRequest) {
    return {
      verdict: 'not checked',
      findings: [],
      note: `the sample request did not show up in ${where}, so it proves nothing about what the app logs; point readiness.logs at the request log`,
    };
  }
  const findings: FindingInput[] = [];
  const line = (lines: number[]) => `line ${lines.slice(0, 3).join(', ')}${lines.length > 3 ? '...' : ''}`;
  if (scan.headerLines.length > 0) {
    findings.push({
      ruleId: 'log-leaks-header',
      severity: 'high',
      title: `Request logs store the Authorization header: a marked test token sent in it appears in ${where} (${line(scan.headerLines)})`,
      fix: 'redact Authorization, Cookie and API-key headers in the request logger (e.g. pino redact paths, or log only method, path and status)',
      evidence: `${where}: ${line(scan.headerLines)}`,
    });
  }
  if (scan.formLines.length > 0) {
    findings.push({
      ruleId: 'log-leaks-form-field',
      severity: 'high',
      title: `Request logs store form fields: a marked test password sent in a form appears in ${where} (${line(scan.formLines)})`,
      fix: 'stop logging request bodies, or redact password, token and card fields before they reach the log',
      evidence: `${where}: ${line(scan.formLines)}`,
    });
  }
  return { verdict: findings.length > 0 ? 'no' : 'yes', findings };
}
