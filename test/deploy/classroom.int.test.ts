/**
 * The Classroom workflow's steps run as Actions runs them (bash -e): the last step fails below the
 * maximum, as the official reporter's core.setFailed does; a student's output without a final
 * newline cannot swallow the token that resumes workflow commands; shellcheck finds nothing.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSROOM_LINE, classroomOutput } from '../../grader/outputs/classroom.js';
import { job, result, ROOT, step, type Step } from './classroom-workflow.js';

const runStep = promisify(execFile);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'classroom-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a step's script as Actions does for `shell: bash` (bash -e {0}); its exit code and output. */
async function run(s: Step, env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  const r = await runStep('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', s.run!], { cwd: dir, env: { ...process.env, ...env } })
    .then((ok) => ({ code: 0, out: ok.stdout + ok.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }));
  return r;
}

describe("the Classroom workflow's steps, run in bash", () => {
  it('fails the last step below the maximum, as the official reporter does, and passes at the maximum', async () => {
    mkdirSync(path.join(dir, 'reports/ci'), { recursive: true });
    const file = path.join(dir, 'reports/ci/classroom.txt');
    const cases: [string | undefined, number][] = [
      [await classroomOutput.render(result(89, 89)), 0],
      [await classroomOutput.render(result(88.5, 89)), 1],
      [await classroomOutput.render(result(0, 89)), 1],
      ['::notice title=Autograding complete::Points 89/89\n::notice title=Autograding report::{"totalPoints":89,"maxPoints":89}\nextra\n', 1],
      ['::notice title=Autograding complete::Points 89/89 and more\n::notice title=Autograding report::{"totalPoints":89,"maxPoints":89}\n', 1],
      [undefined, 1],
    ];
    for (const [text, code] of cases) {
      rmSync(file, { force: true });
      if (text !== undefined) writeFileSync(file, text);
      const r = await run(step('Classroom result'));
      expect(r.code, `${text}\n${r.out}`).toBe(code);
      if (code === 0) expect(r.out.trimEnd().split('\n')).toEqual(text!.trimEnd().split('\n'));
      if (text && code === 1 && CLASSROOM_LINE.test(text.split('\n')[0]) && text.split('\n').length === 3) {
        // Below the maximum: the lines are printed (Classroom records the score), then the step fails.
        expect(r.out).toContain(text.split('\n')[0]);
        expect(r.out).toMatch(/^::error title=Autograding::[\d.]+ of [\d.]+ points: some checks failed/m);
      }
    }
  });

  it("resumes workflow commands after the log even when the student's last output has no newline", async () => {
    for (const tail of ['tick', 'tick\r', '', 'done\n']) {
      writeFileSync(path.join(dir, 'grade.log'), `grading…\n${tail}`);
      const r = await run(step('Grader log'));
      expect(r.code).toBe(0);
      const token = /^::stop-commands::([0-9a-f]{32})$/m.exec(r.out)![1];
      const lines = r.out.split('\n');
      const withToken = lines.filter((l) => l.includes(`::${token}::`));
      expect(withToken, JSON.stringify(r.out)).toEqual([`::${token}::`]);
      expect(lines.at(-2)).toBe(`::${token}::`);
    }
  });

  it("is clean under shellcheck: every run step, and the LMS scripts", () => {
    if (spawnSync('shellcheck', ['--version']).status !== 0) {
      console.log('shellcheck not run: it is not installed (Debian package shellcheck; .ci/run installs it)');
      return;
    }
    for (const s of job.steps.filter((x) => x.run)) {
      const r = spawnSync('shellcheck', ['--shell=bash', '-'], { input: s.run, encoding: 'utf8' });
      expect(r.status, `${s.name}:\n${r.stdout}`).toBe(0);
    }
    const scripts = ['grader/deploy/templates/gradescope/setup.sh', 'grader/deploy/templates/gradescope/run_autograder', 'grader/deploy/templates/prairielearn/entrypoint.sh'];
    const r = spawnSync('shellcheck', scripts, { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});
