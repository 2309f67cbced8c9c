import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface CliRun {
  status: number | null;
  stderr: string;
  out: string;
  results: () => any;
  file: (name: string) => string;
}

/** Runs the grading CLI as a user would (`npm run grade -- …`), into a fresh output folder. */
export function runCli(args: string[], timeoutMs = 120_000): CliRun {
  const out = mkdtempSync(path.join(tmpdir(), 'grade-out-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'grader/cli/main.ts', ...args, '--out', out], { encoding: 'utf8', timeout: timeoutMs });
  return {
    status: r.status,
    stderr: r.stderr,
    out,
    results: () => JSON.parse(readFileSync(path.join(out, 'results.json'), 'utf8')),
    file: (name) => readFileSync(path.join(out, name), 'utf8'),
  };
}

/**
 * A submission folder holding solutions/<exercise>.ts with one line changed: a student's mistake
 * that stays in step with the reference (the test fails loudly if the line is no longer there).
 */
export function mutatedSolution(exercise: string, line: string, replacement: string): string {
  const source = readFileSync(path.join('solutions', `${exercise}.ts`), 'utf8');
  if (!source.includes(line)) throw new Error(`solutions/${exercise}.ts no longer has the line to mutate: ${line}`);
  const dir = mkdtempSync(path.join(tmpdir(), `${exercise}-mutant-`));
  writeFileSync(path.join(dir, `${exercise}.ts`), source.replace(line, replacement));
  return dir;
}

/** convolve without the flip: the kernel slides over the signal as a cross-correlation. */
export const flippedKernel = () =>
  mutatedSolution('convolution', 'sum += long[i] * short[k - i];', 'sum += long[i] * short[n - 1 - (k - i)];');

/** A convolutional layer whose forward pass forgets the bias. */
export const forgotBias = () => mutatedSolution('layers', 'acc[f] = b.data[f];', 'acc[f] = 0;');
