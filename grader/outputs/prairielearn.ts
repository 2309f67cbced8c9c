import type { LmsOutput } from './output.js';
import type { GradeResult } from '../core/result.js';
import { formatCheckText } from '../feedback/format-text.js';
import { intakeLines } from '../feedback/format-intake.js';

/** PrairieLearn's external grader results.json: https://prairielearn.readthedocs.io/en/latest/externalGrading/ */
export interface PrairieLearnResults {
  gradable: boolean;
  /** 0..1 */
  score: number;
  points: number;
  max_points: number;
  output: string;
  message?: string;
  tests: PrairieLearnTest[];
}

/** A public check shows everything; a hidden one only its name and points (PrairieLearn has no visibility). */
export type PrairieLearnTest =
  | { name: string; points: number; max_points: number; output: string; message: string; description: string }
  | { name: string; points: number; max_points: number };

export function toPrairieLearn(result: GradeResult): PrairieLearnResults {
  const notes = intakeLines(result.intake);
  return {
    gradable: true,
    ...(notes.length > 0 ? { message: notes.join('\n') } : {}),
    score: result.maxScore > 0 ? Math.min(1, Math.max(0, result.score / result.maxScore)) : 0,
    points: result.score,
    max_points: result.maxScore,
    output: result.exercises.map((e) => `${e.exercise}: ${e.score}/${e.maxScore}`).join('\n'),
    tests: result.exercises.flatMap((e) =>
      e.checks.map((r): PrairieLearnTest => {
        const shown = { name: `${e.exercise}: ${r.check.title}`, points: r.score, max_points: r.check.points };
        // Students see results.json at once: a hidden check's counterexample, seed or message
        // (which may quote an expected value) would give its test away.
        if (r.check.visibility !== 'public') return shown;
        return { ...shown, output: r.status === 'passed' ? '' : formatCheckText(r), message: r.verdict.message ?? '', description: r.check.description };
      }),
    ),
  };
}

export const prairielearnOutput: LmsOutput = {
  name: 'prairielearn',
  fileName: 'results.json',
  render: (result) => JSON.stringify(toPrairieLearn(result), null, 2) + '\n',
  // Not gradable: it costs the student no attempt, and format_errors shows the reason.
  cannotGrade: (message, fault) => {
    const text = fault === 'submission' ? `The grader could not grade this submission: ${message.replace(/\.?$/, '.')} It does not count as an attempt.` : `The grader could not grade this submission (${message}). It does not count as an attempt; please tell your instructor.`;
    return JSON.stringify({ gradable: false, message: text, format_errors: [text] }, null, 2) + '\n';
  },
};
