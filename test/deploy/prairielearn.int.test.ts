/**
 * The PrairieLearn external grader as PrairieLearn runs it
 * (https://prairielearn.readthedocs.io/en/latest/externalGrading/, and apps/grader-host: the
 * container must exit 0 and leave /grade/results/results.json of at most 1 MB). Docker cannot run
 * here: the test writes the image's build folder (`npm run release -- --prairielearn`), gives it
 * this repository's node_modules in place of the Dockerfile's `npm ci`, and runs its
 * entrypoint.sh against a temporary /grade-shaped root.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../grader/exercises/registry.js';
import { prairielearnImage } from '../../grader/release/prairielearn-image.js';
import { loadWrittenConfig } from '../../grader/run/load-config.js';
import { makeZip as zip } from '../batch/zip-writer.js';
import { flippedKernel, referenceFiles, ROOT, writeUpload, type UploadShape } from './lms-root.js';

const run = promisify(execFile);
let image: string;
let grade: string;

interface PlTest { name: string; points: number; max_points: number; output?: string; message?: string; description?: string }
interface PlResults { gradable?: boolean; score?: number; message?: string; output?: string; format_errors?: string[]; tests?: PlTest[] }

/** externalGradingOptions as PrairieLearn's docs and its info.json schema (apps/prairielearn/src/schemas/infoQuestion.ts) define them. */
const externalGradingOptions = new Ajv({ strict: true }).compile({
  type: 'object',
  additionalProperties: false,
  required: ['image'],
  properties: {
    comment: {},
    enabled: { type: 'boolean' },
    image: { type: 'string' },
    entrypoint: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    serverFilesCourse: { type: 'array', items: { type: 'string' } },
    timeout: { type: 'integer', minimum: 1, maximum: 600 },
    enableNetworking: { type: 'boolean' },
    environment: { type: 'object', additionalProperties: { type: 'string' } },
  },
});

async function entrypoint(shape: UploadShape | 'none', files: Map<string, string>, at = image): Promise<{ results: PlResults; text: string; log: string }> {
  rmSync(grade, { recursive: true, force: true });
  mkdirSync(path.join(grade, 'data'), { recursive: true });
  if (shape !== 'none') writeUpload(path.join(grade, 'student'), shape, files);
  else mkdirSync(path.join(grade, 'student'));
  const r = await run('bash', [path.join(at, 'entrypoint.sh')], { cwd: grade, env: { ...process.env, PL_GRADE_ROOT: grade }, maxBuffer: 64 << 20 });
  const text = readFileSync(path.join(grade, 'results', 'results.json'), 'utf8');
  expect(Buffer.byteLength(text)).toBeLessThan(1 << 20);
  return { results: JSON.parse(text) as PlResults, text, log: r.stdout + r.stderr };
}

/** The image's config: the real one, with other points for one check and another check disabled. */
const [LINEAR_POINTS, DISABLED] = [9, 'convolution.identity'];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prairielearn-'));
  image = path.join(dir, 'image');
  grade = path.join(dir, 'grade');
  const base = await loadWrittenConfig();
  prairielearnImage(image, { config: { ...base, checks: { ...base.checks, 'convolution.linear': { points: LINEAR_POINTS }, [DISABLED]: { enabled: false } } } });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(image, 'node_modules'), 'dir');
});
afterAll(() => rmSync(path.dirname(image), { recursive: true, force: true }));

