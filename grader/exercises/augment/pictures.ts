import { FLOAT64, RESAMPLED } from '../../checks/support/compare.js';
import { wholeImage, type PictureOperation } from '../../outputs/html/pictures.js';

/** The augmentations on the report's and the studio's sample pictures, beside the reference's. */
export const pictures: PictureOperation[] = [
  {
    exercise: 'augment',
    name: 'translate',
    settings: ['shift'],
    args: (s) => [s.image, s.shift[0], s.shift[1]],
    call: (s) => `translate(image, ${s.shift[0]}, ${s.shift[1]})`,
    reference: (ref, s) => ref.augment.translate(s.image, s.shift[0], s.shift[1]),
    outputs: wholeImage('Translate', 'unit'),
    tolerance: FLOAT64,
  },
  {
    exercise: 'augment',
    name: 'rotate',
    settings: ['degrees'],
    args: (s) => [s.image, s.degrees],
    call: (s) => `rotate(image, ${s.degrees})`,
    reference: (ref, s) => ref.augment.rotate(s.image, s.degrees),
    outputs: wholeImage('Rotate (counter-clockwise)', 'unit'),
    tolerance: RESAMPLED,
  },
  {
    exercise: 'augment',
    name: 'scale',
    settings: ['factor'],
    args: (s) => [s.image, s.factor],
    call: (s) => `scale(image, ${s.factor})`,
    reference: (ref, s) => ref.augment.scale(s.image, s.factor),
    outputs: wholeImage('Scale', 'unit'),
    tolerance: RESAMPLED,
  },
];
