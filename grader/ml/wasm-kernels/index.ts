import * as tf from '@tensorflow/tfjs';
import { adamKernelConfig } from './adam.js';
import { addBiasConfig } from './add-bias.js';
import { fastBatchMatMulConfig } from './batch-mat-mul.js';
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter.js';
import { conv2dBackpropInputConfig } from './conv2d-backprop-input.js';
import { conv2dConfig } from './conv2d.js';
import { depthwiseBackpropFilterConfig } from './depthwise-backprop-filter.js';
import { depthwiseBackpropInputConfig } from './depthwise-backprop-input.js';
import { identityConfig } from './identity.js';
import { maxPoolGradConfig } from './max-pool-grad.js';
import { reluGradientConfig, reluGradKernelConfig } from './relu-grad.js';
import { fastSumConfig } from './sum.js';
import { tileConfig } from './tile.js';

let registered = false;

/**
 * Makes the wasm backend able to train CNNs, and fast at it: adds the gradient kernels it lacks
 * (Conv2DBackpropFilter, the depthwise ones) and replaces slow ones (Conv2D, Conv2DBackpropInput,
 * MaxPoolGrad, Identity, ReLU's gradient, bias Add, Tile, transposed BatchMatMul, Sum over all axes but the last). Call after the
 * wasm backend is initialised. Idempotent.
 */
export function registerWasmGradients(): void {
  if (registered) return;
  const originalBatchMatMul = tf.getKernel(tf.BatchMatMul, 'wasm');
  const originalSum = tf.getKernel(tf.Sum, 'wasm');
  const originalConv2d = tf.getKernel(tf.Conv2D, 'wasm');
  const originalAdd = tf.getKernel(tf.Add, 'wasm');
  if (!originalBatchMatMul || !originalSum || !originalConv2d || !originalAdd) throw new Error('registerWasmGradients: the wasm backend is not loaded');
  const configs = [
    conv2dBackpropFilterConfig,
    conv2dBackpropInputConfig,
    depthwiseBackpropFilterConfig,
    depthwiseBackpropInputConfig,
    maxPoolGradConfig,
    identityConfig,
    adamKernelConfig,
    reluGradKernelConfig,
    tileConfig,
    fastBatchMatMulConfig(originalBatchMatMul),
    fastSumConfig(originalSum),
    conv2dConfig(originalConv2d),
    addBiasConfig(originalAdd),
  ];
  for (const config of configs) {
    if (tf.getKernel(config.kernelName, 'wasm')) tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel(config);
  }
  tf.registerGradient(reluGradientConfig);
  registered = true;
}
