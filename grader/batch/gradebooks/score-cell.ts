import type { BatchRecord } from '../record.js';

/**
 * What a gradebook cell gets for a record: nothing when it was not graded (Canvas and Moodle read
 * a blank cell as "no change", where a 0 would overwrite a grade), else the score, scaled to the
 * LMS column's points when it has a different maximum (26 of 26 is 100 of 100), to 2 decimals.
 */
export function scoreCell(record: BatchRecord | undefined, pointsPossible: number | undefined): number | undefined {
  if (!record || record.status !== 'graded') return undefined;
  const scaled = pointsPossible && pointsPossible > 0 && record.maxScore > 0 && pointsPossible !== record.maxScore ? (record.score * pointsPossible) / record.maxScore : record.score;
  return Math.round(scaled * 100) / 100;
}

/** A points cell of an LMS export ("100", "100.00", "10,5"), or undefined. */
export function pointsOf(text: string | undefined): number | undefined {
  const n = Number(text?.trim().replace(',', '.'));
  return text?.trim() && Number.isFinite(n) ? n : undefined;
}
