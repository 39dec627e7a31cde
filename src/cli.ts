import { tmpdir } from 'node:os';
import { parseCommandLine } from './core/cli-args.js';
import { buildConfigSchema } from './core/config/schema.js';
import { reasonOf, UsageError } from './core/errors.js';
import { runLaunchReady } from './core/run.js';
import { cancelOnSignals } from './core/signals.js';
import { EXIT } from './core/result.js';
import { VERSION } from './core/version.js';
import { renderReport } from './report/index.js';
import { writeReportFile } from './report/output.js';
import { terminalProgress } from './report/progress.js';
import { STAGES } from './stages/index.js';
import { gitHubAccessOf, readRunnerContext } from './github/context.js';
import { createStageGitHubApi } from './github/stage-api.js';
import { diagnoseCommand } from './diagnose/command.js';
import { handoverCommand } from './handover/command.js';

/** `launch-ready ...`: parse, run, render, exit. Errors are caught once, here. */
async function main(argv: readonly string[]): Promise<number> {
  // Commands that run no stage: their flags and logic live in src/diagnose and src/handover.
  const io = { cwd: process.cwd(), stages: STAGES, version: VERSION, stdout: (text: string) => void process.stdout.write(text) };
  if (argv[0] === 'diagnose') return diagnoseCommand(argv.slice(1), io);
  if (argv[0] === 'handover') return handoverCommand(argv.slice(1), { ...io, env: process.env });
  const parsed = parseCommandLine(argv, STAGES, process.cwd());
  if (parsed.kind === 'help') return print(`${parsed.text}\n`, EXIT.pass);
  if (parsed.kind === 'version') return print(`${VERSION}\n`, EXIT.pass);
  if (parsed.kind === 'schema') return print(`${JSON.stringify(buildConfigSchema(STAGES, VERSION), null, 2)}\n`, EXIT.pass);

  const { request } = parsed;
  // First Ctrl-C (or SIGTERM) asks the stages to stop and still reports; a second one exits at once.
  const signal = cancelOnSignals();
  if (request.command === 'demo') {
    // Loaded on demand: the demo's DNS server and CA stay out of the action bundles' start-up.
    const { runDemo } = await import('./demo/index.js');
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    return runDemo({ request, stages: STAGES, version: VERSION, signal, color, write: (text) => process.stdout.write(text) });
  }
  const progress = terminalProgress(process.stderr);
  // As gh does: GH_TOKEN or GITHUB_TOKEN, and GITHUB_REPOSITORY (set in Actions), for env `from: github`.
  const github = gitHubAccessOf(readRunnerContext(process.env, tmpdir()), process.env.GH_TOKEN || process.env.GITHUB_TOKEN);
  const outcome = await runLaunchReady(request, {
    stages: STAGES,
    version: VERSION,
    env: process.env,
    progress: progress.report,
    signal,
    ...(github ? { githubApi: createStageGitHubApi(github) } : {}),
  });
  progress.clear();
  const color = !request.output && request.format === 'text' && process.stdout.isTTY && !process.env.NO_COLOR;
  const report = renderReport(outcome.result, request.format, { secrets: outcome.secrets, color });
  if (request.output) {
    writeReportFile(request.cwd, request.output, report);
    if (request.format !== 'text') process.stdout.write(renderReport(outcome.result, 'text', { secrets: outcome.secrets }));
  } else {
    process.stdout.write(report);
  }
  return outcome.exitCode;
}

function print(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}

// `launch-ready ... | head` closes the pipe early: stop quietly, as other CLIs do, not with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // The report is out: exit even if a stopped stage (past its maxMinutes) still holds a socket open.
    process.stdout.write('', () => process.exit(code));
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`launch-ready: ${error.message}\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`launch-ready: internal error: ${reasonOf(error)}\n`);
      process.exitCode = EXIT.error;
    }
  },
);
