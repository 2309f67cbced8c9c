import type { Matrix } from '../../core/contract.js';
import type { Reference } from '../../core/reference.js';
import { defineMistakes } from '../../mistakes/types.js';

interface Resampling {
  /** The centre as w/2, h/2 instead of (w − 1)/2, (h − 1)/2. */
  halfCentre?: boolean;
  /** About the top-left pixel (0, 0) instead of the centre. */
  origin?: boolean;
  /** Round the source point to the nearest pixel instead of interpolating. */
  nearest?: boolean;
  /** Points outside the image take the nearest edge pixel instead of fill. */
  clamp?: boolean;
  /** Source points on the last row or column count as outside (the test floor(x) + 1 < w). */
  edgeAsFill?: boolean;
  /** Each interpolated value rounded to a whole number. */
  rounded?: boolean;
  /** The output's size, when it is not the input's (an enlarged canvas), centred on the same point. */
  size?: [number, number];
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
  const [oh, ow] = o.size ?? [h, w];
  const cx = o.origin ? 0 : o.halfCentre ? w / 2 : (w - 1) / 2;
  const cy = o.origin ? 0 : o.halfCentre ? h / 2 : (h - 1) / 2;
  const ocx = o.size ? (ow - 1) / 2 : cx;
  const ocy = o.size ? (oh - 1) / 2 : cy;
  const eps = 1e-9;
  return Array.from({ length: oh }, (_, r) =>
    Array.from({ length: ow }, (_, c) => {
      const [u, v] = source(c - ocx, r - ocy);
      const x = cx + u;
      const y = cy + v;
      if (!o.clamp && !(x >= -eps && x <= w - 1 + eps && y >= -eps && y <= h - 1 + eps)) return fill;
      if (o.edgeAsFill && !(x < w - 1 && y < h - 1)) return fill;
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
      const value = (1 - fy) * top + fy * bottom;
      return o.rounded ? Math.round(value) : value;
    }),
  );
}

/** How a canvas size is made a whole number: to the nearest (scipy, cv2), up or down. */
type Whole = (x: number) => number;
const OTHER_WHOLES: Whole[] = [Math.ceil, Math.floor];

/** The bounding box of the image turned by `degrees` (what scipy.ndimage.rotate(reshape=True) gives). */
function rotatedCanvas(h: number, w: number, degrees: number, whole: Whole): [number, number] {
  const [cos, sin] = cosSin(degrees).map(Math.abs);
  return [Math.max(1, whole(h * cos + w * sin - 1e-9)), Math.max(1, whole(w * cos + h * sin - 1e-9))];
}

