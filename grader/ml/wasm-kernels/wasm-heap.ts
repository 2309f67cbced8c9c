import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * What our kernels do with the wasm backend. They work on TensorInfos, as the backend's own
 * kernels do: an intermediate is created by another wasm kernel or by `makeOutput`, and freed
 * with `free` before returning. Inputs belong to the engine and are never freed here.
 */
export interface KernelArgs<Attrs> {
  inputs: Record<string, tf.TensorInfo>;
  backend: BackendWasm;
  attrs: Attrs;
}

/** Runs the kernel registered on wasm under `name`: the backend's own, or ours where we replaced it. */
export function runWasmKernel(
  name: string,
  backend: BackendWasm,
  inputs: Record<string, tf.TensorInfo>,
  attrs: object = {},
): tf.TensorInfo {
  const kernel = tf.getKernel(name, 'wasm');
  if (!kernel) throw new Error(`wasm kernel ${name} is not registered`);
  return kernel.kernelFunc({ inputs, backend, attrs } as never) as tf.TensorInfo;
}

/**
 * The float32 contents of `info` on the wasm heap, without a copy. Allocating grows the heap
 * and detaches earlier views, so take views only after the last `makeOutput` or kernel call.
 */
export function heapView(backend: BackendWasm, info: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}

export function free(backend: BackendWasm, ...infos: tf.TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** Where `info`'s data starts on the wasm heap, in bytes: what our SIMD kernels take as a pointer. */
export function heapOffset(backend: BackendWasm, info: tf.TensorInfo): number {
  return backend.dataIdMap.get(info.dataId)!.memoryOffset;
}
