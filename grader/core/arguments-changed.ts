/**
 * Whether a call changed its arguments (the contract: "inputs are never mutated"). `sent` is what
 * the grader passed; `after` is the same arguments as they were when the call returned. Numbers
 * compare with Object.is (NaN equals NaN; 0 and -0 differ); arrays, typed arrays (type included)
 * and plain objects compare entry by entry and key by key, so an added option counts too.
 */
export function argumentsChanged(sent: readonly unknown[], after: unknown): boolean {
  return !same(sent, after, 0);
}

const MAX_DEPTH = 200;

function same(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > MAX_DEPTH) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  for (const k of keys) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}
