import type { Output } from './output.js';
import type { GradeResult } from '../core/result.js';

/**
 * GitHub Classroom's result lines. Only numbers computed by the grader go in: no student text, so
 * printing this file cannot smuggle a workflow command. The CI prints it only after checking that
 * every line matches CLASSROOM_LINE.
 */
export function classroomLines(result: GradeResult): string[] {
  const points = (n: number) => String(Math.round(n * 100) / 100);
  return [
    `::notice title=Autograding complete::Points ${points(result.score)}/${points(result.maxScore)}`,
    `::notice title=Autograding report::${JSON.stringify({ totalPoints: Number(points(result.score)), maxPoints: Number(points(result.maxScore)) })}`,
  ];
}

/** What a genuine line looks like (used by the workflow's guard and by the tests). */
export const CLASSROOM_LINE = /^::notice title=Autograding (complete::Points [0-9.]+\/[0-9.]+|report::\{"totalPoints":[0-9.]+,"maxPoints":[0-9.]+\})$/;

export const classroomOutput: Output = {
  name: 'classroom',
  fileName: 'classroom.txt',
  render: (result) => classroomLines(result).join('\n') + '\n',
};
