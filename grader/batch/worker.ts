/**
 * A batch worker: a child process of the grader (trusted: it runs the grader's code, and the
 * sandbox underneath it runs the student's) that grades the submissions the batch sends it, one
 * at a time. A crash or hang here costs one submission: the batch kills this process, records an
 * error row and starts another worker. It exits as soon as the batch goes away.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeAtomic } from '../run/write-atomic.js';
import { EXERCISES } from '../exercises/registry.js';
import { locateExercises, countExerciseFiles } from './locate-exercises.js';
import { unzipSafely, ZipError } from './unzip.js';
import { fingerprintFolder } from './similarity/fingerprint.js';
import { FINGERPRINTS, recordFromResult } from './record.js';
import type { FromWorker, GradeJob, ToWorker } from './worker-protocol.js';

const send = (m: FromWorker) => process.send?.(m);

process.on('disconnect', () => process.exit(0));
process.on('message', (m: ToWorker) => {
  if (m?.type !== 'job') return;
  grade(m.job).then(send, (e: unknown) => {
    // A fault of the grader: report it with its stack, the batch records an error row and goes on.
    send({ type: 'failed', id: m.job.id, error: `internal error in the grader: ${e instanceof Error ? e.stack ?? e.message : String(e)}` });
  });
});
send({ type: 'ready' });

async function grade(job: GradeJob): Promise<FromWorker> {
  const { gradeSubmission, CannotGrade } = await import('../run/grade-submission.js');
  const { outputsFor, writeOutputs } = await import('../outputs/index.js');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'grader-batch-'));
  try {
    let folder: string;
    try {
      folder = await prepare(job, scratch);
    } catch (e) {
      if (e instanceof ZipError || e instanceof NotGradable) return { type: 'failed', id: job.id, error: e.message };
      throw e;
    }
    writeAtomic(path.join(job.outDir, FINGERPRINTS), JSON.stringify(fingerprintFolder(folder)));
    try {
      const result = await gradeSubmission(folder, job.config, { only: job.only, visibility: job.visibility });
      await writeOutputs(result, job.outDir, outputsFor(job.format));
      const record = recordFromResult(result, { student: job.source.student, source: { kind: job.source.kind, name: path.basename(job.source.path), sha256: job.sha256 }, settings: job.settings, identities: job.source.identities });
      return { type: 'done', id: job.id, record };
    } catch (e) {
      if (e instanceof CannotGrade) return { type: 'failed', id: job.id, error: e.message };
      throw e;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The folder to grade, named after the student (the grader labels a submission by its folder's
 * name): the submission itself when its files are at the top, else a copy of the folder that
 * holds them. A zip is unpacked first, safely; so is a zip among an export's loose files (a
 * student who uploaded one to Canvas). A submission with no exercise file anywhere is refused
 * with a message that lists what it holds.
 */
/** A submission that cannot be graded at all (its message is the gradebook's error). */
class NotGradable extends Error {}

async function prepare(job: GradeJob, scratch: string): Promise<string> {
  const { source } = job;
  let root = source.path;
  if (source.kind === 'zip') {
    root = path.join(scratch, 'unzipped');
    await unzipSafely(source.path, root);
  } else if (source.kind === 'files') {
    root = path.join(scratch, 'files');
    for (const f of source.files ?? []) {
      const target = path.join(root, f.name);
      mkdirSync(path.dirname(target), { recursive: true });
      cpSync(f.path, target, { dereference: false, force: true });
    }
    for (const f of source.files ?? []) {
      if (/\.zip$/i.test(f.name)) await unzipSafely(path.join(root, f.name), path.join(root, f.name.replace(/\.zip$/i, '') + '.unzipped'));
    }
  }
  const located = locateExercises(root);
  if (countExerciseFiles(located) === 0) throw new NotGradable(`no exercise file in this submission (expected ${EXERCISES.map((x) => `${x}.ts`).join(', ')}); it holds: ${describeFiles(root)}`);
  if (source.kind === 'folder' && located === root) return root;
  const named = path.join(scratch, 'named', source.student);
  cpSync(located, named, { recursive: true, dereference: false, verbatimSymlinks: true });
  return named;
}

function describeFiles(root: string): string {
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((n) => !n.split(path.sep).some((p) => p.startsWith('.') || p === '__MACOSX'));
  return names.length ? names.slice(0, 8).join(', ') + (names.length > 8 ? `, … (${names.length} in all)` : '') : 'nothing';
}
