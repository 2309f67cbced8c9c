/** The points per exercise and the total, as `npm run grade` and a release's `npm test` end. */
export interface PointsRow {
  exercise: string;
  score: number;
  maxScore: number;
}

export function pointsTable(rows: readonly PointsRow[], note: string): string[] {
  const total = (key: 'score' | 'maxScore') => Math.round(rows.reduce((s, r) => s + r[key], 0) * 100) / 100;
  const line = (name: string, score: number, max: number) => `${name.padEnd(14)} ${String(score).padStart(6)} / ${max}`;
  return [...rows.map((r) => line(r.exercise, r.score, r.maxScore)), `${line('Total', total('score'), total('maxScore'))}   (${note})`];
}
