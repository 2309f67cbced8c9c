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
import type { ModelSummary } from './model-summary.js';

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
}

export async function studioExercise(result: ExerciseResult, pictures: Pictures | undefined, run: number, model?: ModelSummary): Promise<StudioExercise> {
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
  };
}
