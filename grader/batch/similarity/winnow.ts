/** A selected k-gram: its hash and the token positions it spans. */
export interface Fingerprint {
  hash: number;
  /** Index of the first token of the k-gram. */
  start: number;
}

export interface WinnowOptions {
  /** Tokens per k-gram (the noise threshold: shorter matches are never found). */
  k: number;
  /** Window of consecutive k-gram hashes; a match of at least w + k - 1 tokens is always found. */
  w: number;
}

export const DEFAULT_WINNOW: WinnowOptions = { k: 15, w: 8 };

/**
 * Winnowing (Schleimer, Wilkerson, Aiken, "Winnowing: local algorithms for document
 * fingerprinting", SIGMOD 2003; the algorithm of MOSS): hash every k-gram of tokens, slide a
 * window of w hashes, keep the minimum of each window (the rightmost on ties), each selected
 * position once.
 */
export function winnow(kinds: readonly string[], options: WinnowOptions = DEFAULT_WINNOW): Fingerprint[] {
  const { k, w } = options;
  if (!(k >= 1 && w >= 1)) throw new Error(`winnow: k and w must be ≥ 1 (got k=${k}, w=${w})`);
  const hashes: number[] = [];
  for (let i = 0; i + k <= kinds.length; i++) hashes.push(hashKGram(kinds, i, k));
  if (hashes.length === 0) return [];
  const out: Fingerprint[] = [];
  let last = -1;
  for (let end = Math.min(w, hashes.length) - 1; end < hashes.length; end++) {
    let min = end;
    for (let j = end - 1; j > end - w && j >= 0; j--) if (hashes[j] < hashes[min]) min = j;
    if (min !== last) {
      out.push({ hash: hashes[min], start: min });
      last = min;
    }
  }
  return out;
}

/** FNV-1a (32 bits) of the k tokens from `start`, separated so that token boundaries count. */
function hashKGram(kinds: readonly string[], start: number, k: number): number {
  let h = 0x811c9dc5;
  for (let t = start; t < start + k; t++) {
    const s = kinds[t];
    for (let c = 0; c < s.length; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193);
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  return h >>> 0;
}
