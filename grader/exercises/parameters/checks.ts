import { plural } from '../../feedback/plural.js';
import fc from 'fast-check';
import type { LayerSpec, ModelSpec } from '../../core/contract.js';
import { defineChecks } from '../../checks/support/define.js';
import { forAll, forEachCase, type Failure } from '../../checks/support/property.js';
import { sameAs } from '../../checks/support/differential.js';
import type { Tolerance } from '../../checks/support/compare.js';
import type { Probe } from '../../checks/support/probe.js';
import { invalidInputCheck, type InvalidCall } from '../../checks/support/errors.js';

/** Parameter counts are integers: no tolerance. */
const EXACT: Tolerance = { rel: 0, abs: 0 };
const GIANT = 1.8e12;

type Shape = number[];
const conv = (filters: number, kernelSize: number, more: Partial<Extract<LayerSpec, { type: 'conv2d' }>> = {}): LayerSpec => ({ type: 'conv2d', filters, kernelSize, ...more });
const pool = (poolSize: number, strides?: number): LayerSpec => (strides === undefined ? { type: 'maxPooling2d', poolSize } : { type: 'maxPooling2d', poolSize, strides });
const dense = (units: number): LayerSpec => ({ type: 'dense', units });
const flatten: LayerSpec = { type: 'flatten' };

const vggBlock = (filters: number, convs: number): LayerSpec[] => [...Array.from({ length: convs }, () => conv(filters, 3, { padding: 'same' })), pool(2)];
/** The lecture's models, built layer by layer. */
const LECTURE_MODELS: { model: string; spec: ModelSpec }[] = [
  {
    model: 'LeNet-5 (61,706 parameters)',
    spec: { inputShape: [32, 32, 1], layers: [conv(6, 5), pool(2), conv(16, 5), pool(2), flatten, dense(120), dense(84), dense(10)] },
  },
  {
    model: 'a small CNN for MNIST (34,826 parameters)',
    spec: { inputShape: [28, 28, 1], layers: [conv(32, 3), pool(2), conv(64, 3), pool(2), flatten, dense(10)] },
  },
  {
    model: "a strided CNN with 'same' padding and a bias-free layer",
    spec: { inputShape: [28, 28, 3], layers: [conv(16, 3, { strides: 2, padding: 'same' }), conv(32, 3, { useBias: false }), pool(3, 2), flatten, { type: 'dense', units: 10, useBias: false }] },
  },
  {
    model: 'VGG16 with its classifier (138,357,544 parameters)',
    spec: {
      inputShape: [224, 224, 3],
      layers: [...vggBlock(64, 2), ...vggBlock(128, 2), ...vggBlock(256, 3), ...vggBlock(512, 3), ...vggBlock(512, 3), flatten, dense(4096), dense(4096), dense(1000)],
    },
  },
];

const INVALID: InvalidCall[] = [
  { name: 'countParameters', args: [{ inputShape: [28, 28, 1], layers: [] }], argument: 'layers', why: 'a model without layers' },
  { name: 'countParameters', args: [{ inputShape: [28, 28, 1], layers: [conv(8, 0)] }], argument: ['layers[0]', 'kernelSize'], why: 'a kernel size of 0' },
  { name: 'countParameters', args: [{ inputShape: [4, 4, 1], layers: [conv(8, 5)] }], argument: ['layers[0]', 'kernelSize'], why: "a 5×5 'valid' kernel on a 4×4 input" },
  { name: 'countParameters', args: [{ inputShape: [4, 4, 1], layers: [flatten, flatten] }], argument: 'layers[1]', why: 'a flatten of an input that is already flat' },
  // The stub's other refusals, which tfjs refuses too: a layer of windows after a flatten, a size that is not whole.
  { name: 'countParameters', args: [{ inputShape: [8, 8, 1], layers: [flatten, conv(4, 3)] }], argument: 'layers[1]', why: 'a conv2d after a flatten' },
  { name: 'countParameters', args: [{ inputShape: [8, 8, 1], layers: [flatten, pool(2)] }], argument: 'layers[1]', why: 'a maxPooling2d after a flatten' },
  { name: 'countParameters', args: [{ inputShape: [8, 8, 1], layers: [conv(8, 2.5)] }], argument: ['layers[0]', 'kernelSize'], why: 'a kernel size of 2.5' },
];

