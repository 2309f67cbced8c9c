/** The exports of assembly/kernels.ts: pointers are byte offsets into tfjs-backend-wasm's heap. */
export interface SimdKernels {
  sumRows(x: number, rows: number, channels: number, out: number, totals: number): void;
  conv2dBackpropFilter(
    x: number, dy: number, dw: number, batchFrom: number, batchTo: number,
    inHeight: number, inWidth: number, channels: number,
    outHeight: number, outWidth: number, filters: number,
    filterHeight: number, filterWidth: number, strideHeight: number, strideWidth: number, top: number, left: number,
  ): void;
  conv2d(
    x: number, w: number, y: number, batchFrom: number, batchTo: number,
    inHeight: number, inWidth: number, channels: number, outHeight: number, outWidth: number, filters: number,
    filterHeight: number, filterWidth: number, strideHeight: number, strideWidth: number,
    dilationHeight: number, dilationWidth: number, top: number, left: number,
  ): void;
  maxPoolGrad(
    x: number, y: number, dy: number, dx: number, batchFrom: number, batchTo: number,
    inHeight: number, inWidth: number, channels: number, outHeight: number, outWidth: number,
    filterHeight: number, filterWidth: number, strideHeight: number, strideWidth: number, top: number, left: number,
  ): void;
  addInto(dst: number, src: number, count: number): void;
  reluGrad(dy: number, x: number, dx: number, count: number): void;
  addBias(x: number, bias: number, out: number, rows: number, channels: number): void;
  adam(
    w: number, m: number, v: number, g: number, wOut: number, mOut: number, vOut: number, count: number,
    beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number,
    oneMinusAccBeta1: number, oneMinusAccBeta2: number, epsilon: number, negativeRate: number,
  ): void;
}
