/**
 * The slider settings a student release records the reference's pictures at (it ships answers,
 * not solutions/): on the handwritten "5", every kernel size, angle and scale, and every shift
 * along one axis with the other at the report's setting. Elsewhere (the test card away from the
 * report's settings, a dropped picture) the studio shows the student's output without the reference's.
 */
import { defaultSamples, type PictureSample } from '../outputs/html/pictures.js';
import { SLIDERS } from './page/settings.js';

const steps = (r: { min: number; max: number; step: number }) => Array.from({ length: Math.round((r.max - r.min) / r.step) + 1 }, (_, i) => r.min + i * r.step);

export function sliderGrid(): PictureSample[] {
  const digit = defaultSamples().find((s) => s.id === 'digit')!;
  const [dx, dy] = digit.shift;
  return [
    ...steps(SLIDERS.blurSize).map((blurSize) => ({ ...digit, blurSize })),
    ...steps(SLIDERS.degrees).map((degrees) => ({ ...digit, degrees })),
    ...steps(SLIDERS.factor).map((factor) => ({ ...digit, factor })),
    ...steps(SLIDERS.shift).map((x) => ({ ...digit, shift: [x, dy] as [number, number] })),
    ...steps(SLIDERS.shift).map((y) => ({ ...digit, shift: [dx, y] as [number, number] })),
  ];
}
