/**
 * What a health endpoint says, from its answer: `application/health+json` (the IETF draft's
 * `status` and `checks`), and the shapes of Spring Boot Actuator (`components`), ASP.NET Core
 * HealthChecks (`entries`) and plain `{ "database": "ok" }` maps. Pure: facts in, verdict out.
 */
import type { FindingInput } from '../../core/findings.js';

/** One dependency a health answer lists. */
export interface HealthDependency {
  name: string;
  status: string;
  /** False when the status means it is down (`fail`, `error`, `DOWN`, `Unhealthy`, `false`). */
  ok: boolean;
  output?: string;
}

/** The health answer as read. */
export interface HealthReport {
  url: string;
  /** The HTTP status, or undefined when there was no answer. */
  httpStatus?: number;
  error?: string;
  contentType?: string;
  /** What the body is: a health document, JSON without a status, HTML, plain text, empty. */
  kind: 'health' | 'json' | 'html' | 'text' | 'empty' | 'none';
  /** The top-level status the body gives, as written. */
  status?: string;
  /** True when the top-level status means healthy. */
  statusOk?: boolean;
  dependencies: HealthDependency[];
  /** For HTML: the page title, else the first words; for text: the first line. */
  sample?: string;
}

const FAILING = new Set(['fail', 'failed', 'failure', 'error', 'down', 'unhealthy', 'out_of_service', 'critical', 'ko', 'false', 'unavailable', 'red']);
const PASSING = new Set(['pass', 'passed', 'ok', 'up', 'healthy', 'true', 'green', 'available', 'success']);

/** True/false for a status word, undefined for warn/degraded/unknown. */
export function statusMeansOk(status: unknown): boolean | undefined {
  if (typeof status === 'boolean') return status;
  if (typeof status !== 'string') return undefined;
  const word = status.trim().toLowerCase().replace(/[\s-]/g, '_');
  if (FAILING.has(word)) return false;
  if (PASSING.has(word)) return true;
  return undefined;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Read an answer (status, content type, body text) into a {@link HealthReport}. */
export function readHealthAnswer(url: string, answer: { status: number; contentType?: string; body: string } | { error: string }): HealthReport {
  if ('error' in answer) return { url, error: answer.error, kind: 'none', dependencies: [] };
  const report: HealthReport = { url, httpStatus: answer.status, kind: 'empty', dependencies: [] };
  if (answer.contentType) report.contentType = answer.contentType;
  const body = answer.body.trim();
  if (body === '') return report;
  if (/html/i.test(answer.contentType ?? '') || /^<(!doctype|html|head|body)/i.test(body)) {
    return { ...report, kind: 'html', sample: htmlSample(body) };
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ...report, kind: 'text', sample: body.split('\n')[0]!.slice(0, 80) };
  }
  if (!isObject(data)) return { ...report, kind: 'json' };
  report.dependencies = dependenciesOf(data);
  if (data.status !== undefined) {
    report.kind = 'health';
    report.status = String(data.status);
    const ok = statusMeansOk(data.status);
    if (ok !== undefined) report.statusOk = ok;
  } else {
    report.kind = report.dependencies.length > 0 ? 'health' : 'json';
  }
  return report;
}

/** Dependencies from `checks` (IETF), `components`/`details` (Spring), `entries` (ASP.NET), `dependencies`, or a flat status map. */
export function dependenciesOf(data: Json): HealthDependency[] {
  const out: HealthDependency[] = [];
  const add = (name: string, status: unknown, output?: unknown) => {
    const ok = statusMeansOk(status);
    const dependency: HealthDependency = { name, status: String(status), ok: ok !== false };
    if (typeof output === 'string' && output.trim()) dependency.output = output.trim().slice(0, 120);
    out.push(dependency);
  };
  const checks = data.checks ?? data.details ?? data.components ?? data.entries ?? data.dependencies;
  if (isObject(checks)) {
    for (const [name, value] of Object.entries(checks)) {
      // IETF: each key holds a list of component results (one per node).
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (isObject(item)) add(name, item.status ?? item.healthy, item.output ?? item.description ?? item.error);
        else add(name, item);
      }
    }
    return out;
  }
  if (Array.isArray(checks)) {
    for (const item of checks)
      if (isObject(item)) add(String(item.name ?? item.componentId ?? 'dependency'), item.status ?? item.healthy, item.output ?? item.error);
    return out;
  }
  for (const [name, value] of Object.entries(data)) {
    if (name === 'status') continue;
    if (statusMeansOk(value) !== undefined && (typeof value === 'boolean' || typeof value === 'string')) add(name, value);
    else if (isObject(value) && value.status !== undefined && statusMeansOk(value.status) !== undefined) add(name, value.status, value.error ?? value.output);
  }
  return out;
}

