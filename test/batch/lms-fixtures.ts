/**
 * Class exports shaped like the real ones, built at test time from solutions/convolution.ts so
 * they stay in step with the reference: a Canvas "Download Submissions" zip with the course's
 * gradebook export, a Gradescope "Export Submissions" zip, a Moodle "Download all submissions" zip
 * with its grading worksheet, and a `gh classroom clone student-repos` folder with its roster.
 * The names follow each LMS's own code (Canvas lib/content_zipper.rb, Moodle mod/assign,
 * gh-classroom clone student-repos); the rosters carry accents and a name that looks like a formula.
 */
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';

const root = path.resolve(import.meta.dirname, '../..');
export const CORRECT = readFileSync(path.join(root, 'solutions/convolution.ts'), 'utf8');
const FLIP = 'long[i] * short[k - i]';
if (!CORRECT.includes(FLIP)) throw new Error(`solutions/convolution.ts no longer contains ${FLIP}`);
/** The classic mistake: no flip (a cross-correlation). Scores less than full marks. */
export const NO_FLIP = CORRECT.replace(FLIP, 'long[i] * short[short.length - 1 - (k - i)]');

const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `lms-${name}-`));

/** A zip written by yazl; a Buffer value is stored as is, `stream` entries use data descriptors. */
export async function writeZip(file: string, entries: Record<string, string | Buffer>, o: { stream?: boolean } = {}): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) zip.addEmptyDirectory(name);
    else if (o.stream) zip.addReadStream((await import('node:stream')).Readable.from([Buffer.from(data)]), name);
    else zip.addBuffer(Buffer.from(data), name);
  }
  zip.end();
  await new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(file)).on('close', resolve).on('error', reject));
  return file;
}

async function zipBuffer(entries: Record<string, string>): Promise<Buffer> {
  const file = path.join(tmp('inner'), 'inner.zip');
  await writeZip(file, entries);
  return readFileSync(file);
}

const CRLF = (lines: string[]) => lines.join('\r\n') + '\r\n';
const BOM = '\uFEFF';

/**
 * Canvas: flat files `<sortable name>[_LATE]_<user id>_<attachment id>_<file>`.
 * - doejane (12345): correct.
 * - müllerjörg (23456), late: uploaded convolution.ts (broken), then again: Canvas renamed it
 *   convolution-1.ts with a higher attachment id; the newest (correct) must be graded.
 * - smithjohn (34567): uploaded a zip with hw1/convolution.ts (the no-flip mistake).
 * - leeann (45678): uploaded only notes.txt: a row that says no exercise file.
 * - a stray file: belongs to nobody.
 * The gradebook export: Canvas's header, a Points Possible row, "=Evil, Eve" and the test
 * student without submissions, and a second assignment that must stay out of the upload.
 */
export async function canvasClass(): Promise<{ zip: string; roster: string; dir: string }> {
  const dir = tmp('canvas');
  const zip = await writeZip(path.join(dir, 'cnn-course-homework_1 submissions.zip'), {
    'doejane_12345_70001_convolution.ts': CORRECT,
    'müllerjörg_LATE_23456_70002_convolution.ts': 'export const broken = ;\n',
    'müllerjörg_LATE_23456_70005_convolution-1.ts': CORRECT,
    'smithjohn_34567_70003_hw1.zip': await zipBuffer({ 'hw1/': '', 'hw1/convolution.ts': NO_FLIP, '__MACOSX/hw1/._convolution.ts': 'junk' }),
    'leeann_45678_70004_notes.txt': 'I will hand it in tomorrow.\n',
    'readme-from-ta.txt': 'not a submission\n',
  });
  const roster = path.join(dir, '2026-11-29T2300_Grades-CNN_Course.csv');
  writeFileSync(
    roster,
    BOM +
      CRLF([
        'Student,ID,SIS User ID,SIS Login ID,Section,Homework 1 (1001),Quiz 1 (1002),Assignments Current Score,Current Score,Final Score',
        '    Points Possible,,,,,26.00,10.00,(read only),(read only),(read only)',
        '"Doe, Jane",12345,S-001,jdoe,CNN 101 A,,8.00,80.00,80.00,80.00',
        '"Müller, Jörg",23456,S-002,jmueller,CNN 101 A,,9.00,90.00,90.00,90.00',
        '"Smith, John",34567,S-003,jsmith,CNN 101 B,,,,,',
        '"Lee, Ann",45678,S-004,alee,CNN 101 B,,7.00,70.00,70.00,70.00',
        '"=Evil, Eve",56789,S-005,eevil,CNN 101 B,,,,,',
        '"Student, Test",99999,,,CNN 101 A,,,,,',
      ]),
  );
  return { zip, roster, dir };
}

/**
 * Gradescope: `assignment_777_export/` with `submission_metadata.yml` (Ruby symbol keys) and one
 * folder per submission: Jane alone; Jörg and John as a group (the no-flip mistake); Ann twice, the
 * newer one correct; a folder the metadata does not name. Matched to the Canvas roster by SID and
 * email (Canvas's SIS User ID and SIS Login ID).
 */
