import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GradeResult } from '../core/result.js';
import { isUserError } from '../core/user-error.js';
import { readImageConfig } from './image-config.js';
import { prepareSubmission } from '../intake/prepare-submission.js';
import { gradeSubmission } from '../run/grade-submission.js';
import type { LmsOutput } from '../outputs/output.js';
import { formatCheckLine } from '../feedback/format-text.js';
import { intakeLines } from '../feedback/format-intake.js';

/** The grader's own folder: an LMS starts the entry point from anywhere. */
export const GRADER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface GradedUpload {
  /** The results file, always: the grade, or the format's "could not grade" result. */
  text: string;
  /** Undefined when nothing could be graded. */
  result?: GradeResult;
}

/**
 * Grades an LMS upload with every check (the instructor's grader: hidden checks included; only the
 * homework's exercises in an image built for one homework), in the sandbox the machine offers,
 * with the config the image was released with (./image-config.ts), and renders `output` in
 * memory. The upload goes through the one intake (grader/intake/); a copy is graded in a
 * temporary folder that is removed afterwards. A user's error (no exercise file, a bad zip) is
 * logged in one line; a fault of the grader with its stack (the log is the instructor's).
 */
export async function gradeUpload(upload: string, output: LmsOutput, log: (line: string) => void, logChecks = true): Promise<GradedUpload> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'upload-'));
  try {
    process.chdir(GRADER_ROOT); // the grader's own folder, wherever the LMS starts it
    const { config, exercises } = readImageConfig(GRADER_ROOT);
    const { folder, found, intake } = await prepareSubmission({ kind: 'folder', path: upload }, work, { label: 'submission', copy: true });
    log(`Exercise files found: ${found}, in ${intake.from}`);
    for (const line of intakeLines(intake)) log(line);
    const graded = await gradeSubmission(folder, config, { visibility: 'all', only: exercises, log: logChecks ? log : undefined, onCheck: logChecks ? (r) => log(formatCheckLine(r)) : undefined });
    const result = { ...graded, intake };
    return { text: await output.render(result), result };
  } catch (e) {
    if (isUserError(e)) {
      log(`could not grade: ${e.message.split('\n')[0]}`);
      return { text: output.cannotGrade(e.message, 'submission') };
    }
    log(`grader failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return { text: output.cannotGrade(firstLine(e), 'grader') };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** An error's first line: what a student may read about a grader failure. */
function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 500);
}
