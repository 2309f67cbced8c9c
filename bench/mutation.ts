/**
 * `npm run bench -- mutation`: mutation testing of the grader itself. StrykerJS mutates one
 * solutions/ file at a time (every mutant a plausible student's slip) and its vitest runner runs
 * that exercise's checks against the mutated copy (bench/mutation/grade-mutant.test.ts) with the
 * intact reference; a mutant no check fails has survived. MUTATION_EXERCISES=convolution,filters
 * picks exercises (default: all of MUTATED; none, `MUTATION_EXERCISES=`, only rebuilds the
 * summary); MUTATION_CONCURRENCY runs that many mutants at once (default 1).
 * Writes reports/mutation/<exercise>.html (Stryker's report) and <exercise>.json (this run's
 * figures), and rebuilds reports/mutation/summary.md from every <exercise>.json there, so
 * exercises measured in separate runs share one summary. Survivors are classified when the
 * summary is written (bench/mutation/equivalent.ts), so a newly recorded reason needs no rerun.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogLevel, MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';
import { EQUIVALENT, UNDETECTABLE, equivalenceKey } from './mutation/equivalent.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'reports', 'mutation');
/**
 * Every exercise. cnn's checks without training (bench/mutation/grade-mutant.test.ts leaves the
 * training check out): its solution is a model's layers and training settings, which the
 * structural check rebuilds and validates.
 */
const MUTATED = ['convolution', 'convolution2d', 'filters', 'augment', 'layers', 'parameters', 'cnn'] as const;

/** A surviving mutant, where it is and what it changed. */
export interface Survivor {
  line: number;
  mutator: string;
  original: string;
  replacement: string;
}

/** One exercise's run, as written to reports/mutation/<exercise>.json. */
export interface MutationRun {
  exercise: string;
  /** When the run ended (ISO). */
  date: string;
  seconds: number;
  /** The machine's mean 1-minute load average during the run, sampled every 10 s. */
  load: number;
  concurrency: number;
  mutants: number;
  /** Failed by a check, timeouts included. */
  killed: number;
  /** Of the killed, those that ran past Stryker's time limit (an infinite loop, mostly). */
  timedOut: number;
  survivors: Survivor[];
}

/** A run's figures with its survivors classified by bench/mutation/equivalent.ts. */
export interface ExerciseMutation extends Omit<MutationRun, 'survivors'> {
  survived: number;
  /** Survivors that behave as the contract asks: they leave the score. */
  equivalent: number;
  /** Of the survived, those no check can tell from correct code (they stay in the score). */
  undetectable: number;
  /** killed / (mutants − equivalent), in percent. */
  score: number;
  survivors: (Survivor & { why: string })[];
}

export async function benchMutation(exercises: readonly string[] = exercisesFromEnv()): Promise<ExerciseMutation[]> {
  const { Stryker } = await import('@stryker-mutator/core');
  await mkdir(OUT, { recursive: true });
  const concurrency = Number(process.env.MUTATION_CONCURRENCY ?? 1);
  const runs: MutationRun[] = [];
  for (const exercise of exercises) {
    process.env.MUTATION_ROOT = ROOT;
    process.env.MUTATION_EXERCISE = exercise;
    const file = `solutions/${exercise}.ts`;
    const options: PartialStrykerOptions = {
      mutate: [file],
      testRunner: 'vitest',
      plugins: ['@stryker-mutator/vitest-runner'],
      vitest: { configFile: 'bench/mutation/vitest.config.ts', related: false },
      coverageAnalysis: 'perTest',
      concurrency,
      // The sandbox needs only the mutated solutions and the test; the grader comes from ROOT.
      ignorePatterns: ['/*', '!/solutions', '!/bench', '!/package.json', '!/tsconfig.json'],
      tempDirName: '.stryker-tmp',
      cleanTempDir: true,
      reporters: ['html', 'progress'],
      htmlReporter: { fileName: path.join(OUT, `${exercise}.html`) },
      // On top of the check's own time: a timed-out mutant counts as killed, so leave room for a
      // loaded machine; an infinite loop costs this much.
      timeoutMS: 20_000,
      logLevel: 'warn' as LogLevel,
      fileLogLevel: 'off' as LogLevel,
    };
    const started = performance.now();
    const loads: number[] = [];
    const sampler = setInterval(() => loads.push(os.loadavg()[0]), 10_000);
    const results = await new Stryker(options).runMutationTest().finally(() => clearInterval(sampler));
    const run = record(exercise, file, results, {
      seconds: Math.round((performance.now() - started) / 1000),
      load: Math.round((loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)) * 10) / 10,
      concurrency,
    });
    await writeFile(path.join(OUT, `${exercise}.json`), JSON.stringify(run, null, 2) + '\n');
    runs.push(run);
    await writeFile(path.join(OUT, 'summary.md'), summaryMarkdown(await recordedRuns()));
  }
  // With MUTATION_EXERCISES= (none), only the summary is rebuilt, e.g. after recording a reason.
  if (!exercises.length) await writeFile(path.join(OUT, 'summary.md'), summaryMarkdown(await recordedRuns()));
  return runs.map(classify);
}

