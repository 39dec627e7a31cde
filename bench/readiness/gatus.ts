/**
 * Precision and recall of the Gatus import on real configs: every ```yaml block with `endpoints:`
 * in the given Markdown files (and every given YAML file) is imported, and compared with a count
 * made line by line without a YAML parser: endpoints whose `url:` is http(s), and alert types whose
 * provider appears under `alerting:` in the same block.
 */
import { readFileSync } from 'node:fs';
import { importMonitors, MonitorFormatError } from '../../src/stages/readiness/monitors/import.js';

interface Truth {
  http: number;
  channels: number;
}

function blocksOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.md')) return [text];
  return [...text.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => /^endpoints:/m.test(b));
}

/** Line-by-line: `  - name:` items under `endpoints:`, their `url:`, their `- type:` alerts. */
function truthOf(block: string): Truth {
  const providers = new Set<string>();
  let section = '';
  let http = 0;
  let channels = 0;
  let inAlerts = false;
  let current: { url?: string; enabled: boolean; types: string[] } | undefined;
  const close = () => {
    if (current && current.enabled && current.url && /^["']?https?:\/\/[^"'\s/]+/.test(current.url)) {
      http++;
      channels += current.types.filter((t) => providers.has(t) || t === 'custom').length;
    }
    current = undefined;
  };
  const lines = block.split('\n');
  // Providers first: alerting may come after endpoints.
  for (const line of lines) {
    if (/^\S/.test(line)) section = line.replace(/:.*/, '');
    else if (section === 'alerting') {
      const m = /^ {2}([a-z0-9-]+):/.exec(line);
      if (m) providers.add(m[1]!);
    }
  }
  section = '';
  for (const line of lines) {
    if (/^\S/.test(line)) {
      if (section === 'endpoints') close();
      section = line.replace(/:.*/, '');
      continue;
    }
    if (section !== 'endpoints') continue;
    if (/^ {2}- /.test(line)) {
      close();
      current = { enabled: true, types: [] };
      inAlerts = false;
    }
    if (!current) continue;
    const url = /^ {2}[- ] url:\s*(.+?)\s*(#.*)?$/.exec(line);
    if (url) current.url = url[1]!;
    if (/^ {4}enabled:\s*false/.test(line)) current.enabled = false;
    if (/^ {4}alerts:/.test(line)) inAlerts = true;
    else if (/^ {4}\S/.test(line)) inAlerts = false;
    const type = inAlerts ? /^ {6}- type:\s*["']?([a-z0-9-]+)/.exec(line) : null;
    if (type) current.types.push(type[1]!);
  }
  close();
  return { http, channels };
}

let blocks = 0;
let detected = 0;
let truthHttp = 0;
let importedHttp = 0;
let matchedHttp = 0;
let truthChannels = 0;
let importedChannels = 0;
let matchedChannels = 0;
const misses: string[] = [];
for (const file of process.argv.slice(2)) {
  blocksOf(file).forEach((block, i) => {
    blocks++;
    const truth = truthOf(block);
    truthHttp += truth.http;
    truthChannels += truth.channels;
    try {
      const imported = importMonitors(block, `${file}#${i}`);
      detected++;
      const channels = imported.monitors.reduce((n, m) => n + m.channels.length, 0);
      importedHttp += imported.monitors.length;
      importedChannels += channels;
      matchedHttp += Math.min(imported.monitors.length, truth.http);
      matchedChannels += Math.min(channels, truth.channels);
      if (imported.monitors.length !== truth.http || channels !== truth.channels)
        misses.push(`${file}#${i}: endpoints ${imported.monitors.length}/${truth.http}, channels ${channels}/${truth.channels}`);
    } catch (error) {
      misses.push(`${file}#${i}: ${error instanceof MonitorFormatError ? 'not detected' : (error as Error).message}`);
    }
  });
}
const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
console.log(`blocks with endpoints: ${blocks}; detected as Gatus: ${detected} (${pct(detected, blocks)})`);
console.log(
  `HTTP endpoints: line count ${truthHttp}, imported ${importedHttp}: precision ${pct(matchedHttp, importedHttp)}, recall ${pct(matchedHttp, truthHttp)}`,
);
console.log(
  `alert channels: line count ${truthChannels}, imported ${importedChannels}: precision ${pct(matchedChannels, importedChannels)}, recall ${pct(matchedChannels, truthChannels)}`,
);
for (const miss of misses.slice(0, 20)) console.log(`  differs: ${miss}`);
