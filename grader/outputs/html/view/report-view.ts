import type { Diagnosis, Verdict } from '../../../checks/types.js';
import { counterexampleLabels, type CounterexampleLabels } from '../../../feedback/counterexample-labels.js';
import type { CheckResult, CheckStatus, ExerciseResult, GradeResult } from '../../../core/result.js';
import { formatNumber, formatValue } from '../../../feedback/format-value.js';
import type { Pictures } from '../pictures.js';
import { cleanRobustness, cleanTraining, isRobustnessReport, isTrainingReport } from '../artifacts.js';
import { valueView, type ValueView } from './value-view.js';
import { trainingView, type TrainingView } from './training-view.js';
import { robustnessView, type RobustnessView } from './robustness-view.js';
import { pictureGroups, type PictureGroupView } from './pictures-view.js';

/** How each status looks; the status itself is the check's own (CheckResult.status), never re-judged here. */
const STATUS: Record<CheckStatus, { icon: string; label: string }> = {
  passed: { icon: '✓', label: 'Passed' },
  failed: { icon: '✗', label: 'Failed' },
  errored: { icon: '⚠', label: 'Error' },
  'timed-out': { icon: '⏱', label: 'Timed out' },
};

export interface CheckView {
  id: string;
  title: string;
  description: string;
  score: string;
  points: string;
  hidden: boolean;
  kind: string;
  status: CheckStatus;
  /** Some but not all of the points (a score, not a status). */
  partial: boolean;
  icon: string;
  statusLabel: string;
  open: boolean;
  message?: string;
  /** "What went wrong" for failures, "Result" otherwise. */
  messageLabel: string;
  diagnoses: Diagnosis[];
  counterexample?: { inputs: { name: string; value: ValueView }[]; expected?: ValueView; got?: ValueView; labels: CounterexampleLabels };
  replay?: { seed: number; path?: string };
  seconds: string;
  training?: TrainingView;
  robustness?: RobustnessView;
  otherArtifacts: { key: string; text: string }[];
}

export interface ExerciseView {
  id: string;
  title: string;
  slides: string;
  score: string;
  maxScore: string;
  percent: number;
  passed: number;
  total: number;
  checks: CheckView[];
  output?: string;
  outputLines: number;
  pictures: PictureGroupView[];
}

export interface ReportView {
  submission: string;
  startedAt: string;
  seconds: string;
  score: string;
  maxScore: string;
  percent: number;
  counts: { passed: number; partial: number; failed: number; errored: number; timedOut: number };
  exercises: ExerciseView[];
  /** Pictures of exercises that were not graded in this run. */
  extraPictures: PictureGroupView[];
  environment: { key: string; value: string }[];
  seed: number;
}

const pct = (score: number, max: number) => (max > 0 ? Math.round((1000 * score) / max) / 10 : 0);

/** Everything the report template shows, computed from a result (the template only lays it out). */
export async function reportView(result: GradeResult, pictures: Pictures | undefined): Promise<ReportView> {
  const groups = pictureGroups(pictures);
  const exercises = await Promise.all(result.exercises.map((e) => exerciseView(e, groups)));
  const checks = exercises.flatMap((e) => e.checks);
  const count = (s: CheckStatus) => checks.filter((c) => c.status === s).length;
  const graded = new Set(result.exercises.map((e) => e.exercise as string));
  const environment = Object.entries({ ...result.environment, seed: String(result.seed), 'graded at': result.startedAt, 'grading took': `${formatNumber(Number(result.seconds.toFixed(1)))} s` });
  return {
    submission: result.submission,
    startedAt: result.startedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC'),
    seconds: formatNumber(Number(result.seconds.toFixed(1))),
    score: formatNumber(result.score),
    maxScore: formatNumber(result.maxScore),
    percent: pct(result.score, result.maxScore),
    counts: { passed: count('passed'), partial: checks.filter((c) => c.partial).length, failed: count('failed'), errored: count('errored'), timedOut: count('timed-out') },
    exercises,
    extraPictures: groups.filter((g) => !graded.has(g.exercise)),
    environment: environment.map(([key, value]) => ({ key, value: String(value) })),
    seed: result.seed,
  };
}

async function exerciseView(e: ExerciseResult, groups: PictureGroupView[]): Promise<ExerciseView> {
  const checks = await Promise.all(e.checks.map(checkView));
  return {
    id: e.exercise,
    title: e.title ?? e.exercise,
    slides: e.slides ?? '',
    score: formatNumber(e.score),
    maxScore: formatNumber(e.maxScore),
    percent: pct(e.score, e.maxScore),
    passed: checks.filter((c) => c.status === 'passed').length,
    total: checks.length,
    checks,
    output: e.output,
    outputLines: e.output ? e.output.split('\n').length : 0,
    pictures: groups.filter((g) => g.exercise === e.exercise),
  };
}

/** A check of a function still the starter's stub ("not implemented"): one line says it all, so it starts closed. */
const notStarted = (v: Verdict) => v.status === 'errored' && /\bnot implemented\b/i.test(v.message ?? '');

async function checkView(r: CheckResult): Promise<CheckView> {
  const v: Verdict = r.verdict;
  const status = r.status;
  const partial = r.score > 0 && r.score < r.check.points;
  const cx = v.status !== 'passed' ? v.counterexample : undefined;
  const artifacts = v.status !== 'errored' ? v.artifacts ?? {} : {};
  const { training, robustness, ...rest } = artifacts;
  return {
    id: r.check.id,
    title: r.check.title,
    description: r.check.description,
    score: formatNumber(r.score),
    points: formatNumber(r.check.points),
    hidden: r.check.visibility === 'hidden',
    kind: r.check.kind,
    status,
    partial,
    ...STATUS[status],
    statusLabel: partial ? `${STATUS[status].label} (partial credit)` : STATUS[status].label,
    open: (status !== 'passed' || partial) && !notStarted(v),
    message: v.message,
    messageLabel: status === 'passed' ? 'Result' : 'What went wrong',
    diagnoses: v.status === 'failed' ? v.diagnosis ?? [] : [],
    counterexample: cx && {
      inputs: Object.entries(cx.input).map(([name, value]) => ({ name, value: valueView(value) })),
      expected: cx.expected === undefined ? undefined : valueView(cx.expected, cx.got, cx.tolerance),
      got: cx.got === undefined ? undefined : valueView(cx.got, cx.expected, cx.tolerance),
      labels: counterexampleLabels(cx.expectedIs),
    },
    replay: v.status !== 'passed' ? v.replay : undefined,
    seconds: formatNumber(Number(r.seconds.toFixed(2))),
    training: isTrainingReport(training) ? await trainingView(cleanTraining(training)).catch(() => undefined) : undefined,
    robustness: isRobustnessReport(robustness) ? await robustnessView(cleanRobustness(robustness)).catch(() => undefined) : undefined,
    otherArtifacts: [
      ...Object.entries(rest).map(([key, value]) => ({ key, text: formatValue(value) })),
      ...(training !== undefined && !isTrainingReport(training) ? [{ key: 'training (not in the expected shape)', text: formatValue(training) }] : []),
      ...(robustness !== undefined && !isRobustnessReport(robustness) ? [{ key: 'robustness (not in the expected shape)', text: formatValue(robustness) }] : []),
    ],
  };
}
