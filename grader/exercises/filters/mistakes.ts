import type { Boundary, Matrix } from '../../core/contract.js';
import type { Reference } from '../../core/reference.js';
import { defineMistakes } from '../../mistakes/types.js';
import { reflect } from '../../mistakes/reflect.js';

type Operator = 'prewitt' | 'sobel';
type Blur = (image: Matrix, size: number) => Matrix;

const negate = (m: Matrix): Matrix => m.map((row) => row.map((x) => -x));
const minus = (a: Matrix, b: Matrix): Matrix => a.map((row, r) => row.map((x, c) => x - b[r][c]));

/** blur and the highPass a student builds on it (image − blur), both with the same mistake. */
function blurAndHighPass(blur: Blur) {
  return { blur, highPass: (image: Matrix, size = 3) => minus(image, blur(image, size)) };
}

interface GradientsOptions {
  fn?: 'correlate2d' | 'convolve2d';
  boundary?: Boundary;
  kernels?: Record<Operator, [Matrix, Matrix]>;
  magnitude?: (x: number, y: number) => number;
  swap?: boolean;
}
/** gradients as the reference computes it, but for the options' mistakes. */
function gradientsWith(ref: Reference, o: GradientsOptions) {
  const f = ref.filters;
  return (image: Matrix, operator: Operator) => {
    ref.filters.gradients(image, operator); // the reference's validation
    const [kx, ky] = o.kernels?.[operator] ?? (operator === 'prewitt' ? [f.PREWITT_X, f.PREWITT_Y] : [f.SOBEL_X, f.SOBEL_Y]);
    const options = { mode: 'same', boundary: o.boundary ?? 'symm' } as const;
    const gx = ref.convolution2d[o.fn ?? 'correlate2d'](image, kx, options);
    const gy = ref.convolution2d[o.fn ?? 'correlate2d'](image, ky, options);
    const [x, y] = o.swap ? [gy, gx] : [gx, gy];
    const magnitude = x.map((row, r) => row.map((a, c) => (o.magnitude ?? Math.hypot)(a, y[r][c])));
    return { x, y, magnitude };
  };
}

/** A box blur of the image padded by `extend` (an index rule), as a student pads with numpy.pad then filters 'valid'. */
function blurPadded(ref: Reference, image: Matrix, size: number, extend: (i: number, n: number) => number): Matrix {
  const checked = ref.filters.blur(image, size);
  const [h, w] = [image.length, image[0].length];
  const before = size >> 1;
  const padded = Array.from({ length: h + size - 1 }, (_, p) => Array.from({ length: w + size - 1 }, (_, q) => image[extend(p - before, h)][extend(q - before, w)]));
  const blurred = ref.convolution2d.convolve2d(padded, ref.filters.boxKernel(size), { mode: 'valid' });
  return blurred.length === checked.length ? blurred : checked;
}

