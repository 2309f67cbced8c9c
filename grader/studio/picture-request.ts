/**
 * The body of POST /api/pictures, checked: which picture (a built-in one or the student's own,
 * decoded in the browser and sent as plain numbers) and the sliders' settings.
 */
import { defaultSamples, type PictureSample } from '../outputs/html/pictures.js';
import { isMatrix } from '../outputs/html/png.js';
import { SLIDERS } from './page/settings.js';
import { MAX_DROPPED_SIDE } from './page/limits.js';



type Range = { min: number; max: number; step: number };
const onGrid = (v: unknown, r: Range): v is number =>
  typeof v === 'number' && v >= r.min && v <= r.max && Math.abs((v - r.min) / r.step - Math.round((v - r.min) / r.step)) < 1e-9;

export function parsePictureRequest(body: unknown): { sample: PictureSample } | { error: string } {
  if (body === null || typeof body !== 'object') return { error: 'expected a JSON object' };
  const b = body as Record<string, unknown>;
  for (const [key, range] of [['blurSize', SLIDERS.blurSize], ['degrees', SLIDERS.degrees], ['factor', SLIDERS.factor], ['dx', SLIDERS.shift], ['dy', SLIDERS.shift]] as const) {
    if (!onGrid(b[key], range)) return { error: `${key} must be a number from ${range.min} to ${range.max} in steps of ${range.step}` };
  }
  const settings = { blurSize: b.blurSize as number, degrees: b.degrees as number, factor: b.factor as number, shift: [b.dx, b.dy] as [number, number] };
  if (b.sample === 'dropped') {
    const image = b.image;
    if (!isMatrix(image, MAX_DROPPED_SIDE) || !image.every((row) => row.every((x) => Number.isFinite(x) && x >= 0 && x <= 1))) {
      return { error: `image must be a rectangular number[][] of values in [0, 1], at most ${MAX_DROPPED_SIDE} a side` };
    }
    return { sample: { id: 'dropped', title: 'Your picture', description: `${image.length} × ${image[0].length}, grey levels from your file`, image, ...settings } };
  }
  const builtIn = defaultSamples().find((s) => s.id === b.sample);
  if (!builtIn) return { error: "sample must be 'digit', 'test-card' or 'dropped'" };
  return { sample: { ...builtIn, ...settings } };
}
