/**
 * The studio's child process: it runs the student's code, exactly as `npm test` does (in-process
 * in a Node process of its own, against the same reference: solutions/ here, the recorded answers
 * in a student release), so the studio's server never runs it. The server kills this process when
 * a check outlives its time limit (an infinite loop) or a newer save makes the run pointless.
 *
 * It imports the grader first and says 'ready'; the student's files are imported when a 'grade'
 * message arrives, afresh for each save (fresh-import.ts), so one child serves save after save; a
 * newer 'grade' abandons the run going on at its next check.
 */
import path from 'node:path';
import type { ExerciseId } from '../core/contract.js';
import { EXERCISES, PICTURE_OPERATIONS, RUNTIMES, checksOf, exerciseModule } from '../exercises/registry.js';
import type { Submission } from '../core/submission.js';
import type { GraderConfig } from '../config/types.js';
import { studioChecks } from './studio-config.js';
import type { Check } from '../checks/types.js';
import type { ExerciseResult } from '../core/result.js';
import { infoOf } from '../run/run-check.js';
import { REFERENCE } from '../exercises/reference.js';
import type { Reference } from '../core/reference.js';
import { gradeSubmission } from '../run/grade-submission.js';
import { inProcessSubmission } from '../run/in-process-submission.js';
import { loadInProcess, type Modules } from '../run/load-in-process.js';
import { collectPictures, NoReferencePicture } from '../outputs/html/pictures.js';
import type { FromChild, ToChild } from './protocol.js';
import { freshUrl } from './fresh-import.js';

const send = (m: FromChild) => process.send?.(m);

interface Opened {
  modules: Modules;
  /** Why a file could not be imported (a syntax error, a throw at the top level), by exercise. */
  broken: Map<ExerciseId, string>;
  /** The same modules as a Submission, for the pictures, the model summary and the gradients. */
  submission: Submission;
}

/** The folder's exercise files as they are at save `version`, each imported on its own so that one broken file costs only its exercise. */
async function open(folder: string, version: number): Promise<Opened> {
  const modules: Modules = {};
  const broken = new Map<ExerciseId, string>();
  for (const exercise of EXERCISES) {
    try {
      Object.assign(modules, await loadInProcess(folder, [exercise], (file) => freshUrl(file, version)));
    } catch (e) {
      broken.set(exercise, `${path.basename(folder)}/${exercise}.ts could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { modules, broken, submission: inProcessSubmission(path.basename(folder), modules, RUNTIMES) };
}

/** The files of the latest save asked for, imported once per save. */
let opened: { version: number; files: Promise<Opened> } | undefined;
function files(folder: string, version: number): Promise<Opened> {
  if (opened?.version !== version) opened = { version, files: open(folder, version) };
  return opened.files;
}

/** An exercise whose file does not load: each of its checks errs with the reason (as npm test's would). */
function unloadable(exercise: ExerciseId, checks: readonly Check[], why: string): ExerciseResult {
  return {
    exercise,
    score: 0,
    maxScore: checks.reduce((s, c) => s + c.points, 0),
    checks: checks.map((c) => ({ check: infoOf(c), status: 'errored', verdict: { status: 'errored', message: why }, score: 0, seconds: 0 })),
  };
}

async function grade({ run, folder, order, config }: { run: number; folder: string; order: ExerciseId[]; config: GraderConfig }, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  send({ type: 'started', run });
  const { modules, broken, submission } = await files(folder, run);
  const checks = studioChecks(config);
  const announce = (exercise: ExerciseId, checkId: string) => send({ type: 'check-start', run, exercise, checkId });
  for (const exercise of order) {
    const own = checks.filter((c) => c.exercise === exercise);
    if (own.length === 0) continue;
    signal.throwIfAborted();
    announce(exercise, own[0].id);
    const why = broken.get(exercise);
    if (why) {
      send({ type: 'exercise', run, result: unloadable(exercise, own, why) });
      continue;
    }
    // The one pipeline, as npm test runs it: in-process, the same reference and mistakes.
    const result = await gradeSubmission(folder, config, {
      isolation: 'in-process',
      modules,
      checks: own,
      label: path.basename(folder),
      signal,
      // gradeSubmission says when a check ends; the next one in `own` is the one starting.
      onCheck: (r) => {
        const next = own[own.findIndex((c) => c.id === r.check.id) + 1];
        if (next) announce(exercise, next.id);
      },
    });
    const extras = (await exerciseModule(exercise).studio?.(submission, config, { reference: REFERENCE, checksOf })) ?? {};
    send({ type: 'exercise', run, result: result.exercises[0], pictures: result.pictures, ...extras });
  }
  send({ type: 'graded', run });
}

/**
 * The reference, except that a call a student release has no recorded answer for (your own
 * picture, a slider setting off the recorded grid) says so in words instead of blaming grader/.
 */
function explainedReference(): Reference {
  const wrap = (module: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(module).map(([name, f]) => [
        name,
        typeof f !== 'function'
          ? f
          : (...args: unknown[]) => {
              try {
                return f(...args);
              } catch (e) {
                if (e instanceof Error && e.name === 'UnrecordedCall') throw new NoReferencePicture('this student release holds the reference’s answers for the built-in pictures and settings only');
                throw e;
              }
            },
      ]),
    );
  return Object.fromEntries(Object.entries(REFERENCE).map(([id, module]) => [id, wrap(module as Record<string, unknown>)])) as unknown as Reference;
}

/** The run going on, abandoned when the next save's 'grade' arrives; runs follow each other. */
let running: AbortController | undefined;
let runs = Promise.resolve();

process.on('message', async (m: ToChild) => {
  if (m.type === 'grade') {
    running?.abort();
    const controller = (running = new AbortController());
    // An abandoned run ends quietly; a fault of the grader crashes the child, which the studio reports.
    runs = runs.then(() =>
      grade(m, controller.signal).catch((e) => {
        if (!controller.signal.aborted) setImmediate(() => { throw e; });
      }),
    );
  } else if (m.type === 'pictures') {
    const { submission } = await files(m.folder, m.version);
    // The budget is this process's CPU time (the student's code runs in it): a busy machine slows it, never cuts it.
    const cpuStart = process.cpuUsage();
    const spentMs = () => {
      const { user, system } = process.cpuUsage(cpuStart);
      return (user + system) / 1000;
    };
    const pictures = await collectPictures(submission, explainedReference(), { operations: PICTURE_OPERATIONS, samples: m.samples, budgetMs: 4000, spentMs });
    send({ type: 'pictures', id: m.id, pictures });
  }
});
send({ type: 'ready' });
