/**
 * The one intake of a submission, as students make them, for every front end that grades
 * uploads (the `grade` command, the batch worker, Gradescope, PrairieLearn): the files at the
 * top, in a folder, in a repository (`cnn-exercises-main/exercises/*.ts`) or in a .zip; exercise
 * files renamed by a browser or an LMS (`convolution (1).ts`, `Filters.ts`, `cnn.ts.txt`) taken
 * under their exercise's name, the newest copy winning; every other file listed with the reason
 * it was not graded. The upload itself is never written to.
 */
import { cpSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ExerciseId } from '../core/contract.js';
import { EXERCISES } from '../exercises/registry.js';
import type { Intake } from '../core/result.js';
import { UserError } from '../core/user-error.js';
import { assertSubmissionFolder } from '../core/cannot-grade.js';
import { unzipSafely } from './unzip.js';
import { exerciseFileName, SOURCE_EXTENSIONS, type ExerciseFileName } from './exercise-file-name.js';
import { IGNORED_FOLDERS, locateExercises } from './locate-exercises.js';

/** A submission as it arrives: a folder (its .zip files are opened too), a .zip, or loose files of an export. */
export type SubmissionInput = { kind: 'folder'; path: string } | { kind: 'zip'; path: string } | { kind: 'files'; files: readonly { name: string; path: string }[] };

export interface PreparedSubmission {
  /** The folder to grade: the submission itself when nothing had to change, else a copy in the scratch folder. */
  folder: string;
  /** How many exercises have a file. */
  found: number;
  intake: Intake;
}

export interface PrepareOptions {
  /** The graded folder's name (results are labelled by it). */
  label: string;
  /** Always grade a copy, never the submission in place. */
  copy?: boolean;
}

/**
 * Prepares `input` for grading in `scratch` (a folder the caller removes afterwards). A
 * submission with no exercise file is refused (UserError E_NO_EXERCISE_FILE) with what it holds,
 * a missing folder (CannotGrade) and a bad zip (ZipError) too.
 */
export async function prepareSubmission(input: SubmissionInput, scratch: string, options: PrepareOptions): Promise<PreparedSubmission> {
  const roots = await openRoots(input, scratch);
  const best = roots
    .map((r) => ({ ...r, located: locateExercises(r.dir) }))
    .map((r) => ({ ...r, files: exerciseFilesIn(r.located) }))
    .reduce((a, b) => (found(b.files) > found(a.files) ? b : a));
  const everything = roots.flatMap((r) => listFiles(r.dir).map((f) => ({ shown: path.join(r.shownAs, f), full: path.join(r.dir, f) })));
  if (found(best.files) === 0) throw new UserError('E_NO_EXERCISE_FILE', `${noExerciseFileMessage()} It holds: ${describe(everything.map((f) => f.shown))}.`);

  const winners = chooseNewest(best.files);
  const chosen = new Set(winners.map((w) => w.full));
  const relative = (full: string) => everything.find((f) => f.full === full)?.shown ?? path.basename(full);
  const renamed = winners.filter((w) => w.name !== w.match.canonical).map((w) => ({ file: relative(w.full), as: w.match.canonical }));
  const skipped = everything
    .filter((f) => !chosen.has(f.full))
    .map((f) => ({ file: f.shown, why: whySkipped(f.full, best.located, winners) }));
  const intake: Intake = { from: path.relative(best.dir, best.located) || '.', renamed, skipped };

  const inPlace = !options.copy && input.kind === 'folder' && best.located === best.dir && best.dir === path.resolve(input.path) && renamed.length === 0 && winners.length === best.files.length;
  if (inPlace) return { folder: best.located, found: winners.length, intake };
  const folder = path.join(scratch, 'named', options.label);
  cpSync(best.located, folder, { recursive: true, verbatimSymlinks: true, filter: (src) => !IGNORED_FOLDERS.has(path.basename(src)) });
  // The losing copies go first, so that a winner can take their name.
  for (const f of best.files) if (!chosen.has(f.full)) rmSync(path.join(folder, f.name), { force: true });
  for (const w of winners) if (w.name !== w.match.canonical) renameSync(path.join(folder, w.name), path.join(folder, w.match.canonical));
  return { folder, found: winners.length, intake };
}

