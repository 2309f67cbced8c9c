/**
 * `npm run grade` in a student repository: the public checks against exercises/, in this process
 * (it is the student's own code on the student's own machine, so there is nothing to isolate it
 * from; the instructor's grading isolates it). Writes results.json, junit.xml, report.html,
 * summary.md (the CI job summary) and classroom.txt (GitHub Classroom's result lines).
 *
 *   npm run grade -- [folder] [--out reports/local] [--only <exercises>]
 *
 * In the instructor's repository, `--all` grades the hidden checks too and `--sandbox` runs the
 * code in the grader's sandbox (this is how CI can grade with a private copy of the grader).
 */
import path from 'node:path';
import type { ExerciseId } from '../../core/contract.js';
import { EXERCISE_MODULES, EXERCISES, isExerciseId } from '../../exercises/registry.js';
import type { GradeResult } from '../../core/result.js';
import type { GraderConfig } from '../../config/types.js';
import { loadGraderConfig } from '../../run/load-config.js';
import { describeFailure, UserError } from '../../core/user-error.js';
import { gradeSubmission } from '../../run/grade-submission.js';
import { outputsFor, writeOutputs } from '../../outputs/index.js';
import { formatCheckText } from '../../feedback/format-text.js';
import { pointsTable } from '../../feedback/points-table.js';

/** Options for an exercise that trains a network (a homework without one has no use for them). */
const TRAINING_OPTIONS = `  --train-samples <n>, --test-samples <n>
                   train and test the CNN on the first n digits only (a quick look; your grade trains on all)
`;

const USAGE = `npm run grade -- [folder] [--out <folder>] [--only <exercises>] [--all] [--sandbox]

  folder           the submission to grade (default exercises)
  --out <folder>   where results.json, junit.xml and report.html go (default reports/local)
  --only <list>    comma-separated exercises (${EXERCISES.join(', ')})
  --all            the hidden checks too (the instructor's repository only)
  --sandbox        run the code in the grader's sandbox instead of this process
${EXERCISE_MODULES.some((m) => m.trains) ? TRAINING_OPTIONS : ''}  --help           this text`;

interface Args {
  folder: string;
  out: string;
  only?: ExerciseId[];
  all: boolean;
  sandbox: boolean;
  help: boolean;
  trainSamples?: number;
  testSamples?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { folder: 'exercises', out: path.join('reports', 'local'), all: false, sandbox: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') args.out = argv[++i];
    else if (a === '--only') {
      const ids = (argv[++i] ?? '').split(',').filter(Boolean);
      const bad = ids.filter((s) => !isExerciseId(s));
      if (bad.length) throw new UserError('E_USAGE', `--only: unknown exercise ${bad.join(', ')}; choose from ${EXERCISES.join(', ')}`);
      args.only = ids as ExerciseId[];
    } else if (a === '--train-samples' || a === '--test-samples') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) throw new UserError('E_USAGE', `${a} must be a whole number ≥ 1, got '${argv[i] ?? ''}'`);
      args[a === '--train-samples' ? 'trainSamples' : 'testSamples'] = n;
    } else if (a === '--all') args.all = true;
    else if (a === '--sandbox') args.sandbox = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a.startsWith('-')) throw new UserError('E_USAGE', `unknown option ${a} (npm run grade -- --help lists them)`);
    else args.folder = a;
  }
  return args;
}

export async function studentGrade(args: Args, log: (line: string) => void, config: GraderConfig): Promise<GradeResult> {
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
    if (args.help) log(USAGE);
    else {
      const result = await studentGrade(args, log, await loadGraderConfig(undefined, { trainSamples: args.trainSamples, testSamples: args.testSamples }));
      log('');
      for (const line of pointsTable(result.exercises, `${args.all ? 'all' : 'public'} checks; the hidden checks count too in your grade`)) log(line);
      log(`Report: ${path.join(args.out, 'report.html')}`);
    }
  } catch (e) {
    const failure = describeFailure(e);
    process.stderr.write(`grade: ${failure.text}\n`);
    process.exitCode = failure.exitCode;
  }
}
