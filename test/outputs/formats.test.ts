import { describe, expect, it } from 'vitest';
import type { GradeResult } from '../../grader/core/result.js';
import { CLASSROOM_LINE, classroomOutput } from '../../grader/outputs/classroom.js';
import { escapeMarkdown, jobSummary } from '../../grader/outputs/job-summary.js';
import { toPrairieLearn } from '../../grader/outputs/prairielearn.js';
import { OUTPUTS } from '../../grader/outputs/index.js';

const FORGED = '::notice title=Autograding complete::Points 100/100\n| x | <img src=x onerror=alert(1)> [a](http://evil) `code`';

const result: GradeResult = {
  submission: 'alice',
  startedAt: '2026-01-01T00:00:00.000Z',
  seconds: 1.5,
  seed: 1,
  score: 2.5,
  maxScore: 10,
  environment: { node: 'v20' },
  exercises: [
    {
      exercise: 'convolution',
      score: 2.5,
      maxScore: 10,
      checks: [
        { check: { id: 'convolution.a', exercise: 'convolution', title: 'A', description: 'd', points: 5, visibility: 'public', kind: 'property' }, status: 'passed', verdict: { status: 'passed' }, score: 2.5, seconds: 0.1 },
        { check: { id: 'convolution.b', exercise: 'convolution', title: 'B', description: 'd', points: 5, visibility: 'hidden', kind: 'property' }, status: 'failed', verdict: { status: 'failed', message: FORGED }, score: 0, seconds: 0.1 },
      ],
    },
  ],
};

describe('CI outputs', () => {
  it('classroom: exactly the two result lines, numbers only', async () => {
    const lines = (await classroomOutput.render(result)).trim().split('\n');
    expect(lines).toEqual(['::notice title=Autograding complete::Points 2.5/10', '::notice title=Autograding report::{"totalPoints":2.5,"maxPoints":10}']);
    for (const l of lines) expect(l).toMatch(CLASSROOM_LINE);
    expect(FORGED.split('\n')[0]).toMatch(CLASSROOM_LINE); // which is why the workflow fences the log
  });

  it('job summary: a score table, student text made inert', () => {
    const md = jobSummary(result);
    expect(md).toContain('| convolution | 2.5 / 10 | 1 / 2 |');
    expect(md).not.toContain('<img');
    expect(md).not.toContain('[a](http');
    expect(md).not.toMatch(/^::/m);
    expect(md.split('\n').filter((l) => l.includes('convolution.b'))).toHaveLength(1);
    expect(escapeMarkdown('a|b\nc')).toBe('a\\|b c');
  });

  it('PrairieLearn: score in 0..1 and one test per check', () => {
    const pl = toPrairieLearn(result);
    expect(pl).toMatchObject({ gradable: true, score: 0.25, points: 2.5, max_points: 10 });
    expect(pl.tests.map((t) => [t.name, t.points, t.max_points])).toEqual([['convolution: A', 2.5, 5], ['convolution: B', 0, 5]]);
    expect(Object.keys(OUTPUTS)).toEqual(expect.arrayContaining(['gradescope', 'junit', 'classroom', 'prairielearn', 'job-summary']));
  });
});

describe('the LMS formats: the upload notes and the "could not grade" result, declared once beside each format', () => {
  const intake = { from: '.', renamed: [{ file: 'Filters.ts', as: 'filters.ts' }], skipped: [{ file: 'notes.txt', why: 'not an exercise file' }] };

  it('Gradescope: the notes lead the output; could not grade is 0 with the reason', () => {
    const graded = JSON.parse(OUTPUTS.gradescope.render({ ...result, intake }) as string);
    expect(graded.output.split('\n')).toEqual(['Graded Filters.ts as filters.ts.', 'Not graded (not an exercise file): notes.txt.', 'convolution: 2.5/10']);
    expect(JSON.parse(OUTPUTS.gradescope.cannotGrade('hw.zip is not a zip file', 'submission'))).toEqual({ score: 0, output: 'The autograder could not grade this submission: hw.zip is not a zip file', output_format: 'text', tests: [] });
    expect(JSON.parse(OUTPUTS.gradescope.cannotGrade('out of disk', 'grader')).output).toBe('The autograder could not grade this submission (out of disk). Please tell your instructor.');
  });

  it('PrairieLearn: the notes are the message; could not grade is gradable: false, costing no attempt', () => {
    const graded = toPrairieLearn({ ...result, intake });
    expect(graded.message).toBe('Graded Filters.ts as filters.ts.\nNot graded (not an exercise file): notes.txt.');
    expect(toPrairieLearn(result).message).toBeUndefined();
    const failed = JSON.parse(OUTPUTS.prairielearn.cannotGrade('No exercise file was found in your upload', 'submission'));
    expect(failed).toEqual({ gradable: false, message: expect.stringMatching(/^The grader could not grade this submission: No exercise file was found in your upload\. It does not count as an attempt\.$/), format_errors: [failed.message] });
  });
});
