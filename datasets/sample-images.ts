/**
 * The two pictures the report runs every submission's filters and augmentations on. Both are
 * plain `number[][]` in [0, 1] (row 0 is the top), made without any file or download, so the
 * report never needs the dataset.
 */

/**
 * The first digit of MNIST's training set (a "5", the lecture's "many 5s"), 28×28 bytes,
 * row-major, base64. MNIST: Yann LeCun, Corinna Cortes, Christopher J.C. Burges.
 */
const MNIST_TRAIN_0 =
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAADEhISfoivGqb/938AAAAAAAAAAAAAAAAeJF6aqv39/f394az98sNAAAAAAAAAAAAAAAAx7v39/f39/f39+11S' +
  'UjgnAAAAAAAAAAAAAAAAEtv9/f39/ca29/EAAAAAAAAAAAAAAAAAAAAAAABQnGv9/c0LACuaAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AA4Bmv1aAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAIv9vgIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAALvv1GAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAAACPx4aBsAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAUfD9/XcZAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAtuv39lhsAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABBd/P27AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAPn9+UAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAugrf9/c8CAAAAAAAAAAAAAAAAAAAAAAAAACeU5f39/fq2AAAAAAAAAAAAAAAAAAAAAAAAGHLd/f39' +
  '/clOAAAAAAAAAAAAAAAAAAAAAAAXQtX9/f39xlECAAAAAAAAAAAAAAAAAAAAABKr2/39/f3DUAkAAAAAAAAAAAAAAAAAAAAA' +
  'N6zi/f39/fSFCwAAAAAAAAAAAAAAAAAAAAAAAIj9/f3Uh4QQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' +
  'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==';

/** Which MNIST digit `sampleDigit5` is, for captions. */
export const SAMPLE_DIGIT_SOURCE = 'MNIST training image #0 (label 5)';

/** A 28×28 handwritten "5" from MNIST, pixels in [0, 1]: a fresh copy on every call. */
export function sampleDigit5(): number[][] {
  const bytes = Buffer.from(MNIST_TRAIN_0, 'base64');
  return Array.from({ length: 28 }, (_, r) => Array.from(bytes.subarray(r * 28, r * 28 + 28), (b) => b / 255));
}

/**
 * A `size`×`size` test card, values in [0, 1], one pattern per quadrant so each filter has
 * something to show: vertical stripes (top left: blur erases them, Sobel x finds every edge),
 * a checkerboard (top right: edges in both directions), a left-to-right ramp (bottom left:
 * a constant Sobel x, no Sobel y) and a bright disc on a dark ground (bottom right: edges in
 * every direction, the rotation's tell-tale).
 */
export function testCard(size = 64): number[][] {
  if (!Number.isInteger(size) || size < 8) throw new Error(`testCard: argument 'size' must be an integer ≥ 8 (got ${size})`);
  const half = Math.floor(size / 2);
  const stripe = Math.max(1, Math.round(size / 32));
  const square = Math.max(1, Math.round(size / 16));
  const radius = 0.36 * (size - half);
  const centre = half + (size - half - 1) / 2;
  return Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => {
      if (r < half && c < half) return Math.floor(c / stripe) % 2 === 0 ? 0.95 : 0.05;
      if (r < half) return (Math.floor(r / square) + Math.floor((c - half) / square)) % 2 === 0 ? 1 : 0;
      if (c < half) return half > 1 ? c / (half - 1) : 0.5;
      return Math.hypot(r - centre, c - centre) <= radius ? 0.9 : 0.1;
    }),
  );
}
