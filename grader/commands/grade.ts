import path from 'node:path';
import type { ExerciseId } from '../core/contract.js';
import type { GradeResult } from '../core/result.js';
import type { GraderConfig } from '../config/types.js';
import { gradeSubmission } from '../run/grade-submission.js';
import { outputsFor, writeOutputs, type OutputName } from '../outputs/index.js';
import { formatCheckText } from '../feedback/format-text.js';

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

/** `grade <folder>`: grades it (gradeSubmission) and writes the chosen results file, junit.xml and report.html. */
export async function gradeCommand(o: GradeCommandOptions): Promise<{ result: GradeResult; outDir: string }> {
  const result = await gradeSubmission(o.submission, o.config, {
    only: o.only,
    visibility: o.visibility,
    log: o.log,
    onCheck: (r) => o.log?.(formatCheckText(r).split('\n')[0]),
  });
  const outDir = path.resolve(o.out ?? path.join('reports', path.basename(path.resolve(o.submission))));
  await writeOutputs(result, outDir, outputsFor(o.format));
  return { result, outDir };
}
