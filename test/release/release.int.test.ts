/**
 * The student release, end to end: released into a temp folder (node_modules symlinked from this
 * repository), its own `npx vitest run` fails only with 'not implemented'; a convolve that forgets
 * the flip shows the counterexample, the diagnosis, the points and a REPLAY command that replays
 * it; the correct file passes; nothing hidden and no line of solutions/ is in the released tree.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALL_CHECKS, checksOf, RUNTIMES } from '../../grader/exercises/registry.js';
import { REFERENCE } from '../../grader/exercises/reference.js';
import { loadGraderConfig } from '../../grader/run/load-config.js';
import { writeRelease, type ReleaseSummary } from '../../grader/release/write-release.js';
import { distinctiveSolutionLines } from '../../grader/release/leaks.js';
import { callKey, encodeValue } from '../../grader/release/runtime/codec.js';
import { Recording, recordingReference } from '../../grader/release/recording-reference.js';
import { checkSettings } from '../../grader/config/per-check.js';
import { inProcessSubmission } from '../../grader/run/in-process-submission.js';
import { gradeSubmission } from '../../grader/run/grade-submission.js';
import { CLASSROOM_LINE } from '../../grader/outputs/classroom.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let summary: ReleaseSummary;

/** The released tree's text files. */
function releasedText(): Map<string, string> {
  return new Map(summary.files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

async function vitest(env: Record<string, string> = {}, reporter: string[] = ['--reporter=verbose']): Promise<string> {
  const r = await run(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...reporter, '--color=false'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stdout: string; stderr: string }) => e);
  return r.stdout + r.stderr;
}

