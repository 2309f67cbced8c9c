import { FLOAT64 } from '../../checks/support/compare.js';
import { field, wholeImage, type PictureOperation } from '../../outputs/html/pictures.js';

/** The filters on the report's and the studio's sample pictures, beside the reference's. */
export const pictures: PictureOperation[] = [
  {
    exercise: 'filters',
    name: 'blur',
    settings: ['blurSize'],
    args: (s) => [s.image, s.blurSize],
    call: (s) => `blur(image, ${s.blurSize})`,
    reference: (ref, s) => ref.filters.blur(s.image, s.blurSize),
    outputs: wholeImage('Blur (box filter)', 'unit'),
    tolerance: FLOAT64,
  },
  {
    exercise: 'filters',
    name: 'highPass',
    settings: ['blurSize'],
    args: (s) => [s.image, s.blurSize],
    call: (s) => `highPass(image, ${s.blurSize})`,
    reference: (ref, s) => ref.filters.highPass(s.image, s.blurSize),
    outputs: wholeImage('High pass (image − blur)', 'signed'),
    tolerance: FLOAT64,
  },
  {
    exercise: 'filters',
    name: 'gradients',
    settings: [],
    args: (s) => [s.image, 'sobel'],
    call: () => "gradients(image, 'sobel')",
    reference: (ref, s) => ref.filters.gradients(s.image, 'sobel'),
    outputs: [
      { title: 'Sobel x (left → right)', kind: 'signed', pick: field('x') },
      { title: 'Sobel y (top → bottom)', kind: 'signed', pick: field('y') },
      { title: 'Sobel magnitude', kind: 'magnitude', pick: field('magnitude') },
    ],
    tolerance: FLOAT64,
  },
];
