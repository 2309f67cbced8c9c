import type { ConvLayerOptions, PoolOptions, Tensor } from '../../core/contract.js';
import type { Reference } from '../../core/reference.js';
import { defineMistakes } from '../../mistakes/types.js';

/**
 * The mistakes are small loop implementations with one thing changed. Each first calls the
 * reference on the same arguments, so invalid input throws exactly as the reference does and a
 * mistake differs from the reference only where it is meant to.
 */
interface ConvVariant {
  /** A true convolution: the kernel flipped in both spatial axes. */
  flip?: boolean;
  /** 'same' padding with the larger half of an odd total on the top and left. */
  largerHalfFirst?: boolean;
  /** 'same' padding as floor(K/2) on every side (PyTorch's padding = K // 2). */
  halfKernelPadding?: boolean;
  noBias?: boolean;
  /** A ReLU applied to the output (the layer and its activation fused). */
  relu?: boolean;
  /** 'same' padding as floor(total/2) on both sides, so an odd total loses a row or column. */
  symmetricPadding?: boolean;
  /** Backward indexes the input with oh + kh instead of oh·stride + kh. */
  backwardStrideIgnored?: boolean;
  /** dx accumulates w[KH−1−kh, KW−1−kw] instead of w[kh, kw]. */
  dxKernelFlipped?: boolean;
  dwFirstSampleOnly?: boolean;
  dbFirstSampleOnly?: boolean;
  /** dw and db divided by the batch size. */
  batchMean?: boolean;
}

function geometry(x: Tensor, w: Tensor, { stride: s, padding }: ConvLayerOptions, v: ConvVariant) {
  const [N, H, W, C] = x.shape;
  const [KH, KW, , F] = w.shape;
  const axis = (n: number, k: number): [number, number] => {
    if (padding === 'valid') return [Math.floor((n - k) / s) + 1, 0];
    if (v.halfKernelPadding) {
      const p = Math.floor(k / 2);
      return [Math.floor((n + 2 * p - k) / s) + 1, p];
    }
    const out = Math.ceil(n / s);
    const total = Math.max((out - 1) * s + k - n, 0);
    if (v.symmetricPadding) {
      const p = Math.floor(total / 2);
      return [Math.floor((n + 2 * p - k) / s) + 1, p];
    }
    return [out, v.largerHalfFirst ? Math.ceil(total / 2) : Math.floor(total / 2)];
  };
  const [OH, top] = axis(H, KH);
  const [OW, left] = axis(W, KW);
  return { N, H, W, C, KH, KW, F, OH, OW, s, top, left };
}

/** Visits every (output, kernel tap, input) triple of the layer; `strided` false drops the stride from the input index. */
function forEachTap(
  g: ReturnType<typeof geometry>,
  strided: boolean,
  visit: (n: number, o: number, wi: number, xi: number, kh: number, kw: number, c: number) => void,
): void {
  const { N, H, W, C, KH, KW, F, OH, OW, s, top, left } = g;
  const step = strided ? s : 1;
  for (let n = 0; n < N; n++)
    for (let oh = 0; oh < OH; oh++)
      for (let ow = 0; ow < OW; ow++)
        for (let kh = 0; kh < KH; kh++) {
          const ih = oh * step + kh - top;
          if (ih < 0 || ih >= H) continue;
          for (let kw = 0; kw < KW; kw++) {
            const iw = ow * step + kw - left;
            if (iw < 0 || iw >= W) continue;
            for (let c = 0; c < C; c++) visit(n, ((n * OH + oh) * OW + ow) * F, (kh * KW + kw) * C * F + c * F, ((n * H + ih) * W + iw) * C + c, kh, kw, c);
          }
        }
}

/** Index of w[kh, kw, c, 0], flipped in both spatial axes or not. */
const tap = (g: ReturnType<typeof geometry>, kh: number, kw: number, c: number, flipped: boolean) =>
  flipped ? ((g.KH - 1 - kh) * g.KW + (g.KW - 1 - kw)) * g.C * g.F + c * g.F : (kh * g.KW + kw) * g.C * g.F + c * g.F;

