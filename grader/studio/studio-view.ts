/**
 * What the studio's page shows of one exercise, as plain JSON: the report's own view of the result
 * (grader/report/view/report-view.ts: scores, statuses, diagnoses, value tables, pictures) plus the
 * counterexample drawn and the REPLAY command. The page puts every string in with textContent.
 */
import type { ExerciseResult, GradeResult } from '../core/result.js';
import type { Pictures } from '../outputs/html/pictures.js';
import { reportView, type CheckView, type ExerciseView } from '../outputs/html/view/report-view.js';
import { modelSizeChart } from '../outputs/html/view/training-view.js';
import { replayCommand } from '../feedback/format-text.js';
import { counterexamplePictures, svgDataUri, type CounterexamplePictures } from './counterexample-pictures.js';
import type { GradientErrors, ModelSummary, StudioExtras } from '../core/studio-extras.js';
import { logBarChart } from '../outputs/html/svg/log-bar-chart.js';

/** What the check process computes beside the checks: pictures, and the exercise's studio extras (its manifest's `studio`). */
export interface Extras extends StudioExtras {
  pictures?: Pictures;
}

export type StudioCheck = Omit<CheckView, 'training' | 'robustness' | 'replay'> & {
  replay?: string;
  drawn?: CounterexamplePictures;
};

export interface StudioExercise extends Omit<ExerciseView, 'checks'> {
  checks: StudioCheck[];
  /** When this result was computed (ms since epoch), and by which run. */
  at: number;
  run: number;
  model?: ModelSummary & { sizeChart?: string };
  gradients?: GradientErrors & { chart?: string };
}

export async function studioExercise(result: ExerciseResult, { pictures, model, gradients }: Extras, run: number): Promise<StudioExercise> {
  const whole: GradeResult = { submission: 'exercises', startedAt: new Date().toISOString(), seconds: 0, seed: 0, score: result.score, maxScore: result.maxScore, exercises: [result], environment: {} };
  const view = (await reportView(whole, pictures)).exercises[0];
  const checks = await Promise.all(
    view.checks.map(async (c, i): Promise<StudioCheck> => {
      const { training: _t, robustness: _r, replay, ...rest } = c;
      const verdict = result.checks[i].verdict;
      return {
        ...rest,
        replay: replay && !c.hidden ? replayCommand(c.id, replay) : undefined,
        drawn: verdict.status !== 'passed' ? await counterexamplePictures(verdict.counterexample) : undefined,
      };
    }),
  );
  return {
    ...view,
    checks,
    at: Date.now(),
    run,
    model: model && { ...model, sizeChart: model.parameters === undefined ? undefined : svgDataUri(modelSizeChart(model.parameters)) },
    gradients: gradients && { ...gradients, chart: gradientChart(gradients) },
  };
}

/** The largest relative error of dx, dw and db on a log scale, beside the check's tolerance; none when all are exact. */
function gradientChart(g: GradientErrors): string | undefined {
  if (!g.parameters.some((p) => p.maxRelativeError > 0)) return undefined;
  return svgDataUri(
    logBarChart({
      title: 'Largest relative error of your conv2dBackward, per parameter (log scale)',
      xLabel: '|analytic − numerical| / max(|analytic|, |numerical|) (log scale)',
      bars: [
        ...g.parameters.map((p) => ({ label: p.name, value: p.maxRelativeError, highlight: p.aboveTolerance > 0, display: p.maxRelativeError.toExponential(1) })),
        { label: 'tolerance', value: 1e-3, display: '≈ 1e-3' },
      ],
      formatValue: (v) => v.toExponential(1),
    }),
  );
}
