/**
 * The data types of docs/contract.md, shared by exercises/, solutions/ and the grader.
 * Exercise files may not import this file (a submission imports only its own folder), so they
 * restate the few types they need; the grader uses these.
 */
export type Mode = 'full' | 'same' | 'valid';
/** image[row][col], every row the same length, row 0 is the top. */
export type Matrix = number[][];
export type Boundary = 'fill' | 'wrap' | 'symm';
/** Row-major, like tfjs dataSync(). */
export interface Tensor {
  shape: number[];
  data: Float32Array;
}

export interface Conv2dOptions {
  mode?: Mode;
  boundary?: Boundary;
  fillValue?: number;
}

export interface ConvLayerOptions {
  stride: number;
  padding: 'valid' | 'same';
}
export interface PoolOptions {
  size: number;
  stride: number;
}

export type LayerSpec =
  | { type: 'conv2d'; filters: number; kernelSize: number; strides?: number; padding?: 'valid' | 'same'; useBias?: boolean }
  | { type: 'maxPooling2d'; poolSize: number; strides?: number }
  | { type: 'flatten' }
  | { type: 'dense'; units: number; useBias?: boolean };
export interface ModelSpec {
  inputShape: [number, number, number];
  layers: LayerSpec[];
}

export interface TrainingSettings {
  epochs: number;
  batchSize: number;
  optimizer: 'adam' | 'sgd' | 'rmsprop';
  learningRate: number;
}

export type { ExerciseId } from './reference.js';
