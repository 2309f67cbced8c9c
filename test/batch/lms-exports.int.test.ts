import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions, type BatchSummary } from '../../grader/batch/run-batch.js';
import { resolveConfig } from '../../grader/config/resolve.js';
import { canvasClass, classroomClass, gradescopeClass, moodleClass } from './lms-fixtures.js';
import { canvasImport, moodleImport } from './lms-import-rules.js';

const config = resolveConfig();
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `lms-out-${name}-`));
const options = (dir: string, out: string, more: Partial<BatchOptions> = {}): BatchOptions => ({
  dir, out, jobs: 2, only: ['convolution'], format: 'gradescope', config, visibility: 'all', timeoutMs: 120_000, progress: null, ...more,
});
const byStudent = (s: BatchSummary) => Object.fromEntries(s.records.map((r) => [r.student, r.status === 'graded' ? r.score : r.error]));
const csvRows = (file: string) => parse(readFileSync(file, 'utf8'), { bom: true }) as string[][];
const FULL = 26; // convolution's points

describe('a TA grades a Canvas class and uploads the gradebook', () => {
  let summary: BatchSummary;
  let out: string;
  let roster: string;
  beforeAll(async () => {
    const c = await canvasClass();
    roster = c.roster;
    out = tmp('canvas');
    summary = await runBatch(options(c.zip, out, { roster: { roster, assignment: 'Homework 1' } }));
  }, 180_000);

  it('grades the zip as exported: newest upload, nested zip, clear rows for the rest', () => {
    expect(summary.layout).toBe('canvas');
    const scores = byStudent(summary);
    expect(scores['doejane_12345']).toBe(FULL);
    expect(scores['müllerjörg_23456']).toBe(FULL); // convolution-1.ts, the newer upload
    expect(scores['smithjohn_34567']).toBeLessThan(FULL);
    expect(scores['smithjohn_34567']).toBeGreaterThan(0);
    expect(scores['leeann_45678']).toMatch(/No exercise file was found in your upload.*It holds: notes\.txt/);
    expect(scores['unassigned readme-from-ta.txt']).toMatch(/belongs to no student/);
  });

  it("writes gradebook-canvas.csv that passes Canvas's import rules, each score in its student's row", () => {
    const text = readFileSync(path.join(out, 'gradebook-canvas.csv'), 'utf8');
    expect(text.startsWith('\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,Homework 1 (1001)\r\n')).toBe(true);
    const imported = canvasImport(text);
    expect(imported.assignments).toEqual([{ title: 'Homework 1', id: '1001' }]); // Quiz 1 and the totals stay out
    expect(imported.points).toEqual(['26.00']);
    const scores = byStudent(summary);
    expect(Object.fromEntries(imported.grades)).toEqual({
      '12345': [String(scores['doejane_12345'])],
      '23456': [String(scores['müllerjörg_23456'])],
      '34567': [String(scores['smithjohn_34567'])],
      '45678': [''], // not gradable: blank, which Canvas reads as "no change"
      '56789': [''],
      '99999': [''],
    });
    const rows = csvRows(path.join(out, 'gradebook-canvas.csv'));
    expect(rows.find((r) => r[1] === '23456')![0]).toBe('Müller, Jörg'); // UTF-8 names kept
    expect(rows.find((r) => r[1] === '56789')![0]).toBe("'=Evil, Eve"); // a formula defused; Canvas matches on the ID
  });

  it('lists what needs a human in unmatched.csv', () => {
    const rows = csvRows(path.join(out, 'unmatched.csv'));
    expect(rows[0]).toEqual(['problem', 'submission', 'name', 'lms user id', 'sis id', 'email or login', 'status', 'detail']);
    const problems = rows.slice(1).map((r) => `${r[0]}: ${r[1] || r[2]}`).sort();
    expect(problems).toEqual([
      'roster student not graded: leeann_45678',
      "roster student without submission: '=Evil, Eve", // defused here too
      'roster student without submission: Student, Test',
      'submission without roster student: unassigned readme-from-ta.txt',
    ]);
  });

  it('keeps the plain gradebook as before', () => {
    const rows = csvRows(path.join(out, 'gradebook.csv'));
    expect(rows[0]).toEqual(['student', `convolution (/${FULL})`, 'total', 'max', 'late', 'status', 'error']);
    expect(rows.find((r) => r[0] === 'doejane_12345')).toEqual(['doejane_12345', String(FULL), String(FULL), String(FULL), '', 'graded', '']);
    expect(rows.find((r) => r[0] === 'müllerjörg_23456')![4]).toBe('late'); // LATE_ in Canvas's file name
  });

  it('says that an ad-hoc --only filled the column, with both numbers and the exercises, and records it in summary.json', () => {
    expect(summary.outputs.lms!.notes).toContain(
      "Canvas's 'Homework 1 (1001)' is worth 26 points, convolution (an ad-hoc --only, not a homework of the config) is worth 26: scores are written out of 26",
    );
    const json = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    expect(json.graded).toEqual({ exercises: ['convolution'], adHoc: true, maxScore: FULL });
    expect(json.gradebook).toEqual({ lms: 'canvas', column: 'Homework 1 (1001)', pointsPossible: 26, scaledFrom: FULL, exercises: ['convolution'], adHoc: true });
    // The summary's columns are the graded exercises'.
    expect(json.exercises.map((e: { id: string }) => e.id)).toEqual(['convolution']);
  });

  it('counts students only: the stray file is a row of its own, not a 0 in the mean; the late student is marked', () => {
    const json = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    const row = (s: string) => json.rows.find((r: { student: string }) => r.student === s);
    expect(row('unassigned readme-from-ta.txt')).toMatchObject({ unassigned: true, error: expect.stringMatching(/belongs to no student/) });
    expect(row('müllerjörg_23456').late).toBe(true);
    const html = readFileSync(path.join(out, 'summary.html'), 'utf8');
    expect(html).toMatch(/Students<\/div><div class="v">4</);
    expect(html).toMatch(/Files of no student<\/div><div class="v">1</);
    expect(html).toMatch(/Late<\/div><div class="v">1</);
    // Nothing was graded before this first run: the orphan is not "already graded".
    expect(summary.skipped).toBe(0);
  });
});

