import path from 'node:path';
import type { GradeResult } from '../core/result.js';
import { writeAtomic } from '../core/write-atomic.js';
import type { Output } from './output.js';
import { gradescopeOutput } from './gradescope.js';
import { junitOutput } from './junit.js';
import { classroomOutput } from './classroom.js';
import { prairielearnOutput } from './prairielearn.js';
import { jobSummaryOutput } from './job-summary.js';
import { htmlOutput } from './html.js';

/** Every per-submission output, by name. `--format` picks the results file; junit and html are always written beside it. */
export const OUTPUTS = {
  gradescope: gradescopeOutput,
  junit: junitOutput,
  classroom: classroomOutput,
  prairielearn: prairielearnOutput,
  'job-summary': jobSummaryOutput,
  html: htmlOutput,
} satisfies Record<string, Output>;
export type OutputName = keyof typeof OUTPUTS;

/** The outputs written for one submission: the chosen format, then `always`, each file once. */
export function outputsFor(format: OutputName, always: readonly OutputName[] = ['junit', 'html']): Output[] {
  return [...new Set([format, ...always])].map((n) => OUTPUTS[n]);
}

/** Writes `outputs` of one result into `dir`, each file atomically. */
export async function writeOutputs(result: GradeResult, dir: string, outputs: readonly Output[]): Promise<void> {
  for (const output of outputs) writeAtomic(path.join(dir, output.fileName), await output.render(result));
}