export const mistakes = defineMistakes('filters', [
  {
    id: 'box-divides-by-size',
    title: 'Box kernel divided by size, not size²',
    explanation:
      'A size×size box has size² weights, so each must be 1/size² for them to sum to 1 (like the moving average, but in two directions). Yours divides by size, which brightens the image size times.',
    apply: (ref) => {
      const boxKernel = (size: number) => ref.filters.boxKernel(size).map((row) => row.map(() => 1 / size));
      return { boxKernel, ...blurAndHighPass((image, size) => ref.convolution2d.convolve2d(image, boxKernel(size), { mode: 'same', boundary: 'symm' })) };
    },
  },
  {
    id: 'blur-zero-padding',
    title: "Blur pads with zeros instead of mirroring ('symm')",
    explanation:
      "Your blur darkens the image's border: it pads with zeros (boundary 'fill'). The filters mirror the image at its edge: convolve2d(image, boxKernel(size), { mode: 'same', boundary: 'symm' }).",
    apply: (ref) => blurAndHighPass((image, size) => ref.convolution2d.convolve2d(image, ref.filters.boxKernel(size), { mode: 'same' })),
  },
  {
    id: 'blur-reflect-padding',
    title: "Blur mirrors without repeating the edge (numpy's 'reflect')",
    explanation:
      "Your blur mirrors the image at its border without repeating the edge pixel (c b | a b c, numpy.pad's mode='reflect'). The filters use scipy's 'symm', which repeats it (b a | a b c, numpy.pad's mode='symmetric').",
    apply: (ref) => blurAndHighPass((image, size) => blurPadded(ref, image, size, reflect)),
  },
  {
    id: 'gradients-zero-padding',
    title: "Gradients pad with zeros instead of mirroring ('symm')",
    explanation:
      "Your gradients see a strong edge all around the image: they pad it with zeros (boundary 'fill'). Mirror the image at its edge with { mode: 'same', boundary: 'symm' }, so the border has no false edge.",
    apply: (ref) => ({ gradients: gradientsWith(ref, { boundary: 'fill' }) }),
  },
  {
    id: 'gradients-convolve',
    title: 'Gradients computed with convolve2d (x and y negated)',
    explanation:
      'Your x and y have the wrong sign: convolve2d flips the kernel, and a flipped Prewitt or Sobel kernel is the negated one. The kernels are written to be read as they are (correlate2d), so x is positive where the image brightens left to right.',
    apply: (ref) => ({ gradients: gradientsWith(ref, { fn: 'convolve2d' }) }),
  },
  {
    id: 'sobel-textbook-sign',
    title: 'Sobel kernels with the opposite sign',
    explanation:
      'Your SOBEL_X and SOBEL_Y are the negated slide kernels (the sign convention some textbooks use together with convolution). With correlate2d they make x negative where the image brightens left to right; use the slide’s [[-1,0,1],[-2,0,2],[-1,0,1]] and its transpose.',
    apply: (ref) => {
      const SOBEL_X = negate(ref.filters.SOBEL_X);
      const SOBEL_Y = negate(ref.filters.SOBEL_Y);
      return { SOBEL_X, SOBEL_Y, gradients: gradientsWith(ref, { kernels: { prewitt: [ref.filters.PREWITT_X, ref.filters.PREWITT_Y], sobel: [SOBEL_X, SOBEL_Y] } }) };
    },
  },
  {
    id: 'sobel-constants-swapped',
    title: 'SOBEL_X and SOBEL_Y exchanged',
    explanation:
      'Your SOBEL_X holds the slide’s SOBEL_Y and your SOBEL_Y its SOBEL_X, so Sobel’s x and y come out exchanged while Prewitt’s are right. SOBEL_X = [[-1,0,1],[-2,0,2],[-1,0,1]] responds to changes from left to right; SOBEL_Y is its transpose.',
    apply: (ref) => {
      const [SOBEL_X, SOBEL_Y] = [ref.filters.SOBEL_Y, ref.filters.SOBEL_X];
      return { SOBEL_X, SOBEL_Y, gradients: gradientsWith(ref, { kernels: { prewitt: [ref.filters.PREWITT_X, ref.filters.PREWITT_Y], sobel: [SOBEL_X, SOBEL_Y] } }) };
    },
  },
  {
    id: 'x-y-swapped',
    title: 'x and y swapped',
    explanation: 'Your x is the vertical derivative and your y the horizontal one. x responds to changes from left to right (PREWITT_X, SOBEL_X), y to changes from top to bottom.',
    apply: (ref) => ({ gradients: gradientsWith(ref, { swap: true }) }),
  },
  {
    id: 'magnitude-l1',
    title: 'Magnitude as |x| + |y|',
    explanation: 'The magnitude of the gradient is the length of the vector (x, y): √(x² + y²), not |x| + |y|.',
    apply: (ref) => ({ gradients: gradientsWith(ref, { magnitude: (x, y) => Math.abs(x) + Math.abs(y) }) }),
  },
  {
    id: 'high-pass-negated',
    title: 'High pass negated (blur − image)',
    explanation: 'Your highPass has the wrong sign: it is what the image keeps beyond its blur, image − blur(image, size), so that blur + high pass = image.',
    apply: (ref) => ({ highPass: (image: Matrix, size = 3) => minus(ref.filters.blur(image, size), image) }),
  },
  {
    id: 'high-pass-fixed-size',
    title: 'highPass ignores its size',
    explanation: 'Your highPass always subtracts a 3×3 blur: use blur(image, size) with the size you were given (3 is only the default).',
    apply: (ref) => ({ highPass: (image: Matrix, size = 3) => (ref.filters.boxKernel(size), minus(image, ref.filters.blur(image, 3))) }),
  },
  {
    id: 'high-pass-unnormalised',
    title: 'The slide’s HIGH_PASS kernel without the /9',
    explanation:
      "convolve2d(image, HIGH_PASS) is 9 × (image − 3×3 blur): divide it by 9 so that blur + high pass = image — and for other sizes use image − blur(image, size).",
    apply: (ref) => ({
      highPass: (image: Matrix, size = 3) => (ref.filters.boxKernel(size), ref.convolution2d.convolve2d(image, ref.filters.HIGH_PASS, { mode: 'same', boundary: 'symm' })),
    }),
  },
]);
