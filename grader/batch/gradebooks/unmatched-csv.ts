import { toCsv, type Cell } from '../csv.js';
import { describe, type RosterMatch } from './match-roster.js';
import type { Roster } from './roster.js';

/**
 * What the TA must settle by hand: submissions (or group members) that match no roster student,
 * files that belong to nobody, roster students with no submission, and roster students whose
 * submission could not be graded (their gradebook cell is left blank).
 */
export function unmatchedCsv(roster: Roster, match: RosterMatch): { csv: string; rows: number } {
  const rows: Cell[][] = [];
  for (const u of match.unmatched) {
    const who = u.identity;
    rows.push(['submission without roster student', u.record.student, who?.name, who?.userId, who?.sisId, who?.email ?? who?.login, u.record.status, u.reason]);
  }
  for (const s of match.missing) rows.push(['roster student without submission', '', s.name, s.userId, s.sisId, s.email ?? s.login, '', `no submission matches ${describe(s)}`]);
  for (const [row, record] of match.byRow) {
    if (record.status === 'graded') continue;
    const s = roster.students.find((x) => x.row === row)!;
    rows.push(['roster student not graded', record.student, s.name, s.userId, s.sisId, s.email ?? s.login, record.status, (record.error ?? '').split('\n')[0].slice(0, 300)]);
  }
  return { csv: toCsv([['problem', 'submission', 'name', 'lms user id', 'sis id', 'email or login', 'status', 'detail'], ...rows]), rows: rows.length };
}
