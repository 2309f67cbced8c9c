/**
 * The student's CNN as the grader would rebuild it (grader/ml/rebuild-model.ts): its layers and
 * parameter count, for the studio's model panel. Computed in the studio's check process, from the
 * JSON topology.
 */
import type { BrowserTrainingModel, ModelSummary } from '../../core/studio-extras.js';
import { checkSettings } from '../../config/per-check.js';
import { checks } from './checks.js';
import type { Submission } from '../../core/submission.js';
import type { GraderConfig } from '../../config/types.js';
import { shapeText } from '../../outputs/html/view/training-view.js';

export async function modelSummary(submission: Submission, config: GraderConfig): Promise<ModelSummary> {
  const outcome = await submission.get('cnn', 'buildModel', []);
  if (outcome.kind !== 'returned') return { layers: [], unavailable: 'message' in outcome ? outcome.message : outcome.kind };
  const { rebuildModel } = await import('../../ml/rebuild-model.js');
  try {
    const model = rebuildModel(outcome.value, config.training.limits);
    const layers = model.layers.map((l, i) => ({ name: layerName(l.name, i), className: l.getClassName(), outputShape: shapeText(l.outputShape), params: l.countParams() }));
    const parameters = model.countParams();
    model.dispose();
    return { layers, parameters, training: await trainingRequest(submission, outcome.value, config) };
  } catch (e) {
    return { layers: [], unavailable: e instanceof Error ? e.message : String(e) };
  }
}

/** The grader's training settings of this model (clamped, with notes) and seed; why not, when `training` is refused. */
async function trainingRequest(submission: Submission, topology: unknown, config: GraderConfig): Promise<BrowserTrainingModel> {
  const { resolveSettings } = await import('../../ml/limits.js');
  const check = checks.find((c) => c.kind === 'training');
  const seed = check ? checkSettings(config, check.id).seed : config.seed;
  const outcome = await submission.get('cnn', 'training');
  if (outcome.kind !== 'returned') return { unavailable: `training: ${'message' in outcome ? outcome.message : outcome.kind}` };
  try {
    const { settings, notes } = resolveSettings(outcome.value, config.training.limits);
    return { topology, settings, notes, seed };
  } catch (e) {
    return { unavailable: e instanceof Error ? e.message : String(e) };
  }
}

/** A layer's own name, or its position when tfjs named it (`conv2d_Conv2D3` says nothing the type column does not). */
export function layerName(name: string, index: number): string {
  return /^[a-z0-9_]+_[A-Z][A-Za-z0-9]*?\d+$/.test(name) ? `#${index + 1}` : name;
}
