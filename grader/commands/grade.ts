import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExerciseId } from '../core/contract.js';
import type { GradeResult } from '../core/result.js';
import type { GraderConfig } from '../config/types.js';
import { prepareSubmission } from '../intake/prepare-submission.js';
import { gradeSubmission } from '../run/grade-submission.js';
import { outputsFor, writeOutputs, type OutputName } from '../outputs/index.js';
import { formatCheckLine } from '../feedback/format-text.js';
import { intakeLines } from '../feedback/format-intake.js';
import { openOutputFolder } from '../core/folders.js';

export { CannotGrade } from '../run/grade-submission.js';

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

/**
 * `grade <folder>`: takes the folder through the intake (renamed exercise files, a zip or a
 * repository inside; none at all is refused), grades it (gradeSubmission) and writes the chosen
 * results file, junit.xml and report.html.
 */
export async function gradeCommand(o: GradeCommandOptions): Promise<{ result: GradeResult; outDir: string }> {
  const label = path.basename(path.resolve(o.submission));
  // Before the grading: a --out that cannot take files fails now, not after it.
  const outDir = openOutputFolder(o.out ?? path.join('reports', label), '--out');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'grader-grade-'));
  try {
    const { folder, intake } = await prepareSubmission({ kind: 'folder', path: o.submission }, scratch, { label });
    for (const line of intakeLines(intake)) o.log?.(line);
    const graded = await gradeSubmission(folder, o.config, {
      only: o.only,
      visibility: o.visibility,
      label,
      log: o.log,
      onCheck: (r) => o.log?.(formatCheckLine(r)),
    });
    const result = { ...graded, intake };
    await writeOutputs(result, outDir, outputsFor(o.format));
    return { result, outDir };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
