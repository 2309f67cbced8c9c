/**
 * `npm run grade` in a student repository: the public checks against exercises/, in this process
 * (it is the student's own code on the student's own machine, so there is nothing to isolate it
 * from; the instructor's grading isolates it). Writes results.json, junit.xml, report.html,
 * summary.md (the CI job summary) and classroom.txt (GitHub Classroom's result lines).
 *
 *   npm run grade -- [folder] [--out reports/local] [--only convolution,filters] [--train-samples N --test-samples N]
 *
 * In the instructor's repository, `--all` grades the hidden checks too and `--sandbox` runs the
 * code in the grader's sandbox (this is how CI can grade with a private copy of the grader).
 */
import path from 'node:path';
import type { ExerciseId } from '../../core/contract.js';
import { EXERCISES, isExerciseId } from '../../exercises/registry.js';
import type { GradeResult } from '../../core/result.js';
import { DEFAULT_CONFIG } from '../../config/defaults.js';
import { resolveConfig } from '../../config/resolve.js';
import { gradeSubmission } from '../../run/grade-submission.js';
import { outputsFor, writeOutputs } from '../../outputs/index.js';
import { formatCheckText } from '../../feedback/format-text.js';

interface Args {
  folder: string;
  out: string;
  only?: ExerciseId[];
  all: boolean;
  sandbox: boolean;
  /** Train and test the CNN on the first n digits only (a quick look; the grade trains on all). */
  trainSamples?: number;
  testSamples?: number;
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
    } else if (a === '--train-samples' || a === '--test-samples') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${a} must be a whole number ≥ 1, got '${argv[i] ?? ''}'`);
      args[a === '--train-samples' ? 'trainSamples' : 'testSamples'] = n;
    } else if (a === '--all') args.all = true;
    else if (a === '--sandbox') args.sandbox = true;
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else args.folder = a;
  }
  return args;
}

export async function studentGrade(args: Args, log: (line: string) => void): Promise<GradeResult> {
  const config = resolveConfig(DEFAULT_CONFIG, { trainSamples: args.trainSamples, testSamples: args.testSamples });
  const result = await gradeSubmission(args.folder, config, {
    only: args.only,
    visibility: args.all ? 'all' : 'public',
    // Your own code on your own machine: nothing to isolate it from, unless --sandbox asks.
    isolation: !args.sandbox ? 'in-process' : config.sandbox.mode === 'none' ? 'auto' : config.sandbox.mode,
    environment: { checks: args.all ? 'all' : 'public' },
    onCheck: (r) => log(r.status === 'passed' ? formatCheckText(r) : formatCheckText(r) + '\n'),
  });
  await writeOutputs(result, args.out, outputsFor('gradescope', ['junit', 'job-summary', 'classroom', 'html']));
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
