import * as convolution from '../../solutions/convolution.js';
import * as convolution2d from '../../solutions/convolution2d.js';
import * as filters from '../../solutions/filters.js';
import * as augment from '../../solutions/augment.js';
import * as layers from '../../solutions/layers.js';
import * as cnn from '../../solutions/cnn.js';
import * as parameters from '../../solutions/parameters.js';

/** The trusted reference (solutions/), loaded in the grader's own process. */
export const REFERENCE = { convolution, convolution2d, filters, augment, layers, cnn, parameters };
export type Reference = typeof REFERENCE;
