import { statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { folderSafe, type FoundSubmissions, type SubmissionFile, type SubmissionSource } from './submission-source.js';
import type { StudentIdentity } from '../identity.js';
import { walkFiles } from './walk-files.js';

/**
 * Moodle's "Download all submissions" (mod/assign): per student and submission plugin, a folder
 * `<Full name>_<participant id>_assignsubmission_<plugin>_/` (underscores in the name become
 * spaces; with blind marking the name is `Participant`), or, with "Download submissions in
 * folders" off, flat files `<Full name>_<participant id>_assignsubmission_<plugin>_<file>`. The
 * participant id is the one the grading worksheet's `Identifier` column holds (`Participant 881`).
 */
const ENTRY = /^(?<name>.+)_(?<id>\d+)_assignsubmission_(?<plugin>[a-z0-9]+)_(?<file>.*)$/;

export function readMoodleDownload(root: string, entries: readonly Dirent[]): FoundSubmissions | undefined {
  const matched = entries.filter((e) => ENTRY.test(e.name));
  if (matched.length === 0 || matched.length < entries.length / 2) return undefined;
  const students = new Map<string, { identity: StudentIdentity; files: SubmissionFile[] }>();
  const sources: SubmissionSource[] = [];
  for (const e of entries) {
    const m = ENTRY.exec(e.name)?.groups;
    const full = path.join(root, e.name);
    if (!m) {
      sources.push({ student: folderSafe(`unassigned ${e.name}`), kind: 'orphan', path: full, problem: `${e.name} is not named as Moodle names a submission (<full name>_<participant id>_assignsubmission_…): it belongs to no student` });
      continue;
    }
    const key = `${m.name}_${m.id}`;
    const s = students.get(key) ?? students.set(key, { identity: { lms: 'moodle', name: m.name, userId: m.id }, files: [] }).get(key)!;
    if (statSync(full).isDirectory()) s.files.push(...walkFiles(full));
    else if (m.file) s.files.push({ path: full, name: m.file });
  }
  for (const [key, s] of students) sources.push({ student: folderSafe(key), kind: 'files', path: root, files: s.files, identities: [s.identity] });
  return { layout: 'moodle', sources };
}