export async function gradescopeClass(): Promise<{ zip: string; roster: string; dir: string }> {
  const dir = tmp('gradescope');
  const base = 'assignment_777_export/';
  const metadata = `submission_3001:
  :submitters:
  - :name: Jane Doe
    :sid: S-001
    :email: jdoe@uni.example
  :created_at: 2026-11-20 10:00:00.000000000 -08:00
  :score: 0.0
  :status: processed
submission_3002:
  :submitters:
  - :name: Jörg Müller
    :sid: S-002
    :email: jmueller@uni.example
  - :name: John Smith
    :sid: S-003
    :email: jsmith@uni.example
  :created_at: 2026-11-21 09:30:00.000000000 -08:00
  :score: 0.0
submission_3003:
  :submitters:
  - :name: Ann Lee
    :sid: S-004
    :email: alee@uni.example
  :created_at: 2026-11-19 08:00:00.000000000 -08:00
submission_3004:
  :submitters:
  - :name: Ann Lee
    :sid: S-004
    :email: alee@uni.example
  :created_at: 2026-11-22 23:59:00.000000000 -08:00
`;
  const zip = await writeZip(
    path.join(dir, 'assignment_777_export.zip'),
    {
      [`${base}submission_metadata.yml`]: metadata,
      [`${base}submission_3001/convolution.ts`]: CORRECT,
      [`${base}submission_3002/convolution.ts`]: NO_FLIP,
      [`${base}submission_3003/convolution.ts`]: 'export const broken = ;\n',
      [`${base}submission_3004/exercises/convolution.ts`]: CORRECT,
      [`${base}submission_3999/convolution.ts`]: CORRECT,
    },
    { stream: true },
  );
  return { zip, roster: (await canvasClass()).roster, dir };
}

/**
 * Moodle: folders `<Full name>_<participant id>_assignsubmission_file_/` (Jörg: correct; Jane:
 * the no-flip mistake one folder down), Ann's flat file, Ann's online text; and the grading
 * worksheet with `Identifier` = `Participant <id>`, a student without a submission.
 */
export async function moodleClass(): Promise<{ zip: string; roster: string; dir: string }> {
  const dir = tmp('moodle');
  const zip = await writeZip(path.join(dir, 'CNN-Homework 1-881.zip'), {
    'Jörg Müller_881_assignsubmission_file_/convolution.ts': CORRECT,
    'Jane Doe_882_assignsubmission_file_/hw/convolution.ts': NO_FLIP,
    'Ann Lee_883_assignsubmission_file_convolution.ts': CORRECT,
    'Ann Lee_883_assignsubmission_onlinetext_onlinetext.html': '<p>done</p>',
  });
  const roster = path.join(dir, 'Grades-CNN-Homework 1-881.csv');
  writeFileSync(
    roster,
    BOM +
      CRLF([
        'Identifier,"Full name","Email address",Status,Grade,"Maximum Grade","Grade can be changed","Last modified (submission)","Last modified (grade)","Feedback comments"',
        '"Participant 881","Jörg Müller",jm@uni.example,"Submitted for grading",,100.00,Yes,"Friday, 20 November 2026, 10:00 AM",-,',
        '"Participant 882","Jane Doe",jd@uni.example,"Submitted for grading",,100.00,Yes,"Friday, 20 November 2026, 11:00 AM",-,',
        '"Participant 883","Ann Lee",al@uni.example,"Submitted for grading",,100.00,Yes,"Friday, 20 November 2026, 12:00 PM",-,',
        '"Participant 884","@Zoë Ångström",za@uni.example,"No submission",,100.00,Yes,-,-,',
      ]),
  );
  return { zip, roster, dir };
}

/** `gh classroom clone student-repos`: `cnn-hw1-submissions/cnn-hw1-<login>/` git clones, and Classroom's roster. */
export function classroomClass(): { dir: string; roster: string } {
  const parent = tmp('classroom');
  const dir = path.join(parent, 'cnn-hw1-submissions');
  for (const [login, source] of [['octocat', CORRECT], ['mona-lisa', NO_FLIP]] as const) {
    const repo = path.join(dir, `cnn-hw1-${login}`);
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    writeFileSync(path.join(repo, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    mkdirSync(path.join(repo, 'exercises'), { recursive: true });
    writeFileSync(path.join(repo, 'exercises', 'convolution.ts'), source);
    writeFileSync(path.join(repo, 'README.md'), '# CNN homework\n');
  }
  const roster = path.join(parent, 'classroom_roster.csv');
  writeFileSync(roster, CRLF(['"identifier","github_username","github_id","name"', '"S-010","octocat","583231","The Octocat"', '"S-011","mona-lisa","1234567","Mona Lisa"', '"S-012","","",""']));
  return { dir, roster };
}
