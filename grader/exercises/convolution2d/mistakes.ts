import type { Conv2dOptions, Matrix } from '../../core/contract.js';
import type { Reference } from '../../core/reference.js';
import { defineMistakes } from '../../mistakes/types.js';
import { reflect } from '../../mistakes/reflect.js';

type Fn = 'convolve2d' | 'correlate2d';
type Conv = (image: Matrix, kernel: Matrix, options?: Conv2dOptions) => Matrix;

const flip = (m: Matrix): Matrix => m.map((row) => [...row].reverse()).reverse();
const contains = (a: Matrix, b: Matrix) => a.length >= b.length && a[0].length >= b[0].length;

/**
 * `fn` with the image extended by `extend` instead of scipy's boundary: the image is padded by
 * the kernel's size − 1 on every side, then the reference's 'valid' result is the 'full' one.
 */
function withExtension(ref: Reference, fn: Fn, extend: (i: number, n: number) => number): Conv {
  return (image, kernel, options = {}) => {
    const checked = ref.convolution2d[fn](image, kernel, options); // the reference's validation
    const mode = options.mode ?? 'full';
    if (mode === 'valid' || (options.boundary ?? 'fill') !== 'symm') return checked;
    const [h, w, kh, kw] = [image.length, image[0].length, kernel.length, kernel[0].length];
    const padded = Array.from({ length: h + 2 * (kh - 1) }, (_, p) =>
      Array.from({ length: w + 2 * (kw - 1) }, (_, q) => image[extend(p - kh + 1, h)][extend(q - kw + 1, w)]));
    const full = ref.convolution2d[fn](padded, kernel, { mode: 'valid' });
    if (mode === 'full') return full;
    const r0 = fn === 'convolve2d' ? (kh - 1) >> 1 : kh >> 1;
    const c0 = fn === 'convolve2d' ? (kw - 1) >> 1 : kw >> 1;
    return full.slice(r0, r0 + h).map((row) => row.slice(c0, c0 + w));
  };
}

/** Both functions with the same change to their options. */
function both(ref: Reference, change: (o: Conv2dOptions) => Conv2dOptions) {
  const make = (fn: Fn): Conv => (image, kernel, options = {}) => ref.convolution2d[fn](image, kernel, change(options));
  return { convolve2d: make('convolve2d'), correlate2d: make('correlate2d') };
}

