import type { Grid } from '../../../core/pictures.js';
import type { TrainingReport } from '../artifacts.js';
import { encodePng, rangeOf, UNIT_RANGE } from '../png.js';
import { sampleDigit5, SAMPLE_DIGIT_SOURCE } from '../../../../datasets/sample-images.js';

/** The lecture's hand-made 3×3 edge detectors (slide "Other Filters"), row 0 on top. */
const LECTURE_KERNELS: { name: string; values: number[] }[] = [
  { name: 'Sobel x', values: [-1, 0, 1, -2, 0, 2, -1, 0, 1] },
  { name: 'Sobel y', values: [-1, -2, -1, 0, 0, 0, 1, 2, 1] },
  { name: 'Prewitt x', values: [-1, 0, 1, -1, 0, 1, -1, 0, 1] },
  { name: 'Prewitt y', values: [-1, -1, -1, 0, 0, 0, 1, 1, 1] },
];

interface Tile {
  dataUri: string;
  caption: string;
}

export interface FirstLayerView {
  layer: string;
  filterCount: number;
  filters: Tile[];
  lecture: Tile[];
  featureMaps: Tile[];
  digit: string;
  digitSource: string;
}

/**
 * The first layer's learned filters (each on its own signed scale: mid-grey 0, white positive,
 * black negative) beside the lecture's Sobel and Prewitt kernels drawn the same way, and its
 * feature maps of the handwritten 5 (the sample digit every front end probes with; 0 black, each
 * map's largest value white).
 */
export async function firstLayerView(first: NonNullable<TrainingReport['firstLayer']>): Promise<FirstLayerView> {
  const signed = (g: Grid) => encodePng(g.values, g.width, g.height, rangeOf('signed', g.values), 60);
  return {
    layer: first.layer,
    filterCount: first.filterCount,
    filters: await Promise.all(first.filters.map(async (g, i) => ({ dataUri: (await signed(g)).dataUri, caption: `filter ${i + 1}` }))),
    lecture: await Promise.all(LECTURE_KERNELS.map(async (k) => ({ dataUri: (await signed({ height: 3, width: 3, values: k.values })).dataUri, caption: k.name }))),
    featureMaps: await Promise.all(first.featureMaps.map(async (g, i) => ({
      dataUri: (await encodePng(g.values, g.width, g.height, rangeOf('zero-to-max', g.values), 72)).dataUri,
      caption: `map ${i + 1}`,
    }))),
    digit: (await encodePng(sampleDigit5().flat(), 28, 28, UNIT_RANGE, 84)).dataUri,
    digitSource: SAMPLE_DIGIT_SOURCE,
  };
}
