// AssemblyScript, compiled by ../simd-module.ts into a module that imports tfjs-backend-wasm's own
// memory: every pointer below is a byte offset into tfjs's heap, where the tensors already live.
// The module allocates nothing and has no static data, so instantiating it writes nothing there;
// scratch space, when a kernel needs it, is a tensor the caller allocated.

/**
 * out[c] = Σ_r x[r, c] for an [rows, channels] float32 matrix (a bias's gradient: dy summed over
 * every axis but the channels). Partial sums of up to 64 rows in float32, added into `totals`
 * (channels float64s of scratch), keep the error near float64's at float32's speed.
 */
export function sumRows(x: usize, rows: i32, channels: i32, out: usize, totals: usize): void {
  memory.fill(totals, 0, <usize>channels << 3);
  const rowBytes = <usize>channels << 2;
  const vectorBytes = rowBytes & ~15;
  for (let from = 0; from < rows; from += 64) {
    const to = min(rows, from + 64);
    memory.fill(out, 0, rowBytes);
    for (let r = from; r < to; r++) {
      const row = x + <usize>r * rowBytes;
      let c: usize = 0;
      for (; c < vectorBytes; c += 16) v128.store(out + c, f32x4.add(v128.load(out + c), v128.load(row + c)));
      for (; c < rowBytes; c += 4) store<f32>(out + c, load<f32>(out + c) + load<f32>(row + c));
    }
    for (let c: usize = 0; c < <usize>channels; c++) {
      store<f64>(totals + (c << 3), load<f64>(totals + (c << 3)) + <f64>load<f32>(out + (c << 2)));
    }
  }
  for (let c: usize = 0; c < <usize>channels; c++) store<f32>(out + (c << 2), <f32>load<f64>(totals + (c << 3)));
}

/**
 * dW[kh, kw, c, f] = Σ_{n, oh, ow} x[n, oh·sh + kh − top, ow·sw + kw − left, c] · dy[n, oh, ow, f]
 * over the images n in [batchFrom, batchTo) (NHWC x and dy, dW as [KH, KW, C, F]): a
 * convolution's filter gradient, or the part of it one thread computes. For each output row and
 * tap, the valid output columns are one run, accumulated in register tiles of 4 channels × 8
 * filters (1 channel × 8 filters, then single floats, at the edges).
 */
export function conv2dBackpropFilter(
  x: usize, dy: usize, dw: usize, batchFrom: i32, batchTo: i32,
  inHeight: i32, inWidth: i32, channels: i32,
  outHeight: i32, outWidth: i32, filters: i32,
  filterHeight: i32, filterWidth: i32, strideHeight: i32, strideWidth: i32, top: i32, left: i32,
): void {
  const tapBytes = <usize>channels * <usize>filters << 2;
  memory.fill(dw, 0, <usize>(filterHeight * filterWidth) * tapBytes);
  const xPixel = <usize>channels << 2;
  const dyPixel = <usize>filters << 2;
  for (let n = batchFrom; n < batchTo; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const dyRow = dy + <usize>((n * outHeight + oh) * outWidth) * dyPixel;
      for (let kh = 0; kh < filterHeight; kh++) {
        const h = oh * strideHeight + kh - top;
        if (h < 0 || h >= inHeight) continue;
        const xRow = x + <usize>((n * inHeight + h) * inWidth) * xPixel;
        for (let kw = 0; kw < filterWidth; kw++) {
          // Output columns whose tap lands inside the input row: [owFrom, owTo).
          const last = inWidth - 1 + left - kw;
          if (last < 0) continue;
          const owFrom = max(0, (left - kw + strideWidth - 1) / strideWidth);
          const owTo = min(outWidth, last / strideWidth + 1);
          if (owFrom >= owTo) continue;
          accumulateTap(
            dw + <usize>(kh * filterWidth + kw) * tapBytes,
            xRow + <usize>(owFrom * strideWidth + kw - left) * xPixel, <usize>strideWidth * xPixel,
            dyRow + <usize>owFrom * dyPixel, dyPixel,
            owTo - owFrom, channels, filters,
          );
        }
      }
    }
  }
}

