import type { LayerSpec, ModelSpec } from '../../core/contract.js';
import type { Reference } from '../../core/reference.js';
import { defineMistakes } from '../../mistakes/types.js';

interface CountVariant {
  convBias?: boolean;
  convInputChannels?: boolean;
  denseBias?: boolean;
  alwaysSame?: boolean;
  poolStrideDefault?: 'poolSize' | 'one';
  /** Output sizes rounded up: ceil((H − K)/s) + 1 (PyTorch's ceil_mode) for this kind of layer. */
  ceil?: 'conv2d' | 'maxPooling2d';
}

/**
 * countParameters with one rule changed. The reference runs first on the same spec, so an
 * invalid spec throws as it does there.
 */
function countParameters(ref: Reference, v: CountVariant) {
  return (spec: ModelSpec): number => {
    ref.parameters.countParameters(spec);
    let shape: number[] = [...spec.inputShape];
    let total = 0;
    const out = (n: number, k: number, s: number, padding: 'valid' | 'same') =>
      padding === 'same' || v.alwaysSame ? Math.ceil(n / s) : (v.ceil === 'conv2d' ? Math.ceil((n - k) / s) : Math.floor((n - k) / s)) + 1;
    const pooled = (n: number, p: number, s: number) => (v.ceil === 'maxPooling2d' ? Math.ceil((n - p) / s) : Math.floor((n - p) / s)) + 1;
    for (const layer of spec.layers as LayerSpec[]) {
      if (layer.type === 'conv2d') {
        const [h, w, c] = shape;
        const k = layer.kernelSize;
        const s = layer.strides ?? 1;
        const bias = layer.useBias !== false && v.convBias !== false;
        total += (k * k * (v.convInputChannels === false ? 1 : c) + (bias ? 1 : 0)) * layer.filters;
        shape = [out(h, k, s, layer.padding ?? 'valid'), out(w, k, s, layer.padding ?? 'valid'), layer.filters];
      } else if (layer.type === 'maxPooling2d') {
        const [h, w, c] = shape;
        const p = layer.poolSize;
        const s = layer.strides ?? (v.poolStrideDefault === 'one' ? 1 : p);
        shape = [pooled(h, p, s), pooled(w, p, s), c];
      } else if (layer.type === 'flatten') {
        shape = [shape.reduce((a, d) => a * d, 1)];
      } else {
        const bias = layer.useBias !== false && v.denseBias !== false;
        total += (shape[shape.length - 1] + (bias ? 1 : 0)) * layer.units;
        shape = [...shape.slice(0, -1), layer.units];
      }
    }
    return total;
  };
}

const counting = (v: CountVariant) => (ref: Reference) => ({ countParameters: countParameters(ref, v) });

export const mistakes = defineMistakes('parameters', [
  {
    id: 'conv-without-bias',
    title: 'Convolutions counted without their biases',
    explanation: 'Each filter of a conv2d layer has one bias besides its KH·KW·C weights: (KH·KW·C + 1)·F parameters (unless useBias is false).',
    apply: counting({ convBias: false }),
  },
  {
    id: 'conv-without-input-channels',
    title: 'Convolutions counted without the input channels',
    explanation: 'A filter spans every channel of its input: it has KH·KW·C weights, not KH·KW. A conv2d layer on an input of C channels has (KH·KW·C + 1)·F parameters.',
    apply: counting({ convInputChannels: false }),
  },
  {
    id: 'dense-without-bias',
    title: 'Dense layers counted without their biases',
    explanation: 'Each unit of a dense layer has one weight per input and one bias: (inputs + 1)·units parameters, not inputs·units.',
    apply: counting({ denseBias: false }),
  },
  {
    id: 'always-same-padding',
    title: "Every convolution treated as 'same'",
    explanation: "tfjs's conv2d pads with 'valid' by default: the output is floor((H − K)/s) + 1 wide, not ceil(H/s). The size after the convolutions decides the inputs of the first dense layer.",
    apply: counting({ alwaysSame: true }),
  },
  {
    id: 'pool-ceil-mode',
    title: 'Pooling output sizes rounded up (ceil mode)',
    explanation:
      "Your count takes ceil((H − poolSize)/strides) + 1 rows after a pooling layer (PyTorch's ceil_mode=True). tfjs pools 'valid' windows only: floor((H − poolSize)/strides) + 1, which changes the inputs of the first dense layer.",
    apply: counting({ ceil: 'maxPooling2d' }),
  },
  {
    id: 'conv-ceil-mode',
    title: "'valid' convolution output sizes rounded up",
    explanation: "A 'valid' conv2d with strides s has floor((H − K)/s) + 1 rows, not ceil: a window that would hang over the edge is not computed.",
    apply: counting({ ceil: 'conv2d' }),
  },
  {
    id: 'pool-stride-one',
    title: 'Pooling with stride 1 by default',
    explanation: 'When strides is not given, tfjs pools with strides = poolSize (non-overlapping windows): maxPooling2d({ poolSize: 2 }) halves the height and width.',
    apply: counting({ poolStrideDefault: 'one' }),
  },
]);