function htmlSample(body: string): string {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  if (title) return `an HTML page titled "${title.slice(0, 60)}"`;
  const words = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return words ? `an HTML page starting "${words}"` : 'an HTML page';
}

/** The dependencies a report names as down. */
export function failingDependencies(report: HealthReport): HealthDependency[] {
  return report.dependencies.filter((d) => !d.ok);
}

/** Findings about the health endpoint itself. */
export function healthFindings(report: HealthReport): FindingInput[] {
  const location = { url: report.url };
  if (report.kind === 'none') {
    return [
      {
        ruleId: 'health-down',
        severity: 'high',
        title: `The health endpoint does not answer: ${report.error}`,
        fix: 'make the health endpoint answer (it is what the monitors and the load balancer ask)',
        location,
      },
    ];
  }
  const status = report.httpStatus ?? 0;
  const down = failingDependencies(report);
  const names = down.map((d) => `${d.name} (${d.status})`).join(', ');
  if (down.length > 0 && status >= 200 && status < 300) {
    return [
      {
        ruleId: 'health-200-while-failing',
        severity: 'high',
        title: `The health endpoint answers ${status} while it lists ${names} as down: a monitor that checks the status sees nothing wrong`,
        fix: 'answer 503 when a required dependency fails (and status "fail" in application/health+json), so monitors and load balancers notice',
        location,
        evidence: `HTTP ${status}, status ${report.status ?? 'none'}; down: ${names}`,
      },
    ];
  }
  if (down.length > 0) {
    return [
      {
        ruleId: 'health-dependency-down',
        severity: 'high',
        title: `The health endpoint reports ${names} down (HTTP ${status})`,
        fix: `restore ${down.map((d) => d.name).join(', ')} before launch, or take it off the health check if the app works without it`,
        location,
      },
    ];
  }
  if (status >= 400) {
    const what = status === 404 ? 'answers 404: there is no health endpoint at this URL' : `answers ${status}`;
    return [
      {
        ruleId: status >= 500 ? 'health-down' : 'health-missing',
        severity: status >= 500 ? 'high' : 'medium',
        title: `The health endpoint ${what}`,
        fix: 'serve a health endpoint that answers 200 with application/health+json and its dependencies, and set readiness.healthUrl to it',
        location,
      },
    ];
  }
  if (report.kind === 'html') {
    return [
      {
        ruleId: 'health-html',
        severity: 'medium',
        title: `The health endpoint answers ${report.sample} instead of a health status (${report.contentType ?? 'no content type'})`,
        fix: 'point readiness.healthUrl at the real health route, or make it answer application/health+json; an HTML page (often the SPA fallback or a login page) says nothing about the app',
        location,
        evidence: `HTTP ${status}, ${report.contentType ?? 'no content type'}`,
      },
    ];
  }
  if (report.statusOk === false) {
    return [
      {
        ruleId: 'health-200-while-failing',
        severity: 'high',
        title: `The health endpoint answers ${status} with status "${report.status}"`,
        fix: 'answer 503 when the service is failing, so monitors that check the status notice',
        location,
      },
    ];
  }
  if (report.kind !== 'health' || report.dependencies.length === 0) {
    const said =
      report.kind === 'text'
        ? `plain text ("${report.sample}")`
        : report.kind === 'empty'
          ? 'an empty body'
          : report.kind === 'json'
            ? 'JSON without a status'
            : 'a status but no dependencies';
    return [
      {
        ruleId: 'health-unhelpful',
        severity: 'low',
        title: `The health endpoint answers ${said}: it cannot tell a database outage from a healthy app`,
        fix: 'list the dependencies (database, queue, payment provider) with their status, as application/health+json "checks"',
        location,
      },
    ];
  }
  return [];
}
