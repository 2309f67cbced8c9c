import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { countParameters, giantModel, type LayerSpec, type ModelSpec } from '../../solutions/parameters.js';
import * as stubs from '../../exercises/parameters.js';
import * as reference from '../../solutions/parameters.js';
import { exerciseModule } from '../../grader/exercises/registry.js';
import { tfjsCount } from './tfjs-count.js';

/** Seeded PRNG (mulberry32), so a failure replays. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (rand: () => number, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

/** A random valid small spec; dense may come before flatten (tfjs applies it to the last axis). */
function randomSpec(rand: () => number): ModelSpec {
  const inputShape: [number, number, number] = [int(rand, 1, 16), int(rand, 1, 16), int(rand, 1, 3)];
  let shape: number[] = [...inputShape];
  const layers: LayerSpec[] = [];
  const maybe = <T>(v: T): T | undefined => (rand() < 0.3 ? undefined : v);
  for (let n = int(rand, 1, 7); layers.length < n; ) {
    const kinds = shape.length === 3 ? (['conv2d', 'conv2d', 'maxPooling2d', 'flatten', 'dense'] as const) : (['dense'] as const);
    const kind = pick(rand, kinds);
    const [h, w] = shape;
    if (kind === 'conv2d') {
      const padding = maybe(pick(rand, ['valid', 'same'] as const));
      const kernelSize = padding === 'same' ? int(rand, 1, 5) : int(rand, 1, Math.min(5, h, w));
      const strides = maybe(int(rand, 1, 3));
      const s = strides ?? 1;
      const filters = int(rand, 1, 8);
      layers.push({ type: 'conv2d', filters, kernelSize, strides, padding, useBias: maybe(rand() < 0.7) });
      const out = (d: number) => (padding === 'same' ? Math.ceil(d / s) : Math.floor((d - kernelSize) / s) + 1);
      shape = [out(h), out(w), filters];
    } else if (kind === 'maxPooling2d') {
      const poolSize = int(rand, 1, Math.min(4, h, w));
      const strides = maybe(int(rand, 1, 3));
      const s = strides ?? poolSize;
      layers.push({ type: 'maxPooling2d', poolSize, strides });
      shape = [Math.floor((h - poolSize) / s) + 1, Math.floor((w - poolSize) / s) + 1, shape[2]];
    } else if (kind === 'flatten') {
      layers.push({ type: 'flatten' });
      shape = [shape.reduce((a, d) => a * d, 1)];
    } else {
      const units = int(rand, 1, 12);
      layers.push({ type: 'dense', units, useBias: maybe(rand() < 0.7) });
      shape = [...shape.slice(0, -1), units];
    }
  }
  return { inputShape, layers };
}

const conv = (filters: number, kernelSize: number, more: Partial<Extract<LayerSpec, { type: 'conv2d' }>> = {}): LayerSpec => ({
  type: 'conv2d', filters, kernelSize, ...more,
});
const pool = (poolSize: number, strides?: number): LayerSpec => ({ type: 'maxPooling2d', poolSize, strides });
const dense = (units: number): LayerSpec => ({ type: 'dense', units });
const flatten: LayerSpec = { type: 'flatten' };

const lenet5: ModelSpec = {
  inputShape: [32, 32, 1],
  layers: [conv(6, 5), pool(2), conv(16, 5), pool(2), flatten, dense(120), dense(84), dense(10)],
};
const alexnet = (size: number, hidden: number, classes: number): ModelSpec => ({
  inputShape: [size, size, 3],
  layers: [
    conv(96, 11, { strides: 4 }), pool(3, 2),
    conv(256, 5, { padding: 'same' }), pool(3, 2),
    conv(384, 3, { padding: 'same' }), conv(384, 3, { padding: 'same' }), conv(256, 3, { padding: 'same' }), pool(3, 2),
    flatten, dense(hidden), dense(hidden), dense(classes),
  ],
});
const vgg16: ModelSpec = {
  inputShape: [224, 224, 3],
  layers: [
    ...[[64, 2], [128, 2], [256, 3], [512, 3], [512, 3]].flatMap(([filters, n]) => [
      ...Array.from({ length: n }, () => conv(filters, 3, { padding: 'same' })),
      pool(2),
    ]),
    flatten, dense(4096), dense(4096), dense(1000),
  ],
};

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('countParameters', () => {
  it('equals tfjs countParams() on 30 random valid small specs', () => {
    const rand = prng(4242);
    for (let i = 0; i < 30; i++) {
      const spec = randomSpec(rand);
      expect(countParameters(spec), JSON.stringify(spec)).toBe(tfjsCount(spec));
    }
  });

  it('counts LeNet-5 (61,706) as tfjs does', () => {
    expect(countParameters(lenet5)).toBe(61_706);
    expect(tfjsCount(lenet5)).toBe(61_706);
  });

  it('counts AlexNet as published (62,378,344) and a small AlexNet as tfjs does', () => {
    expect(countParameters(alexnet(227, 4096, 1000))).toBe(62_378_344);
    const small = alexnet(99, 64, 10);
    expect(countParameters(small)).toBe(tfjsCount(small));
  });

  it('counts VGG16 with its classifier: 138,357,544 (not built in tfjs: 553 MB of weights)', () => {
    expect(countParameters(vgg16)).toBe(138_357_544);
  });

  it('applies a dense layer on a [H,W,C] input to the last axis, like tfjs', () => {
    const spec: ModelSpec = { inputShape: [8, 8, 3], layers: [conv(4, 3), dense(5), conv(2, 2, { useBias: false })] };
    expect(countParameters(spec)).toBe(112 + 25 + 40); // (3·3·3+1)·4, (4+1)·5, 2·2·5·2
    expect(tfjsCount(spec)).toBe(177);
  });

  it('refuses a model without layers, as tfjs does', () => {
    expect(() => countParameters({ inputShape: [4, 4, 1], layers: [] })).toThrow(/layers/);
    expect(() => tfjsCount({ inputShape: [4, 4, 1], layers: [] })).toThrow();
  });

  it('does not mutate the spec', () => {
    const spec = deepFreeze(structuredClone(alexnet(227, 4096, 1000)));
    expect(() => countParameters(spec)).not.toThrow();
  });
});

