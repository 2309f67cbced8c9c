import sharp from 'sharp';
import { formatNumber } from '../../feedback/format-value.js';

/**
 * How values become grey levels. `zero-to-max`: 0 → black, `max` → white (images in [0, 1],
 * gradient magnitudes). `signed`: 0 → mid-grey, `+max` → white, `−max` → black (high pass,
 * Sobel x / y). Values beyond the range are clipped; non-finite values are drawn magenta.
 */
export type DisplayRange = { kind: 'zero-to-max'; max: number } | { kind: 'signed'; max: number };

export const UNIT_RANGE: DisplayRange = { kind: 'zero-to-max', max: 1 };

/** The mapping in words, for a caption. */
export function describeRange(range: DisplayRange): string {
  const m = formatNumber(Number(range.max.toPrecision(3)));
  return range.kind === 'signed' ? `0 → mid-grey, +${m} → white, −${m} → black` : `0 → black, ${m} → white`;
}

/** A range that shows `values` (usually the reference's) in full; `max` is never 0. */
export function rangeOf(kind: DisplayRange['kind'], values: Iterable<number>): DisplayRange {
  let max = 0;
  for (const v of values) if (Number.isFinite(v)) max = Math.max(max, kind === 'signed' ? Math.abs(v) : v);
  return { kind, max: max > 0 ? max : 1 };
}

export interface EncodedImage {
  dataUri: string;
  /** The image's own size in pixels (before upscaling). */
  width: number;
  height: number;
  /** How many values were NaN or ±Infinity (drawn magenta). */
  nonFinite: number;
  /** How many values fell outside the range and were clipped. */
  clipped: number;
}

/** Largest side, in screen pixels, small images are scaled up to (by a whole factor). */
export const TARGET_SIZE = 160;

/**
 * A row-major grid of values as a PNG data URI, scaled up by a whole factor with nearest
 * neighbour (every pixel stays a crisp square) to about `target` pixels on its longer side.
 */
export async function encodePng(values: ArrayLike<number>, width: number, height: number, range: DisplayRange, target = TARGET_SIZE): Promise<EncodedImage> {
  const k = Math.max(1, Math.round(target / Math.max(width, height)));
  const out = Buffer.alloc(width * k * height * k * 3);
  let nonFinite = 0;
  let clipped = 0;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const v = values[r * width + c];
      let rgb: [number, number, number];
      if (!Number.isFinite(v)) {
        nonFinite++;
        rgb = [255, 0, 255];
      } else {
        const t = range.kind === 'signed' ? 0.5 + v / (2 * range.max) : v / range.max;
        if (t < -1e-9 || t > 1 + 1e-9) clipped++;
        const g = Math.round(255 * Math.min(1, Math.max(0, t)));
        rgb = [g, g, g];
      }
      for (let dy = 0; dy < k; dy++) {
        let i = ((r * k + dy) * width * k + c * k) * 3;
        for (let dx = 0; dx < k; dx++, i += 3) {
          out[i] = rgb[0];
          out[i + 1] = rgb[1];
          out[i + 2] = rgb[2];
        }
      }
    }
  }
  const png = await sharp(out, { raw: { width: width * k, height: height * k, channels: 3 } }).png().toBuffer();
  return { dataUri: `data:image/png;base64,${png.toString('base64')}`, width, height, nonFinite, clipped };
}

/** A matrix (image[row][col]) as a PNG data URI; see `encodePng`. */
export function matrixToPng(m: number[][], range: DisplayRange, target = TARGET_SIZE): Promise<EncodedImage> {
  return encodePng(m.flat(), m[0].length, m.length, range, target);
}

/** Whether `v` is a non-empty rectangular matrix of numbers no larger than `maxSide` a side. */
export function isMatrix(v: unknown, maxSide = 512): v is number[][] {
  if (!Array.isArray(v) || v.length === 0 || v.length > maxSide) return false;
  const first = v[0];
  if (!Array.isArray(first) || first.length === 0 || first.length > maxSide) return false;
  return v.every((row) => Array.isArray(row) && row.length === first.length && row.every((x) => typeof x === 'number'));
}
