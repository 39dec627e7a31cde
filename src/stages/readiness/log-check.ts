/** The log-hygiene check end to end: send the marked sample request, read the log, scan it. */
import { resolve } from 'node:path';
import type { FindingInput } from '../../core/findings.js';
import type { StageContext, StagePartError } from '../../core/stage.js';
import type { ReadinessOptions } from './config.js';
import { commandLines, readFrom, send, sizeOf, type EdgeContext } from './edges.js';
import { logFindings, newLogMarkers, sampleRequest, scanLog, type LogScan, type LogVerdict } from './logs.js';
import { homepageOf } from './targets.js';

export interface LogCheck {
  verdict: LogVerdict;
  findings: FindingInput[];
  detail: string;
  note?: string;
  error?: StagePartError;
}

const POLL_MS = 100;

export async function checkLogs(ctx: StageContext<ReadinessOptions>, options: ReadinessOptions, edge: EdgeContext): Promise<LogCheck> {
  const logs = options.logs;
  if (!logs) {
    const result = logFindings(undefined, undefined);
    return { ...result, detail: 'no log source configured' };
  }
  const probeUrl = options.logProbeUrl ?? options.loginUrl ?? homepageOf(options, { criticalPaths: ctx.criticalPaths ?? [] });
  if (!probeUrl)
    return {
      verdict: 'not checked',
      findings: [],
      detail: 'no URL to send the sample request to',
      note: 'Log hygiene: set readiness.logProbeUrl (or loginUrl) so the marked sample request has somewhere to go.',
    };
  const markers = newLogMarkers();
  const where = logs.file ?? `the output of "${logs.command}"`;
  const file = logs.file ? resolve(ctx.baseDir, logs.file) : undefined;
  const offset = file ? sizeOf(file) : 0;
  const answer = await send(edge, sampleRequest(probeUrl, markers));
  if ('error' in answer) {
    return {
      verdict: 'not checked',
      findings: [],
      detail: `sample request failed: ${answer.error}`,
      note: `Log hygiene not checked: the sample request to ${probeUrl} failed (${answer.error}).`,
    };
  }
  const deadline = Date.now() + logs.waitSeconds * 1000;
  let scan: LogScan;
  for (let round = 0; ; round++) {
    let lines: string[];
    if (file) {
      lines = readFrom(file, offset).split(/\r?\n/);
    } else {
      const out = await commandLines(edge, logs.command!, ctx.baseDir, logs.passEnv, ctx.env);
      if (out.error)
        return {
          verdict: 'not checked',
          findings: [],
          detail: out.error,
          error: {
            part: 'logs.command',
            message: out.error,
            fix: 'make readiness.logs.command print the request log (and pass the variables it needs with logs.passEnv)',
          },
        };
      lines = out.lines;
    }
    scan = scanLog(lines, markers);
    // Bounded: stop once the request shows up, the wait is over, or after 50 rounds.
    if (scan.sawRequest || Date.now() >= deadline || round >= 50 || ctx.signal.aborted) break;
    await sleep(file ? POLL_MS : 500);
  }
  // Synthetic, but never printed either: every output is scrubbed of them. Registered only now,
  // after the scan, because the process runner redacts registered values from the lines it hands back.
  ctx.secrets.add(markers.header);
  ctx.secrets.add(markers.formField);
  const result = logFindings(scan, where);
  return {
    ...result,
    detail:
      result.verdict === 'yes'
        ? `the marked header and form field are not in ${where}`
        : result.verdict === 'no'
          ? `a marked secret is in ${where}`
          : `the sample request is not in ${where}`,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
