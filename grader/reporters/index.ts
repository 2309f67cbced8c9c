import type { Reporter } from './types.js';
import { gradescopeReporter } from './gradescope.js';
import { junitReporter } from './junit.js';
import { classroomReporter } from './classroom.js';
import { prairielearnReporter } from './prairielearn.js';
import { jobSummaryReporter } from './job-summary.js';

/** The formats `--format` accepts for results.json's place; JUnit is also always written beside it. */
export const REPORTERS = {
  gradescope: gradescopeReporter,
  junit: junitReporter,
  classroom: classroomReporter,
  prairielearn: prairielearnReporter,
  'job-summary': jobSummaryReporter,
} satisfies Record<string, Reporter>;
export type ReporterName = keyof typeof REPORTERS;
