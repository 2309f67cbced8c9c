import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliConfig } from '../commands/cli-config.js';
import { OUTPUTS, type OutputName } from '../outputs/index.js';
import type { GradeResult } from '../core/result.js';
import { prepareUpload, type PreparedUpload } from './upload.js';

/** The grader's own folder: an LMS starts the entry point from anywhere. */
export const GRADER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface GradedUpload {
  prepared: PreparedUpload;
  /** Undefined when the upload had no exercise file: nothing was graded. */
  result?: GradeResult;
  /** The `format` file's text. */
  rendered?: string;
}

/**
 * Grades an LMS upload with every check (the instructor's grader: hidden checks included), in
 * the sandbox the machine offers, with the grader's own config file. The work happens in a
 * temporary folder that is removed afterwards; only the rendered results come back.
 */
export async function gradeUpload(upload: string, format: OutputName, log: (line: string) => void): Promise<GradedUpload> {
  process.chdir(GRADER_ROOT); // ./grader.config.ts is the instructor's
  const work = mkdtempSync(path.join(os.tmpdir(), 'upload-'));
  try {
    const prepared = await prepareUpload(upload, work);
    log(`Exercise files found: ${prepared.found}, in ${prepared.from}`);
    if (prepared.found === 0) return { prepared };
    const { gradeCommand } = await import('../commands/grade.js');
    const out = path.join(work, 'out');
    const { result } = await gradeCommand({ submission: prepared.folder, out, format, config: await cliConfig(undefined), visibility: 'all', log });
    return { prepared, result, rendered: readFileSync(path.join(out, OUTPUTS[format].fileName), 'utf8') };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** An error's first line: what a student may read about a grader failure. */
export function reason(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 500);
}
