/**
 * The LMS importers' rules, restated from their code to check the files the batch writes:
 * - Canvas, app/models/gradebook_importer.rb: Ruby's CSV without BOM handling (the BOM stays in
 *   the first cell, which the header check matches unanchored), header row 0 =~ /Student/,
 *   1 =~ /ID/, optional SIS User ID + SIS Login ID, the last student column =~ /Section/; trailing
 *   Current/Final Score columns dropped; every other column is an assignment `<title> (<id>)`
 *   (one without an id would become a new assignment); a row whose first cell =~ /Points
 *   Possible/ sets points; students are found by ID; a grade cell is a number or blank.
 * - Moodle, mod/assign/feedback/offline/importgradeslib.php: the BOM stripped; `Identifier`,
 *   `Grade` and `Last modified (grade)` columns required; the id is the Identifier less
 *   "Participant "; a grade cell is a number or blank.
 */
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';

const NUMBER = /^-?\d+(\.\d+)?$/;

export interface CanvasImport {
  assignments: { title: string; id: string }[];
  points: string[];
  /** Canvas user ID → the grade cells of the assignments. */
  grades: Map<string, string[]>;
}

export function canvasImport(csv: string): CanvasImport {
  const rows = parse(csv, { relax_column_count: true }) as string[][]; // no bom option: as Ruby reads it
  const header = rows[0];
  expect(header.length, 'Canvas needs more than three columns').toBeGreaterThan(3);
  expect(header[0]).toMatch(/Student/);
  expect(header[1]).toMatch(/ID/);
  let studentColumns = 3;
  if (/SIS\s+Login\s+ID/.test(header[2])) studentColumns = 4;
  else if (/SIS\s+User\s+ID/.test(header[2]) && /SIS\s+Login\s+ID/.test(header[3])) studentColumns = /Root\s+Account/.test(header[4]) ? 6 : 5;
  expect(header[studentColumns - 1], 'the last student column').toMatch(/Section/);
  const columns = header.slice(studentColumns);
  while (/Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade/.test(columns[columns.length - 1] ?? '')) columns.pop();
  const assignments = columns.map((c) => {
    const m = /^(.*)\s\((\d+)\)$/.exec(c);
    expect(m, `column '${c}' would become a new Canvas assignment`).not.toBeNull();
    return { title: m![1], id: m![2] };
  });
  let points: string[] = [];
  const grades = new Map<string, string[]>();
  for (const r of rows.slice(1)) {
    if (/Points Possible/.test(r[0])) {
      points = r.slice(studentColumns, studentColumns + assignments.length);
      continue;
    }
    if (r.every((c) => /^\s*(Muted|)\s*$/i.test(c))) continue;
    expect(r[1], `row ${JSON.stringify(r)} has no Canvas ID`).toMatch(/^\d+$/);
    const cells = r.slice(studentColumns, studentColumns + assignments.length);
    for (const c of cells) expect(c === '' || NUMBER.test(c), `grade '${c}' of ${r[0]}`).toBe(true);
    grades.set(r[1], cells);
  }
  return { assignments, points, grades };
}

/** Participant id → Grade cell. */
export function moodleImport(csv: string): Map<string, string> {
  const rows = parse(csv, { bom: true, relax_column_count: true }) as string[][];
  const header = rows[0];
  const [id, grade, modified] = ['Identifier', 'Grade', 'Last modified (grade)'].map((h) => header.indexOf(h));
  for (const [h, i] of [['Identifier', id], ['Grade', grade], ['Last modified (grade)', modified]] as const) expect(i, `Moodle needs a '${h}' column`).toBeGreaterThanOrEqual(0);
  const out = new Map<string, string>();
  for (const r of rows.slice(1)) {
    expect(r[id]).toMatch(/^Participant \d+$/);
    expect(r[grade] === '' || NUMBER.test(r[grade]), `grade '${r[grade]}'`).toBe(true);
    out.set(r[id].slice('Participant '.length), r[grade]);
  }
  return out;
}
