/**
 * The report's figures of a model the studio's page trained: its first layer's filters beside
 * the lecture's kernels, its feature maps of the handwritten 5, and the "many 5s" as it and the
 * dense network read them. The page sends the numbers; this renders them with report.html's own
 * views and partials (first-layer.hbs, robustness.hbs), after the report's own cleaning, so a
 * malformed piece is left out as the report leaves it out.
 */
import { cleanFirstLayer, cleanRobustness, isObject, isRobustnessReport, type RobustnessMissing, type RobustnessReport, type TrainingReport } from '../outputs/html/artifacts.js';
import { template } from '../outputs/html/templates.js';
import { firstLayerView } from '../outputs/html/view/first-layer-view.js';
import { robustnessView } from '../outputs/html/view/robustness-view.js';

/** What the page sends after training. */
export interface TrainedFigures {
  firstLayer?: TrainingReport['firstLayer'];
  robustness?: RobustnessReport | RobustnessMissing;
}

/** The figures as HTML (escaped by handlebars, as in report.html); empty when there is nothing to draw. */
export async function renderTrainedFigures(sent: unknown): Promise<string> {
  const body = isObject(sent) ? sent : {};
  const first = cleanFirstLayer(body.firstLayer);
  return template('trained-figures')({
    firstLayer: first && first.filters.length > 0 ? await firstLayerView(first) : undefined,
    robustness: isRobustnessReport(body.robustness) ? await robustnessView(cleanRobustness(body.robustness)) : undefined,
  });
}
