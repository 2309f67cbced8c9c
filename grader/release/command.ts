import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { openOutputFolder } from '../core/folders.js';
import { UserError } from '../core/user-error.js';
import { loadWrittenConfig } from '../run/load-config.js';
import { resolveConfig } from '../config/resolve.js';
import { selectExercises } from '../run/homework.js';

export interface ReleaseCommandOptions {
  out?: string;
  gradescope?: string;
  prairielearn?: string;
  configFile?: string;
  /** Release only this homework of the config: the student release ships only its exercises, the LMS images grade only them. */
  homework?: string;
  /** Replace a previous release that holds files this one does not write. */
  force?: boolean;
  log: (line: string) => void;
}

/** `npm run release -- <out-dir>`, `--gradescope <zip>`, `--prairielearn <dir>`. */
export async function releaseCommand(o: ReleaseCommandOptions): Promise<void> {
  if (!o.out && !o.gradescope && !o.prairielearn) throw new (await import('./write-release.js')).ReleaseRefused(['give an output folder, --gradescope <zip> or --prairielearn <dir>']);
  // Loaded and validated before anything is written; the LMS images carry it as written.
  const written = await loadWrittenConfig(o.configFile);
  const config = resolveConfig(undefined, {}, written);
  const exercises = o.homework === undefined ? undefined : selectExercises(config, { homework: o.homework }).exercises;
  const image = { config: written, ...(o.homework !== undefined ? { homework: o.homework } : {}) };
  // Where it all goes, tried once the config loads (a broken one makes nothing) and before the
  // release's work: a path that cannot take files is one line.
  if (o.gradescope) {
    openOutputFolder(path.dirname(path.resolve(o.gradescope)), '--gradescope: the folder');
    if (existsSync(o.gradescope) && statSync(o.gradescope).isDirectory()) throw new UserError('E_OUTPUT', `--gradescope ${path.resolve(o.gradescope)} is a folder: give the zip file to write, e.g. ${path.join(o.gradescope, 'autograder.zip')}`);
  }
  if (o.prairielearn) openOutputFolder(o.prairielearn, '--prairielearn');
  if (o.out) openOutputFolder(o.out, 'the release folder');
  const grades = exercises ? `grades homework ${o.homework} (${exercises.join(', ')}) only` : 'grades every exercise';
  if (o.gradescope) {
    const { gradescopeBundle } = await import('./gradescope-bundle.js');
    const b = await gradescopeBundle(o.gradescope, image);
    o.log(`Gradescope autograder (private: it holds the hidden checks and the reference; ${grades}): ${b.file}, ${b.entries} files, ${(b.bytes / 1e6).toFixed(1)} MB`);
  }
  if (o.prairielearn) {
    const { prairielearnImage } = await import('./prairielearn-image.js');
    const p = prairielearnImage(o.prairielearn, image);
    o.log(`PrairieLearn grader image folder (private: hidden checks and the reference; ${grades}): ${p.dir}, ${p.files} files; docker build -t <you>/cnn-grader ${p.dir}`);
  }
  if (o.out) {
    const { writeRelease } = await import('./write-release.js');
    const s = await writeRelease({ out: o.out, config, exercises, homework: o.homework, log: o.log, force: o.force });
    o.log(`Student release in ${path.relative(process.cwd(), s.out) || '.'}: ${s.files.length} files, ${s.publicChecks.length} public checks, ${s.leftOut.length} left out; recorded table ${(s.tableBytes / 1e6).toFixed(1)} MB; ${s.seconds.toFixed(1)} s`);
    o.log(`Catalogued mistakes the public checks diagnose: ${s.record.diagnosed.length}`);
    if (s.record.notRun.length) o.log(`Not run at release (training; they must not use ctx.reference): ${s.record.notRun.join(', ')}`);
  }
}
