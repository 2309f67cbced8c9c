/** The Classroom workflow template as the tests read it: its file, its text, its one job and steps. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { GradeResult } from '../../grader/core/result.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const workflowText = readFileSync(path.join(ROOT, 'grader/release/templates/github/classroom.yml'), 'utf8');
export const workflow = parse(workflowText);
export interface Step { name?: string; run?: string; uses?: string; if?: string }
export const job = workflow.jobs['run-autograding-tests'] as { steps: Step[]; if?: string };
export const step = (name: string) => job.steps.find((s) => s.name === name)!;

/** A graded result with these totals and nothing else. */
export function result(score: number, maxScore: number): GradeResult {
  return { submission: 's', startedAt: '', seconds: 1, seed: 1, score, maxScore, exercises: [], environment: {} };
}
