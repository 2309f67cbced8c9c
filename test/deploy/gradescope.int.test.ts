/**
 * The Gradescope autograder as Gradescope runs it (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 * the zip built by `npm run release -- --gradescope` is unpacked into <root>/source, run_autograder
 * is copied to <root>, setup.sh runs (for real: `npm ci` and the MNIST check; with Node and
 * bubblewrap already present and AUTOGRADER_SKIP_APT=1, so no apt-get or NodeSource step runs
 * here), then run_autograder grades <root>/submission uploaded in each shape a student uses, and
 * results.json must satisfy a JSON Schema written from Gradescope's specification.
 *
 * To stay within a test's time, the config the bundle is built with (the real one, extended)
 * disables the CNN's training checks and runs fewer property cases; it also changes one check's
 * points, which the results must show. The full grade with the CNN is measured in docs/instructors.md.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../grader/exercises/registry.js';
import { gradescopeBundle } from '../../grader/release/gradescope-bundle.js';
import { IMAGE_CONFIG_FILE, imageConfigText, type ImageConfig } from '../../grader/deploy/image-config.js';
import { loadWrittenConfig } from '../../grader/run/load-config.js';
import { unzipSafely } from '../../grader/intake/unzip.js';
import { flippedKernel, referenceFiles, run, writeUpload, type UploadShape } from './lms-root.js';

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'gradescope-results.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(schema);
let root: string;
let setupLog = '';

interface Results {
  score: number;
  output?: string;
  tests: { name: string; number: string; score: number; max_score: number; status: string; output: string; visibility: string }[];
}

async function runAutograder(env: Record<string, string> = {}, at = root): Promise<{ results: Results; log: string }> {
  rmSync(path.join(at, 'results'), { recursive: true, force: true });
  const r = await run('bash', [path.join(at, 'run_autograder')], { cwd: at, env: { ...process.env, AUTOGRADER_ROOT: at, ...env }, maxBuffer: 64 << 20 });
  const text = readFileSync(path.join(at, 'results', 'results.json'), 'utf8');
  const results = JSON.parse(text) as Results;
  expect(validate(results), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return { results, log: r.stdout + r.stderr };
}

function upload(shape: UploadShape, files: Map<string, string>): void {
  rmSync(path.join(root, 'submission'), { recursive: true, force: true });
  writeUpload(path.join(root, 'submission'), shape, files);
}

const graded = ALL_CHECKS.filter((c) => c.exercise !== 'cnn');
/** The points the bundle's config gives convolution.linear (its own are fewer). */
const LINEAR_POINTS = 9;
const points = (c: (typeof ALL_CHECKS)[number]) => (c.id === 'convolution.linear' ? LINEAR_POINTS : c.points);
const maxScore = graded.reduce((s, c) => s + points(c), 0);
let image: ImageConfig;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'gradescope-root-')); // 0700, as /autograder may be: setup.sh lets the sandbox through
  const zipFile = path.join(root, 'autograder.zip');
  // The test's instructor config: the real one, without the CNN's training, fewer property runs, other points.
  const base = await loadWrittenConfig();
  const disabled = Object.fromEntries(ALL_CHECKS.filter((c) => c.exercise === 'cnn').map((c) => [c.id, { enabled: false }]));
  image = { config: { ...base, numRuns: 25, checks: { ...base.checks, ...disabled, 'convolution.linear': { points: LINEAR_POINTS } } } };
  await gradescopeBundle(zipFile, image);
  await unzipSafely(zipFile, path.join(root, 'source'), { maxZipBytes: 200 << 20, maxTotalBytes: 200 << 20, maxEntries: 20_000 });
  copyFileSync(path.join(root, 'source', 'run_autograder'), path.join(root, 'run_autograder'));
  mkdirSync(path.join(root, 'submission'));
  const source = path.join(root, 'source');
  const r = await run('bash', [path.join(source, 'setup.sh')], { cwd: source, env: { ...process.env, AUTOGRADER_ROOT: root, AUTOGRADER_SKIP_APT: '1' }, maxBuffer: 64 << 20 });
  setupLog = r.stdout + r.stderr;
}, 600_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the Gradescope autograder, unpacked into a Gradescope-shaped root', () => {
  it('setup.sh installs the packages and checks MNIST against its sha256', () => {
    expect(existsSync(path.join(root, 'source', 'node_modules', 'tsx'))).toBe(true);
    expect(setupLog).toMatch(/MNIST ready \(sha256 verified\): 60000 training and 10000 test digits/);
    expect(setupLog).toContain('setup.sh: done');
  });

  it('gives the reference full marks, uploaded as files at the top, with the points of the config it was built with', async () => {
    upload('flat', referenceFiles(true));
    const { results } = await runAutograder();
    expect(results.tests.map((t) => t.number).sort()).toEqual(graded.map((c) => c.id).sort());
    expect(results.tests.find((t) => t.number === 'convolution.linear')!.max_score).toBe(LINEAR_POINTS);
    // Each test first: a failure names the check (and its output) before the total does.
    for (const t of results.tests) expect(t.status, `${t.name}: ${t.output}`).toBe('passed');
    expect(results.score).toBe(maxScore);
  }, 300_000);

  it.each<UploadShape>(['folder', 'repository zip'])('shows a flipped kernel its counterexample, uploaded as a %s', async (shape) => {
    upload(shape, flippedKernel(referenceFiles(true)));
    const { results } = await runAutograder();
    const convolution = results.tests.filter((t) => t.number.startsWith('convolution.'));
    const failed = convolution.filter((t) => t.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    const visible = failed.find((t) => t.visibility === 'visible' && /Smallest failing input:[\s\S]*expected:[\s\S]*got:/.test(t.output));
    expect(visible, JSON.stringify(failed.map((t) => t.output), null, 2).slice(0, 3000)).toBeDefined();
    expect(failed.some((t) => /cross-correlation/.test(t.output))).toBe(true);
    // Only convolve is wrong: every other exercise keeps its points.
    const others = results.tests.filter((t) => !t.number.startsWith('convolution.'));
    expect(others.filter((t) => t.status !== 'passed').map((t) => `${t.name}: ${t.output}`)).toEqual([]);
    expect(results.score).toBeLessThan(maxScore);
  }, 300_000);

  it('an upload without exercise files gets 0 and a message that says what to upload', async () => {
    upload('flat', new Map([['notes.txt', 'I did not do it']]));
    const { results } = await runAutograder();
    expect(results.score).toBe(0);
    expect(results.output).toMatch(/No exercise file was found[\s\S]*convolution\.ts/);
  }, 120_000);

  it('still writes results.json (0 with the reason) when the grader cannot start or fails', async () => {
    // The grader cannot start: a root whose source has no node_modules.
    const broken = mkdtempSync(path.join(os.tmpdir(), 'gradescope-broken-'));
    try {
      mkdirSync(path.join(broken, 'source'));
      copyFileSync(path.join(root, 'run_autograder'), path.join(broken, 'run_autograder'));
      const { results } = await runAutograder({}, broken);
      expect(results).toMatchObject({ score: 0, tests: [] });
      expect(results.output).toMatch(/stopped before writing a result \(exit code \d+\)/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
    // The grader fails while grading: a zip it refuses (an entry that climbs out of its folder).
    rmSync(path.join(root, 'submission'), { recursive: true, force: true });
    mkdirSync(path.join(root, 'submission'));
    writeFileSync(path.join(root, 'submission', 'evil.zip'), (await import('../batch/zip-writer.js')).makeZip([{ name: '../escape.ts', data: Buffer.from('x') }]));
    const { results, log } = await runAutograder();
    expect(results.score).toBe(0);
    expect(results.output).toMatch(/^The autograder could not grade this submission: evil\.zip: entry "\.\.\/escape\.ts" contains '\.\.'$/);
    // The student's mistake is one line in the log, never a stack.
    expect(log).toMatch(/^could not grade: evil\.zip: /m);
    expect(log).not.toMatch(/\n\s+at |internal error|grader failed/);
  }, 120_000);

  it('grades renamed copies (convolution (1).ts, Filters.ts) and names each rename and each file not graded', async () => {
    const reference = referenceFiles(false);
    upload('flat', new Map([['convolution (1).ts', reference.get('convolution.ts')!], ['Filters.ts', reference.get('filters.ts')!], ['Convolution2D.ts', reference.get('convolution2d.ts')!], ['notes.txt', 'hi\n']]));
    const { results } = await runAutograder();
    const graded = results.tests.filter((t) => /^(convolution|convolution2d|filters)\./.test(t.number));
    expect(graded.length).toBeGreaterThan(0);
    for (const t of graded) expect(t.status, t.name).toBe('passed');
    expect(results.output!.split('\n').slice(0, 4)).toEqual([
      'Graded convolution (1).ts as convolution.ts.',
      'Graded Convolution2D.ts as convolution2d.ts.',
      'Graded Filters.ts as filters.ts.',
      'Not graded (not an exercise file): notes.txt.',
    ]);
  }, 300_000);

  it('built for a homework (release --homework hw1 --gradescope), grades its exercises only', async () => {
    const file = path.join(root, 'source', IMAGE_CONFIG_FILE);
    writeFileSync(file, imageConfigText({ config: { ...image.config, homeworks: { hw1: ['convolution', 'convolution2d'] } }, homework: 'hw1' }));
    try {
      upload('flat', referenceFiles(false)); // every file: only the homework's are graded
      const { results, log } = await runAutograder();
      const hw1 = graded.filter((c) => c.exercise === 'convolution' || c.exercise === 'convolution2d');
      expect(results.tests.map((t) => t.number).sort()).toEqual(hw1.map((c) => c.id).sort());
      expect(results.score).toBe(hw1.reduce((s, c) => s + points(c), 0));
      expect(log).not.toMatch(/TensorFlow\.js backend/); // nothing it grades trains
    } finally {
      writeFileSync(file, imageConfigText(image));
    }
  }, 300_000);
});
