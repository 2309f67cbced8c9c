import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ExerciseId } from '../core/contract.js';
import type { GraderConfig } from '../config/types.js';
import { selectChecks } from '../checks/index.js';
import { ALL_MISTAKES } from '../mistakes/index.js';
import { REFERENCE } from '../run/reference.js';
import { gradeSubmission } from '../run/grade-submission.js';
import type { GradeResult } from '../core/result.js';
import { writeAtomic } from '../run/write-atomic.js';
import { outputsFor, type OutputName } from '../outputs/index.js';
import { formatCheckText } from '../feedback/format-text.js';
import { openSandboxedSubmission, DEFAULT_SANDBOX_OPTIONS, sandboxEnvironment } from '../sandbox/index.js';
import { collectPictures } from '../outputs/html/pictures.js';

export interface GradeCommandOptions {
  submission: string;
  out?: string;
  only?: ExerciseId[];
  format: OutputName;
  config: GraderConfig;
  /** 'public' grades only the checks students can see (their local score). */
  visibility: 'public' | 'all';
  /** Print each check as it finishes. */
  log?: (line: string) => void;
}

/** A submission the grader could not even start on: a missing folder, a file instead. */
export class CannotGrade extends Error {}

/** Grades one submission folder and writes results.json, junit.xml and report.html. */
export async function gradeCommand(o: GradeCommandOptions): Promise<{ result: GradeResult; outDir: string }> {
  const dir = path.resolve(o.submission);
  if (!existsSync(dir)) throw new CannotGrade(`the submission folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new CannotGrade(`${dir} is not a folder (a .zip is graded with 'batch')`);
  const outDir = path.resolve(o.out ?? path.join('reports', path.basename(dir)));
  const checks = selectChecks(o.config, { only: o.only, visibility: o.visibility });
  const submission = await openSandboxedSubmission(dir, { ...DEFAULT_SANDBOX_OPTIONS, ...o.config.sandbox, label: path.basename(dir) });
  o.log?.(`Grading ${dir} (sandbox: ${submission.sandbox.mode})`);
  const environment: Record<string, string> = sandboxEnvironment(submission.sandbox);
  if (checks.some((c) => c.exercise === 'cnn')) {
    const { initBackend } = await import('../ml/backend.js');
    const backend = await initBackend(o.config.training.backend);
    environment.backend = `${backend.name} (${backend.detail})`;
    o.log?.(`TensorFlow.js backend: ${environment.backend}`);
  }
  let result: GradeResult;
  try {
    result = await gradeSubmission(submission, checks, {
      config: o.config,
      reference: REFERENCE,
      mistakes: ALL_MISTAKES,
      environment,
      onCheck: (r) => o.log?.(formatCheckText(r).split('\n')[0]),
    });
    // Pictures ask the live submission, so they come before close().
    const pictured = result.exercises.map((e) => e.exercise).filter((e) => e === 'filters' || e === 'augment');
    if (pictured.length > 0) result.pictures = await collectPictures(submission, REFERENCE, { exercises: pictured });
  } finally {
    await submission.close();
  }
  for (const output of outputsFor(o.format)) {
    writeAtomic(path.join(outDir, output.fileName), await output.render(result));
  }
  return { result, outDir };
}
