import type { Intake } from '../core/result.js';

/** At most this many file names per line: a repository's upload holds many files that are not graded. */
const NAMES_PER_LINE = 8;

/**
 * What the intake did with an upload, as lines for the student: the files graded under another
 * name, and the files not graded, grouped by why. No line when every file was taken as it was.
 */
export function intakeLines(intake: Intake | undefined): string[] {
  if (!intake) return [];
  const lines = intake.renamed.map((r) => `Graded ${r.file} as ${r.as}.`);
  const byWhy = new Map<string, string[]>();
  for (const s of intake.skipped) byWhy.set(s.why, [...(byWhy.get(s.why) ?? []), s.file]);
  for (const [why, files] of byWhy) {
    const shown = files.slice(0, NAMES_PER_LINE).join(', ') + (files.length > NAMES_PER_LINE ? `, … (${files.length} files)` : '');
    lines.push(`Not graded (${why}): ${shown}.`);
  }
  return lines;
}
