import { BOM, toCsv } from '../csv.js';
import type { RosterMatch } from './match-roster.js';
import type { Roster } from './roster.js';
import { pointsOf, scoreCell } from './score-cell.js';

/**
 * Moodle's grading worksheet filled in (assignfeedback_offline's importer): the worksheet as it
 * was downloaded, every column and row kept, with the `Grade` of each matched participant set (to
 * the scale of its `Maximum Grade`); a participant without a graded submission keeps the
 * worksheet's own cell. Moodle matches rows on `Identifier` (`Participant <id>`) and strips a BOM.
 */
export function moodleWorksheetCsv(roster: Roster, match: RosterMatch): { csv: string; pointsPossible?: number } {
  const grade = roster.header.indexOf('Grade');
  const max = roster.header.indexOf('Maximum Grade');
  const pointsPossible = max >= 0 ? roster.rows.map((r) => pointsOf(r[max])).find((p) => p !== undefined) : undefined;
  const rows = roster.rows.map((r, i) => {
    const out = [...r];
    while (out.length < roster.header.length) out.push('');
    const score = scoreCell(match.byRow.get(i), max >= 0 ? pointsOf(r[max]) : undefined);
    if (score !== undefined) out[grade] = score.toFixed(2);
    return out;
  });
  return { csv: BOM + toCsv([roster.header, ...rows]), pointsPossible };
}
