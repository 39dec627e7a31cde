import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The lines one commit added to one file, with each line's number in that commit's version. */
export interface AddedBlock {
  commit: string;
  /** Author date, ISO 8601. */
  date: string;
  /** The ref through which `git log --all` reached the commit (`refs/heads/feature`). */
  ref: string;
  file: string;
  text: string;
  /** `lines[i]` is the file line number of the i-th line of `text`. */
  lines: number[];
}

export interface HistoryStats {
  commits: number;
  bytes: number;
  skippedLargeBlocks: number;
}

export interface HistoryOptions {
  repo: string;
  /** Added text of one file in one commit beyond this is skipped (and counted): a vendored blob. */
  maxBlockBytes: number;
  signal?: AbortSignal;
  /** Extra `git log` arguments (tests, `--since`). */
  extraArgs?: string[];
  /**
   * Only these commits, in this order (one share of a split scan), instead of every ref. git reads
   * them from stdin, so a share of 100,000 commits needs no long command line.
   */
  commits?: readonly string[];
}

/**
 * Files whose history is not diffed: lockfiles, images, fonts and office or binary files, the paths
 * gitleaks' default config never scans. Marked `-diff`, git prints "Binary files differ" for them
 * without reading either version, and a lockfile's churn is a large part of a JavaScript
 * project's patch stream (about 40% of git's CPU on vuejs/core). Their current versions are still
 * scanned with the working tree, so a credential in today's lockfile is found.
 */
export const UNDIFFED_HISTORY_PATTERNS = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'deno.lock',
  'bun.lock',
  'bun.lockb',
  'Pipfile.lock',
  'poetry.lock',
  'go.sum',
  'gradle.lockfile',
  ...['bmp', 'gif', 'jpg', 'jpeg', 'png', 'svg', 'tif', 'tiff', 'ico', 'webp', 'eot', 'ttf', 'otf', 'woff', 'woff2', 'pdf', 'doc', 'docx', 'xls', 'xlsx'].map(
    (ext) => `*.${ext}`,
  ),
];

/**
 * Write a git attributes file marking {@link UNDIFFED_HISTORY_PATTERNS} `-diff` in a private
 * folder of its own. Never a shared, predictable path: a command the gate runs (the env probe runs
 * beside this scan) could otherwise plant `* -diff` there and hide the whole history.
 */
