/**
 * Exercise: "Can you design a model exceeding the number of parameters of these two models?"
 *
 * A model is described on paper, as a list of layers after an input of shape
 * [height, width, channels], with the layer names and defaults of tfjs layers. Count its
 * trainable parameters without building it: no tensor may be allocated (the giant model below
 * would need terabytes).
 */

export type LayerSpec =
  | { type: 'conv2d'; filters: number; kernelSize: number; strides?: number; padding?: 'valid' | 'same'; useBias?: boolean }
  | { type: 'maxPooling2d'; poolSize: number; strides?: number }
  | { type: 'flatten' }
  | { type: 'dense'; units: number; useBias?: boolean };
export interface ModelSpec {
  inputShape: [number, number, number];
  layers: LayerSpec[];
}

/**
 * The number of trainable parameters, equal to `countParams()` of the same model built with
 * tfjs layers. Walk the layers, keeping track of the current shape:
 *
 * - conv2d on [H, W, C]: (KH·KW·C + 1)·F parameters — each of the F filters has a KH×KW×C
 *   kernel, shared across all positions, plus one bias (no +1 when `useBias` is false). The
 *   output is [OH, OW, F] with, per axis, 'valid': floor((H − K) / s) + 1 and 'same': ceil(H / s).
 *   Defaults: `strides` 1, `padding` 'valid', `useBias` true.
 * - maxPooling2d: 0 parameters; output floor((H − poolSize) / strides) + 1 per axis, channels
 *   unchanged; `strides` defaults to `poolSize`.
 * - flatten: 0 parameters; [H, W, C] becomes [H·W·C].
 * - dense with `units` outputs: (in + 1)·units parameters, where `in` is the last axis of its
 *   input (tfjs applies a dense layer to the last axis, so on [H, W, C] it has (C + 1)·units
 *   and outputs [H, W, units]); no +1 when `useBias` is false.
 *
 * Worked example: input [28, 28, 1]; conv2d 32 filters 3×3 → (3·3·1 + 1)·32 = 320, output
 * [26, 26, 32]; maxPooling2d 2 → 0, output [13, 13, 32]; flatten → 0, output [5408];
 * dense 10 → (5408 + 1)·10 = 54,090. Total 54,410.
 *
 * Refuse a spec that cannot be built: throw an Error naming the layer (e.g. "layers[3]") when a
 * size is not a positive integer, a 'valid' window is larger than its input (the output would
 * be empty), or a conv2d, maxPooling2d or flatten meets an input that is already flat; and throw
 * an Error naming `layers` when there are none (tfjs refuses to build a model without layers).
 */
export function countParameters(spec: ModelSpec): number {
  throw new Error('not implemented: countParameters');
}

/**
 * A valid spec with more than 1.8 trillion (1.8e12) trainable parameters, the slide's figure
 * for GPT-4 (DeepSeek R1 has 671 billion; VGG16 "only" 138,357,544). Hint: dense layers are
 * where parameters explode — a dense layer from a flattened image is (H·W·C + 1)·units.
 */
export function giantModel(): ModelSpec {
  throw new Error('not implemented: giantModel');
}