function conv2dForward(ref: Reference, v: ConvVariant) {
  return (x: Tensor, w: Tensor, b: Tensor, options: ConvLayerOptions): Tensor => {
    ref.layers.conv2dForward(x, w, b, options);
    const g = geometry(x, w, options, v);
    const out = new Float64Array(g.N * g.OH * g.OW * g.F);
    if (!v.noBias) for (let i = 0; i < out.length; i++) out[i] = b.data[i % g.F];
    forEachTap(g, true, (_n, o, _wi, xi, kh, kw, c) => {
      const wi = tap(g, kh, kw, c, v.flip === true);
      for (let f = 0; f < g.F; f++) out[o + f] += x.data[xi] * w.data[wi + f];
    });
    return { shape: [g.N, g.OH, g.OW, g.F], data: Float32Array.from(out, (o) => (v.relu ? Math.max(0, o) : o)) };
  };
}

function conv2dBackward(ref: Reference, v: ConvVariant) {
  return (dout: Tensor, x: Tensor, w: Tensor, options: ConvLayerOptions): { dx: Tensor; dw: Tensor; db: Tensor } => {
    ref.layers.conv2dBackward(dout, x, w, options);
    const g = geometry(x, w, options, v);
    const dx = new Float64Array(x.data.length);
    const dw = new Float64Array(w.data.length);
    const db = new Float64Array(g.F);
    dout.data.forEach((d, i) => {
      if (!v.dbFirstSampleOnly || i < g.OH * g.OW * g.F) db[i % g.F] += d;
    });
    forEachTap(g, !v.backwardStrideIgnored, (n, o, _wi, xi, kh, kw, c) => {
      const wi = tap(g, kh, kw, c, v.flip === true);
      const dxWi = tap(g, kh, kw, c, (v.flip === true) !== (v.dxKernelFlipped === true));
      for (let f = 0; f < g.F; f++) {
        dx[xi] += dout.data[o + f] * w.data[dxWi + f];
        if (!v.dwFirstSampleOnly || n === 0) dw[wi + f] += dout.data[o + f] * x.data[xi];
      }
    });
    const scale = v.batchMean ? 1 / g.N : 1;
    return {
      dx: { shape: [...x.shape], data: Float32Array.from(dx) },
      dw: { shape: [...w.shape], data: Float32Array.from(dw, (d) => d * scale) },
      db: { shape: [g.F], data: Float32Array.from(db, (d) => d * scale) },
    };
  };
}

/** Where each window's gradient goes: its first maximum, its last one, every tied maximum, or the first one scanning column by column. */
type Ties = 'last' | 'all' | 'column-major';
function maxPool2dBackward(ref: Reference, ties: Ties | 'first', overwrite = false) {
  return (dout: Tensor, x: Tensor, options: PoolOptions): Tensor => {
    ref.layers.maxPool2dBackward(dout, x, options);
    const [N, H, W, C] = x.shape;
    const [, OH, OW] = dout.shape;
    const { size, stride } = options;
    const dx = new Float64Array(x.data.length);
    for (let n = 0; n < N; n++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++)
          for (let c = 0; c < C; c++) {
            const window: number[] = [];
            for (let a = 0; a < size; a++)
              for (let b = 0; b < size; b++) {
                const [kh, kw] = ties === 'column-major' ? [b, a] : [a, b];
                window.push(((n * H + oh * stride + kh) * W + ow * stride + kw) * C + c);
              }
            const best = Math.max(...window.map((i) => x.data[i]));
            const winners = window.filter((i) => x.data[i] === best);
            const chosen = ties === 'all' ? winners : [ties === 'last' ? winners[winners.length - 1] : winners[0]];
            const d = dout.data[((n * OH + oh) * OW + ow) * C + c];
            for (const i of chosen) dx[i] = overwrite ? d : dx[i] + d;
          }
    return { shape: [...x.shape], data: Float32Array.from(dx) };
  };
}

/** maxPool2dForward with windows that may hang over the bottom and right edge (PyTorch's ceil_mode), and a search starting at `start`. */
function maxPool2dForward(ref: Reference, o: { ceil?: boolean; start?: number }) {
  return (x: Tensor, options: PoolOptions): Tensor => {
    ref.layers.maxPool2dForward(x, options);
    const [N, H, W, C] = x.shape;
    const { size, stride } = options;
    const outLength = (n: number) => (o.ceil ? Math.ceil((n - size) / stride) : Math.floor((n - size) / stride)) + 1;
    const [OH, OW] = [outLength(H), outLength(W)];
    const out = new Float32Array(N * OH * OW * C);
    for (let n = 0; n < N; n++)
      for (let oh = 0; oh < OH; oh++)
        for (let ow = 0; ow < OW; ow++)
          for (let c = 0; c < C; c++) {
            let best = o.start ?? -Infinity;
            for (let kh = 0; kh < size && oh * stride + kh < H; kh++)
              for (let kw = 0; kw < size && ow * stride + kw < W; kw++) best = Math.max(best, x.data[((n * H + oh * stride + kh) * W + ow * stride + kw) * C + c]);
            out[((n * OH + oh) * OW + ow) * C + c] = best;
          }
    return { shape: [N, OH, OW, C], data: out };
  };
}