function failureBlocks(output: string): string[] {
  return output.split(/ FAIL  /).slice(1);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'release-'));
  summary = await writeRelease({ out: dir, config: await loadGraderConfig(path.join(ROOT, 'grader.config.ts')) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // ~40 s of CPU (the reference and every catalogued mistake are recorded); far more wall clock
  // on a loaded machine.
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run release', () => {
  it('ships the public checks only', () => {
    const hidden = ALL_CHECKS.filter((c) => c.visibility === 'hidden').map((c) => c.id);
    expect(summary.leftOut).toEqual(expect.arrayContaining(hidden));
    for (const [file, text] of releasedText()) for (const id of summary.leftOut) expect(text.includes(id), `${file} names ${id}`).toBe(false);
    expect(summary.files.some((f) => f.startsWith('solutions/'))).toBe(false);
    expect(summary.files.filter((f) => /^grader\/mistakes\/(?!index|types|diagnose|agreement|shapes|probes\/)/.test(f))).toEqual([]);
  });

  it('contains no line of any solutions/ function', () => {
    const lines = distinctiveSolutionLines(ROOT);
    expect(lines.length).toBeGreaterThan(100);
    const released = [...releasedText().values()].join('\n');
    const found = lines.filter((l) => released.includes(l.line));
    expect(found).toEqual([]);
  });

  it('contains no golden value computed only by a hidden check', async () => {
    // Record what the hidden checks ask the reference, and look for those answers in the release.
    const recording = new Recording();
    const reference = recordingReference(REFERENCE, recording);
    const config = await loadGraderConfig(path.join(ROOT, 'grader.config.ts'));
    const hidden = ALL_CHECKS.filter((c) => summary.leftOut.includes(c.id) && c.kind !== 'training');
    for (const check of hidden) {
      const submission = inProcessSubmission('reference', { [check.exercise]: REFERENCE[check.exercise] as Record<string, unknown> }, RUNTIMES);
      await check.run({ exercise: check.exercise, submission, reference, checksOf, ...checkSettings({ ...config, numRuns: 20 }, check.id) });
    }
    const table = JSON.parse(readFileSync(path.join(dir, 'grader/release/data/recorded.json'), 'utf8')) as { reference: Record<string, unknown> };
    const released = [...releasedText().values()].join('\n');
    const goldens = [...recording.answers].filter(([key, e]) => !(key in table.reference) && 'v' in e).map(([, e]) => JSON.stringify((e as { v: unknown }).v));
    expect(goldens.filter((g) => new Set(g.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).size >= 5).length).toBeGreaterThan(100);
    // Only distinctive answers: a zero matrix or a one-number tensor is in any release by chance.
    const distinctive = (g: string) => new Set(g.match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).size >= 5;
    const leaked = goldens.filter((g) => distinctive(g) && released.includes(g));
    expect(leaked.map((g) => g.slice(0, 200))).toEqual([]);
    expect(callKey('x', 'y', [1])).not.toEqual(callKey('x', 'y', [encodeValue(-0)]));
  }, 120_000);

  it('writes a package.json whose npm test runs vitest, a README, a .gitignore and a valid workflow', () => {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toBe('vitest run');
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['fast-check', 'tsx']));
    expect(pkg.devDependencies.vitest).toBeTruthy();
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toMatch(/npm test[\s\S]*How points are given[\s\S]*\| \*\*Total\*\*/);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain('node_modules/');
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/classroom.yml'), 'utf8'));
    expect(Object.keys(workflow.on)).toContain('push');
    const steps = workflow.jobs['run-autograding-tests'].steps as { name?: string; run?: string; uses?: string; with?: Record<string, string> }[];
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact') && String(s.with?.path).includes('report.html'))).toBe(true);
    expect(steps.some((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
    expect(steps.some((s) => s.run?.includes('::stop-commands::'))).toBe(true);
  });

  it("fails every public check with 'not implemented' until the student works", async () => {
    const out = await vitest();
    const blocks = failureBlocks(out);
    // Training checks are skipped by npm test (npm run grade trains).
    const training = ALL_CHECKS.filter((c) => c.kind === 'training').map((c) => c.id);
    expect(blocks.length).toBe(summary.publicChecks.filter((id) => !training.includes(id)).length);
    // A stub's constants (HIGH_PASS = []) cannot throw: they fail as empty values instead.
    for (const b of blocks) expect(b, b.slice(0, 600)).toMatch(/not implemented|got an array of 0 values/);
    expect(blocks.filter((b) => /not implemented/.test(b)).length).toBeGreaterThan(blocks.length - 3);
  }, 120_000);

  it('npm test prints one concise block per failing check, no harness code, and ends with the points table', async () => {
    const out = await vitest({}, []); // the release's own reporter, as `npm test` runs it
    const lines = out.trimEnd().split('\n');
    expect(lines.length, out.slice(0, 3000)).toBeLessThan(300);
    const training = ALL_CHECKS.filter((c) => c.kind === 'training').map((c) => c.id);
    const failing = summary.publicChecks.filter((id) => !training.includes(id));
    expect(lines.filter((l) => l.startsWith('✗ ')).length).toBe(failing.length);
    for (const id of failing) expect(out).toContain(` points, ${id})`);
    // No code frame, stack or file position of the test harness.
    expect(out).not.toMatch(/❯|⎯|^\s+at |\d+\|\s|public-checks\.test\.ts:\d/m);
    expect(lines.at(-1)).toMatch(/^Total\s+0 \/ \d+ {3}\(public checks/);
    for (const exercise of new Set(failing.map((id) => id.split('.')[0]))) expect(out).toMatch(new RegExp(`^${exercise}\\s+0 / \\d+$`, 'm'));
    expect(out).not.toContain('node backend'); // tfjs's banner
  }, 120_000);

  it('shows a forgotten flip: counterexample, diagnosis, points and a replay command that works', async () => {
    const stub = readFileSync(path.join(dir, 'exercises/convolution.ts'), 'utf8');
    const solution = readFileSync(path.join(ROOT, 'solutions/convolution.ts'), 'utf8');
    writeFileSync(
      path.join(dir, 'exercises/convolution.ts'),
      solution.replace(/^export function convolve\(/m, 'function trueConvolve(') +
        "\nexport function convolve(a: number[], v: number[], mode: Mode = 'full'): number[] {\n  return trueConvolve(a, [...v].reverse(), mode);\n}\n",
    );
    try {
      const out = await vitest();
      const commutative = failureBlocks(out).find((b) => b.includes('(0/2 points, convolution.commutative)'));
      expect(commutative, out.slice(0, 3000)).toBeDefined();
      expect(commutative).toMatch(/Smallest failing input:\n\s+a = \[1\]\n\s+v = \[0, 1\]/);
      expect(commutative).toMatch(/should equal: \[0, 1\]\n\s+got:\s+\[1, 0\]/);
      expect(commutative).toMatch(/Likely mistake — No flip: a cross-correlation/);
      const worked = failureBlocks(out).find((b) => b.includes('convolution.worked-examples'))!;
      expect(worked).toMatch(/Likely mistake — No flip/);
      expect(out).not.toMatch(/internal error/);
      const replay = /REPLAY='(convolution\.commutative:[-\d:]+)' npx vitest run/.exec(commutative!)![1];
      const replayed = await vitest({ REPLAY: replay });
      expect(replayed).toMatch(/1 failed \| \d+ skipped/);
      expect(replayed).toMatch(/a = \[1\]\n\s+v = \[0, 1\]/);

      writeFileSync(path.join(dir, 'exercises/convolution.ts'), solution);
      const fixed = await vitest();
      for (const id of summary.publicChecks.filter((i) => i.startsWith('convolution.'))) expect(fixed).not.toContain(`, ${id})`);
      expect(fixed).toMatch(/✓ .*Worked examples from the slides/);
    } finally {
      writeFileSync(path.join(dir, 'exercises/convolution.ts'), stub);
    }
  }, 120_000);

  it('a bug no mistake explains still gets a recorded counterexample, never an internal error', async () => {
    const stub = readFileSync(path.join(dir, 'exercises/filters.ts'), 'utf8');
    cpSync(path.join(ROOT, 'solutions/convolution2d.ts'), path.join(dir, 'exercises/convolution2d.ts'));
    const solution = readFileSync(path.join(ROOT, 'solutions/filters.ts'), 'utf8');
    writeFileSync(
      path.join(dir, 'exercises/filters.ts'),
      solution.replace(/^export function highPass\(/m, 'function trueHighPass(') +
        '\nexport function highPass(image: Matrix, size = 3): Matrix {\n  const out = trueHighPass(image, size);\n  if (image.length >= 3) out[0][0] += 1;\n  return out;\n}\n',
    );
    try {
      const out = await vitest();
      expect(out).toContain('(0/2 points, filters.high-pass-kernel)');
      expect(out).not.toMatch(/internal error|no recorded answer/);
    } finally {
      writeFileSync(path.join(dir, 'exercises/filters.ts'), stub);
      cpSync(path.join(ROOT, 'exercises/convolution2d.ts'), path.join(dir, 'exercises/convolution2d.ts'));
    }
  }, 120_000);

  it('an endless loop in a call or at the top of a file stops npm test with what hung, instead of hanging it', async () => {
    const stub = readFileSync(path.join(dir, 'exercises/convolution.ts'), 'utf8');
    const solution = readFileSync(path.join(ROOT, 'solutions/convolution.ts'), 'utf8');
    try {
      writeFileSync(path.join(dir, 'exercises/convolution.ts'), solution.replace(/^(export function convolve\([^)]*\)[^{]*\{)/m, '$1\n  while (a.length > 0) {}'));
      const call = await vitest({}, []);
      expect(call).toContain('✗ npm test stopped: your convolve (convolution.ts) did not finish within 5 s.');
      expect(call).toMatch(/checks pass, \d+ fail, .*\d+ not reached \(npm test stopped\)\./);
      writeFileSync(path.join(dir, 'exercises/convolution.ts'), `while (true) {}\n${stub}`);
      expect(await vitest({}, [])).toContain('✗ npm test stopped: loading exercises/convolution.ts did not finish within 15 s.');
    } finally {
      writeFileSync(path.join(dir, 'exercises/convolution.ts'), stub);
    }
  }, 180_000);

  it('npm run grade gives the local score, report.html, junit.xml, the job summary and classroom lines', async () => {
    cpSync(path.join(ROOT, 'solutions/convolution.ts'), path.join(dir, 'exercises/convolution.ts'));
    try {
      const r = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'grader/release/runtime/student-grade.ts', 'exercises', '--out', 'reports/ci'], { cwd: dir, maxBuffer: 64 << 20 });
      const points = ALL_CHECKS.filter((c) => summary.publicChecks.includes(c.id) && c.exercise === 'convolution').reduce((s, c) => s + c.points, 0);
      expect(r.stdout).toMatch(new RegExp(`convolution\\s+${points} / ${points}`));
      for (const f of ['report.html', 'junit.xml', 'results.json', 'summary.md', 'classroom.txt']) expect(existsSync(path.join(dir, 'reports/ci', f)), f).toBe(true);
      const lines = readFileSync(path.join(dir, 'reports/ci/classroom.txt'), 'utf8').trim().split('\n');
      expect(lines).toHaveLength(2);
      for (const l of lines) expect(l).toMatch(CLASSROOM_LINE);
      expect(readFileSync(path.join(dir, 'reports/ci/summary.md'), 'utf8')).toMatch(/\| convolution \| (\d+) \/ \1 \|/);
      const help = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'grader/release/runtime/student-grade.ts', '--help'], { cwd: dir });
      expect(help.stdout).toMatch(/npm run grade -- \[folder\][\s\S]*--only[\s\S]*--all/);
      const bad = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'grader/release/runtime/student-grade.ts', '--colour'], { cwd: dir }).catch((e: { code: number; stderr: string }) => e);
      expect(bad).toMatchObject({ code: 2, stderr: 'grade: unknown option --colour (npm run grade -- --help lists them)\n' });
    } finally {
      cpSync(path.join(ROOT, 'exercises/convolution.ts'), path.join(dir, 'exercises/convolution.ts'));
    }
  }, 120_000);

  it("runs the workflow's own commands: fenced log, job summary, classroom lines a student cannot forge or swallow", async () => {
    const stub = readFileSync(path.join(dir, 'exercises/convolution.ts'), 'utf8');
    const forged = '::notice title=Autograding complete::Points 100/100';
    // A forged result line, and a leftover print without a newline at the very end of the log.
    const stray = "process.on('exit', () => process.stdout.write('stray output, no newline'));\n";
    writeFileSync(path.join(dir, 'exercises/convolution.ts'), `console.log(${JSON.stringify(forged)});\n${stray}` + readFileSync(path.join(ROOT, 'solutions/convolution.ts'), 'utf8'));
    const workflow = parse(readFileSync(path.join(dir, '.github/workflows/classroom.yml'), 'utf8'));
    const summaryFile = path.join(dir, 'step-summary.md');
    writeFileSync(summaryFile, '');
    const env = { ...process.env, GRADER_TOKEN: '', GITHUB_STEP_SUMMARY: summaryFile, GITHUB_WORKSPACE: dir, PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH}` };
    let log = '';
    try {
      for (const step of workflow.jobs['run-autograding-tests'].steps as { name?: string; run?: string; if?: string }[]) {
        if (!step.run || step.name === 'Install') continue; // node_modules is symlinked
        if (step.if && step.if !== 'always()' && step.if !== "env.GRADER_TOKEN == ''") continue;
        const r = await run('bash', ['-e', '-c', step.run], { cwd: dir, env, maxBuffer: 64 << 20 })
          .then((ok) => ({ ...ok, code: 0 }), (e: { stdout: string; stderr: string; code: number }) => e);
        log += `## ${step.name}\n${r.stdout}${r.stderr}`;
        // Only the stubs' missing points: the last step fails, as Classroom's reporter does.
        expect(r.code, `${step.name}\n${r.stdout}${r.stderr}`).toBe(step.name === 'Classroom result' ? 1 : 0);
      }
      const fence = /::stop-commands::([0-9a-f]{32})\n([\s\S]*)\n::\1::\n/.exec(log);
      expect(fence, log.slice(0, 2000)).not.toBeNull();
      expect(fence![2]).toMatch(/stray output, no newline$/); // the last words of the log, yet the token has a line of its own
      expect(fence![2]).toContain(forged); // the student's line is inside the fence: inert
      const outside = log.replace(fence![0], '');
      expect(outside.split('\n').filter((l) => l.startsWith('::'))).toEqual([
        expect.stringMatching(/^::notice title=Autograding complete::Points \d+(\.\d+)?\/\d+/),
        expect.stringMatching(/^::notice title=Autograding report::\{"totalPoints":/),
        expect.stringMatching(/^::error title=Autograding::[\d.]+ of [\d.]+ points: some checks failed/),
      ]);
      expect(outside).not.toContain('Points 100/100');
      expect(readFileSync(summaryFile, 'utf8')).toMatch(/## Autograding: [\d.]+ \/ [\d.]+ points/);
      expect(readFileSync(path.join(dir, 'reports/ci/junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    } finally {
      writeFileSync(path.join(dir, 'exercises/convolution.ts'), stub);
    }
  }, 120_000);

  it("npm run train trains the student's CNN to the course grader's accuracy, to the digit, and npm run grade (Classroom's score) counts its points", async () => {
    // A subset large enough for partial credit (the reference passes 90% on it), small enough to be quick.
    const subset = ['--train-samples', '6000', '--test-samples', '500'];
    const files = ['cnn', 'augment'].map((e) => ({ file: path.join(dir, `exercises/${e}.ts`), stub: readFileSync(path.join(dir, `exercises/${e}.ts`), 'utf8') }));
    for (const e of ['cnn', 'augment']) cpSync(path.join(ROOT, `solutions/${e}.ts`), path.join(dir, `exercises/${e}.ts`));
    const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
    try {
      const trained = await run(process.execPath, [tsx, 'grader/commands/train.ts', ...subset], { cwd: dir, maxBuffer: 64 << 20 });
      const accuracy = /^Test accuracy: ([\d.]+)%$/m.exec(trained.stdout)?.[1];
      const points = Number(/^Points: ([\d.]+) \/ 10$/m.exec(trained.stdout)?.[1]);
      expect(accuracy, trained.stdout + trained.stderr).toBeDefined();
      expect(trained.stdout).toMatch(/your model, epoch 2\/2 \[█{30}\]/);
      expect(trained.stdout).toMatch(/^Report: .*reports\/train\/report\.html$/m);
      const report = readFileSync(path.join(dir, 'reports/train/report.html'), 'utf8');
      expect(report).toContain('Digits moved by your augment.ts.');
      expect(report).toContain('What the first layer learned');

      // The course grader: this repository's config, the model asked of a sandboxed child.
      const config = await loadGraderConfig(path.join(ROOT, 'grader.config.ts'), { trainSamples: 6000, testSamples: 500 });
      const graded = await gradeSubmission(path.join(ROOT, 'solutions'), config, { checks: ALL_CHECKS.filter((c) => c.exercise === 'cnn'), pictures: false });
      const verdict = graded.exercises[0].checks.find((c) => c.check.kind === 'training')!;
      const gradersAccuracy = (verdict.verdict as unknown as { artifacts: { training: { testAccuracy: number } } }).artifacts.training.testAccuracy;
      expect(accuracy).toBe((gradersAccuracy * 100).toFixed(2));
      expect(points).toBeCloseTo(verdict.score, 2);
      expect(points).toBeGreaterThan(0);

      // npm run grade, as the Classroom workflow runs it: the accuracy points are in its score.
      const r = await run(process.execPath, [tsx, 'grader/release/runtime/student-grade.ts', 'exercises', '--only', 'cnn', ...subset, '--out', 'reports/ci-cnn'], { cwd: dir, maxBuffer: 64 << 20 });
      expect(r.stdout).toMatch(new RegExp(`cnn\\s+${3 + verdict.score} / 13`));
      const lines = readFileSync(path.join(dir, 'reports/ci-cnn/classroom.txt'), 'utf8');
      expect(lines).toContain(`"totalPoints":${3 + verdict.score},"maxPoints":13`);
    } finally {
      for (const f of files) writeFileSync(f.file, f.stub);
    }
  }, 900_000);
});
