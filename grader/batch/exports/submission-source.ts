/** What every reader of an LMS export (this folder) produces: the class's submissions as sources. */
import type { StudentIdentity } from '../identity.js';

/** One file of a submission handed in as loose files (Canvas, Gradescope, Moodle). */
export interface SubmissionFile {
  /** Absolute path of the file in the export. */
  path: string;
  /** Its path in the student's folder (`convolution.ts`, `hw1.zip`, `src/filters.ts`). */
  name: string;
}

export interface SubmissionSource {
  /**
   * The student: a name that is unique in the class and safe as a folder name (the batch writes
   * `<out>/<student>/`). A plain folder or zip keeps its name; an LMS export's is built from the
   * LMS's name and id (`doejane_12345` for Canvas, `Jane Doe_881` for Moodle).
   */
  student: string;
  /**
   * `folder` and `zip`: a submission as one folder or .zip; `files`: loose files gathered from an
   * export (a .zip among them is unpacked too); `orphan`: a file of the export that belongs to no
   * student, kept as a row that says so.
   */
  kind: 'folder' | 'zip' | 'files' | 'orphan';
  /** Absolute path of the folder, the .zip, or (files, orphan) the export's file or folder. */
  path: string;
  files?: SubmissionFile[];
  /** Who handed it in, as the LMS names them (several for a group submission). */
  identities?: StudentIdentity[];
  /** Why an orphan cannot be graded. */
  problem?: string;
}

export type Layout = 'canvas' | 'gradescope' | 'moodle' | 'classroom' | 'folders';

export interface FoundSubmissions {
  layout: Layout;
  sources: SubmissionSource[];
}

/** A name made safe as one folder name: no separators, no leading dot, not empty. */
export function folderSafe(name: string): string {
  const s = name.replace(/[/\\\0]/g, '_').replace(/^\.+/, '_').trim();
  return s || '_';
}
