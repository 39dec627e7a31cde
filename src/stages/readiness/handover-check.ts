/**
 * HANDOVER.md: the document the next person reads at 3 a.m. It must exist, have the sections
 * `launch-ready handover` writes, and name every configured hostname and monitor (one that is
 * missing means the document is older than the config).
 */
import type { FindingInput } from '../../core/findings.js';

/** The sections, in order, with the words a heading may use for each. */
export const HANDOVER_SECTIONS: readonly { title: string; words: RegExp }[] = [
  { title: 'Domain map', words: /domain|dns|hostname/i },
  { title: 'Credentials', words: /credential|secret|where .*live/i },
  { title: 'Deploy', words: /deploy|release/i },
  { title: 'Rollback', words: /roll\s*back/i },
  { title: 'Monitors', words: /monitor|alert|uptime/i },
  { title: 'Emergency contacts', words: /contact|on[- ]call|escalat/i },
];

/** `## Domain map` and `Domain map\n====` headings of a Markdown text. */
export function headingsOf(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) out.push(atx[1]!);
    else if (i > 0 && /^\s*(=+|-+)\s*$/.test(line) && lines[i - 1]!.trim()) out.push(lines[i - 1]!.trim());
  });
  return out;
}

/** What the document must mention: the configured hostnames and monitors. */
export interface HandoverExpectations {
  hostnames: string[];
  /** Monitor URLs (or names) expected in the monitors section. */
  monitors: { name: string; url: string }[];
}

/** Findings for the handover document; `text` undefined means the file does not exist. */
export function handoverFindings(file: string, text: string | undefined, expected: HandoverExpectations): FindingInput[] {
  const location = { file };
  if (text === undefined) {
    return [
      {
        ruleId: 'handover-missing',
        severity: 'medium',
        title: `There is no ${file}: the next person on call has to reverse-engineer where things live`,
        fix: `run launch-ready handover to write ${file} from the config and the last results, fill in what it marks TODO, and commit it`,
        location,
      },
    ];
  }
  const findings: FindingInput[] = [];
  const headings = headingsOf(text);
  const missing = HANDOVER_SECTIONS.filter((s) => !headings.some((h) => s.words.test(h))).map((s) => s.title);
  if (missing.length > 0) {
    findings.push({
      ruleId: 'handover-section-missing',
      severity: 'low',
      title: `${file} has no section on ${missing.join(', ')}`,
      fix: `add a heading for each (launch-ready handover writes them all: ${HANDOVER_SECTIONS.map((s) => s.title).join(', ')})`,
      location,
    });
  }
  const lower = text.toLowerCase();
  for (const host of expected.hostnames) {
    if (lower.includes(host.toLowerCase())) continue;
    findings.push({
      ruleId: 'handover-stale',
      severity: 'low',
      title: `${file} does not mention ${host}: it is older than the config's domains`,
      fix: `add ${host} to the domain map (or run launch-ready handover again)`,
      location: { file, host },
    });
  }
  for (const monitor of expected.monitors) {
    if (lower.includes(monitor.url.toLowerCase()) || lower.includes(monitor.url.toLowerCase().replace(/\/$/, ''))) continue;
    findings.push({
      ruleId: 'handover-stale',
      severity: 'low',
      title: `${file} does not list the monitor of ${monitor.url}: it is older than the config's monitors`,
      fix: 'add it with its owner to the monitors section (or run launch-ready handover again)',
      location: { file, url: monitor.url },
    });
  }
  return findings;
}
