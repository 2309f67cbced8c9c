/**
 * Grades one attack of test/fixtures/attacks through the real grader (gradeCommand, or the CLI),
 * with an honest copy of other exercises beside it, and checks what every attack must leave
 * intact: grading completes with valid outputs, no file changes, nothing unescaped or raw, no
 * process left behind, the honest exercises keep full marks.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ExerciseId } from '../../grader/core/contract.js';
import { DEFAULT_CONFIG } from '../../grader/config/defaults.js';
import { resolveConfig } from '../../grader/config/resolve.js';
import type { GraderConfig } from '../../grader/config/types.js';
import { gradeCommand } from '../../grader/commands/grade.js';
import type { GradeResult } from '../../grader/core/result.js';
import { leftovers } from '../sandbox/helpers.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
export const ATTACKS = join(REPO, 'test/fixtures/attacks');
export const MARKER = 'ATTACK-MARKER';

export type Mode = 'bwrap' | 'node';

export interface AttackOptions {
  /** The exercise the attack lives in. */
  attacked: ExerciseId;
  /** Exercises copied from solutions/ into the same folder: they must keep full marks. */
  honest: ExerciseId[];
  mode: Mode;
  /** Symbolic links to create in the copy: file name → target relative to the repository. */
  links?: Record<string, string>;
  sandbox?: Partial<GraderConfig['sandbox']>;
  /** Run through the CLI (`grader/cli/main.ts`) instead of gradeCommand. */
  cli?: boolean;
}

export interface Test { number: string; score: number; max_score: number; status: string; output: string; tags: string[] }

export interface AttackRun {
  results: { score: number; max_score: number; tests: Test[]; extra_data: { environment: Record<string, string> } };
  result?: GradeResult;
  html: string;
  /** What the grader printed (gradeCommand's log and anything written to this process's stdout/stderr, or the CLI's). */
  printed: string;
  seconds: number;
  test(id: string): Test;
  /** The attacked exercise's points. */
  attackedScore: number;
}

/** A digest of names, contents, link targets and mtimes under `path` (a file or a folder). */
export function digest(path: string): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    const st = lstatSync(p);
    h.update(`${relative(path, p)}|${st.mtimeMs}|${st.mode}`);
    if (st.isSymbolicLink()) h.update(`-> ${readlinkSync(p)}`);
    else if (st.isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else h.update(readFileSync(p));
  };
  if (existsSync(path)) walk(path);
  return h.digest('hex');
}