describe('invalid specs', () => {
  const input: [number, number, number] = [8, 8, 3];
  it.each([
    ['conv2d after flatten (tfjs refuses it too)', [flatten, conv(2, 1)], /layers\[1\].*conv2d/],
    ['pooling after flatten', [flatten, dense(3), pool(2)], /layers\[2\].*maxPooling2d/],
    ['flatten twice', [flatten, flatten], /layers\[1\].*flatten/],
    ["a 'valid' kernel larger than its input", [conv(2, 3), conv(2, 7)], /layers\[1\].*larger/],
    ['a pool window larger than its input', [pool(2), pool(5)], /layers\[1\].*larger/],
    ['filters 0', [conv(0, 3)], /layers\[0\].*filters/],
    ['kernelSize 2.5', [conv(2, 2.5)], /layers\[0\].*kernelSize/],
    ['strides 0', [conv(2, 2, { strides: 0 })], /layers\[0\].*strides/],
    ['padding full', [conv(2, 2, { padding: 'full' as 'same' })], /layers\[0\].*padding/],
    ['useBias "yes"', [dense(2), { type: 'dense', units: 2, useBias: 'yes' } as unknown as LayerSpec], /layers\[1\].*useBias/],
    ['units -1', [flatten, dense(-1)], /layers\[1\].*units/],
    ['poolSize NaN', [pool(NaN)], /layers\[0\].*poolSize/],
    ['an unknown layer type', [{ type: 'dropout' } as unknown as LayerSpec], /layers\[0\].*dropout/],
    ['a null layer', [null as unknown as LayerSpec], /layers\[0\]/],
  ])('%s throws an Error naming the layer', (_name, layers, message) => {
    expect(() => countParameters({ inputShape: input, layers })).toThrow(message);
  });

  it('refuses a bad inputShape, naming it', () => {
    for (const inputShape of [[8, 8], [8, 0, 3], [8, 8, 1.5], [8, 8, 3, 1]]) {
      expect(() => countParameters({ inputShape: inputShape as [number, number, number], layers: [] })).toThrow(/inputShape/);
    }
    expect(() => countParameters(null as unknown as ModelSpec)).toThrow(/spec/);
  });

  it('agrees with tfjs that a conv2d after flatten is an error', () => {
    expect(() => tfjsCount({ inputShape: input, layers: [flatten, conv(2, 1)] })).toThrow();
  });
});

describe('giantModel', () => {
  it('is a valid spec of more than 1.8 trillion parameters, counted exactly without allocating', () => {
    const n = countParameters(giantModel());
    expect(n).toBeGreaterThan(1.8e12);
    expect(Number.isSafeInteger(n)).toBe(true);
    expect(n).toBe(2_007_067_501_802);
  });
});

describe('the stub and the reference', () => {
  it('export the contract names; the stubs throw "not implemented: <name>"', () => {
    for (const mod of [stubs, reference]) expect(Object.keys(mod).sort()).toEqual([...exerciseModule('parameters').exports].sort());
    expect(() => stubs.countParameters(lenet5)).toThrow('not implemented: countParameters');
    expect(() => stubs.giantModel()).toThrow('not implemented: giantModel');
  });

  it("the stub's worked example holds for the reference (54,410, as tfjs counts it)", () => {
    const spec: ModelSpec = { inputShape: [28, 28, 1], layers: [conv(32, 3), pool(2), flatten, dense(10)] };
    expect(countParameters(spec)).toBe(54_410);
    expect(tfjsCount(spec)).toBe(54_410);
  });
});
