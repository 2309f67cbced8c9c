/**
 * `npm run grade` in a student repository: the public checks against exercises/, in this process
 * (it is the student's own code on the student's own machine, so there is nothing to isolate it
 * from; the instructor's grading isolates it). Writes results.json, junit.xml, report.html,
 * summary.md (the CI job summary) and classroom.txt (GitHub Classroom's result lines).
 *
 *   npm run grade -- [folder] [--out reports/local] [--only convolution,filters]
 *
 * In the instructor's repository, `--all` grades the hidden checks too and `--sandbox` runs the
 * code in the grader's sandbox (this is how CI can grade with a private copy of the grader).
 */
import path from 'node:path';
import { EXERCISES, isExerciseId, type ExerciseId } from '../../core/contract.js';
import type { Submission } from '../../core/submission.js';
import { selectChecks } from '../../checks/index.js';
import { DEFAULT_CONFIG } from '../../config/defaults.js';
import { ALL_MISTAKES } from '../../mistakes/index.js';
import { REFERENCE } from '../../run/reference.js';
import { gradeSubmission } from '../../run/grade-submission.js';
import type { GradeResult } from '../../core/result.js';
import { inProcessSubmission } from '../../run/in-process-submission.js';
import { loadInProcess } from '../../run/load-in-process.js';
import { writeAtomic } from '../../run/write-atomic.js';
import { outputsFor } from '../../outputs/index.js';
import type { Output } from '../../outputs/output.js';
import { collectPictures } from '../../outputs/html/pictures.js';
import { formatCheckText } from '../../feedback/format-text.js';

interface Args {
  folder: string;
  out: string;
  only?: ExerciseId[];
  all: boolean;
  sandbox: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { folder: 'exercises', out: path.join('reports', 'local'), all: false, sandbox: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = argv[++i];
    else if (a === '--only') {
      const ids = (argv[++i] ?? '').split(',').filter(Boolean);
      const bad = ids.filter((s) => !isExerciseId(s));
      if (bad.length) throw new Error(`--only: unknown exercise ${bad.join(', ')}; choose from ${EXERCISES.join(', ')}`);
      args.only = ids as ExerciseId[];
    } else if (a === '--all') args.all = true;
    else if (a === '--sandbox') args.sandbox = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.folder = a;
  }
  return args;
}

async function open(folder: string, sandbox: boolean, only?: ExerciseId[]): Promise<Submission> {
  if (!sandbox) return inProcessSubmission(path.basename(folder), await loadInProcess(folder, only));
  // Not in a student release (the sandbox is not shipped): a computed path keeps it out of the release's files.
  const sandboxModule = '../../sandbox/' + 'index.js';
  const { openSandboxedSubmission, DEFAULT_SANDBOX_OPTIONS } = await import(sandboxModule);
  return openSandboxedSubmission(folder, { ...DEFAULT_SANDBOX_OPTIONS, ...DEFAULT_CONFIG.sandbox, mode: DEFAULT_CONFIG.sandbox.mode === 'none' ? 'auto' : DEFAULT_CONFIG.sandbox.mode, label: path.basename(folder) });
}

export async function studentGrade(args: Args, log: (line: string) => void): Promise<GradeResult> {
  const folder = path.resolve(args.folder);
  const checks = selectChecks(DEFAULT_CONFIG, { only: args.only, visibility: args.all ? 'all' : 'public' });
  const submission = await open(folder, args.sandbox, args.only);
  let result: GradeResult;
  try {
    result = await gradeSubmission(submission, checks, {
      config: DEFAULT_CONFIG,
      reference: REFERENCE,
      mistakes: ALL_MISTAKES,
      environment: { sandbox: args.sandbox ? 'sandbox' : 'none (in-process: your own code on your own machine)', checks: args.all ? 'all' : 'public' },
      onCheck: (r) => log(r.verdict.status === 'passed' ? formatCheckText(r) : formatCheckText(r) + '\n'),
    });
    try {
      result.pictures = await collectPictures(submission, REFERENCE);
    } catch {
      /* the report is drawn without pictures */
    }
  } finally {
    await submission.close();
  }
  const outputs: Output[] = outputsFor('gradescope', ['junit', 'job-summary', 'classroom', 'html']);
  for (const output of outputs) writeAtomic(path.join(args.out, output.fileName), await output.render(result));
  return result;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('student-grade.ts')) {
  const log = (line: string) => process.stdout.write(line + '\n');
  try {
    const args = parseArgs(process.argv.slice(2));
    const result = await studentGrade(args, log);
    log('');
    for (const e of result.exercises) log(`${e.exercise.padEnd(14)} ${String(e.score).padStart(6)} / ${e.maxScore}`);
    log(`${'Total'.padEnd(14)} ${String(result.score).padStart(6)} / ${result.maxScore}   (${args.all ? 'all' : 'public'} checks; the hidden checks count too in your grade)`);
    log(`Report: ${path.join(args.out, 'report.html')}`);
  } catch (e) {
    process.stderr.write(`grade: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