export const mistakes = defineMistakes('convolution2d', [
  {
    id: 'no-flip',
    title: 'No flip: a cross-correlation',
    explanation:
      'Your convolve2d matches a cross-correlation: the kernel slides over the image without being flipped first. A convolution reads the kernel backwards in both directions (kernel[kh − 1 − j][kw − 1 − k]); correlate2d is the one without the flip.',
    // As students write it: a larger kernel in 'valid' is swapped with the image, then slid unflipped.
    apply: (ref) => ({
      convolve2d: (image: Matrix, kernel: Matrix, options?: Conv2dOptions) =>
        options?.mode === 'valid' && !contains(image, kernel) && contains(kernel, image)
          ? (ref.convolution2d.convolve2d(image, kernel, options), ref.convolution2d.correlate2d(kernel, image, { mode: 'valid' }))
          : ref.convolution2d.convolve2d(image, flip(kernel), options),
    }),
  },
  {
    id: 'even-kernel-centre',
    title: "Wrong centre for even kernels in 'same'",
    explanation:
      "With an even kernel there is no middle pixel. scipy's convolve2d keeps the 'full' result from row (kh − 1) // 2 and column (kw − 1) // 2; yours starts one later (kh // 2), which is where correlate2d starts — as if convolve2d were correlate2d with a flipped kernel. The two differ by one pixel for even kernels.",
    apply: (ref) => ({
      convolve2d: (image: Matrix, kernel: Matrix, options?: Conv2dOptions) =>
        options?.mode === 'same' ? ref.convolution2d.correlate2d(image, flip(kernel), options) : ref.convolution2d.convolve2d(image, kernel, options),
    }),
  },
  {
    id: 'same-window-off-by-one',
    title: "'same' window one pixel off for odd kernels",
    explanation:
      "In 'same' mode the output is the middle of the 'full' result, the size of the image: for a kernel of kh rows it starts at row (kh − 1) // 2 of 'full' (and column (kw − 1) // 2). Yours starts one row and one column later, so the result is shifted by one pixel up and left: for an odd kernel the middle is exactly (kh − 1) / 2.",
    apply: (ref) => {
      const shifted =
        (fn: Fn): Conv =>
        (image, kernel, options = {}) => {
          const checked = ref.convolution2d[fn](image, kernel, options); // the reference's validation
          if (options.mode !== 'same') return checked;
          const full = ref.convolution2d[fn](image, kernel, { ...options, mode: 'full' });
          const [h, w, kh, kw] = [image.length, image[0].length, kernel.length, kernel[0].length];
          // One past the centre where the kernel has room for it (a 1-wide kernel has a single window).
          const r0 = ((kh - 1) >> 1) + (kh > 1 ? 1 : 0);
          const c0 = ((kw - 1) >> 1) + (kw > 1 ? 1 : 0);
          return full.slice(r0, r0 + h).map((row) => row.slice(c0, c0 + w));
        };
      return { convolve2d: shifted('convolve2d'), correlate2d: shifted('correlate2d') };
    },
  },
  {
    id: 'symm-as-reflect',
    title: "'symm' mirrors without repeating the edge",
    explanation:
      "scipy's 'symm' mirrors the image with the edge pixel repeated (c b a | a b c | c b a, numpy's 'symmetric'); yours leaves the edge out (c b | a b c | b a, numpy's 'reflect').",
    apply: (ref) => ({ convolve2d: withExtension(ref, 'convolve2d', reflect), correlate2d: withExtension(ref, 'correlate2d', reflect) }),
  },
  {
    id: 'boundary-ignored',
    title: "'wrap' and 'symm' ignored",
    explanation:
      "Your result for 'wrap' or 'symm' is what 'fill' gives: the image is padded with fillValue whatever the boundary. 'wrap' continues the image periodically (the pixel left of column 0 is the last column); 'symm' mirrors it at the edge.",
    apply: (ref) => both(ref, (o) => ({ ...o, boundary: 'fill' })),
  },
  {
    id: 'fill-value-ignored',
    title: 'fillValue ignored',
    explanation: "With boundary 'fill' the image is padded with options.fillValue; yours pads with 0 whatever fillValue is.",
    apply: (ref) => both(ref, (o) => ({ ...o, fillValue: 0 })),
  },
  {
    id: 'valid-no-swap',
    title: "No swap in 'valid' when the kernel is larger",
    explanation:
      "When the kernel is at least as large as the image in both dimensions, scipy's 'valid' swaps the two and returns a (kh − h + 1)×(kw − w + 1) result; yours returns an empty result.",
    apply: (ref) => {
      const make = (fn: Fn): Conv => (image, kernel, options) => {
        const result = ref.convolution2d[fn](image, kernel, options);
        if (options?.mode !== 'valid' || contains(image, kernel)) return result;
        return Array.from({ length: Math.max(0, image.length - kernel.length + 1) }, () => []);
      };
      return { convolve2d: make('convolve2d'), correlate2d: make('correlate2d') };
    },
  },
  {
    id: 'valid-swap-not-reversed',
    title: "correlate2d's swapped 'valid' result not reversed",
    explanation:
      "Correlation is not commutative: when scipy swaps the image and a larger kernel in 'valid' mode, correlate2d's result comes out reversed in both directions (it equals the correlation of the kernel with the image, flipped). Yours is not flipped.",
    apply: (ref) => ({
      correlate2d: (image: Matrix, kernel: Matrix, options?: Conv2dOptions) => {
        const result = ref.convolution2d.correlate2d(image, kernel, options);
        return options?.mode === 'valid' && !contains(image, kernel) ? flip(result) : result;
      },
    }),
  },
]);
