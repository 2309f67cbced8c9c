import type { Reporter } from './types.js';
import { gradescopeReporter } from './gradescope.js';
import { junitReporter } from './junit.js';

/** The formats `--format` accepts for results.json's place; JUnit is also always written beside it. */
export const REPORTERS = { gradescope: gradescopeReporter, junit: junitReporter } satisfies Record<string, Reporter>;
export type ReporterName = keyof typeof REPORTERS;