describe('the PrairieLearn grader image', () => {
  it('has a Dockerfile that installs the packages and MNIST into the image and an info.json PrairieLearn accepts', () => {
    const dockerfile = readFileSync(path.join(image, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:\d+/m);
    expect(dockerfile).toMatch(/^COPY \. \/grader$/m);
    expect(dockerfile).toMatch(/^RUN npm ci .*&& npm run --silent mnist && npm run --silent kernels/m);
    expect(statSync(path.join(image, 'entrypoint.sh')).mode & 0o111).toBeTruthy();
    const options = JSON.parse(readFileSync(path.join(image, 'info.json'), 'utf8')).externalGradingOptions;
    expect(externalGradingOptions(options), JSON.stringify(externalGradingOptions.errors)).toBe(true);
    expect(options.entrypoint).toBe('/grader/entrypoint.sh');
    expect(options.timeout).toBeGreaterThan(30); // the default is shorter than a full grade
    expect(options.enableNetworking).toBe(false);
  });

  it("shows a hidden check's title and points only: no counterexample, seed or message", async () => {
    const files = new Map([...flippedKernel(referenceFiles(false))].filter(([name]) => name === 'convolution.ts'));
    const { results, text } = await entrypoint('flat', files);
    expect(results.gradable).toBe(true);
    expect(results.score).toBeGreaterThanOrEqual(0);
    expect(results.score).toBeLessThan(1);
    const byName = new Map(results.tests!.map((t) => [t.name, t]));
    const hidden = ALL_CHECKS.filter((c) => c.visibility === 'hidden' && c.exercise === 'convolution');
    for (const c of hidden) {
      const t = byName.get(`convolution: ${c.title}`);
      expect(t, c.id).toBeDefined();
      expect(Object.keys(t!).sort(), c.id).toEqual(['max_points', 'name', 'points']);
      expect(t!.max_points).toBe(c.points);
    }
    // The flipped kernel fails the hidden differential test against numpy: it shows 0 of its points and nothing else.
    expect(byName.get(`convolution: ${ALL_CHECKS.find((c) => c.id === 'convolution.matches-numpy')!.title}`)!.points).toBe(0);
    // A failed public check shows its counterexample, so the format does carry them.
    const commutative = byName.get(`convolution: ${ALL_CHECKS.find((c) => c.id === 'convolution.commutative')!.title}`)!;
    // Both sides are the student's: the other one is what it should equal, not "expected".
    expect(commutative.output).toMatch(/Smallest failing input:[\s\S]*should equal:[\s\S]*got:/);
    // Nothing in the file names a hidden check's id, and the summary holds only scores.
    for (const c of hidden) expect(text).not.toContain(c.id);
    for (const line of results.output!.split('\n')) expect(line).toMatch(/^\w+: [\d.]+\/[\d.]+$/);
  }, 300_000);

  it('finds the files in a repository zip, and grades with the config the image was released with', async () => {
    const { results } = await entrypoint('repository zip', new Map([...referenceFiles(false)].filter(([name]) => name === 'convolution.ts')));
    const convolution = results.tests!.filter((t) => t.name.startsWith('convolution: '));
    expect(convolution.every((t) => t.points === t.max_points)).toBe(true);
    const title = (id: string) => `convolution: ${ALL_CHECKS.find((c) => c.id === id)!.title}`;
    expect(convolution.find((t) => t.name === title('convolution.linear'))!.max_points).toBe(LINEAR_POINTS);
    expect(convolution.map((t) => t.name)).not.toContain(title(DISABLED));
  }, 300_000);

  it('an upload with no exercise file is not gradable, with a message, and costs no attempt', async () => {
    const { results, log } = await entrypoint('none', new Map());
    expect(results.gradable).toBe(false);
    expect(results.score).toBeUndefined();
    expect(results.format_errors![0]).toMatch(/No exercise file was found[\s\S]*convolution\.ts/);
    expect(log).toMatch(/^could not grade: No exercise file was found/m);
    expect(log).not.toMatch(/\n\s+at |internal error|grader failed/);
  }, 120_000);

  it('a zip that climbs out of its folder is not gradable, one line in the log and no stack', async () => {
    rmSync(grade, { recursive: true, force: true });
    mkdirSync(path.join(grade, 'student'), { recursive: true });
    writeFileSync(path.join(grade, 'student', 'evil.zip'), zip([{ name: '../escape.ts', data: Buffer.from('x') }]));
    const r = await run('bash', [path.join(image, 'entrypoint.sh')], { cwd: grade, env: { ...process.env, PL_GRADE_ROOT: grade } });
    const bad = JSON.parse(readFileSync(path.join(grade, 'results', 'results.json'), 'utf8')) as PlResults;
    expect(bad.gradable).toBe(false);
    expect(bad.format_errors![0]).toMatch(/^The grader could not grade this submission: evil\.zip: entry "\.\.\/escape\.ts" contains '\.\.'\. It does not count as an attempt\.$/);
    expect(r.stdout + r.stderr).toMatch(/^could not grade: evil\.zip: /m);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |internal error|grader failed/);
  }, 120_000);

  it('grades renamed copies (Filters.ts, convolution (1).ts) and tells the student in the message', async () => {
    const solutions = referenceFiles(false);
    const files = new Map([['convolution (1).ts', solutions.get('convolution.ts')!], ['Convolution2D.ts', solutions.get('convolution2d.ts')!], ['Filters.ts', solutions.get('filters.ts')!], ['notes.txt', 'hi\n']]);
    const { results } = await entrypoint('flat', files);
    expect(results.gradable).toBe(true);
    const filters = results.tests!.filter((t) => t.name.startsWith('filters: '));
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((t) => t.points === t.max_points)).toBe(true);
    expect(results.message).toBe('Graded convolution (1).ts as convolution.ts.\nGraded Convolution2D.ts as convolution2d.ts.\nGraded Filters.ts as filters.ts.\nNot graded (not an exercise file): notes.txt.');
  }, 300_000);

  it('leaves a results.json (not gradable, with the reason) when the grader cannot start', async () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'prairielearn-broken-'));
    try {
      copyFileSync(path.join(image, 'entrypoint.sh'), path.join(broken, 'entrypoint.sh'));
      const { results } = await entrypoint('flat', referenceFiles(false), broken);
      expect(results.gradable).toBe(false);
      expect(results.format_errors![0]).toMatch(/stopped before writing a result \(exit code \d+\)/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  }, 120_000);
});
