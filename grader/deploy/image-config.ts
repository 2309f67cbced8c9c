/**
 * What an LMS image (Gradescope, PrairieLearn) grades with: `grader.image.json` beside the grader,
 * written by `npm run release` from the config it was given (`--config`, else the repository's
 * grader.config.ts), as the instructor wrote it and validated then, and the `--homework` it was
 * built for, if any. The image reads nothing else: the repository's own config file does not
 * travel, so an image can never grade with points or checks other than those it was released with.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { UserConfig } from '../config/define.js';
import type { GraderConfig } from '../config/types.js';
import type { ExerciseId } from '../core/contract.js';
import { configFromData } from '../run/load-config.js';
import { selectExercises } from '../run/homework.js';

export const IMAGE_CONFIG_FILE = 'grader.image.json';

export interface ImageConfig {
  /** The written config (validated at release). */
  config: UserConfig;
  /** The image grades this homework's exercises only. */
  homework?: string;
}

export function imageConfigText(image: ImageConfig): string {
  return JSON.stringify(image, null, 2) + '\n';
}

/**
 * The image's config, resolved, and the exercises it grades (undefined: every exercise). A missing
 * or unusable file is the image's fault, never the student's: a plain error, which the LMS result
 * reports as the grader's failure.
 */
export function readImageConfig(root: string): { config: GraderConfig; exercises?: ExerciseId[] } {
  try {
    const image = JSON.parse(readFileSync(path.join(root, IMAGE_CONFIG_FILE), 'utf8')) as ImageConfig;
    const config = configFromData(image.config, IMAGE_CONFIG_FILE);
    return { config, exercises: image.homework === undefined ? undefined : selectExercises(config, { homework: image.homework }).exercises };
  } catch (e) {
    throw new Error(`this image's ${IMAGE_CONFIG_FILE} cannot be used (build it again with npm run release): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
