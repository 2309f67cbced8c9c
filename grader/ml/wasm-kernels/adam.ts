import * as tf from '@tensorflow/tfjs';
import { simdThreads } from './simd-module.js';
import { heapOffset, type KernelArgs } from './wasm-heap.js';

const ADAM = 'GraderAdam';

interface AdamAttrs {
  beta1: number;
  beta2: number;
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
  epsilon: number;
  learningRate: number;
}

function adamStep({ inputs: { w, m, v, g }, backend, attrs }: KernelArgs<AdamAttrs>): tf.TensorInfo[] {
  const outputs = [w, m, v].map((t) => backend.makeOutput(t.shape, 'float32'));
  const at = (t: tf.TensorInfo) => heapOffset(backend, t);
  const f32 = Math.fround;
  simdThreads(backend).kernels.adam(
    at(w), at(m), at(v), at(g), at(outputs[0]), at(outputs[1]), at(outputs[2]), tf.util.sizeFromShape(w.shape),
    attrs.beta1, f32(1 - attrs.beta1), attrs.beta2, f32(1 - attrs.beta2),
    attrs.oneMinusAccBeta1, attrs.oneMinusAccBeta2, attrs.epsilon, -attrs.learningRate);
  return outputs;
}

export const adamKernelConfig: tf.KernelConfig = {
  kernelName: ADAM,
  backendName: 'wasm',
  kernelFunc: adamStep as unknown as tf.KernelFunc,
};

/** What WasmAdam reads of tfjs's AdamOptimizer: its fields are not in its public type. */
interface AdamFields {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
}

/**
 * tfjs's Adam, each variable's update done by one kernel of ours on wasm instead of ~12 (a
 * training step of the reference has 6 variables), to the same bits: the same moments, the same
 * order of float32 operations. Elsewhere, tfjs's own.
 */
type Gradients = Parameters<tf.AdamOptimizer['applyGradients']>[0];

export class WasmAdam extends tf.AdamOptimizer {
  override applyGradients(variableGradients: Gradients): void {
    if (tf.getBackend() !== 'wasm') return super.applyGradients(variableGradients);
    const self = this as unknown as AdamFields;
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    const attrs = {
      beta1: self.beta1,
      beta2: self.beta2,
      oneMinusAccBeta1: Math.fround(1 - self.accBeta1.dataSync()[0]),
      oneMinusAccBeta2: Math.fround(1 - self.accBeta2.dataSync()[0]),
      epsilon: self.epsilon,
      learningRate: self.learningRate,
    };
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        self.accumulatedFirstMoment[i] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        self.accumulatedSecondMoment[i] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) return;
        const m = self.accumulatedFirstMoment[i].variable;
        const v = self.accumulatedSecondMoment[i].variable;
        const [w2, m2, v2] = tf.engine().runKernel(ADAM, { w: value, m, v, g: gradient }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        m.assign(m2);
        v.assign(v2);
        value.assign(w2);
      });
      self.accBeta1.assign(tf.mul(self.accBeta1, self.beta1));
      self.accBeta2.assign(tf.mul(self.accBeta2, self.beta2));
    });
    this.incrementIterations();
  }
}
