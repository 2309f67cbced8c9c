import type * as tf from '@tensorflow/tfjs';

/**
 * Floats the model's layer outputs hold for one digit in the forward pass: what a batch costs in
 * memory beyond the weights (the backward pass needs about as much again). Read from the
 * symbolic shapes, so nothing is allocated.
 */
export function activationFloatsPerDigit(model: tf.LayersModel): number {
  let floats = 0;
  for (const layer of model.layers) {
    const shape = layer.outputShape;
    const shapes = (Array.isArray(shape[0]) || shape.length === 0 ? shape : [shape]) as (number | null)[][];
    for (const s of shapes) floats += s.reduce<number>((product, d) => product * (d ?? 1), 1);
  }
  return floats;
}
