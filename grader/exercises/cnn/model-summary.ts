/**
 * The student's CNN as the grader would rebuild it (grader/ml/rebuild-model.ts): its layers and
 * parameter count, for the studio's model panel. Computed in the studio's check process, from the
 * JSON topology.
 */
import type { Submission } from '../../core/submission.js';
import type { GraderConfig } from '../../config/types.js';
import { shapeText } from '../../outputs/html/view/training-view.js';

export interface ModelSummary {
  layers: { name: string; className: string; outputShape: string; params: number }[];
  parameters?: number;
  /** Why there is no summary (no buildModel yet, a refused model). */
  unavailable?: string;
}

export async function modelSummary(submission: Submission, config: GraderConfig): Promise<ModelSummary> {
  const outcome = await submission.get('cnn', 'buildModel', []);
  if (outcome.kind !== 'returned') return { layers: [], unavailable: 'message' in outcome ? outcome.message : outcome.kind };
  const { rebuildModel } = await import('../../ml/rebuild-model.js');
  try {
    const model = rebuildModel(outcome.value, config.training.limits);
    const layers = model.layers.map((l, i) => ({ name: layerName(l.name, i), className: l.getClassName(), outputShape: shapeText(l.outputShape), params: l.countParams() }));
    const parameters = model.countParams();
    model.dispose();
    return { layers, parameters };
  } catch (e) {
    return { layers: [], unavailable: e instanceof Error ? e.message : String(e) };
  }
}

/** A layer's own name, or its position when tfjs named it (`conv2d_Conv2D3` says nothing the type column does not). */
export function layerName(name: string, index: number): string {
  return /^[a-z0-9_]+_[A-Z][A-Za-z0-9]*?\d+$/.test(name) ? `#${index + 1}` : name;
}
