import { describe, expect, it } from 'vitest';
import { guardCell as csvCell, toCsv } from '../../grader/batch/csv.js';
import { gradebookCsv } from '../../grader/batch/gradebook.js';
import type { BatchRecord } from '../../grader/batch/record.js';

const base = { source: { kind: 'folder' as const, name: 'x', sha256: '' }, settings: 's', checks: [], seed: 1, seconds: 1, finishedAt: '2026-01-01T00:00:00Z' };

describe('csv', () => {
  it('quotes per RFC 4180', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', 3, undefined]])).toBe('a,"b,c","say ""hi""","two\nlines",3,\r\n');
  });

  it('defuses cells a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(toCsv([['=HYPERLINK("http://evil","x")']])).toBe(`"'=HYPERLINK(""http://evil"",""x"")"\r\n`);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('alice')).toBe('alice');
    expect(csvCell('-')).toBe('-'); // Moodle's "not yet": no formula
    expect(csvCell('Zoë Ångström')).toBe('Zoë Ångström');
    // A number, as a number or as text, is a number: -2 stays -2 (a spreadsheet computes nothing from it).
    for (const n of [-2, '-2', '+1', '-0.5', '12.25', '.5']) expect(csvCell(n)).toBe(String(n));
  });
});

describe('gradebookCsv', () => {
  it('has a row per student with per-exercise points, total, max, late, status and error', () => {
    const records: BatchRecord[] = [
      { ...base, student: 'zoe', identities: [{ lms: 'canvas', userId: '1', late: true }], status: 'graded', score: 30, maxScore: 36, perExercise: { convolution: { score: 20, maxScore: 26 }, parameters: { score: 10, maxScore: 10 } } },
      { ...base, student: '=cmd|calc', status: 'error', error: 'eve.zip is not a zip file\nmore', score: 0, maxScore: 0, perExercise: {} },
      { ...base, student: 'amy', status: 'graded', score: 26, maxScore: 36, perExercise: { convolution: { score: 26, maxScore: 26 }, parameters: { score: 0, maxScore: 10 } } },
    ];
    expect(gradebookCsv(records).split('\r\n')).toEqual([
      'student,convolution (/26),parameters (/10),total,max,late,status,error',
      "'=cmd|calc,0,0,0,36,,error,eve.zip is not a zip file",
      'amy,26,0,26,36,,graded,',
      'zoe,20,10,30,36,late,graded,',
      '',
    ]);
  });
});
