import type { LmsOutput } from './output.js';
import type { GradeResult } from '../core/result.js';
import { formatCheckText } from '../feedback/format-text.js';
import { intakeLines } from '../feedback/format-intake.js';

/** Gradescope's results.json: https://gradescope-autograders.readthedocs.io/en/latest/specs/ */
export interface GradescopeResults {
  score: number;
  max_score: number;
  execution_time: number;
  output: string;
  output_format: 'text';
  stdout_visibility: 'hidden';
  tests: {
    name: string;
    number: string;
    score: number;
    max_score: number;
    status: 'passed' | 'failed';
    output: string;
    output_format: 'text';
    visibility: 'visible' | 'after_published';
    tags: string[];
  }[];
  extra_data: { submission: string; seed: number; started_at: string; environment: Record<string, string> };
}

export function toGradescope(result: GradeResult): GradescopeResults {
  return {
    score: result.score,
    max_score: result.maxScore,
    execution_time: Math.round(result.seconds * 1000) / 1000,
    output: [...intakeLines(result.intake), ...result.exercises.map((e) => `${e.exercise}: ${e.score}/${e.maxScore}`)].join('\n'),
    output_format: 'text',
    stdout_visibility: 'hidden',
    tests: result.exercises.flatMap((e) =>
      e.checks.map((r) => ({
        name: `${e.exercise}: ${r.check.title}`,
        number: r.check.id,
        score: r.score,
        max_score: r.check.points,
        // Gradescope knows only passed and failed: errored and timed-out checks show as failed (the tag says which).
        status: r.status === 'passed' ? ('passed' as const) : ('failed' as const),
        output: formatCheckText(r),
        output_format: 'text' as const,
        // Hidden checks count at once but students see them once grades are published.
        visibility: r.check.visibility === 'public' ? ('visible' as const) : ('after_published' as const),
        tags: [e.exercise, r.check.kind, r.status],
      })),
    ),
    extra_data: { submission: result.submission, seed: result.seed, started_at: result.startedAt, environment: result.environment },
  };
}

export const gradescopeOutput: LmsOutput = {
  name: 'gradescope',
  fileName: 'results.json',
  render: (result) => JSON.stringify(toGradescope(result), null, 2) + '\n',
  // A score of 0 that says why, in the output every student sees.
  cannotGrade: (message, fault) => {
    const output = fault === 'submission' ? `The autograder could not grade this submission: ${message}` : `The autograder could not grade this submission (${message}). Please tell your instructor.`;
    return JSON.stringify({ score: 0, output, output_format: 'text', tests: [] }, null, 2) + '\n';
  },
};
