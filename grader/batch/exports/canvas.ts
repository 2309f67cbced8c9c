import type { Dirent } from 'node:fs';
import path from 'node:path';
import { folderSafe, type FoundSubmissions, type SubmissionFile, type SubmissionSource } from './submission-source.js';
import type { StudentIdentity } from '../identity.js';
import { exerciseFile } from './exercise-file.js';

/**
 * Canvas's "Download Submissions" names each uploaded file
 * `<sortable name>[_LATE]_<user id>_<attachment id>_<file name>` (the name lower-cased with
 * everything but letters, digits and `_` removed; Canvas's lib/content_zipper.rb), or with
 * anonymous grading `[LATE_]anon_<anonymous id>_<attachment id>_<file name>`. A text entry or a
 * URL has no attachment: `<name>[_LATE]_<user id>_text.html` / `_link.html`.
 */
const UPLOAD = /^(?<name>.*?)_(?<late>LATE_)?(?<user>\d+)_(?<attachment>\d+)_(?<file>.+)$/;
const ANONYMOUS = /^(?<late>LATE_)?anon_(?<anon>[A-Za-z0-9]+)_(?<attachment>\d+)_(?<file>.+)$/;
const ONLINE = /^(?<name>.*?)_(?<late>LATE_)?(?<user>\d+)_(?:text|link)\.html$/;

interface Upload {
  key: string;
  identity: StudentIdentity;
  attachment: number;
  file: SubmissionFile;
}

/**
 * A Canvas export: flat files only (no folders), most of them named as above. Each student's
 * uploads are gathered into one submission; of a file uploaded more than once (`convolution.ts`,
 * `convolution-1.ts`) the newest upload (highest attachment id) is kept, and likewise the newest
 * .zip. A file named otherwise belongs to nobody: an orphan row.
 */
export function readCanvasExport(root: string, entries: readonly Dirent[]): FoundSubmissions | undefined {
  const files = entries.filter((e) => e.isFile());
  if (files.length === 0 || entries.some((e) => e.isDirectory())) return undefined;
  const parsed = files.map((e) => ({ entry: e, upload: parseCanvasName(e.name, path.join(root, e.name)) }));
  if (parsed.filter((p) => p.upload).length < Math.max(1, files.length / 2)) return undefined;
  const byStudent = new Map<string, Upload[]>();
  const sources: SubmissionSource[] = [];
  for (const { entry, upload } of parsed) {
    if (!upload) {
      sources.push({ student: folderSafe(`unassigned ${entry.name}`), kind: 'orphan', path: path.join(root, entry.name), problem: `${entry.name} is not named as Canvas names a submission (<name>_<user id>_<attachment id>_<file>): it belongs to no student` });
      continue;
    }
    (byStudent.get(upload.key) ?? byStudent.set(upload.key, []).get(upload.key)!).push(upload);
  }
  for (const [key, uploads] of byStudent) {
    const identity = { ...uploads[0].identity, late: uploads.some((u) => u.identity.late) };
    sources.push({ student: folderSafe(key), kind: 'files', path: root, files: newestUploads(uploads), identities: [identity] });
  }
  return { layout: 'canvas', sources };
}

export function parseCanvasName(name: string, file: string): Upload | undefined {
  const a = ANONYMOUS.exec(name)?.groups;
  if (a) return { key: `anon_${a.anon}`, identity: { lms: 'canvas', late: Boolean(a.late) }, attachment: Number(a.attachment), file: { path: file, name: a.file } };
  const o = ONLINE.exec(name)?.groups;
  if (o) return { key: `${o.name}_${o.user}`, identity: identityOf(o), attachment: 0, file: { path: file, name: name.slice(name.lastIndexOf('_') + 1) } };
  const u = UPLOAD.exec(name)?.groups;
  if (!u) return undefined;
  return { key: `${u.name}_${u.user}`, identity: identityOf(u), attachment: Number(u.attachment), file: { path: file, name: u.file } };
}

function identityOf(g: Record<string, string | undefined>): StudentIdentity {
  return { lms: 'canvas', name: g.name || undefined, userId: g.user, late: Boolean(g.late) };
}

/**
 * The files to grade: the newest upload of each exercise file (by attachment id, then by Canvas's
 * `-1`, `-2` suffix), the newest .zip, and every other file as it is.
 */
function newestUploads(uploads: readonly Upload[]): SubmissionFile[] {
  const chosen = new Map<string, { rank: [number, number]; file: SubmissionFile }>();
  for (const u of uploads) {
    const x = exerciseFile(u.file.name);
    const slot = x ? x.name : /\.zip$/i.test(u.file.name) ? '.zip' : `other:${u.file.name}:${u.attachment}`;
    const rank: [number, number] = [u.attachment, x?.copy ?? 0];
    const seen = chosen.get(slot);
    if (!seen || rank[0] > seen.rank[0] || (rank[0] === seen.rank[0] && rank[1] > seen.rank[1])) {
      chosen.set(slot, { rank, file: x ? { path: u.file.path, name: x.name } : u.file });
    }
  }
  return [...chosen.values()].map((c) => c.file).sort((a, b) => (a.name < b.name ? -1 : 1));
}