const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const rawDense = fc.record({ type: fc.constant('dense' as const), units: fc.integer({ min: 1, max: 300 }), useBias: option(fc.boolean()) });
/**
 * A feature layer as drawn; `build` clamps its window so that it fits the input it meets. A dense
 * layer among them meets a [H, W, C] map: tfjs applies it to the last axis, giving [H, W, units].
 */
const rawFeature = fc.oneof(
  { arbitrary: fc.record({ type: fc.constant('conv2d' as const), filters: fc.integer({ min: 1, max: 64 }), kernelSize: fc.integer({ min: 1, max: 7 }), strides: option(fc.integer({ min: 1, max: 3 })), padding: option(fc.constantFrom('valid' as const, 'same' as const)), useBias: option(fc.boolean()) }), weight: 2 },
  { arbitrary: fc.record({ type: fc.constant('maxPooling2d' as const), poolSize: fc.integer({ min: 1, max: 4 }), strides: option(fc.integer({ min: 1, max: 3 })) }), weight: 2 },
  { arbitrary: rawDense.map((d) => ({ ...d, units: 1 + (d.units % 16) })), weight: 1 },
);

/** Drops the keys left undefined, as a student would write the spec. */
function tidy<T extends object>(layer: T): T {
  return Object.fromEntries(Object.entries(layer).filter(([, v]) => v !== undefined)) as T;
}

/** A valid spec and the shape it ends in: feature layers that keep the size ≥ 1, then flatten, then dense layers. */
function build(inputShape: [number, number, number], features: LayerSpec[], flat: boolean, denses: LayerSpec[]): { spec: ModelSpec; shape: Shape } {
  let [h, w, c] = inputShape;
  const layers: LayerSpec[] = [];
  for (const raw of features) {
    if (raw.type === 'conv2d') {
      const s = raw.strides ?? 1;
      const k = raw.padding === 'same' ? raw.kernelSize : Math.min(raw.kernelSize, h, w);
      layers.push(tidy({ ...raw, kernelSize: k }));
      [h, w, c] = raw.padding === 'same' ? [Math.ceil(h / s), Math.ceil(w / s), raw.filters] : [Math.floor((h - k) / s) + 1, Math.floor((w - k) / s) + 1, raw.filters];
    } else if (raw.type === 'maxPooling2d') {
      const p = Math.min(raw.poolSize, h, w);
      const s = raw.strides ?? p;
      layers.push(tidy({ ...raw, poolSize: p }));
      [h, w] = [Math.floor((h - p) / s) + 1, Math.floor((w - p) / s) + 1];
    } else if (raw.type === 'dense') {
      layers.push(tidy(raw));
      c = raw.units;
    }
  }
  let shape: Shape = [h, w, c];
  if (flat || denses.length > 0) {
    layers.push(flatten);
    shape = [h * w * c];
    for (const d of denses) {
      layers.push(tidy(d));
      shape = [(d as { units: number }).units];
    }
  }
  return { spec: { inputShape, layers }, shape };
}

function modelSpec(shape: { flatten: boolean | 'maybe'; dense: [number, number] }) {
  return fc
    .tuple(
      fc.tuple(fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 4 })),
      fc.array(rawFeature, { maxLength: 5 }),
      shape.flatten === 'maybe' ? fc.boolean() : fc.constant(shape.flatten),
      fc.array(rawDense, { minLength: shape.dense[0], maxLength: shape.dense[1] }),
    )
    .map(([input, features, flat, denses]) => build(input, features as LayerSpec[], flat, denses as LayerSpec[]));
}

/**
 * Random models tfjs itself can build (the check promises a comparison with tfjs): as modelSpec
 * draws them, but never without layers (`tf.sequential` refuses an empty model).
 */
export const buildableModel: fc.Arbitrary<{ spec: ModelSpec }> = modelSpec({ flatten: 'maybe', dense: [0, 3] }).map(({ spec }) => ({
  spec: spec.layers.length > 0 ? spec : { ...spec, layers: [flatten] },
}));

async function count(probe: Probe, spec: ModelSpec): Promise<number | Failure> {
  const got = await probe.call('countParameters', [spec]);
  return typeof got === 'number' && Number.isFinite(got) ? got : { message: `countParameters should return a number, got ${typeof got}`, expected: 'a number', got };
}
const fmt = (n: number) => n.toLocaleString('en-US');