describe('the same for Gradescope, Moodle and GitHub Classroom', () => {
  it('a Gradescope export, matched to the Canvas roster by SID: each group member gets the group score', async () => {
    const g = await gradescopeClass();
    const out = tmp('gs');
    const summary = await runBatch(options(g.zip, out, { roster: { roster: g.roster, assignment: '1001' } }));
    const scores = byStudent(summary);
    expect(scores).toMatchObject({ submission_3001: FULL, submission_3004: FULL });
    expect(scores.submission_3002).toBeLessThan(FULL);
    const imported = canvasImport(readFileSync(path.join(out, 'gradebook-canvas.csv'), 'utf8'));
    expect(Object.fromEntries([...imported.grades].map(([id, g]) => [id, g[0]]))).toEqual({
      '12345': String(FULL),
      '23456': String(scores.submission_3002),
      '34567': String(scores.submission_3002),
      '45678': String(FULL), // the newer of Ann's two submissions
      '56789': '',
      '99999': '',
    });
    expect(readFileSync(path.join(out, 'unmatched.csv'), 'utf8')).toMatch(/submission without roster student,unassigned submission_3999/);
  }, 180_000);

  it('a Moodle download and its grading worksheet: Grade filled on the worksheet scale, the rest untouched', async () => {
    const m = await moodleClass();
    const out = tmp('moodle');
    const summary = await runBatch(options(m.zip, out, { roster: { roster: m.roster } }));
    const scores = byStudent(summary);
    expect(summary.layout).toBe('moodle');
    const grades = moodleImport(readFileSync(path.join(out, 'gradebook-moodle.csv'), 'utf8'));
    const scaled = (s: number) => ((s * 100) / FULL).toFixed(2);
    expect(Object.fromEntries(grades)).toEqual({ '881': scaled(FULL), '882': scaled(scores['Jane Doe_882'] as number), '883': scaled(FULL), '884': '' });
    const rows = csvRows(path.join(out, 'gradebook-moodle.csv'));
    const original = csvRows(m.roster);
    expect(rows[0]).toEqual(original[0]);
    expect(rows[4]).toEqual([...original[4].slice(0, 1), "'@Zoë Ångström", ...original[4].slice(2)]);
    expect(rows[1].filter((_, i) => i !== 4)).toEqual(original[1].filter((_, i) => i !== 4));
  }, 180_000);

  it('a GitHub Classroom clone and its roster', async () => {
    const c = classroomClass();
    const out = tmp('classroom');
    const summary = await runBatch(options(c.dir, out, { roster: { roster: c.roster } }));
    expect(byStudent(summary).octocat).toBe(FULL);
    const rows = csvRows(path.join(out, 'unmatched.csv'));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['roster student without submission']);
    expect(rows[1][4]).toBe('S-012');
  }, 120_000);
});
