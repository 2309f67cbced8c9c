import type { Mode } from '../../core/contract.js';
import type { Reference } from '../../core/reference.js';
import { defineMistakes } from '../../mistakes/types.js';
import { float32Values } from '../../mistakes/float32.js';

/** numpy's 'same' keeps max(n, m) values of 'full', starting (m − 1) // 2 in. */
function sameFromFull(full: number[], n: number, m: number, start: number): number[] {
  return full.slice(start, start + Math.max(n, m));
}

/** numpy.convolve with every product and sum rounded to float32, as a Float32Array accumulator does. */
function float32Convolve(ref: Reference, a: number[], v: number[], mode: Mode): number[] {
  const checked = ref.convolution.convolve(a, v, mode);
  const [long, short] = v.length > a.length ? [v, a] : [a, v];
  const full = new Float32Array(long.length + short.length - 1);
  for (let i = 0; i < long.length; i++) for (let j = 0; j < short.length; j++) full[i + j] += Math.fround(long[i] * short[j]);
  const start = mode === 'full' ? 0 : mode === 'same' ? Math.floor((short.length - 1) / 2) : short.length - 1;
  return Array.from(full.slice(start, start + checked.length));
}

export const mistakes = defineMistakes('convolution', [
  {
    id: 'no-flip',
    title: 'No flip: a cross-correlation',
    explanation: 'Your convolve matches a cross-correlation: the kernel slides over the signal without being flipped first. Did you flip the kernel (v[m − 1 − j])?',
    apply: (ref) => {
      // As students write it: the longer sequence first (numpy's swap), then the shorter one slid unflipped.
      const convolve = (a: number[], v: number[], mode: Mode = 'full') => {
        const [long, short] = v.length > a.length ? [v, a] : [a, v];
        return ref.convolution.convolve(long, [...short].reverse(), mode);
      };
      return { convolve, smooth: (s: number[], k: number[]) => convolve(s, k, 'same') };
    },
  },
  {
    id: 'no-flip-correlate',
    title: 'No flip: a cross-correlation',
    explanation: 'Your convolve matches a cross-correlation (numpy.correlate): the kernel slides over the signal without being flipped first. Did you flip the kernel (v[m − 1 − j])?',
    apply: (ref) => {
      // The other way students write it: v reversed (or indexed from its end) whatever the lengths, as numpy.correlate(a, v).
      const convolve = (a: number[], v: number[], mode: Mode = 'full') => ref.convolution.convolve(a, [...v].reverse(), mode);
      return { convolve, smooth: (s: number[], k: number[]) => convolve(s, k, 'same') };
    },
  },
  {
    id: 'even-kernel-centre',
    title: "Wrong centre for even kernels in 'same'",
    explanation: "With an even kernel there is no middle sample; numpy's 'same' keeps the values of 'full' starting at (m − 1) // 2. Yours starts one later (m // 2).",
    apply: (ref) => {
      const convolve = (a: number[], v: number[], mode: Mode = 'full') => {
        const full = ref.convolution.convolve(a, v, 'full');
        return mode === 'same' ? sameFromFull(full, a.length, v.length, Math.floor(Math.min(a.length, v.length) / 2)) : ref.convolution.convolve(a, v, mode);
      };
      return { convolve, smooth: (s: number[], k: number[]) => convolve(s, k, 'same') };
    },
  },
  {
    id: 'same-window-off-by-one',
    title: "'same' window one sample off for odd kernels",
    explanation:
      "In 'same' mode the output is the middle of the 'full' result: for a kernel of m values it starts at index (m − 1) // 2 of 'full'. Yours starts one later, so the result is shifted one sample to the left: for an odd kernel the middle is exactly (m − 1) / 2.",
    apply: (ref) => {
      const convolve = (a: number[], v: number[], mode: Mode = 'full') => {
        const checked = ref.convolution.convolve(a, v, mode); // the reference's validation
        if (mode !== 'same') return checked;
        const n = Math.min(a.length, v.length);
        // One past the centre where the kernel has room for it (a 1-long kernel has a single window).
        return sameFromFull(ref.convolution.convolve(a, v, 'full'), a.length, v.length, ((n - 1) >> 1) + (n > 1 ? 1 : 0));
      };
      return { convolve, smooth: (s: number[], k: number[]) => convolve(s, k, 'same') };
    },
  },
  {
    id: 'no-swap',
    title: 'No swap when the kernel is longer than the signal',
    explanation: "numpy.convolve swaps its arguments when v is longer than a, so 'same' returns max(n, m) values and 'valid' returns m − n + 1. Yours keeps the signal's length.",
    apply: (ref) => {
      const convolve = (a: number[], v: number[], mode: Mode = 'full') => {
        if (v.length <= a.length || mode === 'full') return ref.convolution.convolve(a, v, mode);
        const full = ref.convolution.convolve(a, v, 'full');
        return mode === 'same' ? full.slice(Math.floor((v.length - 1) / 2), Math.floor((v.length - 1) / 2) + a.length) : [];
      };
      return { convolve, smooth: (s: number[], k: number[]) => convolve(s, k, 'same') };
    },
  },
  {
    id: 'float32-accumulation',
    title: 'Sums kept in float32',
    explanation:
      'Your results are rounded to float32 (about 7 significant digits): a Float32Array (or Math.fround) holds the sums. The contract asks for numpy’s float64 to 1e-9: use plain numbers or a Float64Array.',
    apply: (ref) => {
      const convolve = (a: number[], v: number[], mode: Mode = 'full') => float32Convolve(ref, a, v, mode);
      return { convolve, smooth: (s: number[], k: number[]) => convolve(s, k, 'same') };
    },
    accepts: float32Values,
  },
  {
    id: 'slide-divisor',
    title: 'The slide’s /4',
    explanation: 'The slide writes [1,1,1,1,1]/4, but the weights of an average must sum to 1: a moving average of width w divides by w, not w − 1.',
    apply: () => ({ movingAverageKernel: (w: number) => Array<number>(w).fill(1 / (w - 1)) }),
  },
  {
    id: 'unnormalised-box',
    title: 'Moving-average kernel not normalised',
    explanation: 'Your moving-average kernel is all ones: it sums the window instead of averaging it. Divide each weight by the width.',
    apply: () => ({ movingAverageKernel: (w: number) => Array<number>(w).fill(1) }),
  },
  {
    id: 'unnormalised-binomial',
    title: 'Binomial kernel not normalised',
    explanation: "Your binomial kernel is the raw row of Pascal's triangle: divide it by 2^(n − 1) so the weights sum to 1.",
    apply: (ref) => ({ binomialKernel: (n: number) => ref.convolution.binomialKernel(n).map((x) => x * 2 ** (n - 1)) }),
  },
  {
    id: 'smooth-full',
    title: "smooth returns the 'full' convolution",
    explanation: "smooth must keep the signal's length: use convolve(signal, kernel, 'same'), not 'full'.",
    apply: (ref) => ({ smooth: (s: number[], k: number[]) => ref.convolution.convolve(s, k, 'full') }),
  },
]);
