import type { StudentIdentity } from '../identity.js';
import type { BatchRecord } from '../record.js';
import type { Roster, RosterStudent } from './roster.js';

export interface RosterMatch {
  /** Roster row → the record that scores it. */
  byRow: Map<number, BatchRecord>;
  /** Submissions (or, for a group, submitters) that match no roster student, or one already taken. */
  unmatched: { record: BatchRecord; identity?: StudentIdentity; reason: string }[];
  /** Roster students no submission matched. */
  missing: RosterStudent[];
}

/**
 * Matches each submitter to a roster student by the strongest key both sides have, taking a key
 * only when it names exactly one roster student: the LMS user id (same LMS), the SIS id, the
 * email or login, then the name (letters and digits only, either order of "Last, First"). A group
 * submission scores every member it matches. A roster student claimed twice keeps the first
 * submission (in student order) and the second is reported.
 */
export function matchRoster(roster: Roster, records: readonly BatchRecord[]): RosterMatch {
  const index = new Map<string, RosterStudent[]>();
  const add = (key: string | undefined, s: RosterStudent) => key && (index.get(key) ?? index.set(key, []).get(key)!).push(s);
  for (const s of roster.students) {
    add(s.userId && `user:${roster.lms}:${s.userId}`, s);
    add(s.sisId && `sis:${s.sisId.toLowerCase()}`, s);
    for (const v of [s.email, s.login]) add(v && `contact:${v.toLowerCase()}`, s);
    for (const n of nameKeys(s.name)) add(`name:${n}`, s);
  }
  const byRow = new Map<number, BatchRecord>();
  const unmatched: RosterMatch['unmatched'] = [];
  const sorted = [...records].sort((a, b) => (a.student < b.student ? -1 : a.student > b.student ? 1 : 0));
  for (const record of sorted) {
    if (record.source.kind === 'orphan') {
      unmatched.push({ record, reason: record.error ?? 'belongs to no student' });
      continue;
    }
    const identities = record.identities?.length ? record.identities : [{ lms: 'folder' as const, name: record.student }];
    for (const identity of identities) {
      const student = find(identity, index);
      if (!student) unmatched.push({ record, identity, reason: `matches no student of ${roster.lms}'s roster` });
      else if (byRow.has(student.row)) unmatched.push({ record, identity, reason: `matches the roster student ${describe(student)}, already scored by ${byRow.get(student.row)!.student}` });
      else byRow.set(student.row, record);
    }
  }
  const missing = roster.students.filter((s) => !byRow.has(s.row));
  return { byRow, unmatched, missing };
}

function find(who: StudentIdentity, index: Map<string, RosterStudent[]>): RosterStudent | undefined {
  const keys = [
    who.userId && `user:${who.lms}:${who.userId}`,
    who.sisId && `sis:${who.sisId.toLowerCase()}`,
    who.email && `contact:${who.email.toLowerCase()}`,
    who.login && `contact:${who.login.toLowerCase()}`,
    ...nameKeys(who.name).map((n) => `name:${n}`),
  ];
  for (const k of keys) {
    const hits = k ? index.get(k) : undefined;
    if (hits?.length === 1) return hits[0];
  }
  return undefined;
}

/** A name reduced to its letters and digits, lower case; "Doe, Jane" also as "janedoe". */
export function nameKeys(name: string | undefined): string[] {
  if (!name) return [];
  const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const keys = [squash(name)];
  const comma = /^([^,]+),\s*(.+)$/.exec(name);
  if (comma) keys.push(squash(`${comma[2]} ${comma[1]}`));
  return [...new Set(keys.filter(Boolean))];
}

export function describe(s: RosterStudent): string {
  return [s.name, s.userId && `id ${s.userId}`, s.sisId && `SIS ${s.sisId}`, s.email ?? s.login].filter(Boolean).join(', ');
}
