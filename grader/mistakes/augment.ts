import type { Matrix } from '../core/contract.js';
import type { Reference } from '../run/reference.js';
import { defineMistakes } from './types.js';

interface Resampling {
  /** The centre as w/2, h/2 instead of (w − 1)/2, (h − 1)/2. */
  halfCentre?: boolean;
  /** Round the source point to the nearest pixel instead of interpolating. */
  nearest?: boolean;
  /** Points outside the image take the nearest edge pixel instead of fill. */
  clamp?: boolean;
}

/** cos and sin of an angle in degrees, exact at multiples of 90°. */
function cosSin(degrees: number): [number, number] {
  const d = ((degrees % 360) + 360) % 360;
  if (d % 90 === 0) return [[1, 0], [0, 1], [-1, 0], [0, -1]][d / 90] as [number, number];
  const t = (degrees * Math.PI) / 180;
  return [Math.cos(t), Math.sin(t)];
}

/** The reference's inverse mapping, with one of the mistakes of `o`. */
function resample(image: Matrix, fill: number, source: (x: number, y: number) => [number, number], o: Resampling): Matrix {
  const h = image.length;
  const w = image[0].length;
  const cx = o.halfCentre ? w / 2 : (w - 1) / 2;
  const cy = o.halfCentre ? h / 2 : (h - 1) / 2;
  const eps = 1e-9;
  return image.map((row, r) =>
    row.map((_, c) => {
      const [u, v] = source(c - cx, r - cy);
      const x = cx + u;
      const y = cy + v;
      if (!o.clamp && !(x >= -eps && x <= w - 1 + eps && y >= -eps && y <= h - 1 + eps)) return fill;
      const xc = Math.min(Math.max(x, 0), w - 1);
      const yc = Math.min(Math.max(y, 0), h - 1);
      if (o.nearest) return image[Math.round(yc)][Math.round(xc)];
      const x0 = Math.floor(xc);
      const y0 = Math.floor(yc);
      const x1 = Math.min(x0 + 1, w - 1);
      const y1 = Math.min(y0 + 1, h - 1);
      const fx = xc - x0;
      const fy = yc - y0;
      const top = (1 - fx) * image[y0][x0] + fx * image[y0][x1];
      const bottom = (1 - fx) * image[y1][x0] + fx * image[y1][x1];
      return (1 - fy) * top + fy * bottom;
    }),
  );
}

/** rotate with the mistakes of `o` (after the reference's validation). */
function rotateWith(ref: Reference, o: Resampling) {
  return (image: Matrix, degrees: number, fill = 0) => {
    ref.augment.rotate(image, degrees, fill);
    const [cos, sin] = cosSin(degrees);
    return resample(image, fill, (x, y) => [x * cos - y * sin, x * sin + y * cos], o);
  };
}
function scaleWith(ref: Reference, o: Resampling) {
  return (image: Matrix, factor: number, fill = 0) => {
    ref.augment.scale(image, factor, fill);
    return resample(image, fill, (x, y) => [x / factor, y / factor], o);
  };
}

