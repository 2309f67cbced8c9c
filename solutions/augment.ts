/**
 * The many "5"s (slides "Why FF networks don't work well for image data"): shifting, turning or
 * zooming a digit changes almost every pixel value, although it is the same digit. Every
 * function returns a new image of the input's size; uncovered pixels take `fill`.
 */
import type { Matrix } from './convolution2d.js';

/** Content moves dx columns right and dy rows down (integers; negative moves left/up). */
export function translate(image: Matrix, dx: number, dy: number, fill = 0): Matrix {
  const [h, w] = shapeOf('translate', image);
  if (!Number.isInteger(dx)) throw new Error(`translate: argument 'dx' must be an integer (got ${String(dx)})`);
  if (!Number.isInteger(dy)) throw new Error(`translate: argument 'dy' must be an integer (got ${String(dy)})`);
  checkFill('translate', fill);
  const out: Matrix = new Array(h);
  for (let r = 0; r < h; r++) {
    const sr = r - dy;
    const row: number[] = new Array(w);
    for (let c = 0; c < w; c++) {
      const sc = c - dx;
      row[c] = sr >= 0 && sr < h && sc >= 0 && sc < w ? image[sr][sc] : fill;
    }
    out[r] = row;
  }
  return out;
}

/** Counter-clockwise on screen by `degrees` about the centre ((w-1)/2, (h-1)/2), bilinear. */
export function rotate(image: Matrix, degrees: number, fill = 0): Matrix {
  const [h, w] = shapeOf('rotate', image);
  if (typeof degrees !== 'number' || !Number.isFinite(degrees)) {
    throw new Error(`rotate: argument 'degrees' must be a finite number (got ${String(degrees)})`);
  }
  checkFill('rotate', fill);
  const [cos, sin] = cosSin(degrees);
  // Inverse mapping: each destination pixel looks up where it came from. With y pointing down,
  // an on-screen counter-clockwise turn sends (x, y) to (x cos + y sin, -x sin + y cos) about the
  // centre, so the source of destination (x, y) is (x cos - y sin, x sin + y cos).
  return resample(image, h, w, fill, (x, y) => [x * cos - y * sin, x * sin + y * cos]);
}

/** Zoom by `factor` (> 1 enlarges) about the centre, bilinear. */
export function scale(image: Matrix, factor: number, fill = 0): Matrix {
  const [h, w] = shapeOf('scale', image);
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0) {
    throw new Error(`scale: argument 'factor' must be a positive finite number (got ${String(factor)})`);
  }
  checkFill('scale', fill);
  return resample(image, h, w, fill, (x, y) => [x / factor, y / factor]);
}

/** cos and sin of an angle in degrees, exact at multiples of 90° (Math.cos(π/2) is 6e-17, not 0). */
function cosSin(degrees: number): [number, number] {
  const d = ((degrees % 360) + 360) % 360;
  if (d === 0) return [1, 0];
  if (d === 90) return [0, 1];
  if (d === 180) return [-1, 0];
  if (d === 270) return [0, -1];
  const t = (degrees * Math.PI) / 180;
  return [Math.cos(t), Math.sin(t)];
}

const EPS = 1e-9;

/**
 * out[y][x] = bilinear(image, centre + source(x - cx, y - cy)), or fill when the source point is
 * outside [-EPS, w-1+EPS] × [-EPS, h-1+EPS]; the slack keeps rounding error at the border from
 * turning an edge pixel into fill.
 */
function resample(
  image: Matrix, h: number, w: number, fill: number,
  source: (x: number, y: number) => [number, number],
): Matrix {
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const out: Matrix = new Array(h);
  for (let r = 0; r < h; r++) {
    const row: number[] = new Array(w);
    for (let c = 0; c < w; c++) {
      const [u, v] = source(c - cx, r - cy);
      const x = cx + u;
      const y = cy + v;
      if (!(x >= -EPS && x <= w - 1 + EPS && y >= -EPS && y <= h - 1 + EPS)) {
        row[c] = fill;
        continue;
      }
      const xc = Math.min(Math.max(x, 0), w - 1);
      const yc = Math.min(Math.max(y, 0), h - 1);
      const x0 = Math.floor(xc);
      const y0 = Math.floor(yc);
      const x1 = Math.min(x0 + 1, w - 1);
      const y1 = Math.min(y0 + 1, h - 1);
      const fx = xc - x0;
      const fy = yc - y0;
      const top = (1 - fx) * image[y0][x0] + fx * image[y0][x1];
      const bottom = (1 - fx) * image[y1][x0] + fx * image[y1][x1];
      row[c] = (1 - fy) * top + fy * bottom;
    }
    out[r] = row;
  }
  return out;
}

function checkFill(fn: string, fill: number): void {
  if (typeof fill !== 'number') throw new Error(`${fn}: argument 'fill' must be a number (got ${String(fill)})`);
}

/** [rows, cols] of a non-empty rectangular matrix of numbers; throws naming the argument. */
function shapeOf(fn: string, m: Matrix): [number, number] {
  let ok = Array.isArray(m) && m.length > 0 && Array.isArray(m[0]) && m[0].length > 0;
  const cols = ok ? m[0].length : 0;
  for (let r = 0; ok && r < m.length; r++) {
    const row = m[r];
    ok = Array.isArray(row) && row.length === cols;
    for (let c = 0; ok && c < cols; c++) ok = typeof row[c] === 'number';
  }
  if (!ok) throw new Error(`${fn}: argument 'image' must be a non-empty rectangular matrix of numbers`);
  return [m.length, cols];
}