/** What is wrong with a spec's structure (before any size is computed), or null. */
function structureProblem(spec: unknown): string | null {
  const positive = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
  const optional = (v: unknown, ok: (v: unknown) => boolean) => v === undefined || ok(v);
  const s = spec as ModelSpec;
  if (typeof spec !== 'object' || spec === null) return 'giantModel() should return an object { inputShape, layers }';
  if (!Array.isArray(s.inputShape) || s.inputShape.length !== 3 || !s.inputShape.every(positive)) {
    return `inputShape should be [height, width, channels], three positive integers; got ${JSON.stringify(s.inputShape)}`;
  }
  if (!Array.isArray(s.layers)) return 'layers should be an array of layer specs';
  for (const [i, layer] of s.layers.entries()) {
    const l = layer as Record<string, unknown>;
    const where = `layers[${i}]`;
    if (typeof l !== 'object' || l === null) return `${where} should be a layer object`;
    const ok =
      l.type === 'conv2d'
        ? positive(l.filters) && positive(l.kernelSize) && optional(l.strides, positive) && optional(l.padding, (p) => p === 'valid' || p === 'same') && optional(l.useBias, (b) => typeof b === 'boolean')
        : l.type === 'maxPooling2d'
          ? positive(l.poolSize) && optional(l.strides, positive)
          : l.type === 'dense'
            ? positive(l.units) && optional(l.useBias, (b) => typeof b === 'boolean')
            : l.type === 'flatten';
    if (!ok) return `${where} is not a well-formed layer spec: ${JSON.stringify(layer)}`;
  }
  return null;
}