export const augmentMistakes = defineMistakes('augment', [
  {
    id: 'translate-backwards',
    title: 'Translation the wrong way',
    explanation:
      'Your content moves left for a positive dx (and up for a positive dy). Moving content dx columns right means the output pixel at column c shows the input pixel at column c − dx.',
    apply: (ref) => ({ translate: (image: Matrix, dx: number, dy: number, fill = 0) => ref.augment.translate(image, -dx, -dy, fill) }),
  },
  {
    id: 'translate-axes-swapped',
    title: 'dx and dy swapped',
    explanation: 'Your translate moves content dx rows and dy columns. dx counts columns (left to right, the second index image[row][col]), dy counts rows (top to bottom).',
    apply: (ref) => ({ translate: (image: Matrix, dx: number, dy: number, fill = 0) => (ref.augment.translate(image, dx, dy, fill), ref.augment.translate(image, dy, dx, fill)) }),
  },
  {
    id: 'fill-ignored',
    title: 'fill ignored',
    explanation: 'Pixels that the image no longer covers must take the fill value you are given; yours are 0 whatever fill is.',
    apply: (ref) => ({
      translate: (image: Matrix, dx: number, dy: number, fill = 0) => (ref.augment.translate(image, dx, dy, fill), ref.augment.translate(image, dx, dy, 0)),
      rotate: (image: Matrix, degrees: number, fill = 0) => (ref.augment.rotate(image, degrees, fill), ref.augment.rotate(image, degrees, 0)),
      scale: (image: Matrix, factor: number, fill = 0) => (ref.augment.scale(image, factor, fill), ref.augment.scale(image, factor, 0)),
    }),
  },
  {
    id: 'rotate-clockwise',
    title: 'Clockwise rotation',
    explanation:
      "Your rotate turns clockwise on screen. Row 0 is the top, so y points down and the maths textbook's counter-clockwise formula turns the picture clockwise: the source of output pixel (x, y) is (x cos θ − y sin θ, x sin θ + y cos θ) about the centre.",
    apply: (ref) => ({ rotate: (image: Matrix, degrees: number, fill = 0) => ref.augment.rotate(image, -degrees, fill) }),
  },
  {
    id: 'rotate-radians',
    title: 'Degrees used as radians',
    explanation: 'Math.cos and Math.sin take radians: convert the angle first (degrees × π / 180).',
    apply: (ref) => ({ rotate: (image: Matrix, degrees: number, fill = 0) => (ref.augment.rotate(image, degrees, fill), ref.augment.rotate(image, (degrees * 180) / Math.PI, fill)) }),
  },
  {
    id: 'rotate-nearest',
    title: 'Rotation by nearest neighbour',
    explanation: 'Your rotate takes the nearest pixel to each source point; interpolate bilinearly between the four pixels around it (weights 1 − fx, fx and 1 − fy, fy).',
    apply: (ref) => ({ rotate: rotateWith(ref, { nearest: true }) }),
  },
  {
    id: 'rotate-wrong-centre',
    title: 'Rotation about (w/2, h/2)',
    explanation: 'Your rotate turns about (w/2, h/2), half a pixel off: the pixels are at 0 … w − 1, so the centre of the image is ((w − 1)/2, (h − 1)/2).',
    apply: (ref) => ({ rotate: rotateWith(ref, { halfCentre: true }) }),
  },
  {
    id: 'rotate-outside-clamped',
    title: 'Outside pixels take the edge, not fill',
    explanation: 'Where the source point falls outside the image, the output pixel takes the fill value; yours repeats the nearest edge pixel.',
    apply: (ref) => ({ rotate: rotateWith(ref, { clamp: true }) }),
  },
  {
    id: 'scale-inverted',
    title: 'Scale inverted (shrinks for factor > 1)',
    explanation:
      'Your scale makes the content smaller for a factor above 1. With inverse mapping, the output pixel at distance d from the centre comes from distance d / factor in the input, not d × factor.',
    apply: (ref) => ({ scale: (image: Matrix, factor: number, fill = 0) => (ref.augment.scale(image, factor, fill), ref.augment.scale(image, 1 / factor, fill)) }),
  },
  {
    id: 'scale-nearest',
    title: 'Scaling by nearest neighbour',
    explanation: 'Your scale takes the nearest pixel to each source point; interpolate bilinearly between the four pixels around it.',
    apply: (ref) => ({ scale: scaleWith(ref, { nearest: true }) }),
  },
  {
    id: 'scale-wrong-centre',
    title: 'Scaling about (w/2, h/2)',
    explanation: 'Your scale zooms about (w/2, h/2), half a pixel off: the centre of the image is ((w − 1)/2, (h − 1)/2).',
    apply: (ref) => ({ scale: scaleWith(ref, { halfCentre: true }) }),
  },
]);