export function writeUndiffedAttributes(): { file: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lr-history-'));
  const file = join(dir, 'attributes');
  writeFileSync(file, UNDIFFED_HISTORY_PATTERNS.map((pattern) => `${pattern} -diff\n`).join(''), { mode: 0o600 });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The `git log` that feeds the scan: every ref, patches with no context (added lines only matter),
 * author date and the reaching ref in a header line marked by \x01 so no commit message can fake it.
 * Deleted files are filtered out by git itself since their lines are all removals. The repository's
 * own `.gitattributes` wins over the built-in `-diff` list (a team can ask for its lockfile's history).
 */
export function historyArgs(attributesFile: string, extra: string[] = [], revisions: readonly string[] = ['--all']): string[] {
  // Listed commits have no reaching ref (%S would repeat the hash): the caller knows it from the list.
  const format = revisions.includes('--stdin') ? '--format=%x01%H %aI' : '--format=%x01%H %aI %S';
  return [
    '-c',
    'core.quotePath=false',
    '-c',
    'diff.renames=true',
    '-c',
    `core.attributesFile=${attributesFile}`,
    'log',
    '-p',
    '-U0',
    '--full-history',
    ...revisions,
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--diff-filter=d',
    format,
    ...extra,
  ];
}

/**
 * Stream `git log -p` and hand each (commit, file) block of added lines to `onBlock` as soon as it
 * is complete. git computes diffs in its own process while this one scans: two cores busy, and
 * memory bounded by one block, never the whole history.
 */
export function streamHistory(options: HistoryOptions, onBlock: (block: AddedBlock) => void): Promise<HistoryStats> {
  return new Promise((resolvePromise, reject) => {
    const revisions = options.commits ? ['--no-walk=unsorted', '--stdin'] : ['--all'];
    const attributes = writeUndiffedAttributes();
    const child = spawn('git', ['-C', options.repo, ...historyArgs(attributes.file, options.extraArgs, revisions)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: options.signal,
    });
    child.on('close', attributes.remove);
    child.stdin.on('error', () => undefined); // git exiting early is reported by its exit code
    child.stdin.end(options.commits ? options.commits.join('\n') + '\n' : '');
    const parser = new PatchParser(options.maxBlockBytes, onBlock);
    let stderr = '';
    let failed: unknown;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      parser.stats.bytes += chunk.length;
      try {
        parser.push(chunk);
      } catch (error) {
        failed = error;
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (failed) return reject(failed);
      parser.end();
      if (code !== 0) return reject(new Error(`git log failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`));
      resolvePromise(parser.stats);
    });
  });
}

/**
 * Incremental parser of `git log -p -U0` output in the {@link historyArgs} format. It works on
 * bytes: removed lines are most of a patch and are skipped by their first byte without ever being
 * decoded; only added lines and the few header lines become strings. A line is decoded whole, so a
 * UTF-8 character split across two chunks is never mangled.
 */
export class PatchParser {
  readonly stats: HistoryStats = { commits: 0, bytes: 0, skippedLargeBlocks: 0 };
  /** The start of a line that continues in the next chunk. */
  private carry: Buffer | undefined;
  private commit = '';
  private date = '';
  private ref = '';
  private file: string | undefined;
  private inHeader = false;
  private nextLine = 0;
  private added: string[] = [];
  private lines: number[] = [];
  private blockBytes = 0;
  private tooLarge = false;
  /** Inside a line longer than any block may be: its rest is dropped up to the next newline. */
  private skippingLine = false;

  constructor(
    private readonly maxBlockBytes: number,
    private readonly onBlock: (block: AddedBlock) => void,
  ) {}

  /**
   * Feed the next piece of output (bytes as git wrote them; a string is taken as UTF-8). Only the
   * new bytes are searched for newlines, and a partial line is never kept past the block cap: a
   * 100 MiB one-line file costs one pass over its bytes, not one pass per chunk.
   */
  push(input: Buffer | string): void {
    const chunk = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
    let start = 0;
    if (this.skippingLine) {
      const nl = chunk.indexOf(10);
      if (nl === -1) return;
      this.skippingLine = false;
      start = nl + 1;
    }
    let nl = chunk.indexOf(10, start);
    if (this.carry) {
      if (nl === -1) return this.keep(chunk, start);
      const line = Buffer.concat([this.carry, chunk.subarray(start, nl)]);
      this.carry = undefined;
      this.take(line, 0, line.length);
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    for (; nl !== -1; nl = chunk.indexOf(10, start)) {
      this.take(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk, start);
  }

  /** Carry a partial line, unless it already outgrew the block cap: then it is counted as too large and dropped. */
  private keep(chunk: Buffer, start: number): void {
    const rest = chunk.subarray(start);
    const carried = this.carry?.length ?? 0;
    if (carried + rest.length <= this.maxBlockBytes + 1) {
      // A copy: the chunk itself is not held past this call.
      this.carry = this.carry ? Buffer.concat([this.carry, rest]) : Buffer.from(rest);
      return;
    }
    const first = carried > 0 ? this.carry![0] : rest[0];
    if (!this.inHeader && this.file !== undefined && first === 43 /* + */) {
      this.tooLarge = true;
      this.added = [];
      this.lines = [];
    }
    this.carry = undefined;
    this.skippingLine = true;
  }

  end(): void {
    if (this.carry) this.take(this.carry, 0, this.carry.length);
    this.carry = undefined;
    this.flush();
  }

  /** One line: `bytes[start, end)`, without its newline. */
  private take(bytes: Buffer, start: number, end: number): void {
    const first = start < end ? bytes[start]! : -1;
    if (!this.inHeader && this.file !== undefined) {
      if (first === 43 /* + */) return this.addLine(bytes, start, end);
      if (first === 45 /* - */ || first === 92 /* \ */) return;
      if (first === 64 /* @ */ && end - start > 3 && bytes[start + 1] === 64 && bytes[start + 2] === 32) return this.hunk(bytes.toString('latin1', start, end));
    } else if (first === 45 && !this.inHeader) return;
    if (first === 1) return this.startCommit(bytes.toString('utf8', start + 1, end));
    const line = bytes.toString('utf8', start, Math.min(end, start + 4096));
    if (line.startsWith('diff --git ')) {
      this.flush();
      this.file = undefined;
      this.inHeader = true;
      return;
    }
    if (!this.inHeader) return;
    if (line.startsWith('+++ ')) {
      // git ends an unquoted name holding a space with a TAB, so the name's end is unambiguous.
      const target = line.slice(4).replace(/\t$/, '');
      this.file = target === '/dev/null' ? undefined : unquote(target).replace(/^b\//, '');
      return;
    }
    if (line.startsWith('@@ ') && this.file !== undefined) {
      this.inHeader = false;
      this.hunk(line);
    }
  }

  private addLine(bytes: Buffer, start: number, end: number): void {
    if (this.tooLarge) return;
    this.blockBytes += end - start;
    if (this.blockBytes > this.maxBlockBytes) {
      this.tooLarge = true;
      this.added = [];
      this.lines = [];
      return;
    }
    this.added.push(bytes.toString('utf8', start + 1, end));
    this.lines.push(this.nextLine++);
  }

  private startCommit(header: string): void {
    this.flush();
    this.file = undefined;
    this.inHeader = false;
    const [commit = '', date = '', ref = ''] = header.split(' ');
    this.commit = commit;
    this.date = date;
    this.ref = ref;
    this.stats.commits++;
  }

  private hunk(line: string): void {
    const plus = line.indexOf(' +');
    this.nextLine = Number.parseInt(line.slice(plus + 2), 10) || 1;
  }

  private flush(): void {
    if (this.tooLarge) this.stats.skippedLargeBlocks++;
    else if (this.file !== undefined && this.added.length > 0) {
      this.onBlock({ commit: this.commit, date: this.date, ref: this.ref, file: this.file, text: this.added.join('\n'), lines: this.lines });
    }
    this.added = [];
    this.lines = [];
    this.blockBytes = 0;
    this.tooLarge = false;
  }
}

const C_ESCAPES = new Map([
  ['n', 10],
  ['t', 9],
  ['r', 13],
  ['"', 34],
  ['\\', 92],
]);

/** git quotes paths with unusual bytes as C strings: `"b/caf\303\251.txt"`. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const body = path.slice(1, -1);
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = body[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(C_ESCAPES.get(next) ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}