const conv = (v: ConvVariant) => (ref: Reference) => ({ conv2dForward: conv2dForward(ref, v), conv2dBackward: conv2dBackward(ref, v) });
const backwardOnly = (v: ConvVariant) => (ref: Reference) => ({ conv2dBackward: conv2dBackward(ref, v) });

export const mistakes = defineMistakes('layers', [
  {
    id: 'true-convolution',
    title: 'A true convolution instead of a cross-correlation',
    explanation:
      "Your layer flips the kernel (w[KH−1−kh, KW−1−kw]), as a mathematical convolution does. A CNN's \"convolutional\" layer, like tf.conv2d, does not flip: out[oh, ow] = Σ x[oh·s + kh, ow·s + kw] · w[kh, kw].",
    apply: conv({ flip: true }),
  },
  {
    id: 'same-padding-larger-half-first',
    title: "'same' padding: the larger half on the top and left",
    explanation:
      "When the total padding max((ceil(H/s) − 1)·s + KH − H, 0) is odd, TensorFlow puts the smaller half, floor(total/2), on the top and left and the extra row and column at the bottom and right. Yours puts the extra one first.",
    apply: conv({ largerHalfFirst: true }),
  },
  {
    id: 'same-padding-half-kernel',
    title: "'same' padding as K // 2 on every side",
    explanation:
      "Padding floor(K/2) on each side keeps the size only for odd kernels and stride 1. TensorFlow's 'same' gives ceil(H/stride) outputs: total padding max((ceil(H/s) − 1)·s + KH − H, 0), the smaller half on the top and left.",
    apply: (ref) => ({ conv2dForward: conv2dForward(ref, { halfKernelPadding: true }) }),
  },
  {
    id: 'forward-relu-fused',
    title: 'A ReLU inside the convolutional layer',
    explanation:
      'Your conv2dForward sets negative outputs to 0: it applies the activation (ReLU) too. The layer is only Σ x · w + b, like tf.conv2d plus the bias; the activation is a separate layer after it.',
    apply: (ref) => ({ conv2dForward: conv2dForward(ref, { relu: true }) }),
  },
  {
    id: 'same-padding-symmetric',
    title: "'same' padding split evenly, losing a row or column",
    explanation:
      "When TensorFlow's total padding max((ceil(H/s) − 1)·s + KH − H, 0) is odd, your layer pads floor(total/2) on both sides, so the output is one row or column short of ceil(H/s). Put floor(total/2) on the top and left and the rest on the bottom and right.",
    apply: conv({ symmetricPadding: true }),
  },
  {
    id: 'forward-no-bias',
    title: 'The bias is not added in the forward pass',
    explanation: 'Your conv2dForward leaves out b: every output of filter f must have b[f] added.',
    apply: (ref) => ({ conv2dForward: conv2dForward(ref, { noBias: true }) }),
  },
  {
    id: 'backward-stride-ignored',
    title: 'The stride is ignored in the backward pass',
    explanation:
      'In conv2dBackward, output (oh, ow) read the input at (oh·stride + kh − top, ow·stride + kw − left) in the forward pass, so its gradient must go back to that same input: your backward indexes it as if the stride were 1.',
    apply: backwardOnly({ backwardStrideIgnored: true }),
  },
  {
    id: 'dx-kernel-flipped',
    title: 'dx uses the kernel the wrong way round',
    explanation:
      'dx[n, ih, iw, c] collects dout[n, oh, ow, f] · w[kh, kw, c, f] for the taps that read x[n, ih, iw, c] (as a full convolution of dout, that is the kernel flipped). Your dx pairs each dout with the mirrored tap w[KH−1−kh, KW−1−kw].',
    apply: backwardOnly({ dxKernelFlipped: true }),
  },
  {
    id: 'dw-first-sample-only',
    title: 'dw is not summed over the batch',
    explanation: 'The same kernel is used for every image of the batch, so dw must add up the contributions of all N images: yours only has the first.',
    apply: backwardOnly({ dwFirstSampleOnly: true }),
  },
  {
    id: 'db-first-sample-only',
    title: 'db is not summed over the batch',
    explanation: 'b[f] is added to every output of filter f in every image, so db[f] sums dout[n, oh, ow, f] over n, oh and ow: yours only sums the first image (n = 0).',
    apply: backwardOnly({ dbFirstSampleOnly: true }),
  },
  {
    id: 'gradients-averaged-over-batch',
    title: 'dw and db divided by the batch size',
    explanation: 'conv2dBackward returns the gradient of Σ dout · out, a sum: any averaging over the batch is already in dout. Do not divide dw and db by N.',
    apply: backwardOnly({ batchMean: true }),
  },
  {
    id: 'pool-gradient-to-every-tie',
    title: 'Max-pool gradient sent to every tied maximum',
    explanation: 'When several inputs of a window share the maximum, only one of them, the first in row-major order (as in tf.maxPool), takes the gradient; yours gives it to each of them.',
    apply: (ref) => ({ maxPool2dBackward: maxPool2dBackward(ref, 'all') }),
  },
  {
    id: 'pool-gradient-to-last-tie',
    title: 'Max-pool gradient sent to the last tied maximum',
    explanation: 'Ties go to the first maximum in row-major order: compare with > (strictly greater), not >=, when you look for the maximum.',
    apply: (ref) => ({ maxPool2dBackward: maxPool2dBackward(ref, 'last') }),
  },
  {
    id: 'pool-gradient-column-major-tie',
    title: 'Max-pool ties broken column by column',
    explanation:
      'Your maxPool2dBackward scans each window column by column (kw outside, kh inside), so among tied maxima a different one takes the gradient. tf.maxPool gives it to the first maximum in row-major order: loop over kh outside and kw inside, and keep the first (compare with >).',
    apply: (ref) => ({ maxPool2dBackward: maxPool2dBackward(ref, 'column-major') }),
  },
  {
    id: 'pool-ceil-mode',
    title: 'Max pooling with windows over the edge (ceil mode)',
    explanation:
      "Your maxPool2dForward has ceil((H − size)/stride) + 1 rows of windows, the last one hanging over the edge (PyTorch's ceil_mode=True). 'valid' pooling, as in tf.maxPool, keeps only windows that fit: floor((H − size)/stride) + 1.",
    apply: (ref) => ({ maxPool2dForward: maxPool2dForward(ref, { ceil: true }) }),
  },
  {
    id: 'pool-max-starts-at-zero',
    title: 'The maximum search starts at 0',
    explanation: 'Your maxPool2dForward returns 0 for a window whose values are all negative: the search for the maximum starts at 0. Start from the window’s first value (or −Infinity).',
    apply: (ref) => ({ maxPool2dForward: maxPool2dForward(ref, { start: 0 }) }),
  },
  {
    id: 'pool-max-starts-at-99999',
    title: 'The maximum search starts at −99999',
    explanation: 'Your maxPool2dForward returns −99999 for a window whose values are all below it: the search for the maximum starts at a fixed "very small" number, and inputs can be smaller (−1e6, −1e30). Start from the window’s first value (or −Infinity).',
    apply: (ref) => ({ maxPool2dForward: maxPool2dForward(ref, { start: -99999 }) }),
  },
  {
    id: 'pool-gradient-overwritten',
    title: 'Max-pool gradient assigned instead of added',
    explanation: 'When windows overlap (stride < size), one input can be the maximum of two windows and must receive both gradients: use dx[i] += dout, not dx[i] = dout.',
    apply: (ref) => ({ maxPool2dBackward: maxPool2dBackward(ref, 'first', true) }),
  },
  {
    id: 'pool-stride-ignored',
    title: 'Max pooling ignores the stride',
    explanation: 'Your maxPool2dForward moves the window by its size. The window starts at (oh·stride, ow·stride), and there are floor((H − size)/stride) + 1 rows of windows.',
    apply: (ref) => ({
      maxPool2dForward: (x: Tensor, options: PoolOptions) => {
        ref.layers.maxPool2dForward(x, options);
        return ref.layers.maxPool2dForward(x, { ...options, stride: options.size });
      },
    }),
  },
]);
