import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import * as stub from '../../exercises/cnn.js';
import { DEFAULT_LIMITS, rebuildModel } from '../../grader/ml/train.js';
import { resolveSettings } from '../../grader/ml/limits.js';
import * as reference from '../../solutions/cnn.js';

describe('the cnn exercise', () => {
  it("the stub's buildModel says it is not implemented; its training settings are usable", () => {
    expect(() => stub.buildModel(tf)).toThrow('not implemented: buildModel');
    expect(resolveSettings(stub.training, DEFAULT_LIMITS)).toEqual({ settings: stub.training, notes: [] });
  });

  it('the reference is a model the grader accepts, with settings within the default limits', () => {
    const model = reference.buildModel(tf);
    const rebuilt = rebuildModel(model.toJSON(null, false), DEFAULT_LIMITS);
    expect(rebuilt.countParams()).toBe(model.countParams());
    expect(resolveSettings(reference.training, DEFAULT_LIMITS).notes).toEqual([]);
    model.dispose();
    rebuilt.dispose();
  });
});
