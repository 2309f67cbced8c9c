import path from 'node:path';
import { writeAtomic } from '../../core/write-atomic.js';
import type { BatchRecord } from '../record.js';
import { canvasGradebookCsv } from './canvas-gradebook.js';
import { matchRoster } from './match-roster.js';
import { moodleWorksheetCsv } from './moodle-worksheet.js';
import { readRoster } from './roster.js';
import { unmatchedCsv } from './unmatched-csv.js';
import { describeSelection } from '../../run/homework.js';
import { classSelection, gradedMaximum, scalingNote, type GradebookScaling } from './scaling.js';

export interface RosterOptions {
  /** The LMS's own roster or gradebook export. */
  roster: string;
  /** The gradebook column to fill (Canvas: `<name> (<id>)`, its name or its id). */
  assignment?: string;
}

export interface LmsGradebooks {
  /** Files written: the LMS's gradebook (Canvas, Moodle) and unmatched.csv. */
  files: string[];
  /** One line each for the log: what was matched, what was not, how scores were scaled. */
  notes: string[];
  /** What the gradebook's scores were scaled from (none for a roster without a gradebook). */
  scaling?: GradebookScaling;
}

/** Reads the roster first, so a bad roster or --assignment is refused before anything is graded. */
export function checkRoster(o: RosterOptions): void {
  const roster = readRoster(o.roster);
  if (roster.lms === 'canvas') canvasGradebookCsv(roster, o.assignment, { byRow: new Map(), unmatched: [], missing: [] });
}

/**
 * Matches the class's records to the roster and writes, in `outDir`, the gradebook its LMS
 * imports (`gradebook-canvas.csv` for a Canvas gradebook export, `gradebook-moodle.csv` for a
 * Moodle grading worksheet) and `unmatched.csv`. A Gradescope or GitHub Classroom roster gives
 * only the matching (unmatched.csv): neither imports a grades CSV.
 */
export function writeLmsGradebooks(outDir: string, records: readonly BatchRecord[], o: RosterOptions): LmsGradebooks {
  const roster = readRoster(o.roster);
  const match = matchRoster(roster, records);
  const files: string[] = [];
  const notes: string[] = [];
  let written: { column: string; pointsPossible?: number } | undefined;
  if (roster.lms === 'canvas') {
    const { csv, column, pointsPossible } = canvasGradebookCsv(roster, o.assignment, match);
    files.push(path.join(outDir, 'gradebook-canvas.csv'));
    writeAtomic(files[0], csv);
    written = { column, pointsPossible };
  } else if (roster.lms === 'moodle') {
    files.push(path.join(outDir, 'gradebook-moodle.csv'));
    const { csv, pointsPossible } = moodleWorksheetCsv(roster, match);
    writeAtomic(files[0], csv);
    written = { column: 'Grade', pointsPossible };
  }
  const { selection, mixed } = classSelection(records);
  if (mixed) notes.push(`the results were graded on different exercises; the gradebook is described by the first: ${describeSelection(selection!)}`);
  const scaling: GradebookScaling | undefined =
    written && selection ? { lms: roster.lms, ...written, scaledFrom: gradedMaximum(records), exercises: selection.exercises, ...(selection.homework ? { homework: selection.homework } : {}), adHoc: selection.adHoc } : undefined;
  const note = scaling && scalingNote(scaling);
  if (note) notes.push(note);
  const unmatched = unmatchedCsv(roster, match);
  files.push(path.join(outDir, 'unmatched.csv'));
  writeAtomic(files[files.length - 1], unmatched.csv);
  const graded = [...match.byRow.values()].filter((r) => r.status === 'graded').length;
  notes.push(`${roster.lms} roster: ${graded} of ${roster.students.length} students scored, ${match.missing.length} without a submission, ${match.unmatched.length} submission(s) matching nobody${unmatched.rows ? ': see unmatched.csv' : ''}`);
  return { files, notes, ...(scaling ? { scaling } : {}) };
}
