import { BOM, toCsv, type Cell } from '../csv.js';
import type { RosterMatch } from './match-roster.js';
import { canvasAssignmentColumn, type Roster } from './roster.js';
import { pointsOf, scoreCell } from './score-cell.js';

/**
 * The gradebook Canvas's importer takes as it is (app/models/gradebook_importer.rb): the roster's
 * own student columns (`Student`, `ID`, [`SIS User ID`, `SIS Login ID`, …], `Section`) and one
 * assignment column `<name> (<id>)`, so no other column becomes a new assignment; the roster's
 * "Points Possible" row; then every roster student in the roster's order, the score in their row
 * and a blank (no change) for a student without a graded submission. Starts with a BOM so that
 * Excel keeps accents (Canvas's header check still finds `Student`).
 */
export function canvasGradebookCsv(roster: Roster, assignment: string | undefined, match: RosterMatch): { csv: string; column: string; pointsPossible?: number } {
  const col = canvasAssignmentColumn(roster, assignment);
  const info = (r: string[]) => Array.from({ length: roster.studentColumns }, (_, i) => r[i] ?? '');
  const pointsPossible = roster.pointsRow === undefined ? undefined : pointsOf(roster.rows[roster.pointsRow][col]);
  const rows: Cell[][] = [[...info(roster.header), roster.header[col]]];
  if (roster.pointsRow !== undefined) {
    const pp = roster.rows[roster.pointsRow];
    rows.push([pp[0], ...Array.from({ length: roster.studentColumns - 1 }, () => ''), pp[col] ?? '']);
  }
  for (const s of roster.students) rows.push([...info(roster.rows[s.row]), scoreCell(match.byRow.get(s.row), pointsPossible)]);
  return { csv: BOM + toCsv(rows), column: roster.header[col], pointsPossible };
}
