/** Where the studio serves what in-browser training needs (grader/studio/train-routes.ts). */
export const TRAIN_SCRIPT = '/train.js';
export const MNIST_ROUTE = '/train/mnist';
export const WASM_ROUTE = '/train/wasm';
export const FIGURES_ROUTE = '/train/figures';
