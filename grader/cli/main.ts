/**
 * The grader's command line. Each command only wires options and lazy-loads the function that
 * does the work; one error boundary sets the exit code.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { ExerciseId } from '../core/contract.js';
import { EXERCISES, isExerciseId } from '../exercises/registry.js';
import { loadGraderConfig } from '../run/load-config.js';
import type { GraderConfig } from '../config/types.js';
import { describeFailure, UserError } from '../core/user-error.js';
import { OUTPUTS, type OutputName } from '../outputs/index.js';

function gradingOptions<T>(y: Argv<T>) {
  return y
    .option('only', { type: 'string', describe: `comma-separated exercises to grade (${EXERCISES.join(', ')})` })
    .option('homework', { type: 'string', describe: "grade a homework of the config (homeworks: { hw1: ['convolution', …] } in grader.config.ts)" })
    .option('seed', { type: 'number', describe: 'seed of the property tests and of training (recorded in results.json)' })
    .option('sandbox', { choices: ['auto', 'bwrap', 'node', 'none'] as const, describe: 'how student code is isolated' })
    .option('backend', { choices: ['auto', 'node', 'wasm', 'cpu'] as const, describe: 'TensorFlow.js backend for training' })
    .option('format', { choices: Object.keys(OUTPUTS) as OutputName[], default: 'gradescope' as OutputName, describe: 'format of the results file' })
    .option('public-only', { type: 'boolean', default: false, describe: 'grade only the public checks (a student\u2019s local score)' })
    .option('train-samples', { type: 'number', describe: 'train on a subset of MNIST (quick runs)' })
    .option('test-samples', { type: 'number', describe: 'evaluate on a subset of MNIST (quick runs)' })
    .option('config', { type: 'string', describe: 'instructor config file (default ./grader.config.ts if present)' });
}

/** A bad option or argument: one line, exit code 2. */
const usage = (message: string) => new UserError('E_USAGE', message);

function parseOnly(only: string | undefined): ExerciseId[] | undefined {
  if (!only) return undefined;
  const ids = only.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ids.filter((s) => !isExerciseId(s));
  if (bad.length) throw usage(`--only: unknown exercise ${bad.map((b) => `'${b}'`).join(', ')}; choose from ${EXERCISES.join(', ')}`);
  return ids as ExerciseId[];
}

/** `--only` or `--homework`, checked against the config's homeworks. */
async function selection(a: { only?: string; homework?: string }, config: GraderConfig) {
  const { selectExercises } = await import('../run/homework.js');
  return selectExercises(config, { only: parseOnly(a.only), homework: a.homework });
}

/** Before any work: the asked-for sandbox mode and tfjs backend exist here (else MachineLacks, one line). */
async function machineHas(config: GraderConfig): Promise<void> {
  const { chooseSandbox } = await import('../sandbox/index.js');
  await chooseSandbox(config.sandbox.mode);
  if (config.training.backend === 'node') await (await import('../ml/backend.js')).initBackend('node');
}

const log = (line: string) => process.stderr.write(line + '\n');