/** tap[c, f] += Σ_i x[i][c] · dy[i][f] over `count` pixels, `xStep` and `dyStep` bytes apart. */
function accumulateTap(tap: usize, x: usize, xStep: usize, dy: usize, dyStep: usize, count: i32, channels: i32, filters: i32): void {
  const rowBytes = <usize>filters << 2;
  const wide = filters & ~7;
  let c = 0;
  for (; c + 4 <= channels; c += 4) {
    for (let f = 0; f < wide; f += 8) tile4x8(tap + <usize>c * rowBytes + (<usize>f << 2), rowBytes, x + (<usize>c << 2), xStep, dy + (<usize>f << 2), dyStep, count);
  }
  for (; c < channels; c++) {
    for (let f = 0; f < wide; f += 8) tile1x8(tap + <usize>c * rowBytes + (<usize>f << 2), x + (<usize>c << 2), xStep, dy + (<usize>f << 2), dyStep, count);
  }
  for (let f = wide; f < filters; f++) {
    for (c = 0; c < channels; c++) {
      let sum: f32 = 0;
      for (let i = 0; i < count; i++) sum += load<f32>(x + <usize>i * xStep + (<usize>c << 2)) * load<f32>(dy + <usize>i * dyStep + (<usize>f << 2));
      const at = tap + <usize>c * rowBytes + (<usize>f << 2);
      store<f32>(at, load<f32>(at) + sum);
    }
  }
}

// @ts-ignore: decorator
@inline
function tile4x8(out: usize, rowBytes: usize, x: usize, xStep: usize, dy: usize, dyStep: usize, count: i32): void {
  let a0 = v128.load(out), b0 = v128.load(out, 16);
  let a1 = v128.load(out + rowBytes), b1 = v128.load(out + rowBytes, 16);
  let a2 = v128.load(out + 2 * rowBytes), b2 = v128.load(out + 2 * rowBytes, 16);
  let a3 = v128.load(out + 3 * rowBytes), b3 = v128.load(out + 3 * rowBytes, 16);
  for (let i = 0; i < count; i++) {
    const lo = v128.load(dy), hi = v128.load(dy, 16);
    let s = v128.load32_splat(x);
    a0 = f32x4.add(a0, f32x4.mul(s, lo)); b0 = f32x4.add(b0, f32x4.mul(s, hi));
    s = v128.load32_splat(x, 4);
    a1 = f32x4.add(a1, f32x4.mul(s, lo)); b1 = f32x4.add(b1, f32x4.mul(s, hi));
    s = v128.load32_splat(x, 8);
    a2 = f32x4.add(a2, f32x4.mul(s, lo)); b2 = f32x4.add(b2, f32x4.mul(s, hi));
    s = v128.load32_splat(x, 12);
    a3 = f32x4.add(a3, f32x4.mul(s, lo)); b3 = f32x4.add(b3, f32x4.mul(s, hi));
    x += xStep;
    dy += dyStep;
  }
  v128.store(out, a0); v128.store(out, b0, 16);
  v128.store(out + rowBytes, a1); v128.store(out + rowBytes, b1, 16);
  v128.store(out + 2 * rowBytes, a2); v128.store(out + 2 * rowBytes, b2, 16);
  v128.store(out + 3 * rowBytes, a3); v128.store(out + 3 * rowBytes, b3, 16);
}

// @ts-ignore: decorator
@inline
function tile1x8(out: usize, x: usize, xStep: usize, dy: usize, dyStep: usize, count: i32): void {
  let a = v128.load(out), b = v128.load(out, 16);
  for (let i = 0; i < count; i++) {
    const s = v128.load32_splat(x);
    a = f32x4.add(a, f32x4.mul(s, v128.load(dy)));
    b = f32x4.add(b, f32x4.mul(s, v128.load(dy, 16)));
    x += xStep;
    dy += dyStep;
  }
  v128.store(out, a);
  v128.store(out, b, 16);
}

/**
 * Routes each dy to the input pixel that won its window: the first one, in row-major order, equal
 * to the forward pass's maximum (the cpu backend's choice among ties), for the images in
 * [batchFrom, batchTo). NHWC; their part of dx is zeroed here.
 * Branch-free, four channels at a time: which pixel wins is data, and guessing it cost a
 * mispredicted branch per window and channel.
 */