/** What to tell a student whose upload has no exercise file. */
function noExerciseFileMessage(): string {
  return `No exercise file was found in your upload. Upload ${EXERCISES.map((e) => `${e}.ts`).join(', ')} ` +
    '(some or all of them): the files themselves, a folder holding them, or a zip of your repository with its exercises/ folder.';
}

interface Root {
  dir: string;
  /** How its files are named to the student: `.` for the upload, `hw.zip` for what a zip held. */
  shownAs: string;
}

/** The folders to search: the submission (unpacked or gathered into `scratch` if need be) and each .zip at its top, unpacked. */
async function openRoots(input: SubmissionInput, scratch: string): Promise<Root[]> {
  let dir: string;
  if (input.kind === 'folder') {
    dir = path.resolve(input.path);
    assertSubmissionFolder(dir);
  }  else if (input.kind === 'zip') {
    dir = path.join(scratch, 'unzipped');
    await unzipSafely(input.path, dir);
  } else {
    dir = path.join(scratch, 'files');
    for (const f of input.files) {
      mkdirSync(path.dirname(path.join(dir, f.name)), { recursive: true });
      cpSync(f.path, path.join(dir, f.name), { dereference: false, force: true, preserveTimestamps: true });
    }
  }
  const roots: Root[] = [{ dir, shownAs: '' }];
  for (const name of readdirSync(dir).filter((n) => /\.zip$/i.test(n) && statSync(path.join(dir, n)).isFile())) {
    const unzipped = path.join(scratch, `zip-${roots.length}`);
    await unzipSafely(path.join(dir, name), unzipped);
    roots.push({ dir: unzipped, shownAs: name });
  }
  return roots;
}

interface FoundFile {
  name: string;
  full: string;
  match: ExerciseFileName;
  mtimeMs: number;
}

function exerciseFilesIn(dir: string): FoundFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const match = e.isFile() || e.isSymbolicLink() ? exerciseFileName(e.name) : undefined;
    const full = path.join(dir, e.name);
    return match ? [{ name: e.name, full, match, mtimeMs: lstatSync(full).mtimeMs }] : [];
  });
}

function found(files: readonly FoundFile[]): number {
  return new Set(files.map((f) => f.match.exercise)).size;
}

/** One file per exercise: the newest; on a tie the later copy, then .ts before .js before .mjs. */
function chooseNewest(files: readonly FoundFile[]): FoundFile[] {
  const byExercise = new Map<ExerciseId, FoundFile>();
  const rank = (f: FoundFile) => SOURCE_EXTENSIONS.indexOf(path.extname(f.match.canonical) as (typeof SOURCE_EXTENSIONS)[number]);
  for (const f of files) {
    const held = byExercise.get(f.match.exercise);
    const better = !held || f.mtimeMs > held.mtimeMs || (f.mtimeMs === held.mtimeMs && (f.match.copy > held.match.copy || (f.match.copy === held.match.copy && rank(f) < rank(held))));
    if (better) byExercise.set(f.match.exercise, f);
  }
  return EXERCISES.flatMap((e) => byExercise.get(e) ?? []);
}

function whySkipped(full: string, located: string, winners: readonly FoundFile[]): string {
  const match = exerciseFileName(path.basename(full));
  if (!match) return 'not an exercise file';
  const winner = winners.find((w) => w.match.exercise === match.exercise);
  if (!winner) return `an exercise file outside ${path.basename(located)}/, where the others are`;
  return path.dirname(full) === located ? `an older copy of ${match.exercise} (${path.basename(winner.full)} is graded)` : `another copy of ${match.exercise}, outside the folder graded`;
}

/** Every file under `dir`, relative to it, but for the folders and dot-files tools add and the .zip files opened as roots. */
function listFiles(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && !IGNORED_FOLDERS.has(e.name) && !(under === '' && e.isFile() && /\.zip$/i.test(e.name)))
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.join(under, e.name)) : [path.join(under, e.name)]))
    .sort();
}

function describe(files: readonly string[]): string {
  if (files.length === 0) return 'nothing';
  return files.slice(0, 8).join(', ') + (files.length > 8 ? `, … (${files.length} files in all)` : '');
}
