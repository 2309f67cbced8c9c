import Handlebars from 'handlebars';
import type { RobustnessMissing, RobustnessReport } from '../artifacts.js';
import { encodePng, UNIT_RANGE } from '../png.js';
import { lineChart } from '../svg/line-chart.js';
import { grouped, percent } from './training-view.js';

export interface RobustnessView {
  /** Absent when there are no points to draw. */
  shiftChart?: Handlebars.SafeString;
  rotationChart?: Handlebars.SafeString;
  scaleChart?: Handlebars.SafeString;
  cnnParameters: string;
  denseParameters: string;
  /** One sentence per chart, with the numbers at the largest shift and rotation. */
  findings: string[];
  /** Whose augment functions moved the digits. */
  movedBy?: string;
  /** The many 5s: each moved 5 with both networks' readings. */
  fives: { dataUri: string; move: string; cnn: number; dense: number; cnnRight: boolean; denseRight: boolean }[];
  /** Why there is no comparison, when there is none. */
  missing?: string;
}

const CNN = { name: 'CNN', color: '#1d4ed8', marker: 'circle' as const };
const DENSE = { name: 'dense network', color: '#c2410c', marker: 'square' as const, dashed: true };
const ACCURACY = { yDomain: [0, 1] as [number, number], yLabel: 'test accuracy', formatY: (v: number) => `${Math.round(v * 100)}%` };

/** "Why not a plain feed-forward network?": accuracy of both as the digits move, and the many 5s. */
export async function robustnessView(given: RobustnessReport | RobustnessMissing): Promise<RobustnessView> {
  if ('missing' in given) return { cnnParameters: '', denseParameters: '', findings: [], fives: [], missing: given.missing };
  const r = given;
  const scales = [...(r.scales ?? [])].sort((a, b) => a.factor - b.factor);
  const fives = await Promise.all((r.fives ?? []).map(async (f) => ({
    dataUri: (await encodePng(f.pixels, 28, 28, UNIT_RANGE, 84)).dataUri,
    move: f.move,
    cnn: f.cnn,
    dense: f.dense,
    cnnRight: f.cnn === 5,
    denseRight: f.dense === 5,
  })));
  const shifts = [...r.shifts].sort((a, b) => a.shift - b.shift);
  const rotations = [...r.rotations].sort((a, b) => a.degrees - b.degrees);
  const findings: string[] = [];
  const lastShift = shifts[shifts.length - 1];
  if (lastShift) findings.push(`Shifted by ${lastShift.shift} pixels, the CNN still gets ${percent(lastShift.cnn)} of the digits right; the dense network ${percent(lastShift.dense)}.`);
  const lastRotation = rotations.reduce<RobustnessReport['rotations'][number] | undefined>((m, p) => (!m || Math.abs(p.degrees) >= Math.abs(m.degrees) ? p : m), undefined);
  if (lastRotation) findings.push(`Rotated by ${lastRotation.degrees}°, the CNN gets ${percent(lastRotation.cnn)}; the dense network ${percent(lastRotation.dense)}.`);
  return {
    shiftChart: shifts.length === 0 ? undefined : new Handlebars.SafeString(
      lineChart({
        ...ACCURACY,
        title: 'Accuracy as the digits are shifted',
        xLabel: 'shift (pixels; left, right, up and down averaged)',
        series: [
          { ...CNN, points: shifts.map((p) => [p.shift, p.cnn]) },
          { ...DENSE, points: shifts.map((p) => [p.shift, p.dense]) },
        ],
      }),
    ),
    rotationChart: rotations.length === 0 ? undefined : new Handlebars.SafeString(
      lineChart({
        ...ACCURACY,
        title: 'Accuracy as the digits are rotated',
        xLabel: 'rotation (degrees)',
        formatX: (v) => `${v}°`,
        series: [
          { ...CNN, points: rotations.map((p) => [p.degrees, p.cnn]) },
          { ...DENSE, points: rotations.map((p) => [p.degrees, p.dense]) },
        ],
      }),
    ),
    scaleChart: scales.length === 0 ? undefined : new Handlebars.SafeString(
      lineChart({
        ...ACCURACY,
        title: 'Accuracy as the digits are zoomed',
        xLabel: 'zoom factor about the centre',
        formatX: (v) => `×${v}`,
        series: [
          { ...CNN, points: scales.map((p) => [p.factor, p.cnn]) },
          { ...DENSE, points: scales.map((p) => [p.factor, p.dense]) },
        ],
      }),
    ),
    movedBy: r.movedBy,
    fives,
    cnnParameters: grouped(r.cnnParameters),
    denseParameters: grouped(r.denseParameters),
    findings,
  };
}
