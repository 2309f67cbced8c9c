import { isExerciseId } from '../exercises/registry.js';
import type { ExerciseId } from '../core/contract.js';

/** The extensions a submission's loader reads, in the order it prefers them. */
export const SOURCE_EXTENSIONS = ['.ts', '.js', '.mjs'] as const;

/** A file name read as an exercise file, perhaps renamed the way browsers and LMSs rename a copy. */
export interface ExerciseFileName {
  exercise: ExerciseId;
  /** The name the grader loads it by: `convolution.ts`. */
  canonical: string;
  /** The copy's number (`name (2).ts`: 2, `name-1.ts`: 1); 0 for the name itself. */
  copy: number;
}

// `name`, then one copy marker: ` (1)` (a browser's second download), `-1` or `_1` (Canvas's and
// Moodle's resubmissions), ` copy`/` copy 2` (macOS); then the extension in any case, and a
// `.txt` that an editor or a mail client added.
const NAME = /^(?<base>.+?)(?:\s*\((?<paren>\d+)\)|[-_ ](?<dash>\d+)|\s+(?<word>copy)(?:\s+(?<wordN>\d+))?)?(?<ext>\.ts|\.js|\.mjs)(?:\.txt)?$/i;

/**
 * The exercise a file name belongs to, matched case-insensitively and through the usual rename
 * patterns (`convolution (1).ts`, `convolution-1.ts`, `convolution.ts.txt`, `Convolution.TS`);
 * undefined when it is not an exercise file.
 */
export function exerciseFileName(fileName: string): ExerciseFileName | undefined {
  const g = NAME.exec(fileName)?.groups;
  if (!g) return undefined;
  const id = g.base.toLowerCase();
  if (!isExerciseId(id)) return undefined;
  return { exercise: id, canonical: id + g.ext.toLowerCase(), copy: Number(g.paren ?? g.dash ?? g.wordN ?? (g.word ? 1 : 0)) };
}
