import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FindingInput, Location, Occurrence } from '../../../src/core/findings.js';
import type { NetworkOptions, StageOutcome } from '../../../src/core/stage.js';
import { DEFAULT_MAX_FILE_BYTES, parseSecretsOptions } from '../../../src/stages/secrets/config.js';
import { secretsStage } from '../../../src/stages/secrets/index.js';
import { runLaunchReady, type RunOutcome } from '../../../src/core/run.js';
import { stageContext } from '../../helpers/stage-context.js';

/** A real git repository in a temp folder, with helpers to write files and commit at fixed dates. */
export class TempRepo {
  readonly dir: string;
  private tick = 0;

  constructor(init = true) {
    this.dir = mkdtempSync(join(tmpdir(), 'lr-secrets-'));
    if (init) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'user.email', 'dev@example.com');
      this.git('config', 'user.name', 'Dev');
      this.git('config', 'commit.gpgsign', 'false');
    }
  }

  git(...args: string[]): string {
    const date = `2026-01-${String(10 + (this.tick % 18)).padStart(2, '0')}T12:00:00Z`;
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } }).trim();
  }

  write(path: string, content: string | Buffer): this {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return this;
  }

  /** Stage everything and commit; returns the commit id. */
  commit(message: string): string {
    this.tick++;
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Run the stage as the core would, with the section given (defaults as the schema sets them). */
export async function runSecrets(section: Record<string, unknown>, baseDir: string, network: Partial<NetworkOptions> = {}): Promise<StageOutcome> {
  const section_ = { enabled: true, history: true, untracked: false, bundles: [], logs: [], urls: [], maxFileBytes: DEFAULT_MAX_FILE_BYTES, ...section };
  const options = parseSecretsOptions(section_, baseDir);
  return secretsStage.run(stageContext(options, { baseDir, network: { resolvers: [], connectTo: [], ca: [], ...network } }));
}

/** `launch-ready secrets --repo DIR --format json`, run in-process through the whole pipeline (ranking, scrub, reporters). */
export function runSecretsCommand(repoDir: string): Promise<RunOutcome> {
  const request = {
    command: 'secrets' as const,
    stages: ['secrets' as const],
    overrides: [{ path: ['secrets', 'repo'], value: repoDir, source: '--repo' }],
    format: 'json' as const,
    cwd: repoDir,
  };
  return runLaunchReady(request, { stages: [secretsStage], version: '0.0.0-test', env: {} });
}

/** Every place a finding was seen (its occurrences, or its one location), without fingerprints. */
export function placesOf(finding: FindingInput): Location[] {
  const places = finding.occurrences ?? (finding.location ? [finding.location] : []);
  return places.map(({ fingerprint: _fingerprint, ...location }: Occurrence) => location);
}

/** Every place of every finding, each with the finding's secret, for assertions that predate grouping. */
export function allPlaces(outcome: StageOutcome): (Location & { secret?: string })[] {
  return outcome.findings.flatMap((f) => placesOf(f).map((p) => ({ ...p, secret: f.secret })));
}

/** The findings of one rule, for terse assertions. */
export function ofRule(outcome: StageOutcome, ruleId: string): FindingInput[] {
  return outcome.findings.filter((f) => f.ruleId === ruleId);
}
