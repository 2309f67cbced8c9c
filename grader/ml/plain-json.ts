import { types } from 'node:util';

export interface PlainJsonLimits {
  /** Roughly the length of the JSON text. */
  maxBytes: number;
  maxDepth: number;
}

/**
 * Why `value` is not plain JSON data, or null if it is: only null, booleans, finite numbers,
 * strings, arrays and plain objects, without getters, symbols, proxies or cycles, within the
 * limits. Checked before any tfjs code sees a submitted topology.
 */
export function plainJsonProblem(value: unknown, limits: PlainJsonLimits): string | null {
  let bytes = 0;
  const ancestors = new Set<object>();
  const tooBig = `it is larger than ${limits.maxBytes} bytes`;
  const visit = (v: unknown, path: string, depth: number): string | null => {
    bytes += 8 + (typeof v === 'string' ? v.length : 0);
    if (bytes > limits.maxBytes) return tooBig;
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return null;
    if (typeof v === 'number') return Number.isFinite(v) ? null : `${path} is ${v}`;
    if (typeof v !== 'object') return `${path} is a ${typeof v}`;
    if (types.isProxy(v)) return `${path} is a Proxy`;
    if (ancestors.has(v)) return `${path} refers back to itself`;
    if (depth >= limits.maxDepth) return `${path} is nested more than ${limits.maxDepth} levels deep`;
    const prototype = Object.getPrototypeOf(v);
    const isArray = Array.isArray(v);
    if (!isArray && prototype !== Object.prototype && prototype !== null) {
      return `${path} is a ${prototype?.constructor?.name ?? 'non-plain'} object`;
    }
    if (Object.getOwnPropertySymbols(v).length > 0) return `${path} has symbol keys`;
    ancestors.add(v);
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(v))) {
      if (isArray && key === 'length') continue;
      const at = isArray ? `${path}[${key}]` : `${path}.${key}`;
      if (descriptor.get || descriptor.set) return `${at} is a getter or setter`;
      bytes += key.length;
      if (bytes > limits.maxBytes) return tooBig;
      const problem = visit(descriptor.value, at, depth + 1);
      if (problem) return problem;
    }
    ancestors.delete(v);
    return null;
  };
  return visit(value, 'topology', 0);
}
