/**
 * The values that may cross the process boundary: numbers (NaN, ±Infinity and -0 included),
 * strings, booleans, null, undefined, arrays, plain objects, Float32Array and Float64Array —
 * finite in size, without cycles, getters, proxies, functions or class instances.
 * The child checks before sending (to give a clear message); the parent checks again after
 * receiving (the child's check ran beside student code and proves nothing).
 */
export interface PlainDataLimits {
  maxNumbers: number;
  maxStringChars: number;
  maxDepth: number;
}

interface Node {
  value: object;
  depth: number;
  parent: Node | null;
  key: string | number;
}

/** `null` when `root` is plain data within `limits`; otherwise what is wrong, e.g. "value.x is a function". */
export function describeNonPlain(root: unknown, limits: PlainDataLimits, isProxy?: (v: object) => boolean): string | null {
  let elements = 0;
  let chars = 0;
  const done = new Set<object>();
  const onPath = new Set<object>();
  const stack: Array<Node | { exit: object }> = [];

  const where = (node: Node | null, key?: string | number): string => {
    const keys: Array<string | number> = key === undefined ? [] : [key];
    for (let n = node; n && n.parent; n = n.parent) keys.unshift(n.key);
    return 'value' + keys.map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('');
  };

  // Checks a primitive or schedules an object; returns a problem or null.
  const visit = (v: unknown, parent: Node | null, key: string | number | undefined, depth: number): string | null => {
    switch (typeof v) {
      case 'number': case 'boolean': case 'undefined': return null;
      case 'string':
        chars += v.length;
        return chars > limits.maxStringChars ? `its strings are longer than ${limits.maxStringChars} characters in total` : null;
      case 'function': return `${where(parent, key)} is a function`;
      case 'bigint': return `${where(parent, key)} is a bigint`;
      case 'symbol': return `${where(parent, key)} is a symbol`;
    }
    if (v === null) return null;
    const o = v as object;
    if (onPath.has(o)) return `${where(parent, key)} refers back to itself (a cycle)`;
    if (done.has(o)) return null;
    if (depth > limits.maxDepth) return `it nests deeper than ${limits.maxDepth} levels`;
    stack.push({ value: o, depth, parent, key: key ?? '' });
    return null;
  };

  const first = visit(root, null, undefined, 0);
  if (first) return first;
  while (stack.length > 0) {
    const top = stack.pop()!;
    if ('exit' in top) { onPath.delete(top.exit); done.add(top.exit); continue; }
    const o = top.value;
    if (isProxy?.(o)) return `${where(top)} is a Proxy`;
    const problem = kindProblem(o);
    if (problem) return `${where(top)} is ${problem}`;
    onPath.add(o);
    stack.push({ exit: o });
    if (ArrayBuffer.isView(o)) {
      elements += (o as Float64Array).length;
      if (elements > limits.maxNumbers) return `it holds more than ${limits.maxNumbers} numbers`;
      continue;
    }
    if (Array.isArray(o)) {
      const a = o as unknown[];
      elements += a.length;
      if (elements > limits.maxNumbers) return `it holds more than ${limits.maxNumbers} numbers`;
      for (let i = 0; i < a.length; i++) {
        const x = a[i];
        if (typeof x === 'number') continue;
        const p = visit(x, top, i, top.depth + 1);
        if (p) return p;
      }
      continue;
    }
    const keys = Object.keys(o);
    elements += keys.length;
    if (elements > limits.maxNumbers) return `it holds more than ${limits.maxNumbers} numbers`;
    for (const k of keys) {
      chars += k.length;
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (!d || !('value' in d)) return `${where(top, k)} is a getter or setter, not a value`;
      const p = visit(d.value, top, k, top.depth + 1);
      if (p) return p;
    }
    if (chars > limits.maxStringChars) return `its strings are longer than ${limits.maxStringChars} characters in total`;
  }
  return null;
}

/** Why an object is not an array, a plain object or a Float32Array/Float64Array; null when it is. */
function kindProblem(o: object): string | null {
  const proto = Object.getPrototypeOf(o);
  if (proto === Object.prototype || proto === null) return null;
  if (proto === Array.prototype && Array.isArray(o)) return null;
  if (proto === Float32Array.prototype || proto === Float64Array.prototype) return null;
  if (o instanceof Promise) return 'a Promise (a missing await?)';
  if (ArrayBuffer.isView(o)) return `a ${nameOf(proto)} (only Float32Array and Float64Array may be returned)`;
  if (Array.isArray(o)) return `an array with a changed prototype (${nameOf(proto)})`;
  return `an instance of ${nameOf(proto)}, not a plain object`;
}

function nameOf(proto: unknown): string {
  try {
    const c = (proto as { constructor?: { name?: unknown } } | null)?.constructor;
    const n = typeof c === 'function' ? c.name : undefined;
    return typeof n === 'string' && n !== '' ? n.slice(0, 80) : 'an unnamed class';
  } catch {
    return 'an unknown class';
  }
}
