/**
 * Reference: counting a model's trainable parameters on paper ("Can you design a model exceeding
 * the number of parameters of these two models?"). Shapes follow tfjs layers exactly; nothing is
 * allocated, so a model of trillions of parameters is counted in microseconds.
 */

export type LayerSpec =
  | { type: 'conv2d'; filters: number; kernelSize: number; strides?: number; padding?: 'valid' | 'same'; useBias?: boolean }
  | { type: 'maxPooling2d'; poolSize: number; strides?: number }
  | { type: 'flatten' }
  | { type: 'dense'; units: number; useBias?: boolean };
export interface ModelSpec {
  inputShape: [number, number, number];
  layers: LayerSpec[];
}

/**
 * conv2d: (KH·KW·C + 1)·F (without the +1 when useBias is false); dense: (in + 1)·units, applied
 * to the last axis as tfjs does (so a dense on a [H,W,C] input has (C + 1)·units); pooling and
 * flatten: 0. Output sizes: 'valid' floor((H−K)/s)+1, 'same' ceil(H/s).
 */
export function countParameters(spec: ModelSpec): number {
  if (spec === null || typeof spec !== 'object') throw new Error('countParameters: spec must be an object { inputShape, layers }');
  const input = spec.inputShape;
  if (!Array.isArray(input) || input.length !== 3 || !input.every(isPositiveInt)) {
    throw new Error(`countParameters: spec.inputShape must be [height, width, channels] of positive integers, got ${JSON.stringify(input)}`);
  }
  if (!Array.isArray(spec.layers)) throw new Error('countParameters: spec.layers must be an array');
  // As tfjs: a Sequential model without layers cannot be built, so it has no count.
  if (spec.layers.length === 0) throw new Error('countParameters: spec.layers is empty; a model needs at least one layer (tfjs refuses an empty model)');
  let shape: number[] = [...input];
  let total = 0;
  spec.layers.forEach((layer, i) => {
    const step = applyLayer(layer, shape, `countParameters: spec.layers[${i}]`);
    shape = step.shape;
    total += step.params;
  });
  if (!Number.isSafeInteger(total)) throw new Error(`countParameters: spec has ${total} parameters, beyond exact integers (2^53)`);
  return total;
}

/**
 * One convolution and a pooling, then a flatten into an enormous dense layer: 2,007,067,501,802
 * parameters, almost all of them in the first dense layer (802,817 inputs × 2,500,000 units).
 */
export function giantModel(): ModelSpec {
  return {
    inputShape: [224, 224, 3],
    layers: [
      { type: 'conv2d', filters: 64, kernelSize: 3, padding: 'same' }, //  1,792
      { type: 'maxPooling2d', poolSize: 2 }, //                          → [112, 112, 64]
      { type: 'flatten' }, //                                            → 802,816
      { type: 'dense', units: 2_500_000 }, //                            (802,816 + 1) · 2,500,000
      { type: 'dense', units: 10 }, //                                   (2,500,000 + 1) · 10
    ],
  };
}

function applyLayer(layer: LayerSpec, shape: number[], where: string): { shape: number[]; params: number } {
  if (layer === null || typeof layer !== 'object') throw new Error(`${where} must be a layer object, got ${String(layer)}`);
  const at = `${where} (${String(layer.type)})`;
  const need3d = (): [number, number, number] => {
    if (shape.length !== 3) throw new Error(`${at} needs a [height, width, channels] input, got [${shape}] (is it after a flatten?)`);
    return shape as [number, number, number];
  };
  switch (layer.type) {
    case 'conv2d': {
      const [h, w, c] = need3d();
      const f = positiveInt(at, 'filters', layer.filters);
      const k = positiveInt(at, 'kernelSize', layer.kernelSize);
      const s = layer.strides === undefined ? 1 : positiveInt(at, 'strides', layer.strides);
      const padding = layer.padding ?? 'valid';
      if (padding !== 'valid' && padding !== 'same') throw new Error(`${at}: padding must be 'valid' or 'same', got ${JSON.stringify(padding)}`);
      const bias = useBias(at, layer.useBias);
      const out = [outLength(at, h, k, s, padding, 'height'), outLength(at, w, k, s, padding, 'width'), f];
      return { shape: out, params: (k * k * c + (bias ? 1 : 0)) * f };
    }
    case 'maxPooling2d': {
      const [h, w, c] = need3d();
      const p = positiveInt(at, 'poolSize', layer.poolSize);
      const s = layer.strides === undefined ? p : positiveInt(at, 'strides', layer.strides);
      return { shape: [outLength(at, h, p, s, 'valid', 'height'), outLength(at, w, p, s, 'valid', 'width'), c], params: 0 };
    }
    case 'flatten':
      if (shape.length < 2) throw new Error(`${at} needs an input of rank 2 or more, got [${shape}] (already flat)`);
      return { shape: [shape.reduce((a, d) => a * d, 1)], params: 0 };
    case 'dense': {
      const units = positiveInt(at, 'units', layer.units);
      const bias = useBias(at, layer.useBias);
      const inputs = shape[shape.length - 1];
      return { shape: [...shape.slice(0, -1), units], params: (inputs + (bias ? 1 : 0)) * units };
    }
    default:
      throw new Error(`${at}: unknown layer type; expected 'conv2d', 'maxPooling2d', 'flatten' or 'dense'`);
  }
}

function outLength(at: string, n: number, k: number, s: number, padding: 'valid' | 'same', axis: string): number {
  if (padding === 'same') return Math.ceil(n / s);
  if (k > n) throw new Error(`${at}: window ${k} is larger than the input ${axis} ${n} with padding 'valid' (output size would be 0)`);
  return Math.floor((n - k) / s) + 1;
}

function positiveInt(at: string, name: string, v: unknown): number {
  if (!isPositiveInt(v)) throw new Error(`${at}: ${name} must be a positive integer, got ${String(v)}`);
  return v;
}

function useBias(at: string, v: unknown): boolean {
  if (v === undefined) return true;
  if (typeof v !== 'boolean') throw new Error(`${at}: useBias must be true or false, got ${String(v)}`);
  return v;
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
}
