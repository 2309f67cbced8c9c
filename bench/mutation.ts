/**
 * `npm run bench -- mutation`: mutation testing of the grader itself. StrykerJS mutates one
 * solutions/ file at a time (every mutant a plausible student's slip) and its vitest runner runs
 * that exercise's checks against the mutated copy (bench/mutation/grade-mutant.test.ts) with the
 * intact reference; a mutant no check fails has survived. MUTATION_EXERCISES=convolution,filters
 * picks exercises (default: every exercise with a reference the checks can grade without training);
 * MUTATION_CONCURRENCY runs that many mutants at once (default 1).
 * Writes reports/mutation/<exercise>.html (Stryker's report) and reports/mutation/summary.md.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogLevel, MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';
import { EQUIVALENT, equivalenceKey } from './mutation/equivalent.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** cnn is left out: its checks train a network, minutes per mutant. */
const MUTATED = ['convolution', 'convolution2d', 'filters', 'augment', 'layers', 'parameters'] as const;

export interface Survivor {
  line: number;
  mutator: string;
  original: string;
  replacement: string;
  /** Why no check can fail it, when it is recorded as equivalent (bench/mutation/equivalent.ts). */
  equivalent?: string;
}

export interface ExerciseMutation {
  exercise: string;
  mutants: number;
  killed: number;
  survived: number;
  equivalent: number;
  /** (killed + timed out) / valid mutants, in percent; equivalent survivors excluded from the valid ones. */
  score: number;
  survivors: Survivor[];
}

export async function benchMutation(exercises: readonly string[] = exercisesFromEnv()): Promise<ExerciseMutation[]> {
  const { Stryker } = await import('@stryker-mutator/core');
  const out = path.join(ROOT, 'reports', 'mutation');
  await mkdir(out, { recursive: true });
  const summaries: ExerciseMutation[] = [];
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
      concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
      // The sandbox needs only the mutated solutions and the test; the grader comes from ROOT.
      ignorePatterns: ['/*', '!/solutions', '!/bench', '!/package.json', '!/tsconfig.json'],
      tempDirName: '.stryker-tmp',
      cleanTempDir: true,
      reporters: ['html', 'progress'],
      htmlReporter: { fileName: path.join(out, `${exercise}.html`) },
      // On top of the check's own time: a timed-out mutant counts as killed, so leave room for a
      // loaded machine; an infinite loop costs this much.
      timeoutMS: 20_000,
      logLevel: 'warn' as LogLevel,
      fileLogLevel: 'off' as LogLevel,
    };
    const results = await new Stryker(options).runMutationTest();
    summaries.push(summarise(exercise, file, results));
    await writeFile(path.join(out, 'summary.md'), summaryMarkdown(summaries));
  }
  return summaries;
}

function exercisesFromEnv(): string[] {
  const wanted = process.env.MUTATION_EXERCISES?.split(',').filter(Boolean) ?? [...MUTATED];
  const unknown = wanted.filter((w) => !(MUTATED as readonly string[]).includes(w));
  if (unknown.length) throw new Error(`MUTATION_EXERCISES: unknown exercise(s) ${unknown.join(', ')}; choose from ${MUTATED.join(', ')}`);
  return wanted;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function summarise(exercise: string, file: string, results: readonly MutantResult[]): ExerciseMutation {
  const source = sourceLines(file);
  const survivors = results
    .filter((r) => UNDETECTED.has(r.status))
    .map((r): Survivor => {
      const original = originalText(source, r);
      const equivalent = EQUIVALENT[exercise]?.[equivalenceKey(r.mutatorName, original, r.replacement ?? '')];
      return { line: r.location.start.line, mutator: r.mutatorName, original, replacement: r.replacement ?? '', equivalent };
    })
    .sort((a, b) => a.line - b.line);
  const killed = results.filter((r) => DETECTED.has(r.status)).length;
  const equivalent = survivors.filter((s) => s.equivalent).length;
  const valid = killed + survivors.length - equivalent;
  return {
    exercise,
    mutants: killed + survivors.length,
    killed,
    survived: survivors.length - equivalent,
    equivalent,
    score: valid ? Math.round((killed / valid) * 1000) / 10 : 100,
    survivors,
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

function summaryMarkdown(summaries: readonly ExerciseMutation[]): string {
  const lines = [
    '# Mutation testing of the checks (`npm run bench -- mutation`)',
    '',
    '| exercise | mutants | killed | survived | equivalent | score |',
    '|---|---:|---:|---:|---:|---:|',
    ...summaries.map((s) => `| ${s.exercise} | ${s.mutants} | ${s.killed} | ${s.survived} | ${s.equivalent} | ${s.score}% |`),
  ];
  for (const s of summaries) {
    if (!s.survivors.length) continue;
    lines.push('', `## ${s.exercise}: survivors`, '', '| where | mutator | original → replacement | equivalent because |', '|---|---|---|---|');
    for (const v of s.survivors) lines.push(`| solutions/${s.exercise}.ts:${v.line} | ${v.mutator} | ${cell(v.original)} → ${cell(v.replacement)} | ${v.equivalent ?? '**not equivalent: a check is missing**'} |`);
  }
  return lines.join('\n') + '\n';
}
