import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv, RosterError } from '../csv.js';
import type { Lms } from '../identity.js';

/** One student of a roster, by what the LMS's file says of them; `row` indexes `Roster.rows`. */
export interface RosterStudent {
  row: number;
  name?: string;
  userId?: string;
  sisId?: string;
  login?: string;
  email?: string;
}

export interface Roster {
  lms: Exclude<Lms, 'folder'>;
  file: string;
  header: string[];
  /** Every row after the header, as read (the Canvas "Points Possible" row included). */
  rows: string[][];
  students: RosterStudent[];
  /** Canvas: the columns up to and including `Section`, which the importer reads as the student's. */
  studentColumns: number;
  /** Canvas: the index in `rows` of the "Points Possible" row. */
  pointsRow?: number;
}

/**
 * Reads an LMS's own roster or gradebook export, recognised by its header:
 * - Canvas's gradebook export: `Student`, `ID`, [`SIS User ID`, `SIS Login ID`, …], `Section`, then
 *   one column per assignment, `<name> (<assignment id>)` (the header Canvas's importer checks);
 *   its second row is "Points Possible"; rows of only `Muted`/`Manual Posting` carry no student.
 * - Moodle's grading worksheet (assignfeedback_offline): `Identifier` (`Participant <id>`), `Full name`,
 *   `Email address`, `Grade`, `Maximum Grade`, `Last modified (grade)`, ….
 * - Gradescope's roster: `First Name`/`Last Name` or `Name`, `SID`, `Email`.
 * - GitHub Classroom's roster: `identifier`, `github_username`, `github_id`, `name`.
 */
export function readRoster(file: string): Roster {
  const shown = path.basename(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RosterError(`cannot read the roster ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const all = readCsv(text, shown);
  if (all.length === 0) throw new RosterError(`the roster ${shown} is empty`);
  const header = all[0].map((h) => h.trim());
  const rows = all.slice(1);
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const cell = (r: string[], i: number) => (i >= 0 && r[i]?.trim() ? r[i].trim() : undefined);
  const base = { file, header, rows, studentColumns: 0 };

  if (header.length > 3 && /Student/.test(header[0]) && /ID/.test(header[1])) {
    const section = header.findIndex((h, i) => i >= 2 && i <= 6 && /^Section$/.test(h));
    if (section < 0) throw new RosterError(`${shown} looks like a Canvas gradebook but has no Section column among its first columns (Canvas's importer needs Student, ID, …, Section)`);
    const sis = col(/^SIS\s+User\s+ID$/);
    const login = col(/^SIS\s+Login\s+ID$/);
    const students: RosterStudent[] = [];
    let pointsRow: number | undefined;
    rows.forEach((r, i) => {
      if (/Points Possible/.test(r[0] ?? '')) pointsRow = i;
      else if (!r.every((c) => /^\s*(Muted|Manual Posting|)\s*$/i.test(c))) students.push({ row: i, name: cell(r, 0), userId: cell(r, 1), sisId: cell(r, sis), login: cell(r, login) });
    });
    return { ...base, lms: 'canvas', students, studentColumns: section + 1, pointsRow };
  }
  const identifier = header.indexOf('Identifier');
  if (identifier >= 0 && header.includes('Grade')) {
    if (!header.includes('Last modified (grade)')) throw new RosterError(`${shown} looks like a Moodle grading worksheet but has no 'Last modified (grade)' column, which Moodle's importer requires`);
    const name = header.indexOf('Full name');
    const email = header.indexOf('Email address');
    const students = rows.map((r, i) => ({ row: i, userId: /(\d+)\s*$/.exec(r[identifier] ?? '')?.[1], name: cell(r, name), email: cell(r, email) }));
    return { ...base, lms: 'moodle', students };
  }
  const lower = header.map((h) => h.toLowerCase());
  if (lower.includes('github_username')) {
    const [id, gh, name] = ['identifier', 'github_username', 'name'].map((h) => lower.indexOf(h));
    return { ...base, lms: 'classroom', students: rows.map((r, i) => ({ row: i, sisId: cell(r, id), login: cell(r, gh), name: cell(r, name) })) };
  }
  const sid = lower.indexOf('sid');
  const email = lower.findIndex((h) => h === 'email' || h === 'email address');
  if (sid >= 0 || email >= 0) {
    const [first, last, full] = [/^first name$/i, /^last name$/i, /^(full )?name$/i].map(col);
    const nameOf = (r: string[]) => cell(r, full) ?? ([cell(r, first), cell(r, last)].filter(Boolean).join(' ') || undefined);
    return { ...base, lms: 'gradescope', students: rows.map((r, i) => ({ row: i, name: nameOf(r), sisId: cell(r, sid), email: cell(r, email) })) };
  }
  throw new RosterError(`${shown} is not a roster the grader knows: expected a Canvas gradebook export (Student, ID, …, Section), a Moodle grading worksheet (Identifier, Grade, …), a Gradescope roster (Name, SID, Email) or a GitHub Classroom roster (identifier, github_username, …)`);
}

/** A Canvas assignment column: `<name> (<id>)`. */
export const CANVAS_ASSIGNMENT = /^(.*)\s\((\d+)\)$/;

/**
 * The Canvas assignment column `wanted` names: its full header, its name, or its id. With no
 * `wanted`, the roster's only assignment. Refused with the list of assignments otherwise.
 */
export function canvasAssignmentColumn(roster: Roster, wanted: string | undefined): number {
  const columns = roster.header.map((h, i) => ({ h, i, m: CANVAS_ASSIGNMENT.exec(h) })).filter((c) => c.i >= roster.studentColumns && c.m);
  const list = columns.map((c) => `'${c.h}'`).join(', ') || 'none';
  const w = wanted?.trim().toLowerCase();
  const found = w === undefined ? (columns.length === 1 ? columns : []) : columns.filter((c) => c.h.toLowerCase() === w || c.m![1].trim().toLowerCase() === w || c.m![2] === w);
  if (found.length !== 1) {
    const why = w === undefined ? 'name the column to fill with --assignment' : found.length ? `--assignment '${wanted}' names ${found.length} columns` : `--assignment '${wanted}' names no assignment column`;
    throw new RosterError(`${path.basename(roster.file)}: ${why}; its assignments are ${list}`);
  }
  const points = roster.pointsRow === undefined ? '' : roster.rows[roster.pointsRow][found[0].i] ?? '';
  if (/read\s+only/i.test(points)) throw new RosterError(`${path.basename(roster.file)}: Canvas marks '${found[0].h}' read only (Points Possible: ${points.trim()}); its importer would ignore the grades`);
  return found[0].i;
}
