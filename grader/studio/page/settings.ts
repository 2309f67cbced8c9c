/** The sliders' ranges (the server refuses values off them) and their starting values per picture. */
import { SAMPLE_SETTINGS } from '../../outputs/html/sample-settings.js';

export const SLIDERS = {
  blurSize: { min: 1, max: 9, step: 2 },
  degrees: { min: -180, max: 180, step: 15 },
  factor: { min: 0.5, max: 2, step: 0.25 },
  shift: { min: -8, max: 8, step: 1 },
} as const;

export interface PictureSettings {
  blurSize: number;
  degrees: number;
  factor: number;
  dx: number;
  dy: number;
}

/** The report's settings for a built-in picture; a dropped one starts like the digit. */
export function sliderDefaults(sample: string): PictureSettings {
  const s = sample === 'test-card' ? SAMPLE_SETTINGS['test-card'] : SAMPLE_SETTINGS.digit;
  return { blurSize: s.blurSize, degrees: s.degrees, factor: s.factor, dx: s.shift[0], dy: s.shift[1] };
}
