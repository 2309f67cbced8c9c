/**
 * Reference: a convolutional layer and max pooling from scratch (slide "The convolutional layer").
 * NHWC layout, as in tfjs: x is [N, H, W, C], a kernel is [KH, KW, C, F]. Plain loops, sums in
 * float64, results rounded once to float32. No tfjs in the maths.
 */

/** Row-major, like tfjs dataSync(). */
export interface Tensor {
  shape: number[];
  data: Float32Array;
}
export interface ConvLayerOptions {
  stride: number;
  padding: 'valid' | 'same';
}
export interface PoolOptions {
  size: number;
  stride: number;
}

/** out[n,oh,ow,f] = b[f] + Σ_{kh,kw,c} x[n, oh·s+kh−top, ow·s+kw−left, c] · w[kh,kw,c,f] (a cross-correlation). */
export function conv2dForward(x: Tensor, w: Tensor, b: Tensor, options: ConvLayerOptions): Tensor {
  const g = convGeometry('conv2dForward', x, w, options);
  checkTensor('conv2dForward', 'b', b, 1);
  if (b.shape[0] !== g.F) fail('conv2dForward', 'b', `has ${b.shape[0]} values but w has ${g.F} filters`);
  const { N, H, W, C, KH, KW, F, OH, OW, s, top, left } = g;
  const xd = x.data, wd = w.data;
  const out = new Float32Array(N * OH * OW * F);
  const acc = new Float64Array(F);
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        for (let f = 0; f < F; f++) acc[f] = b.data[f];
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * s + kh - top;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * s + kw - left;
            if (iw < 0 || iw >= W) continue;
            const xBase = ((n * H + ih) * W + iw) * C;
            const wBase = (kh * KW + kw) * C * F;
            for (let c = 0; c < C; c++) {
              const xv = xd[xBase + c];
              const wRow = wBase + c * F;
              for (let f = 0; f < F; f++) acc[f] += xv * wd[wRow + f];
            }
          }
        }
        const oBase = ((n * OH + oh) * OW + ow) * F;
        for (let f = 0; f < F; f++) out[oBase + f] = acc[f];
      }
    }
  }
  return { shape: [N, OH, OW, F], data: out };
}

/**
 * Gradients of L = Σ dout · conv2dForward(x, w, b). Each product x·w in the forward pass sends
 * dout·w back to x and dout·x back to w: dx is a full convolution of dout with the flipped
 * kernel, dw correlates x with dout, db sums dout over n, oh, ow.
 */
export function conv2dBackward(
  dout: Tensor,
  x: Tensor,
  w: Tensor,
  options: ConvLayerOptions,
): { dx: Tensor; dw: Tensor; db: Tensor } {
  const g = convGeometry('conv2dBackward', x, w, options);
  const { N, H, W, C, KH, KW, F, OH, OW, s, top, left } = g;
  checkTensor('conv2dBackward', 'dout', dout, 4);
  checkShape('conv2dBackward', 'dout', dout, [N, OH, OW, F]);
  const xd = x.data, wd = w.data, gd = dout.data;
  const dx = new Float64Array(xd.length);
  const dw = new Float64Array(wd.length);
  const db = new Float64Array(F);
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        const gBase = ((n * OH + oh) * OW + ow) * F;
        for (let f = 0; f < F; f++) db[f] += gd[gBase + f];
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * s + kh - top;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * s + kw - left;
            if (iw < 0 || iw >= W) continue;
            const xBase = ((n * H + ih) * W + iw) * C;
            const wBase = (kh * KW + kw) * C * F;
            for (let c = 0; c < C; c++) {
              const xv = xd[xBase + c];
              const wRow = wBase + c * F;
              let sum = 0;
              for (let f = 0; f < F; f++) {
                const gv = gd[gBase + f];
                sum += wd[wRow + f] * gv;
                dw[wRow + f] += xv * gv;
              }
              dx[xBase + c] += sum;
            }
          }
        }
      }
    }
  }
  return {
    dx: { shape: [...x.shape], data: Float32Array.from(dx) },
    dw: { shape: [...w.shape], data: Float32Array.from(dw) },
    db: { shape: [F], data: Float32Array.from(db) },
  };
}

/** out[n,oh,ow,c] = max over the size×size window at (oh·stride, ow·stride) of x[n,·,·,c]; no padding. */
export function maxPool2dForward(x: Tensor, options: PoolOptions): Tensor {
  const g = poolGeometry('maxPool2dForward', x, options);
  const out = new Float32Array(g.N * g.OH * g.OW * g.C);
  forEachWindowMax(x, g, (o, _i, v) => (out[o] = v));
  return { shape: [g.N, g.OH, g.OW, g.C], data: out };
}

/** Each output's gradient goes to the input that won its window (the first maximum, row-major); the others get 0. */
export function maxPool2dBackward(dout: Tensor, x: Tensor, options: PoolOptions): Tensor {
  const g = poolGeometry('maxPool2dBackward', x, options);
  checkTensor('maxPool2dBackward', 'dout', dout, 4);
  checkShape('maxPool2dBackward', 'dout', dout, [g.N, g.OH, g.OW, g.C]);
  const dx = new Float64Array(x.data.length);
  forEachWindowMax(x, g, (o, i) => (dx[i] += dout.data[o]));
  return { shape: [...x.shape], data: Float32Array.from(dx) };
}

