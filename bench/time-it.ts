/** Best and median of `repeat` runs, in milliseconds, after one warm-up run. */
export interface Timing {
  bestMs: number;
  medianMs: number;
}

export async function timeIt(fn: () => unknown, repeat: number): Promise<Timing> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { bestMs: round(times[0]), medianMs: round(times[Math.floor(times.length / 2)]) };
}

const round = (x: number) => Math.round(x * 10) / 10;