function exercisesFromEnv(): string[] {
  const wanted = process.env.MUTATION_EXERCISES?.split(',').filter(Boolean) ?? [...MUTATED];
  const unknown = wanted.filter((w) => !(MUTATED as readonly string[]).includes(w));
  if (unknown.length) throw new Error(`MUTATION_EXERCISES: unknown exercise(s) ${unknown.join(', ')}; choose from ${MUTATED.join(', ')}`);
  return wanted;
}

/** Every exercise's latest run found in reports/mutation/, in MUTATED's order. */
async function recordedRuns(): Promise<MutationRun[]> {
  const runs = await Promise.all(MUTATED.map((e) => readFile(path.join(OUT, `${e}.json`), 'utf8').then((t) => JSON.parse(t) as MutationRun, () => undefined)));
  return runs.filter((r): r is MutationRun => r !== undefined);
}

const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function record(exercise: string, file: string, results: readonly MutantResult[], measured: Pick<MutationRun, 'seconds' | 'load' | 'concurrency'>): MutationRun {
  const source = sourceLines(file);
  const survivors = results
    .filter((r) => UNDETECTED.has(r.status))
    .map((r): Survivor => ({ line: r.location.start.line, mutator: r.mutatorName, original: originalText(source, r), replacement: r.replacement ?? '' }))
    .sort((a, b) => a.line - b.line);
  const timedOut = results.filter((r) => r.status === 'Timeout').length;
  const killed = results.filter((r) => r.status === 'Killed').length + timedOut;
  return { exercise, date: new Date().toISOString(), ...measured, mutants: killed + survivors.length, killed, timedOut, survivors };
}

function classify(run: MutationRun): ExerciseMutation {
  const survivors = run.survivors.map((s) => {
    const key = equivalenceKey(s.mutator, s.original, s.replacement);
    const equivalent = EQUIVALENT[run.exercise]?.[key];
    const undetectable = UNDETECTABLE[run.exercise]?.[key];
    const why = equivalent ? `equivalent: ${equivalent}` : undetectable ? `undetectable: ${undetectable}` : '**not recorded: a check is missing**';
    return { ...s, why, equivalent: Boolean(equivalent), undetectable: !equivalent && Boolean(undetectable) };
  });
  const equivalent = survivors.filter((s) => s.equivalent).length;
  const valid = run.mutants - equivalent;
  return {
    ...run,
    survived: survivors.length - equivalent,
    equivalent,
    undetectable: survivors.filter((s) => s.undetectable).length,
    score: valid ? Math.round((run.killed / valid) * 1000) / 10 : 100,
    survivors: survivors.map(({ equivalent: _e, undetectable: _u, ...s }) => s),
  };
}

function sourceLines(file: string): string[] {
  return readFileSync(path.join(ROOT, file), 'utf8').split('\n');
}

/** The mutated source text (Stryker's locations: 1-based lines and columns), on one line. */
function originalText(lines: readonly string[], r: MutantResult): string {
  const { start, end } = r.location;
  const [from, to] = [start.column - 1, end.column - 1];
  const text = start.line === end.line
    ? lines[start.line - 1].slice(from, to)
    : [lines[start.line - 1].slice(from), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, to)].join('\n');
  return oneLine(text);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const clip = (s: string) => (s.length > 60 ? s.slice(0, 57) + '…' : s);
const cell = (s: string) => '`' + clip(oneLine(s)).replace(/`/g, "'").replace(/\|/g, '\\|') + '`';

/** The summary of every recorded run. */
function summaryMarkdown(runs: readonly MutationRun[]): string {
  const summaries = runs.map(classify);
  const lines = [
    '# Mutation testing of the checks (`npm run bench -- mutation`)',
    '',
    '| exercise | mutants | killed | of them timed out | survived (undetectable) | equivalent | score | run |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...summaries.map((s) => `| ${s.exercise} | ${s.mutants} | ${s.killed} | ${s.timedOut} | ${s.survived} (${s.undetectable}) | ${s.equivalent} | ${s.score}% | ${s.date.slice(0, 16).replace('T', ' ')} UTC, ${s.seconds} s, load ${s.load}, concurrency ${s.concurrency} |`),
  ];
  for (const s of summaries) {
    if (!s.survivors.length) continue;
    lines.push('', `## ${s.exercise}: survivors`, '', '| where | mutator | original → replacement | why it survives |', '|---|---|---|---|');
    for (const v of s.survivors) lines.push(`| solutions/${s.exercise}.ts:${v.line} | ${v.mutator} | ${cell(v.original)} → ${cell(v.replacement)} | ${v.why} |`);
  }
  return lines.join('\n') + '\n';
}
