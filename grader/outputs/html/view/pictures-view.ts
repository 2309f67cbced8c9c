import type { Picture, PictureComparison, Pictures } from '../pictures.js';

export interface PictureRowView extends Omit<PictureComparison, 'exercise' | 'sample' | 'maxAbsDifference' | 'matches'> {
  status: 'match' | 'differs' | 'missing';
  statusLabel: string;
}

export interface PictureGroupView {
  exercise: string;
  samples: { id: string; title: string; description: string; original: Picture; rows: PictureRowView[] }[];
}

/** The comparisons of one exercise, sample by sample. */
export function pictureGroups(pictures: Pictures | undefined): PictureGroupView[] {
  if (!pictures) return [];
  const exercises = [...new Set(pictures.comparisons.map((c) => c.exercise))];
  return exercises.map((exercise) => ({
    exercise,
    samples: pictures.samples
      .map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        original: s.picture,
        rows: pictures.comparisons.filter((c) => c.exercise === exercise && c.sample === s.id).map(row),
      }))
      .filter((s) => s.rows.length > 0),
  }));
}

function row(c: PictureComparison): PictureRowView {
  const { exercise: _e, sample: _s, maxAbsDifference: _d, matches, ...rest } = c;
  // Decided when the pictures were made, with the checks' tolerance (pictures.ts).
  const status = matches === undefined ? 'missing' : matches ? 'match' : 'differs';
  const statusLabel = { match: '✓ matches the reference', differs: '✗ differs from the reference', missing: '– not compared' }[status];
  return { ...rest, status, statusLabel };
}