/** Every file under `dir` → a digest of its content and mtime. */
function fileDigests(dir: string): Map<string, string> {
  const m = new Map<string, string>();
  const walk = (p: string) => {
    const st = lstatSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
    else m.set(p, `${st.mtimeMs}|${st.isSymbolicLink() ? readlinkSync(p) : createHash('sha256').update(readFileSync(p)).digest('hex')}`);
  };
  if (existsSync(dir)) walk(dir);
  return m;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

const HONEST_DEPS: Partial<Record<ExerciseId, ExerciseId[]>> = { filters: ['convolution2d'], augment: ['convolution2d'] };

/** Copies the attack into a fresh folder, pointing its placeholders at the real places. */
function prepare(name: string, o: AttackOptions, root: string, sub: string, out: string): void {
  mkdirSync(sub);
  for (const file of readdirSync(join(ATTACKS, name))) {
    const text = readFileSync(join(ATTACKS, name, file), 'utf8')
      .replaceAll('../../../../solutions/', `${relative(sub, join(REPO, 'solutions'))}/`)
      .replaceAll('__REPO__', REPO)
      .replaceAll('__OUT__', out)
      .replaceAll('__SUBMISSION__', sub);
    writeFileSync(join(sub, file), text);
  }
  for (const ex of o.honest) for (const f of [ex, ...(HONEST_DEPS[ex] ?? [])]) cpSync(join(REPO, 'solutions', `${f}.ts`), join(sub, `${f}.ts`));
  for (const [file, target] of Object.entries(o.links ?? {})) symlinkSync(join(REPO, target), join(sub, file));
  writeFileSync(join(root, 'canary.txt'), randomBytes(32).toString('hex'));
}

function quickConfig(o: AttackOptions): GraderConfig {
  const base = resolveConfig(DEFAULT_CONFIG, { sandbox: o.mode });
  return {
    ...base,
    numRuns: 25,
    sandbox: { ...base.sandbox, callTimeoutMs: 1_500, exerciseTimeoutMs: 15_000, memoryMb: 512, ...o.sandbox },
    training: { ...base.training, limits: { ...base.training.limits, trainSamples: 256, testSamples: 64, maxSeconds: 20 } },
  };
}

/** Captures what this process writes to stdout and stderr while `fn` runs. */
async function capture<T>(fn: () => Promise<T>): Promise<{ value: T; printed: string }> {
  const chunks: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const tap = (write: typeof out) => ((chunk: unknown, ...rest: unknown[]) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof out;
  process.stdout.write = tap(out);
  process.stderr.write = tap(err);
  try {
    const value = await fn();
    return { value, printed: chunks.join('') };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** Grades the attack `name` and checks every invariant; the caller asserts what the attack may score. */
export async function gradeAttack(name: string, o: AttackOptions): Promise<AttackRun> {
  const root = mkdtempSync(join(tmpdir(), `attack-${name}-`));
  const sub = join(root, name);
  const out = join(root, 'out');
  const strayMarker = `/tmp/${MARKER}-write-output`;
  chmodSync(root, 0o755); // the sandbox's children (user nobody) must reach its temp folder inside
  try {
    prepare(name, o, root, sub, out);
    // The repository's folders may change under concurrent work: a change there fails only if it carries the attacker's marker.
    const shared = [join(REPO, 'solutions'), join(REPO, 'grader'), join(REPO, 'exercises')];
    const sharedBefore = shared.map(fileDigests);
    const strict = [join(ATTACKS, name), sub, join(root, 'canary.txt')];
    const before = strict.map(digest);
    const config = quickConfig(o);
    const t0 = Date.now();
    let printed: string;
    let result: GradeResult | undefined;
    if (o.cli) {
      const configFile = join(root, 'grader.config.json');
      writeFileSync(configFile, JSON.stringify({ numRuns: config.numRuns, sandbox: config.sandbox, training: { limits: config.training.limits } }));
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'grader/cli/main.ts', sub, '--only', [o.attacked, ...o.honest].join(','), '--out', out, '--config', configFile], {
        cwd: REPO, encoding: 'utf8', timeout: 90_000, env: { ...process.env, TMPDIR: root },
      });
      expect(r.status, `the CLI exits 0\n${r.stderr}`).toBe(0);
      printed = r.stdout + r.stderr;
    } else {
      // The sandbox's temp folder goes under `root`, so that leftover processes can be found by it.
      const savedTmp = process.env.TMPDIR;
      process.env.TMPDIR = root;
      const lines: string[] = [];
      try {
        const c = await capture(() => gradeCommand({ submission: sub, out, only: [o.attacked, ...o.honest], format: 'gradescope', config, visibility: 'all', log: (l) => lines.push(l) }));
        result = c.value.result;
        printed = lines.join('\n') + '\n' + c.printed;
      } finally {
        if (savedTmp === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = savedTmp;
      }
    }
    const seconds = (Date.now() - t0) / 1000;

    // Outputs: exactly the three reports, regular files, results.json valid.
    expect(readdirSync(out).sort(), 'only the grader\'s files in the output folder').toEqual(['junit.xml', 'report.html', 'results.json']);
    for (const f of readdirSync(out)) expect(lstatSync(join(out, f)).isFile(), `${f} is a regular file`).toBe(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as AttackRun['results'];
    expect(typeof results.score).toBe('number');
    expect(results.extra_data.environment.sandbox, 'graded in the mode asked for').toMatch(new RegExp(`^${o.mode} \\(`));
    expect(Array.isArray(results.tests)).toBe(true);
    for (const t of results.tests) {
      expect(Number.isFinite(t.score) && t.score >= 0 && t.score <= t.max_score, `${t.number}: ${t.score}/${t.max_score}`).toBe(true);
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');

    // No file changed, nothing stray written.
    expect(strict.map(digest), 'the fixture, the submission folder and the canary are unchanged').toEqual(before);
    shared.forEach((dir, i) => {
      const after = fileDigests(dir);
      for (const [file, d] of after) {
        if (sharedBefore[i].get(file) === d) continue;
        expect(readFileSync(file, 'utf8'), `${file} changed during grading`).not.toMatch(/ATTACK/);
      }
    });
    expect(existsSync(strayMarker), 'no stray file in /tmp').toBe(false);
    expect(existsSync(join(REPO, 'solutions/pwned.txt'))).toBe(false);

    // Nothing unescaped in the report, nothing raw on the terminal.
    for (const bad of [/<script/i, /<img[^>]*onerror/i, /<iframe/i, /\u001b/]) expect(html, `report.html has no ${bad}`).not.toMatch(bad);
    expect(junit).not.toMatch(/\u001b|<script/);
    expect(strings(results).some((x) => x.includes('\u001b')), 'no raw ANSI escape in results.json').toBe(false);
    // A failed check's ✗ line gives its reason, which may quote what the student's code threw
    // (sanitised: one line, no control characters, after the grader's own words); nothing else of
    // the attacker's reaches the terminal, and never at the start of a line.
    const leaked = printed.split('\n').filter((line) => line.includes(MARKER) && !/^✗ .* \([\d.]+\/[\d.]+ points, [\w.-]+\): /.test(line));
    expect(leaked, 'the grader printed nothing of the attacker\'s outside a failed check\'s reason').toEqual([]);
    expect(printed).not.toMatch(/::notice|::set-output|\u001b|"score":\s*100/);

    // No process left behind: nothing mentioning this run's folder (the sandbox's temp folder is in it) or the marker.
    expect(await leftovers(root, 5_000), 'processes left behind').toEqual([]);
    expect(await leftovers(MARKER, 3_000), 'marker processes left behind').toEqual([]);
    expect(await leftovers('sleep\u0000613', 3_000), 'sleepers left behind').toEqual([]);
    expect(readdirSync(root).filter((f) => f.startsWith('cnn-sandbox-')), 'sandbox temp folders removed').toEqual([]);

    const test = (id: string) => {
      const t = results.tests.find((x) => x.number === id);
      if (!t) throw new Error(`no test ${id} in results.json`);
      return t;
    };
    // The honest exercises keep full marks.
    for (const ex of o.honest) {
      const own = results.tests.filter((t) => t.tags.includes(ex));
      expect(own.length).toBeGreaterThan(0);
      for (const t of own) expect(t.score, `honest ${t.number}: ${t.output}`).toBe(t.max_score);
    }
    const attackedScore = results.tests.filter((t) => t.tags.includes(o.attacked)).reduce((s, t) => s + t.score, 0);
    return { results, result, html, printed, seconds, test, attackedScore };
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(strayMarker, { force: true });
  }
}

/**
 * Every check of the attacked exercise scored 0, but for `except`. By default that is the
 * no-mutation check, which a function that returns without touching its arguments earns.
 */
export function expectNoPoints(run: AttackRun, exercise: ExerciseId, except: string[] = [`${exercise}.no-mutation`]): void {
  const own = run.results.tests.filter((t) => t.tags.includes(exercise) && !except.includes(t.number));
  expect(own.length).toBeGreaterThan(0);
  for (const t of own) expect(t.score, `${t.number} must score 0: ${t.output}`).toBe(0);
}