export function maxPoolGrad(
  x: usize, y: usize, dy: usize, dx: usize, batchFrom: i32, batchTo: i32,
  inHeight: i32, inWidth: i32, channels: i32, outHeight: i32, outWidth: i32,
  filterHeight: i32, filterWidth: i32, strideHeight: i32, strideWidth: i32, top: i32, left: i32,
): void {
  const pixel = <usize>channels << 2;
  const vectorBytes = pixel & ~15;
  memory.fill(dx + <usize>(batchFrom * inHeight * inWidth) * pixel, 0, <usize>((batchTo - batchFrom) * inHeight * inWidth) * pixel);
  for (let b = batchFrom; b < batchTo; b++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = max(0, oh * strideHeight - top);
      const h1 = min(inHeight, oh * strideHeight - top + filterHeight);
      for (let ow = 0; ow < outWidth; ow++) {
        const w0 = max(0, ow * strideWidth - left);
        const w1 = min(inWidth, ow * strideWidth - left + filterWidth);
        const window = <usize>((b * outHeight + oh) * outWidth + ow) * pixel;
        let c: usize = 0;
        for (; c < vectorBytes; c += 16) {
          const best = v128.load(y + window + c);
          const grad = v128.load(dy + window + c);
          let taken = i32x4.splat(0);
          for (let h = h0; h < h1; h++) {
            let i = <usize>((b * inHeight + h) * inWidth + w0) * pixel + c;
            for (let w = w0; w < w1; w++, i += pixel) {
              const wins = v128.andnot(f32x4.eq(v128.load(x + i), best), taken);
              v128.store(dx + i, f32x4.add(v128.load(dx + i), v128.and(wins, grad)));
              taken = v128.or(taken, wins);
            }
          }
        }
        for (; c < pixel; c += 4) {
          const best = load<f32>(y + window + c);
          const grad = load<f32>(dy + window + c);
          let taken = false;
          for (let h = h0; h < h1; h++) {
            let i = <usize>((b * inHeight + h) * inWidth + w0) * pixel + c;
            for (let w = w0; w < w1; w++, i += pixel) {
              const wins = !taken && load<f32>(x + i) == best;
              store<f32>(dx + i, load<f32>(dx + i) + select<f32>(grad, 0, wins));
              taken = taken || wins;
            }
          }
        }
      }
    }
  }
}

/**
 * y[n, oh, ow, f] = Σ_{kh, kw, c} x[n, oh·sh + kh·dh − top, ow·sw + kw·dw − left, c] · w[kh, kw, c, f]
 * for the images n in [batchFrom, batchTo) (NHWC x and y, w as [KH, KW, C, F]; taps that land in
 * the padding add nothing). Output pixels whose every tap lies inside the row go four at a time,
 * in register tiles of 4 pixels × 8 filters; the others, and filters past a multiple of 8, one
 * at a time.
 */
export function conv2d(
  x: usize, w: usize, y: usize, batchFrom: i32, batchTo: i32,
  inHeight: i32, inWidth: i32, channels: i32, outHeight: i32, outWidth: i32, filters: i32,
  filterHeight: i32, filterWidth: i32, strideHeight: i32, strideWidth: i32,
  dilationHeight: i32, dilationWidth: i32, top: i32, left: i32,
): void {
  const xPixel = <usize>channels << 2;
  const yPixel = <usize>filters << 2;
  const wide = filters & ~7;
  // Output columns whose taps all land inside the row: [inFrom, inTo).
  const inFrom = min(outWidth, (left + strideWidth - 1) / strideWidth);
  const lastTap = (filterWidth - 1) * dilationWidth;
  const inTo = max(inFrom, inWidth - 1 - lastTap + left < 0 ? 0 : min(outWidth, (inWidth - 1 - lastTap + left) / strideWidth + 1));
  for (let n = batchFrom; n < batchTo; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const yRow = y + <usize>((n * outHeight + oh) * outWidth) * yPixel;
      memory.fill(yRow, 0, <usize>outWidth * yPixel);
      // Filter rows whose taps land inside the image: [khFrom, khTo).
      const h0 = oh * strideHeight - top;
      const khFrom = h0 >= 0 ? 0 : (-h0 + dilationHeight - 1) / dilationHeight;
      const khTo = min(filterHeight, h0 >= inHeight ? 0 : (inHeight - 1 - h0) / dilationHeight + 1);
      const xImage = x + <usize>(n * inHeight * inWidth) * xPixel;
      let ow = 0;
      for (; ow < inFrom; ow++) convPixelFilters(xImage, w, yRow + <usize>ow * yPixel, 0, filters, ow, h0, khFrom, khTo, inWidth, channels, filters, filterWidth, strideWidth, dilationHeight, dilationWidth, left);
      for (; ow + 4 <= inTo; ow += 4) {
        const xAt = xImage + <usize>(ow * strideWidth - left) * xPixel;
        for (let f = 0; f < wide; f += 8) {
          convTile4x8(xAt, w + (<usize>f << 2), yRow + <usize>ow * yPixel + (<usize>f << 2), yPixel,
            h0, khFrom, khTo, inWidth, channels, filters, filterWidth, strideWidth, dilationHeight, dilationWidth);
        }
        // Filters past the last multiple of 8, which the tiles leave.
        for (let p = 0; p < 4 && wide < filters; p++) convPixelFilters(xImage, w, yRow + <usize>(ow + p) * yPixel, wide, filters, ow + p, h0, khFrom, khTo, inWidth, channels, filters, filterWidth, strideWidth, dilationHeight, dilationWidth, left);
      }
      for (; ow < outWidth; ow++) convPixelFilters(xImage, w, yRow + <usize>ow * yPixel, 0, filters, ow, h0, khFrom, khTo, inWidth, channels, filters, filterWidth, strideWidth, dilationHeight, dilationWidth, left);
    }
  }
}

