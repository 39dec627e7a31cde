import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

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
}

/**
 * The `git log` that feeds the scan: every ref, patches with no context (added lines only matter),
 * author date and the reaching ref in a header line marked by \x01 so no commit message can fake it.
 * Deleted files are filtered out by git itself since their lines are all removals.
 */
export function historyArgs(extra: string[] = []): string[] {
  return [
    '-c',
    'core.quotePath=false',
    '-c',
    'diff.renames=true',
    'log',
    '-p',
    '-U0',
    '--full-history',
    '--all',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--diff-filter=d',
    '--format=%x01%H %aI %S',
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
    const child = spawn('git', ['-C', options.repo, ...historyArgs(options.extraArgs)], { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
    const parser = new PatchParser(options.maxBlockBytes, onBlock);
    const decoder = new StringDecoder('utf8');
    let stderr = '';
    let failed: unknown;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      parser.stats.bytes += chunk.length;
      try {
        parser.push(decoder.write(chunk));
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
      parser.push(decoder.end());
      parser.end();
      if (code !== 0) return reject(new Error(`git log failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`));
      resolvePromise(parser.stats);
    });
  });
}

/** Incremental parser of `git log -p -U0` output in the {@link historyArgs} format. */
export class PatchParser {
  readonly stats: HistoryStats = { commits: 0, bytes: 0, skippedLargeBlocks: 0 };
  private carry = '';
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
   * Feed the next piece of output. Only the new text is searched for newlines (the carried partial
   * line has none), and a partial line is never kept past the block cap: a 100 MiB one-line file
   * costs one pass over its bytes, not one pass per chunk.
   */
  push(text: string): void {
    let start = 0;
    if (this.skippingLine) {
      const nl = text.indexOf('\n');
      if (nl === -1) return;
      this.skippingLine = false;
      start = nl + 1;
    }
    let nl = text.indexOf('\n', start);
    if (this.carry) {
      if (nl === -1) return this.keep(text.slice(start));
      this.take(this.carry + text.slice(start, nl));
      this.carry = '';
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    for (; nl !== -1; nl = text.indexOf('\n', start)) {
      this.take(text.slice(start, nl));
      start = nl + 1;
    }
    this.keep(text.slice(start));
  }

  /** Removed lines are most of a patch and never scanned: skip them without looking further. */
  private take(line: string): void {
    if (!(line.charCodeAt(0) === 45 /* - */ && !this.inHeader)) this.line(line);
  }

  /** Carry a partial line, unless it already outgrew the block cap: then it is counted as too large and dropped. */
  private keep(rest: string): void {
    if (this.carry.length + rest.length <= this.maxBlockBytes + 1) {
      this.carry += rest;
      return;
    }
    const head = this.carry || rest;
    if (!this.inHeader && this.file !== undefined && head.charCodeAt(0) === 43 /* + */) {
      this.tooLarge = true;
      this.added = [];
      this.lines = [];
    }
    this.carry = '';
    this.skippingLine = true;
  }

  end(): void {
    if (this.carry) this.line(this.carry);
    this.carry = '';
    this.flush();
  }

  private line(line: string): void {
    const first = line.charCodeAt(0);
    if (!this.inHeader && this.file !== undefined) {
      if (first === 43 /* + */) {
        if (this.tooLarge) return;
        this.blockBytes += line.length;
        if (this.blockBytes > this.maxBlockBytes) {
          this.tooLarge = true;
          this.added = [];
          this.lines = [];
          return;
        }
        this.added.push(line.slice(1));
        this.lines.push(this.nextLine++);
        return;
      }
      if (first === 45 /* - */ || first === 92 /* \ */) return;
      if (first === 64 /* @ */ && line.startsWith('@@ ')) {
        this.hunk(line);
        return;
      }
    }
    if (first === 1) {
      this.flush();
      this.file = undefined;
      this.inHeader = false;
      const [commit = '', date = '', ref = ''] = line.slice(1).split(' ');
      this.commit = commit;
      this.date = date;
      this.ref = ref;
      this.stats.commits++;
      return;
    }
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
    } else bytes.push(({ n: 10, t: 9, r: 13, '"': 34, '\\': 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}
