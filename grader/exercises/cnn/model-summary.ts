/**
 * The student's CNN as the grader would rebuild it (grader/ml/rebuild-model.ts): its layers and
 * parameter count, for the studio's model panel. Computed in the studio's check process, from the
 * JSON topology.
 */
import type { TrainingSettings } from '../../core/contract.js';
import type { Submission } from '../../core/submission.js';
import type { GraderConfig } from '../../config/types.js';
import { shapeText } from '../../outputs/html/view/training-view.js';

/**
 * The report's "many 5s", for the page to read with the model it trains: the handwritten 5 moved
 * the lecture's ways (by the student's augment.ts where it passes, as `npm run train` moves them)
 * and the dense network to compare with; or why not.
 */
export type FivesToRead = { moved: { move: string; pixels: number[] }[]; movedBy: string; denseTopology: unknown } | { missing: string };

/** What the studio's Train panel needs to train the model in the page, or why it cannot. */
export type BrowserTrainingModel =
  | {
      topology: unknown;
      settings: TrainingSettings;
      notes: string[];
      seed: number;
      /** The handwritten 5 (784 values in [0, 1]) whose feature maps the page draws. */
      five: number[];
      fives: FivesToRead;
    }
  | { unavailable: string };

export interface ModelSummary {
  layers: { name: string; className: string; outputShape: string; params: number }[];
  parameters?: number;
  /** Why there is no summary (no buildModel yet, a refused model). */
  unavailable?: string;
  /** What the page's Train button trains: the accepted topology, the settings as the grader clamps them, its seed. */
  training?: BrowserTrainingModel;
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
    return { layers, parameters, training: await trainingRequest(submission, outcome.value, parameters, config) };
  } catch (e) {
    return { layers: [], unavailable: e instanceof Error ? e.message : String(e) };
  }
}

/** The grader's training settings of this model (clamped, with notes) and seed; why not, when `training` is refused. */
async function trainingRequest(submission: Submission, topology: unknown, parameters: number, config: GraderConfig): Promise<BrowserTrainingModel> {
  const { resolveSettings } = await import('../../ml/limits.js');
  const { EXERCISE_MODULES } = await import('../registry.js');
  const { checkSettings } = await import('../../config/per-check.js');
  const check = EXERCISE_MODULES.filter((m) => m.trains).flatMap((m) => m.checks).find((c) => c.kind === 'training');
  const seed = check ? checkSettings(config, check.id).seed : config.seed;
  const outcome = await submission.get('cnn', 'training');
  if (outcome.kind !== 'returned') return { unavailable: `training: ${'message' in outcome ? outcome.message : outcome.kind}` };
  let resolved: ReturnType<typeof resolveSettings>;
  try {
    resolved = resolveSettings(outcome.value, config.training.limits);
  } catch (e) {
    return { unavailable: e instanceof Error ? e.message : String(e) };
  }
  const { sampleDigit5 } = await import('../../../datasets/sample-images.js');
  const five = sampleDigit5();
  return { topology, ...resolved, seed, five: five.flat(), fives: await fivesToRead(submission, config, seed, five, parameters) };
}

/** The 5 moved by whoever `npm run train` would have move it (digit-moves.ts), and the dense network's topology. */
async function fivesToRead(submission: Submission, config: GraderConfig, seed: number, five: number[][], parameters: number): Promise<FivesToRead> {
  const [{ digitMoves }, { REFERENCE }, { movedFives, denseTopology }] = await Promise.all([import('./digit-moves.js'), import('../reference.js'), import('../../ml/robustness.js')]);
  const moves = await digitMoves({ exercise: 'cnn', submission, reference: REFERENCE, seed, config });
  if ('missing' in moves) return moves;
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