/** Four neighbouring output pixels × 8 filters, every tap inside the row; `x` is the first pixel's tap (0, 0) on row 0. */
// @ts-ignore: decorator
@inline
function convTile4x8(
  x: usize, w: usize, y: usize, yPixel: usize, h0: i32, khFrom: i32, khTo: i32,
  inWidth: i32, channels: i32, filters: i32, filterWidth: i32, strideWidth: i32, dilationHeight: i32, dilationWidth: i32,
): void {
  const xPixel = <usize>channels << 2;
  const step = <usize>strideWidth * xPixel;
  const wRow = <usize>filters << 2;
  let a0 = f32x4.splat(0), b0 = f32x4.splat(0), a1 = f32x4.splat(0), b1 = f32x4.splat(0);
  let a2 = f32x4.splat(0), b2 = f32x4.splat(0), a3 = f32x4.splat(0), b3 = f32x4.splat(0);
  for (let kh = khFrom; kh < khTo; kh++) {
    const xRow = x + <usize>((h0 + kh * dilationHeight) * inWidth) * xPixel;
    for (let kw = 0; kw < filterWidth; kw++) {
      let xs = xRow + <usize>(kw * dilationWidth) * xPixel;
      let ws = w + <usize>((kh * filterWidth + kw) * channels) * wRow;
      for (let c = 0; c < channels; c++) {
        const lo = v128.load(ws), hi = v128.load(ws, 16);
        let s = v128.load32_splat(xs);
        a0 = f32x4.add(a0, f32x4.mul(s, lo)); b0 = f32x4.add(b0, f32x4.mul(s, hi));
        s = v128.load32_splat(xs + step);
        a1 = f32x4.add(a1, f32x4.mul(s, lo)); b1 = f32x4.add(b1, f32x4.mul(s, hi));
        s = v128.load32_splat(xs + 2 * step);
        a2 = f32x4.add(a2, f32x4.mul(s, lo)); b2 = f32x4.add(b2, f32x4.mul(s, hi));
        s = v128.load32_splat(xs + 3 * step);
        a3 = f32x4.add(a3, f32x4.mul(s, lo)); b3 = f32x4.add(b3, f32x4.mul(s, hi));
        xs += 4;
        ws += wRow;
      }
    }
  }
  v128.store(y, a0); v128.store(y, b0, 16);
  v128.store(y + yPixel, a1); v128.store(y + yPixel, b1, 16);
  v128.store(y + 2 * yPixel, a2); v128.store(y + 2 * yPixel, b2, 16);
  v128.store(y + 3 * yPixel, a3); v128.store(y + 3 * yPixel, b3, 16);
}

/** y[f] for f in [fFrom, fTo) at output column ow, taps outside the row skipped: eight filters at a time while they last, then one. */
function convPixelFilters(
  xImage: usize, w: usize, y: usize, fFrom: i32, fTo: i32, ow: i32, h0: i32, khFrom: i32, khTo: i32,
  inWidth: i32, channels: i32, filters: i32, filterWidth: i32, strideWidth: i32, dilationHeight: i32, dilationWidth: i32, left: i32,
): void {
  const xPixel = <usize>channels << 2;
  const wRow = <usize>filters << 2;
  const w0 = ow * strideWidth - left;
  let f = fFrom;
  for (; f + 8 <= fTo; f += 8) {
    let a = f32x4.splat(0), b = f32x4.splat(0);
    for (let kh = khFrom; kh < khTo; kh++) {
      for (let kw = 0; kw < filterWidth; kw++) {
        const col = w0 + kw * dilationWidth;
        if (col < 0 || col >= inWidth) continue;
        let xs = xImage + <usize>((h0 + kh * dilationHeight) * inWidth + col) * xPixel;
        let ws = w + <usize>((kh * filterWidth + kw) * channels) * wRow + (<usize>f << 2);
        for (let c = 0; c < channels; c++) {
          const s = v128.load32_splat(xs);
          a = f32x4.add(a, f32x4.mul(s, v128.load(ws)));
          b = f32x4.add(b, f32x4.mul(s, v128.load(ws, 16)));
          xs += 4;
          ws += wRow;
        }
      }
    }
    v128.store(y + (<usize>f << 2), a);
    v128.store(y + (<usize>f << 2), b, 16);
  }
  for (; f < fTo; f++) {
    let sum: f32 = 0;
    for (let kh = khFrom; kh < khTo; kh++) {
      for (let kw = 0; kw < filterWidth; kw++) {
        const col = w0 + kw * dilationWidth;
        if (col < 0 || col >= inWidth) continue;
        const xs = xImage + <usize>((h0 + kh * dilationHeight) * inWidth + col) * xPixel;
        const ws = w + <usize>((kh * filterWidth + kw) * channels) * wRow + (<usize>f << 2);
        for (let c = 0; c < channels; c++) sum += load<f32>(xs + (<usize>c << 2)) * load<f32>(ws + <usize>c * wRow);
      }
    }
    store<f32>(y + (<usize>f << 2), sum);
  }
}