async function main(argv: string[]): Promise<number> {
  await yargs(argv)
    .scriptName('grader')
    .command(
      ['$0 <submission>', 'grade <submission>'],
      'grade one submission folder',
      (y) => gradingOptions(y).positional('submission', { type: 'string', demandOption: true }).option('out', { type: 'string', describe: 'output folder (default reports/<folder name>)' }),
      async (a) => {
        const { gradeCommand } = await import('../commands/grade.js');
        const config = await loadGraderConfig(a.config, { seed: a.seed, sandbox: a.sandbox, backend: a.backend, trainSamples: a['train-samples'], testSamples: a['test-samples'] });
        await machineHas(config);
        const chosen = await selection(a, config);
        const { result, outDir } = await gradeCommand({
          submission: a.submission,
          out: a.out,
          only: a.only || a.homework ? chosen.exercises : undefined,
          format: a.format,
          config,
          visibility: a['public-only'] ? 'public' : 'all',
          log,
        });
        for (const e of result.exercises) log(`${e.exercise.padEnd(14)} ${e.score}/${e.maxScore}`);
        log(`Total: ${result.score}/${result.maxScore} in ${result.seconds.toFixed(1)} s. Reports in ${outDir}`);
      },
    )
    .command(
      'batch <dir>',
      "grade a whole class: an LMS's export (Canvas, Gradescope, Moodle, GitHub Classroom; folder or .zip) or a folder of submission folders and .zips",
      (y) =>
        gradingOptions(y)
          .positional('dir', { type: 'string', demandOption: true })
          .option('out', { type: 'string', describe: 'output folder (default reports/<folder name>)' })
          .option('jobs', { type: 'number', describe: 'submissions graded at once (default: the number of cores)' })
          .option('force', { type: 'boolean', default: false, describe: 'regrade submissions already graded' })
          .option('retry-errors', { type: 'boolean', default: false, describe: 'regrade submissions whose last run ended in an error' })
          .option('shard', { type: 'string', describe: 'grade shard k of n (k/n), or auto (auto/N): the task of a GitHub Actions matrix, Kubernetes Indexed Job or Slurm array; join with `merge`' })
          .option('roster', { type: 'string', describe: "the LMS's roster or gradebook export (Canvas gradebook CSV, Moodle grading worksheet, Gradescope or GitHub Classroom roster): writes the LMS's gradebook and unmatched.csv" })
          .option('assignment', { type: 'string', describe: 'the gradebook column to fill (Canvas: "Name (id)", its name or its id)' })
          .option('timeout', { type: 'number', describe: 'wall-clock limit per submission, in seconds' }),
      async (a) => {
        const { batchCommand } = await import('../commands/batch.js');
        const { parseShard } = await import('../batch/shard.js');
        const config = await loadGraderConfig(a.config, { seed: a.seed, sandbox: a.sandbox, backend: a.backend, trainSamples: a['train-samples'], testSamples: a['test-samples'] });
        await machineHas(config);
        if (a.jobs !== undefined && !(Number.isInteger(a.jobs) && a.jobs >= 1)) throw usage(`--jobs must be a whole number ≥ 1, got ${a.jobs}`);
        if (a.timeout !== undefined && !(a.timeout > 0)) throw usage(`--timeout must be a positive number of seconds, got ${a.timeout}`);
        let shard;
        try {
          shard = a.shard === undefined ? undefined : parseShard(a.shard);
        } catch (e) {
          throw usage((e as Error).message);
        }
        const { BatchStopped } = await import('../batch/stop-on-signal.js');
        if (a.assignment !== undefined && a.roster === undefined) throw usage('--assignment names a column of the roster: give --roster too');
        await batchCommand({
          roster: a.roster === undefined ? undefined : { roster: a.roster, assignment: a.assignment },
          dir: a.dir,
          out: a.out,
          jobs: a.jobs,
          force: a.force,
          retryErrors: a['retry-errors'],
          shard,
          timeoutMs: a.timeout === undefined ? undefined : a.timeout * 1000,
          only: parseOnly(a.only),
          selection: await selection(a, config),
          format: a.format,
          config,
          visibility: a['public-only'] ? 'public' : 'all',
          log,
        }).catch((e: unknown) => {
          // Stopped by a signal: how far it got and how to go on, exit code 128 + the signal.
          if (!(e instanceof BatchStopped)) throw e;
          log(`grader: ${e.message}`);
          process.exit(e.exitCode); // the workers are gone and the lock released: nothing left to wait for
        });
      },
    )
    .command(
      'merge <dirs..>',
      'join the outputs of several batches (e.g. CI shards) into one gradebook and summary',
      (y) =>
        y
          .positional('dirs', { type: 'string', array: true, demandOption: true })
          .option('out', { type: 'string', describe: 'output folder (default reports/merged)' })
          .option('roster', { type: 'string', describe: "the LMS's roster or gradebook export: writes the LMS's gradebook and unmatched.csv" })
          .option('assignment', { type: 'string', describe: 'the gradebook column to fill (Canvas: "Name (id)", its name or its id)' }),
      async (a) => {
        const { mergeCommand } = await import('../commands/merge.js');
        if (a.assignment !== undefined && a.roster === undefined) throw usage('--assignment names a column of the roster: give --roster too');
        const roster = a.roster === undefined ? undefined : { roster: a.roster, assignment: a.assignment };
        await mergeCommand({ dirs: a.dirs as string[], out: a.out, roster, log });
      },
    )
    .command(
      'release [out]',
      'write the student starter repository (public checks only), or with --gradescope the private Gradescope autograder zip',
      (y) =>
        y
          .positional('out', { type: 'string', describe: 'folder for the student repository' })
          .option('config', { type: 'string', describe: 'instructor config file (default ./grader.config.ts if present)' })
          .option('homework', { type: 'string', describe: 'release only this homework of the config: its exercises, stubs and checks' })
          .option('gradescope', { type: 'string', describe: 'also write the Gradescope autograder zip (hidden checks included) to this file' })
          .option('prairielearn', { type: 'string', describe: 'also write the PrairieLearn grader image folder (Dockerfile, entrypoint; hidden checks included) here' })
          .option('force', { type: 'boolean', default: false, describe: 'replace a previous release even if it holds files this release does not write (they are deleted)' }),
      async (a) => {
        const { releaseCommand } = await import('../release/command.js');
        await releaseCommand({ out: a.out, gradescope: a.gradescope, prairielearn: a.prairielearn, configFile: a.config, homework: a.homework, force: a.force, log });
      },
    )
    .strict()
    .help()
    .fail((msg, err) => {
      throw err ?? usage(msg);
    })
    .parseAsync();
  return 0;
}

main(hideBin(process.argv)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    // A user's error or what this machine lacks: one line, exit 2; a fault of the grader: its stack.
    const failure = describeFailure(e);
    log(`grader: ${failure.text}`);
    process.exitCode = failure.exitCode;
  },
);
