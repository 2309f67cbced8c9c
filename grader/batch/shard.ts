/** `--shard k/n`: shard k (1-based) of n. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard must be k/n with 1 ≤ k ≤ n (e.g. 2/4), got '${text}'`);
  }
  return { index, count };
}

/**
 * The items of one shard: sorted by key (code-unit order, independent of locale), then every
 * n-th from the k-th. The shards of 1/n … n/n partition the items, whatever machine runs them.
 */
export function takeShard<T>(items: readonly T[], shard: Shard, key: (item: T) => string): T[] {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