/** dst[i] += src[i] for `count` floats: the filter gradients of a batch split between threads, added up. */
export function addInto(dst: usize, src: usize, count: i32): void {
  const bytes = <usize>count << 2;
  const vectorBytes = bytes & ~15;
  let i: usize = 0;
  for (; i < vectorBytes; i += 16) v128.store(dst + i, f32x4.add(v128.load(dst + i), v128.load(src + i)));
  for (; i < bytes; i += 4) store<f32>(dst + i, load<f32>(dst + i) + load<f32>(src + i));
}

/**
 * dx = dy · step(x) for `count` floats, step(x) being 1 where x > 0, NaN where x is NaN and 0
 * elsewhere: ReLU's gradient as tfjs computes it (dy times the cast step), in one pass.
 */
export function reluGrad(dy: usize, x: usize, dx: usize, count: i32): void {
  const bytes = <usize>count << 2;
  const vectorBytes = bytes & ~15;
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  let i: usize = 0;
  for (; i < vectorBytes; i += 16) {
    const xs = v128.load(x + i);
    const step = v128.bitselect(one, zero, f32x4.gt(xs, zero));
    // x + 0 is NaN exactly where x is: keep it there.
    const withNaN = v128.bitselect(f32x4.add(xs, zero), step, f32x4.ne(xs, xs));
    v128.store(dx + i, f32x4.mul(v128.load(dy + i), withNaN));
  }
  for (; i < bytes; i += 4) {
    const xi = load<f32>(x + i);
    const step: f32 = xi > 0 ? 1 : xi != xi ? xi : 0;
    store<f32>(dx + i, load<f32>(dy + i) * step);
  }
}

/** out[r, c] = x[r, c] + bias[c] for an [rows, channels] matrix: a layer's bias added to its output. */
export function addBias(x: usize, bias: usize, out: usize, rows: i32, channels: i32): void {
  const rowBytes = <usize>channels << 2;
  const vectorBytes = rowBytes & ~15;
  for (let r = 0; r < rows; r++) {
    const at = <usize>r * rowBytes;
    let c: usize = 0;
    for (; c < vectorBytes; c += 16) v128.store(out + at + c, f32x4.add(v128.load(x + at + c), v128.load(bias + c)));
    for (; c < rowBytes; c += 4) store<f32>(out + at + c, load<f32>(x + at + c) + load<f32>(bias + c));
  }
}

/**
 * One Adam step for `count` weights, in float32 and in the order of tfjs's AdamOptimizer, so the
 * result is the same to the bit: m' = m·β1 + g·(1−β1), v' = v·β2 + g²·(1−β2),
 * w' = (m'/(1−β1ᵗ)) / (√(v'/(1−β2ᵗ)) + ε) · (−lr) + w, written to the three outputs.
 */
export function adam(
  w: usize, m: usize, v: usize, g: usize, wOut: usize, mOut: usize, vOut: usize, count: i32,
  beta1: f32, oneMinusBeta1: f32, beta2: f32, oneMinusBeta2: f32,
  oneMinusAccBeta1: f32, oneMinusAccBeta2: f32, epsilon: f32, negativeRate: f32,
): void {
  for (let i: usize = 0; i < (<usize>count << 2); i += 4) {
    const gi = load<f32>(g + i);
    const mi = load<f32>(m + i) * beta1 + gi * oneMinusBeta1;
    const vi = load<f32>(v + i) * beta2 + (gi * gi) * oneMinusBeta2;
    store<f32>(mOut + i, mi);
    store<f32>(vOut + i, vi);
    const step = (mi / oneMinusAccBeta1) / (sqrt<f32>(vi / oneMinusAccBeta2) + epsilon);
    store<f32>(wOut + i, step * negativeRate + load<f32>(w + i));
  }
}