interface PoolGeometry { N: number; H: number; W: number; C: number; size: number; s: number; OH: number; OW: number }

/** Calls visit(outputIndex, argmaxInputIndex, max) for every window; ties go to the first maximum, as in tfjs. */
function forEachWindowMax(x: Tensor, g: PoolGeometry, visit: (o: number, i: number, v: number) => void): void {
  const { N, H, W, C, size, s, OH, OW } = g;
  const xd = x.data;
  for (let n = 0; n < N; n++) {
    for (let oh = 0; oh < OH; oh++) {
      for (let ow = 0; ow < OW; ow++) {
        for (let c = 0; c < C; c++) {
          let best = -Infinity;
          let arg = ((n * H + oh * s) * W + ow * s) * C + c;
          for (let kh = 0; kh < size; kh++) {
            for (let kw = 0; kw < size; kw++) {
              const i = ((n * H + oh * s + kh) * W + ow * s + kw) * C + c;
              if (xd[i] > best) {
                best = xd[i];
                arg = i;
              }
            }
          }
          visit(((n * OH + oh) * OW + ow) * C + c, arg, best);
        }
      }
    }
  }
}

function poolGeometry(fn: string, x: Tensor, options: PoolOptions): PoolGeometry {
  checkTensor(fn, 'x', x, 4);
  if (options === null || typeof options !== 'object') fail(fn, 'options', 'must be an object { size, stride }');
  const size = checkPositiveInt(fn, 'options.size', options.size);
  const s = checkPositiveInt(fn, 'options.stride', options.stride);
  const [N, H, W, C] = x.shape;
  if (size > H || size > W) {
    fail(fn, 'options.size', `${size} is larger than x (H=${H}, W=${W}); 'valid' pooling needs the window inside the input`);
  }
  return { N, H, W, C, size, s, OH: Math.floor((H - size) / s) + 1, OW: Math.floor((W - size) / s) + 1 };
}

function convGeometry(fn: string, x: Tensor, w: Tensor, options: ConvLayerOptions) {
  checkTensor(fn, 'x', x, 4);
  checkTensor(fn, 'w', w, 4);
  if (options === null || typeof options !== 'object') fail(fn, 'options', "must be an object { stride, padding }");
  const s = checkPositiveInt(fn, 'options.stride', options.stride);
  const padding = options.padding;
  if (padding !== 'valid' && padding !== 'same') {
    fail(fn, 'options.padding', `must be 'valid' or 'same', got ${JSON.stringify(padding)}`);
  }
  const [N, H, W, C] = x.shape;
  const [KH, KW, KC, F] = w.shape;
  if (KC !== C) fail(fn, 'w', `has ${KC} input channels (shape [${w.shape}]) but x has ${C} (shape [${x.shape}])`);
  const [OH, top] = outputSize(fn, H, KH, s, padding, 'height');
  const [OW, left] = outputSize(fn, W, KW, s, padding, 'width');
  return { N, H, W, C, KH, KW, F, OH, OW, s, top, left };
}

/** [output length, padding before] along one axis, by TensorFlow's rules. */
function outputSize(fn: string, n: number, k: number, s: number, padding: 'valid' | 'same', axis: string): [number, number] {
  if (padding === 'valid') {
    if (k > n) fail(fn, 'w', `kernel ${axis} ${k} is larger than the input ${axis} ${n} with padding 'valid'`);
    return [Math.floor((n - k) / s) + 1, 0];
  }
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  return [out, Math.floor(total / 2)];
}

function checkTensor(fn: string, name: string, t: Tensor, rank: number): void {
  if (t === null || typeof t !== 'object' || !Array.isArray(t.shape)) fail(fn, name, 'must be a tensor { shape, data }');
  if (t.shape.length !== rank) fail(fn, name, `must have rank ${rank}, got shape [${t.shape}]`);
  for (const d of t.shape) {
    if (!Number.isInteger(d) || d < 1) fail(fn, name, `has an invalid dimension ${d} in shape [${t.shape}]`);
  }
  const data = t.data as ArrayLike<number> | undefined;
  if (data === null || typeof data !== 'object' || typeof data.length !== 'number') fail(fn, name, 'has no data array');
  const size = t.shape.reduce((a, d) => a * d, 1);
  if (data.length !== size) fail(fn, name, `has ${data.length} values but shape [${t.shape}] needs ${size}`);
}

function checkShape(fn: string, name: string, t: Tensor, shape: number[]): void {
  if (t.shape.some((d, i) => d !== shape[i])) fail(fn, name, `must have shape [${shape}], got [${t.shape}]`);
}

function checkPositiveInt(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) fail(fn, name, `must be a positive integer, got ${String(v)}`);
  return v;
}

function fail(fn: string, name: string, what: string): never {
  throw new Error(`${fn}: ${name} ${what}`);
}
