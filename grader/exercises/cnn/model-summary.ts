/**
 * The student's CNN as the grader would rebuild it (grader/ml/rebuild-model.ts): its layers and
 * parameter count, for the studio's model panel. Computed in the studio's check process, from the
 * JSON topology.
 */
import type { BrowserTrainingModel, FivesToRead, ModelSummary } from '../../core/studio-extras.js';
import type { CheckContext } from '../../checks/types.js';
import type { StudioContext } from '../exercise-module.js';
import { sampleDigit5 } from '../../../datasets/sample-images.js';
import { digitMoves } from './digit-moves.js';
import { checkSettings } from '../../config/per-check.js';
import { checks } from './checks.js';
import type { Submission } from '../../core/submission.js';
import type { GraderConfig } from '../../config/types.js';
import { shapeText } from '../../outputs/html/view/training-view.js';

export async function modelSummary(submission: Submission, config: GraderConfig, context: StudioContext): Promise<ModelSummary> {
  const outcome = await submission.get('cnn', 'buildModel', []);
  if (outcome.kind !== 'returned') return { layers: [], unavailable: 'message' in outcome ? outcome.message : outcome.kind };
  const { rebuildModel } = await import('../../ml/rebuild-model.js');
  try {
    const model = rebuildModel(outcome.value, config.training.limits);
    const layers = model.layers.map((l, i) => ({ name: layerName(l.name, i), className: l.getClassName(), outputShape: shapeText(l.outputShape), params: l.countParams() }));
    const parameters = model.countParams();
    model.dispose();
    return { layers, parameters, training: await trainingRequest(submission, outcome.value, parameters, config, context) };
  } catch (e) {
    return { layers: [], unavailable: e instanceof Error ? e.message : String(e) };
  }
}

/** The grader's training settings of this model (clamped, with notes) and seed; why not, when `training` is refused. */
async function trainingRequest(submission: Submission, topology: unknown, parameters: number, config: GraderConfig, context: StudioContext): Promise<BrowserTrainingModel> {
  const { resolveSettings } = await import('../../ml/limits.js');
  const check = checks.find((c) => c.kind === 'training');
  const seed = check ? checkSettings(config, check.id).seed : config.seed;
  const outcome = await submission.get('cnn', 'training');
  if (outcome.kind !== 'returned') return { unavailable: `training: ${'message' in outcome ? outcome.message : outcome.kind}` };
  let resolved: ReturnType<typeof resolveSettings>;
  try {
    resolved = resolveSettings(outcome.value, config.training.limits);
  } catch (e) {
    return { unavailable: e instanceof Error ? e.message : String(e) };
  }
  const five = sampleDigit5();
  return { topology, ...resolved, seed, five: five.flat(), fives: await fivesToRead({ ...context, exercise: 'cnn', submission, seed, config }, five, parameters) };
}

/** The 5 moved by whoever `npm run train` would have move it (digit-moves.ts), and the dense network's topology. */
async function fivesToRead(ctx: CheckContext, five: number[][], parameters: number): Promise<FivesToRead> {
  const moves = await digitMoves(ctx);
  if ('missing' in moves) return moves;
  const { movedFives, denseTopology } = await import('../../ml/robustness.js');
  try {
    return { moved: await movedFives(five, moves), movedBy: moves.source, denseTopology: denseTopology(parameters) };
  } catch (e) {
    return { missing: `moving the 5 failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A layer's own name, or its position when tfjs named it (`conv2d_Conv2D3` says nothing the type column does not). */
export function layerName(name: string, index: number): string {
  return /^[a-z0-9_]+_[A-Z][A-Za-z0-9]*?\d+$/.test(name) ? `#${index + 1}` : name;
}
