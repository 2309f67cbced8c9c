/**
 * Child process of threads.int.test.ts: trains the reference CNN on 256 digits with the wasm backend
 * (its thread count from GRADER_TRAINING_THREADS) and prints the threads and a hash of the weights.
 * It must exit by itself: idle pthread workers may not keep Node alive.
 */
import { createHash } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import { loadMnist } from '../../datasets/mnist.js';
import { initBackend } from '../../grader/ml/backend.js';
import { DEFAULT_LIMITS, disposeModel, trainModel } from '../../grader/ml/train.js';
import { buildModel } from '../../solutions/cnn.js';

const backend = await initBackend('wasm');
const data = await loadMnist({ trainLimit: 256, testLimit: 100 });
const reference = buildModel(tf);
const topology = reference.toJSON(null, false);
reference.dispose();
const { model, report } = await trainModel(topology, { epochs: 1, batchSize: 64, optimizer: 'adam', learningRate: 0.004 }, { seed: 7, limits: DEFAULT_LIMITS, data });
const hash = createHash('sha256');
for (const weight of model.getWeights()) hash.update(new Uint8Array((weight.dataSync() as Float32Array).buffer));
disposeModel(model);
console.log(JSON.stringify({ threads: backend.threads, detail: backend.detail, weights: hash.digest('hex'), accuracy: report.testAccuracy }));