export const checks = defineChecks('parameters', [
  {
    id: 'lecture-models',
    title: "The lecture's models: LeNet-5, a small CNN, VGG16 = 138,357,544",
    description: "countParameters on models from the lecture, built layer by layer: LeNet-5, a small MNIST CNN, a strided CNN with 'same' padding, and VGG16, whose 138,357,544 parameters are the slide's figure.",
    points: 3,
    visibility: 'public',
    kind: 'example',
    run: (ctx) => forEachCase(ctx, LECTURE_MODELS, sameAs('countParameters', (c) => [c.spec], (c) => ctx.reference.parameters.countParameters(c.spec), EXACT)),
  },
  {
    id: 'pooling-and-flatten-free',
    title: 'Pooling and flatten add no parameters',
    description: 'Appending a maxPooling2d or a flatten layer to a model leaves its count unchanged: they have no weights.',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      // At least one layer before the appended ones: a model without layers is invalid input (invalid-input).
      forAll(ctx, fc.tuple(modelSpec({ flatten: false, dense: [0, 0] }).filter(({ spec }) => spec.layers.length > 0), fc.integer({ min: 1, max: 4 }), option(fc.integer({ min: 1, max: 3 }))).map(([{ spec, shape }, poolSize, strides]) => ({ spec, shape, poolSize, strides })), async ({ spec, shape, poolSize, strides }, probe) => {
        const before = await count(probe, spec);
        if (typeof before !== 'number') return before;
        for (const layer of [pool(Math.min(poolSize, shape[0], shape[1]), strides), flatten]) {
          const after = await count(probe, { ...spec, layers: [...spec.layers, layer] });
          if (typeof after !== 'number') return after;
          if (after !== before) return { message: `appending ${JSON.stringify(layer)} changed the count from ${fmt(before)} to ${fmt(after)}`, expected: before, got: after };
        }
        return null;
      }),
  },
  {
    id: 'dense-adds-in-plus-one-times-units',
    title: 'A dense layer adds (inputs + 1) · units',
    description: 'Each of the units has one weight per input and one bias: appending dense({ units }) after a flat layer of n values adds (n + 1) · units parameters.',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.tuple(modelSpec({ flatten: true, dense: [0, 2] }), fc.integer({ min: 1, max: 300 })).map(([{ spec, shape }, units]) => ({ spec, inputs: shape[0], units })), async ({ spec, inputs, units }, probe) => {
        const before = await count(probe, spec);
        if (typeof before !== 'number') return before;
        const after = await count(probe, { ...spec, layers: [...spec.layers, dense(units)] });
        if (typeof after !== 'number') return after;
        const want = (inputs + 1) * units;
        return after - before === want ? null : { message: `dense({ units: ${units} }) after ${fmt(inputs)} inputs should add (${fmt(inputs)} + 1) · ${units} = ${fmt(want)} parameters, your count went up by ${fmt(after - before)}`, expected: want, got: after - before };
      }),
  },
  {
    id: 'use-bias-false',
    title: 'useBias: false removes exactly one parameter per filter or unit',
    description: 'Turning off the bias of a conv2d layer with F filters removes F parameters; of a dense layer with u units, u parameters. Nothing else changes.',
    points: 1,
    visibility: 'public',
    kind: 'property',
    run: (ctx) =>
      forAll(ctx, fc.tuple(modelSpec({ flatten: true, dense: [1, 2] }), fc.nat()).map(([{ spec }, pick]) => ({ spec, pick })), async ({ spec, pick }, probe) => {
        const weighted = spec.layers.flatMap((l, i) => (l.type === 'conv2d' || l.type === 'dense' ? [i] : []));
        const at = weighted[pick % weighted.length];
        const withBias = spec.layers.map((l, i) => (i === at ? tidy({ ...l, useBias: undefined }) : l));
        const without = spec.layers.map((l, i) => (i === at ? { ...l, useBias: false } : l));
        const before = await count(probe, { ...spec, layers: withBias });
        if (typeof before !== 'number') return before;
        const after = await count(probe, { ...spec, layers: without });
        if (typeof after !== 'number') return after;
        const layer = spec.layers[at] as { type: string; filters?: number; units?: number };
        const want = layer.filters ?? layer.units ?? 0;
        return before - after === want ? null : { message: `useBias: false on layers[${at}] (${layer.type}, ${plural(want, layer.type === 'dense' ? 'unit' : 'filter')}) should remove ${plural(want, 'parameter')}, your count went down by ${fmt(before - after)}`, expected: want, got: before - after };
      }),
  },
  {
    id: 'invalid-input',
    title: 'Specs that cannot be built throw an Error naming the culprit',
    description: "A model without layers (tfjs refuses an empty model), a size that is not a positive integer, a 'valid' window larger than its input, or a flatten, conv2d or maxPooling2d after a flatten (tfjs builds none of them): countParameters throws an Error whose message names layers or the layer (layers[i]).",
    points: 1,
    visibility: 'public',
    kind: 'errors',
    run: (ctx) => invalidInputCheck(ctx, INVALID),
  },
  {
    id: 'giant-model',
    title: 'giantModel() has more than 1.8 trillion parameters',
    description: "giantModel() returns a valid spec (inputShape of three positive integers, well-formed layers whose windows fit their inputs) with more than 1.8 · 10¹² parameters, counted by the grader's own countParameters. Nothing is allocated.",
    points: 2,
    visibility: 'public',
    kind: 'example',
    run: (ctx) =>
      forEachCase(ctx, [{}], async (_none, probe) => {
        const spec = await probe.call('giantModel', []);
        const problem = structureProblem(spec);
        if (problem) return { message: `giantModel() is not a valid spec: ${problem}`, got: spec };
        let total: number;
        try {
          total = ctx.reference.parameters.countParameters(spec as ModelSpec);
        } catch (e) {
          return { message: `giantModel() is not a valid model: ${(e as Error).message.replace(/^countParameters: /, '')}`, got: spec };
        }
        return total > GIANT ? null : { message: `giantModel() has ${fmt(total)} parameters, not more than 1,800,000,000,000 (1.8 trillion)`, expected: `more than ${fmt(GIANT)}`, got: total };
      }),
  },
  {
    id: 'matches-reference',
    title: 'countParameters matches tfjs on random models',
    description: "Random valid models: conv2d layers (every kernel size, stride, padding, with or without bias) and max pooling (default and explicit strides), dense layers on their feature maps (tfjs applies them to the last axis), a flatten, then dense layers; your count must equal the model's countParams() in tfjs.",
    points: 2,
    visibility: 'hidden',
    kind: 'differential',
    run: (ctx) =>
      forAll(ctx, buildableModel, sameAs('countParameters', (c) => [c.spec], (c) => ctx.reference.parameters.countParameters(c.spec), EXACT)),
  },
]);