/** Every value the predicted one (fill) or a whole number within 1 of it (rounded, floored or truncated), or clamped to 0…255. */
function roundedValues(got: unknown, predicted: unknown): boolean {
  const g = got as Matrix;
  const p = predicted as Matrix;
  if (!Array.isArray(g) || !Array.isArray(p) || g.length !== p.length) return false;
  return p.every((row, r) => Array.isArray(g[r]) && g[r].length === row.length && row.every((exact, c) => {
    const v = g[r][c];
    return Math.abs(v - exact) <= 1e-9 || (Number.isInteger(v) && (Math.abs(v - exact) <= 1 || (v === 0 && exact < 0) || (v === 255 && exact > 255)));
  }));
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
/** rotate into the bounding box of the turned image. */
function rotateEnlarged(ref: Reference, whole: Whole = Math.round) {
  return (image: Matrix, degrees: number, fill = 0) => {
    ref.augment.rotate(image, degrees, fill);
    const [cos, sin] = cosSin(degrees);
    return resample(image, fill, (x, y) => [x * cos - y * sin, x * sin + y * cos], { size: rotatedCanvas(image.length, image[0].length, degrees, whole) });
  };
}
/** scale onto a canvas `factor` times the image's size (as cv2.resize does). */
function scaleEnlarged(ref: Reference, whole: Whole = Math.round) {
  return (image: Matrix, factor: number, fill = 0) => {
    ref.augment.scale(image, factor, fill);
    const size: [number, number] = [Math.max(1, whole(image.length * factor)), Math.max(1, whole(image[0].length * factor))];
    return resample(image, fill, (x, y) => [x / factor, y / factor], { size });
  };
}
/** translate as numpy.roll does: what leaves one side comes back on the other. */
function translateWrapping(ref: Reference) {
  return (image: Matrix, dx: number, dy: number, fill = 0) => {
    ref.augment.translate(image, dx, dy, fill);
    const h = image.length;
    const w = image[0].length;
    const mod = (i: number, n: number) => ((i % n) + n) % n;
    return image.map((row, r) => row.map((_, c) => image[mod(r - dy, h)][mod(c - dx, w)]));
  };
}

export const mistakes = defineMistakes('augment', [
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
    id: 'translate-wraps',
    title: 'Translation wraps around (numpy.roll)',
    explanation:
      'What your translate moves off one side comes back on the other, as numpy.roll does. Pixels the image no longer covers must take fill: the output pixel (r, c) shows the input pixel (r − dy, c − dx) only when that is inside the image.',
    apply: (ref) => ({ translate: translateWrapping(ref) }),
  },
  {
    id: 'interpolation-rounded',
    title: 'Interpolated values rounded to whole numbers',
    explanation:
      'Your rotate and scale return whole numbers where bilinear interpolation gives fractions (Math.round, Math.floor, | 0, a Uint8Array or Uint8ClampedArray). Images here are plain numbers: keep the interpolated value as it is.',
    apply: (ref) => ({ rotate: rotateWith(ref, { rounded: true }), scale: scaleWith(ref, { rounded: true }) }),
    accepts: roundedValues,
  },
  {
    id: 'interpolation-edge-as-fill',
    title: 'The last row and column count as outside',
    explanation:
      'A source point on the last row or column (x = w − 1 or y = h − 1) is inside the image, but your rotate or scale gives it fill (a test like x0 + 1 < w). Inside means −1e-9 ≤ x ≤ w − 1 + 1e-9; clamp x0 + 1 to w − 1 for the interpolation instead.',
    apply: (ref) => ({ rotate: rotateWith(ref, { edgeAsFill: true }), scale: scaleWith(ref, { edgeAsFill: true }) }),
  },
  {
    id: 'rotate-enlarges-canvas',
    title: 'The rotated image gets a larger canvas',
    explanation:
      "Your rotate returns the bounding box of the turned image (like scipy.ndimage.rotate's reshape=True). The output must have the input's size: corners that turn out of it are cut off, and pixels whose source is outside take fill.",
    apply: (ref) => ({ rotate: rotateEnlarged(ref) }),
    variants: (ref) => OTHER_WHOLES.map((whole) => ({ rotate: rotateEnlarged(ref, whole) })),
  },
  {
    id: 'scale-enlarges-canvas',
    title: 'The scaled image gets a canvas of a different size',
    explanation:
      "Your scale returns an image factor times the input's size (like cv2.resize). The output must have the input's size: zooming in crops to the centre, zooming out leaves a border of fill.",
    apply: (ref) => ({ scale: scaleEnlarged(ref) }),
    variants: (ref) => OTHER_WHOLES.map((whole) => ({ scale: scaleEnlarged(ref, whole) })),
  },
  {
    id: 'rotate-about-origin',
    title: 'Rotation about the top-left corner',
    explanation: 'Your rotate turns the image about pixel (0, 0). Subtract the centre ((w − 1)/2, (h − 1)/2) before rotating the coordinates and add it back after.',
    apply: (ref) => ({ rotate: rotateWith(ref, { origin: true }) }),
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
    id: 'interpolation-nearest',
    title: 'Nearest neighbour instead of bilinear interpolation',
    explanation: 'Your rotate or scale takes the nearest pixel to each source point; interpolate bilinearly between the four pixels around it (weights 1 − fx, fx and 1 − fy, fy).',
    apply: (ref) => ({ rotate: rotateWith(ref, { nearest: true }), scale: scaleWith(ref, { nearest: true }) }),
  },
  {
    id: 'wrong-centre',
    title: 'Turning or zooming about (w/2, h/2)',
    explanation: 'Your rotate or scale works about (w/2, h/2), half a pixel off: the pixels are at 0 … w − 1, so the centre of the image is ((w − 1)/2, (h − 1)/2).',
    apply: (ref) => ({ rotate: rotateWith(ref, { halfCentre: true }), scale: scaleWith(ref, { halfCentre: true }) }),
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


]);
