/** numpy's 'reflect' (d c b | a b c d | c b a): the edge is not repeated, period 2n − 2. */
export function reflect(i: number, n: number): number {
  if (n === 1) return 0;
  const period = 2 * n - 2;
  const q = ((i % period) + period) % period;
  return q < n ? q : period - q;
}
