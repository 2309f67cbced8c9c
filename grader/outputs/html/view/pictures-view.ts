import type { Picture, PictureComparison, Pictures } from '../pictures.js';

export interface PictureRowView extends Omit<PictureComparison, 'exercise' | 'sample' | 'maxAbsDifference' | 'matches'> {
  status: 'match' | 'differs' | 'missing';
  statusLabel: string;
}

export interface PictureGroupView {
  exercise: string;
  samples: {
    id: string;
    title: string;
    description: string;
    original: Picture;
    rows: PictureRowView[];
    /** Why no row has the reference's picture, when it is one reason for all (said once, not per row). */
    noReference?: string;
  }[];
}

/** The comparisons of one exercise, sample by sample. */
export function pictureGroups(pictures: Pictures | undefined): PictureGroupView[] {
  if (!pictures) return [];
  const exercises = [...new Set(pictures.comparisons.map((c) => c.exercise))];
  return exercises.map((exercise) => ({
    exercise,
    samples: pictures.samples
      .map((s) => {
        const rows = pictures.comparisons.filter((c) => c.exercise === exercise && c.sample === s.id).map(row);
        return { id: s.id, title: s.title, description: s.description, original: s.picture, rows, noReference: sharedReason(rows.map((r) => r.reference)) };
      })
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

/** The one reason none of `pictures` exists ("not available: " left out), or undefined. */
function sharedReason(pictures: Picture[]): string | undefined {
  const reasons = new Set(pictures.map((p) => (p.dataUri ? undefined : p.unavailable)));
  const [only] = reasons;
  return pictures.length > 0 && reasons.size === 1 && only ? only.replace(/^not available: /, '') : undefined;
}
