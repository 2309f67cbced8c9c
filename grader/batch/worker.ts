/**
 * A batch worker: a child process of the grader (trusted: it runs the grader's code, and the
 * sandbox underneath it runs the student's) that grades the submissions the batch sends it, one
 * at a time. A crash or hang here costs one submission: the batch kills this process, records an
 * error row and starts another worker. It exits as soon as the batch goes away.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeAtomic } from '../core/write-atomic.js';
import { isUserError } from '../core/user-error.js';
import { prepareSubmission, type SubmissionInput } from '../intake/prepare-submission.js';
import { fingerprintFolder } from './similarity/fingerprint.js';
import { FINGERPRINTS, recordFromResult } from './record.js';
import type { FromWorker, GradeJob, ToWorker } from './worker-protocol.js';

const send = (m: FromWorker) => process.send?.(m);

process.on('disconnect', () => process.exit(0));
process.on('message', (m: ToWorker) => {
  if (m?.type !== 'job') return;
  grade(m.job).then(send, (e: unknown) => {
    // A submission that cannot be graded (a bad zip, no exercise file): its one line is the
    // gradebook's error. Anything else is a fault of the grader: reported with its stack.
    const error = isUserError(e) ? e.message : `internal error in the grader: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
    send({ type: 'failed', id: m.job.id, error });
  });
});
send({ type: 'ready' });

async function grade(job: GradeJob): Promise<FromWorker> {
  const { gradeSubmission } = await import('../run/grade-submission.js');
  const { outputsFor, writeOutputs } = await import('../outputs/index.js');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'grader-batch-'));
  try {
    // The folder to grade is named after the student: the grader labels a submission by its folder's name.
    const { folder, intake } = await prepareSubmission(input(job), scratch, { label: job.source.student });
    writeAtomic(path.join(job.outDir, FINGERPRINTS), JSON.stringify(fingerprintFolder(folder)));
    const result = { ...(await gradeSubmission(folder, job.config, { only: job.only, visibility: job.visibility, label: job.source.student })), intake };
    await writeOutputs(result, job.outDir, outputsFor(job.format));
    const record = recordFromResult(result, { student: job.source.student, source: { kind: job.source.kind, name: path.basename(job.source.path), sha256: job.sha256 }, settings: job.settings, identities: job.source.identities });
    return { type: 'done', id: job.id, record };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function input(job: GradeJob): SubmissionInput {
  const { source } = job;
  if (source.kind === 'files') return { kind: 'files', files: source.files ?? [] };
  if (source.kind === 'zip') return { kind: 'zip', path: source.path };
  return { kind: 'folder', path: source.path };
}
