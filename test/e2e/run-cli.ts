import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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
