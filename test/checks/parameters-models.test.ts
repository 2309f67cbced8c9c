import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildableModel } from '../../grader/exercises/parameters/checks.js';
import { countParameters } from '../../solutions/parameters.js';
import { tfjsCount } from '../solutions/tfjs-count.js';

/** parameters.matches-reference promises a comparison with tfjs: every model it draws, tfjs builds. */
describe('parameters.matches-reference draws models tfjs can build', () => {
  it('tfjs builds each drawn model and counts what the reference counts', () => {
    const drawn = fc.sample(buildableModel, { seed: 42, numRuns: 40 });
    expect(drawn.some(({ spec }) => spec.layers.length === 1 && spec.layers[0].type === 'flatten')).toBe(true);
    for (const { spec } of drawn) expect(tfjsCount(spec), JSON.stringify(spec)).toBe(countParameters(spec));
  });
});
